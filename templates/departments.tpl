{{%AUTOESCAPE context="HTML"}}
<h1>[[departments.title]]</h1>
{{#SITE_FILTER}}
<form method="get" action="/admin/departments" class="filters">
  <div class="field">
    <label for="site-filter">[[field.site]]</label>
    <select id="site-filter" name="site"><option value="">[[filter.all]]</option>{{#SITE_OPT}}<option value="{{ID}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/SITE_OPT}}</select>
  </div>
  <p class="actions"><button type="submit" class="btn secondary">[[action.filter]]</button></p>
</form>
{{/SITE_FILTER}}
<table class="list">
  <thead><tr><th>[[field.dept_name]]</th><th>[[field.phone]]</th><th>[[field.site]]</th><th>[[field.status]]</th></tr></thead>
  <tbody>
  {{#DEPT}}<tr{{#INACTIVE}} class="off"{{/INACTIVE}}><td><a href="/admin/departments/{{ID}}">{{NAME}}</a></td><td class="num">{{PHONE}}</td><td>{{SITE_NAME}}</td><td>{{#INACTIVE}}[[status.inactive]]{{/INACTIVE}}</td></tr>
  {{/DEPT}}
  </tbody>
</table>
<form method="post" action="/admin/departments/new" class="form box" novalidate>
  <h2>[[departments.new]]</h2>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  {{#ADMIN}}
  <div class="field{{#SITE_ID_INVALID}} invalid{{/SITE_ID_INVALID}}">
    <label for="site_id">[[field.site]]</label>
    <select id="site_id"{{#SITE_ID_INVALID}} aria-invalid="true" aria-describedby="site_id-err"{{/SITE_ID_INVALID}} name="site_id">{{#SITE_OPT}}<option value="{{ID}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/SITE_OPT}}</select>
    {{#SITE_ID_ERR}}<p class="field-error" id="site_id-err">{{MSG}}</p>{{/SITE_ID_ERR}}
  </div>
  {{/ADMIN}}
  <div class="field{{#NAME_INVALID}} invalid{{/NAME_INVALID}}">
    <label for="name">[[field.dept_name]]</label>
    <input id="name"{{#NAME_INVALID}} aria-invalid="true" aria-describedby="name-err"{{/NAME_INVALID}} name="name" value="{{NAME}}" required>
    {{#NAME_ERR}}<p class="field-error" id="name-err">{{MSG}}</p>{{/NAME_ERR}}
  </div>
  <div class="field{{#PHONE_INVALID}} invalid{{/PHONE_INVALID}}">
    <label for="phone">[[field.phone]]</label>
    <input id="phone"{{#PHONE_INVALID}} aria-invalid="true" aria-describedby="phone-err"{{/PHONE_INVALID}} name="phone" value="{{PHONE}}" inputmode="tel">
    {{#PHONE_ERR}}<p class="field-error" id="phone-err">{{MSG}}</p>{{/PHONE_ERR}}
  </div>
  <p class="actions"><button type="submit" class="btn">[[action.create]]</button></p>
</form>
