{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/roster/month/{{ID}}">[[roster.month.title]] {{MONTH}}</a></p>
<h1>[[roster.cell.title]]</h1>
<p>{{PERSON}} · {{DAY}} [[roster.weekday_prefix]]{{WD}}</p>
<form method="post" action="/roster/month/{{ID}}/cell" class="form" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <input type="hidden" name="user_id" value="{{USER_ID}}">
  <input type="hidden" name="day" value="{{DAY}}">
  <fieldset class="field{{#SHIFT_ID_INVALID}} invalid{{/SHIFT_ID_INVALID}}">
    <legend>[[roster.field.shift]]</legend>
    <label class="check"><input type="radio" name="shift_id" value="0"{{#NONE_SEL}} checked{{/NONE_SEL}}> [[roster.no_shift]]</label>
    {{#SHIFT_OPT}}<label class="check"><input type="radio" name="shift_id" value="{{ID}}"{{#SEL}} checked{{/SEL}}> {{NAME}} {{TIMES}}{{#BREAKS}} <span class="roster-warn">[[roster.breaks_rule]]</span>{{/BREAKS}}</label>{{/SHIFT_OPT}}
    {{#SHIFT_ID_ERR}}<p class="field-error" id="shift_id-err">{{MSG}}</p>{{/SHIFT_ID_ERR}}
  </fieldset>
  {{#NEEDS_REASON}}
  <div class="field{{#REASON_INVALID}} invalid{{/REASON_INVALID}}">
    <label for="reason">[[roster.field.reason]]</label>
    <input id="reason" name="reason" value="{{REASON}}"{{#REASON_INVALID}} aria-invalid="true" aria-describedby="reason-err"{{/REASON_INVALID}}>
    {{#REASON_ERR}}<p class="field-error" id="reason-err">{{MSG}}</p>{{/REASON_ERR}}
    <p class="hint">[[roster.reason_hint]]</p>
  </div>
  {{/NEEDS_REASON}}
  <p class="actions"><button type="submit" class="btn">[[action.save]]</button> <a href="/roster/month/{{ID}}">[[action.cancel]]</a></p>
</form>
