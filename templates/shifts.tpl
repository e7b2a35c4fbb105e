{{%AUTOESCAPE context="HTML"}}
<h1>[[shifts.title]]</h1>
<p class="hint">[[shifts.hint]]</p>
{{#SITE_FILTER}}
<form method="get" action="/admin/shifts" class="filters">
  <div class="field">
    <label for="site-filter">[[field.site]]</label>
    <select id="site-filter" name="site"><option value="">[[filter.all]]</option>{{#SITE_OPT}}<option value="{{ID}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/SITE_OPT}}</select>
  </div>
  <p class="actions"><button type="submit" class="btn secondary">[[action.filter]]</button></p>
</form>
{{/SITE_FILTER}}
<table class="list">
  <thead><tr><th>[[shift.name]]</th><th>[[shift.time]]</th><th class="count">[[shift.headcount]]</th><th class="count">[[shift.holiday]]</th><th>[[shift.days]]</th><th>[[field.site]]</th><th>[[field.status]]</th></tr></thead>
  <tbody>
  {{#SHIFT}}<tr{{#INACTIVE}} class="off"{{/INACTIVE}}><td><a href="/admin/shifts/{{ID}}">{{NAME}}</a></td><td class="num">{{START}}–{{END}}{{#OVERNIGHT}} <span class="tag">[[shift.overnight]]</span>{{/OVERNIGHT}}</td><td class="count">{{HEAD}}</td><td class="count">{{HOLIDAY}}</td><td>{{DAYS}}</td><td>{{SITE_NAME}}</td><td>{{#INACTIVE}}[[status.inactive]]{{/INACTIVE}}</td></tr>
  {{/SHIFT}}
  </tbody>
</table>
<form method="post" action="/admin/shifts/new" class="form box" novalidate>
  <h2>[[shifts.new]]</h2>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  {{#ADMIN}}
  <div class="field{{#SITE_ID_INVALID}} invalid{{/SITE_ID_INVALID}}">
    <label for="site_id">[[field.site]]</label>
    <select id="site_id" name="site_id">{{#SITE_OPT}}<option value="{{ID}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/SITE_OPT}}</select>
  </div>
  {{/ADMIN}}
  {{>FIELDS}}
  <p class="actions"><button type="submit" class="btn">[[action.create]]</button></p>
</form>
