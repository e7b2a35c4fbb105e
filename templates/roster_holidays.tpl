{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/roster">[[roster.title]]</a></p>
<div class="page-head">
  <h1>[[roster.holidays.title]] {{YEAR}}</h1>
  <p><a href="/roster/holidays?year={{PREV}}">{{PREV}}</a> · <a href="/roster/holidays?year={{NEXT}}">{{NEXT}}</a></p>
</div>
{{#ADMIN}}
<form method="post" action="/roster/holidays/new" class="form" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <h2>[[roster.holidays.add]]</h2>
  <div class="field{{#DAY_INVALID}} invalid{{/DAY_INVALID}}">
    <label for="day">[[roster.field.day]]</label>
    <input id="day" name="day" value="{{DAY}}" placeholder="2027-01-01"{{#DAY_INVALID}} aria-invalid="true" aria-describedby="day-err"{{/DAY_INVALID}}>
    {{#DAY_ERR}}<p class="field-error" id="day-err">{{MSG}}</p>{{/DAY_ERR}}
  </div>
  <div class="field{{#KIND_INVALID}} invalid{{/KIND_INVALID}}">
    <label for="kind">[[roster.field.holiday_kind]]</label>
    <select id="kind" name="kind"><option value="holiday"{{#KIND_HOLIDAY_ON}} selected{{/KIND_HOLIDAY_ON}}>[[roster.hkind.holiday]]</option><option value="workday"{{#KIND_WORKDAY_ON}} selected{{/KIND_WORKDAY_ON}}>[[roster.hkind.workday]]</option></select>
    {{#KIND_ERR}}<p class="field-error" id="kind-err">{{MSG}}</p>{{/KIND_ERR}}
  </div>
  <div class="field{{#NAME_INVALID}} invalid{{/NAME_INVALID}}">
    <label for="name">[[roster.field.holiday_name]]</label>
    <input id="name" name="name" value="{{NAME}}" placeholder="元旦"{{#NAME_INVALID}} aria-invalid="true" aria-describedby="name-err"{{/NAME_INVALID}}>
    {{#NAME_ERR}}<p class="field-error" id="name-err">{{MSG}}</p>{{/NAME_ERR}}
  </div>
  <div class="field">
    <label class="check"><input type="checkbox" name="statutory" value="1"{{#STATUTORY_1_ON}} checked{{/STATUTORY_1_ON}}> [[roster.field.statutory]]</label>
  </div>
  <p class="actions"><button type="submit" class="btn">[[action.create]]</button></p>
</form>
{{/ADMIN}}
{{#EMPTY}}<p class="empty">[[roster.holidays.empty]]</p>{{/EMPTY}}
<table class="list">
  <thead><tr><th>[[roster.field.day]]</th><th>[[roster.field.holiday_kind]]</th><th>[[roster.field.holiday_name]]</th><th>[[roster.field.statutory]]</th><th></th></tr></thead>
  <tbody>{{#HOLIDAY}}<tr><td class="num">{{DAY}}</td><td>{{KIND}}</td><td>{{NAME}}</td><td>{{#STATUTORY}}[[roster.yes]]{{/STATUTORY}}</td><td>{{#ADMIN}}<form method="post" action="/roster/holidays/delete" class="inline"><input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="day" value="{{DAY}}"><button type="submit" class="btn-link">[[roster.delete]]</button></form>{{/ADMIN}}</td></tr>{{/HOLIDAY}}</tbody>
</table>
