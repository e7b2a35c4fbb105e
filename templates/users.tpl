{{%AUTOESCAPE context="HTML"}}
<div class="page-head">
  <h1>[[users.title]]</h1>
  <a class="btn" href="/admin/users/new">[[user_new.title]]</a>
</div>
<form method="get" action="/admin/users" class="filters">
  <div class="field{{#Q_INVALID}} invalid{{/Q_INVALID}}">
    <label for="q">[[field.search]]</label>
    <input id="q"{{#Q_INVALID}} aria-invalid="true" aria-describedby="q-err"{{/Q_INVALID}} name="q" value="{{Q}}" placeholder="[[users.search_hint]]">
    {{#Q_ERR}}<p class="field-error" id="q-err">{{MSG}}</p>{{/Q_ERR}}
  </div>
  <div class="field">
    <label for="site">[[field.site]]</label>
    <select id="site" name="site"><option value="">[[filter.all]]</option>{{#SITE_OPT}}<option value="{{ID}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/SITE_OPT}}</select>
  </div>
  <div class="field">
    <label for="role">[[field.roles]]</label>
    <select id="role" name="role"><option value="">[[filter.all]]</option>{{#ROLE_FILTER}}<option value="{{CODE}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/ROLE_FILTER}}</select>
  </div>
  <div class="field">
    <label for="status">[[field.status]]</label>
    <select id="status" name="status">
      <option value="">[[filter.all]]</option>
      <option value="active"{{#STATUS_ACTIVE_ON}} selected{{/STATUS_ACTIVE_ON}}>[[status.active]]</option>
      <option value="disabled"{{#STATUS_DISABLED_ON}} selected{{/STATUS_DISABLED_ON}}>[[status.disabled]]</option>
    </select>
  </div>
  <p class="actions"><button type="submit" class="btn secondary">[[action.filter]]</button></p>
</form>
<p class="muted">[[list.total]] {{TOTAL}}</p>
{{#EMPTY}}<p class="empty">[[list.empty]]</p>{{/EMPTY}}
<table class="list">
  <thead><tr><th>[[field.username]]</th><th>[[field.display_name]]</th><th>[[field.site]]</th><th>[[field.roles]]</th><th>[[field.phone]]</th><th>[[field.status]]</th></tr></thead>
  <tbody>
  {{#USER}}<tr{{#DISABLED}} class="off"{{/DISABLED}}><td><a href="/admin/users/{{ID}}">{{USERNAME}}</a></td><td>{{DISPLAY_NAME}}</td><td>{{SITE_NAME}}</td><td>{{ROLES}}</td><td class="num">{{PHONE}}</td><td>{{#DISABLED}}[[status.disabled]]{{/DISABLED}}</td></tr>
  {{/USER}}
  </tbody>
</table>
{{#PAGER}}<nav class="pager" aria-label="[[pager.label]]">{{#PREV}}<a href="{{HREF}}" rel="prev">[[pager.prev]]</a>{{/PREV}} <span>[[pager.page]] {{PAGE}} / {{PAGES}}</span> {{#NEXT}}<a href="{{HREF}}" rel="next">[[pager.next]]</a>{{/NEXT}}</nav>{{/PAGER}}
