{{%AUTOESCAPE context="HTML"}}
<h1>[[audit.title]]</h1>
<form method="get" action="/admin/audit" class="filters">
  <div class="field">
    <label for="entity">[[field.entity]]</label>
    <select id="entity" name="entity"><option value="">[[filter.all]]</option>{{#ENTITY_OPT}}<option value="{{CODE}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/ENTITY_OPT}}</select>
  </div>
  <div class="field{{#USER_INVALID}} invalid{{/USER_INVALID}}">
    <label for="user">[[field.username]]</label>
    <input id="user"{{#USER_INVALID}} aria-invalid="true" aria-describedby="user-err"{{/USER_INVALID}} name="user" value="{{USER}}" autocapitalize="none">
    {{#USER_ERR}}<p class="field-error" id="user-err">{{MSG}}</p>{{/USER_ERR}}
  </div>
  <div class="field{{#FROM_INVALID}} invalid{{/FROM_INVALID}}">
    <label for="from">[[field.from]]</label>
    <input id="from"{{#FROM_INVALID}} aria-invalid="true" aria-describedby="from-err"{{/FROM_INVALID}} name="from" value="{{FROM}}" placeholder="2026-11-23" inputmode="numeric">
    {{#FROM_ERR}}<p class="field-error" id="from-err">{{MSG}}</p>{{/FROM_ERR}}
  </div>
  <div class="field{{#TO_INVALID}} invalid{{/TO_INVALID}}">
    <label for="to">[[field.to]]</label>
    <input id="to"{{#TO_INVALID}} aria-invalid="true" aria-describedby="to-err"{{/TO_INVALID}} name="to" value="{{TO}}" placeholder="2026-11-23" inputmode="numeric">
    {{#TO_ERR}}<p class="field-error" id="to-err">{{MSG}}</p>{{/TO_ERR}}
  </div>
  <p class="actions"><button type="submit" class="btn secondary">[[action.filter]]</button></p>
</form>
{{#EMPTY}}<p class="empty">[[list.empty]]</p>{{/EMPTY}}
<table class="list">
  <thead><tr><th>[[field.time]]</th><th>[[audit.who]]</th><th>[[audit.action]]</th><th>[[field.entity]]</th><th>[[audit.summary]]</th><th>[[field.site]]</th></tr></thead>
  <tbody>
  {{#ENTRY}}<tr><td class="num"><a href="/admin/audit/{{ID}}">{{AT}}</a></td><td>{{WHO}}</td><td>{{ACTION}}</td><td>{{ENTITY}}</td><td>{{SUMMARY}}</td><td>{{SITE}}</td></tr>
  {{/ENTRY}}
  </tbody>
</table>
{{#PAGER}}<nav class="pager" aria-label="[[pager.label]]">{{#PREV}}<a href="{{HREF}}" rel="prev">[[pager.prev]]</a>{{/PREV}} <span>[[pager.page]] {{PAGE}}</span> {{#NEXT}}<a href="{{HREF}}" rel="next">[[pager.next]]</a>{{/NEXT}}</nav>{{/PAGER}}
