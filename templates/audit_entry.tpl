{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/admin/audit">[[audit.title]]</a></p>
<h1>[[audit_entry.title]] #{{ID}}</h1>
<dl class="facts">
  <div><dt>[[field.time]]</dt><dd>{{AT}}</dd></div>
  <div><dt>[[audit.who]]</dt><dd>{{WHO}} <span class="muted">{{WHO_USERNAME}}</span></dd></div>
  <div><dt>[[audit.action]]</dt><dd>{{ACTION}}</dd></div>
  <div><dt>[[field.entity]]</dt><dd>{{ENTITY}} #{{ENTITY_ID}}</dd></div>
  <div><dt>[[field.site]]</dt><dd>{{SITE}}</dd></div>
  <div><dt>[[audit.summary]]</dt><dd>{{SUMMARY}}</dd></div>
  <div><dt>[[field.ip]]</dt><dd>{{IP}}</dd></div>
</dl>
{{#NO_VALUES}}<p class="muted">[[audit.no_values]]</p>{{/NO_VALUES}}
<table class="list diff">
  <thead><tr><th>[[audit.field]]</th><th>[[audit.old]]</th><th>[[audit.new]]</th></tr></thead>
  <tbody>{{#FIELD}}<tr{{#CHANGED}} class="changed"{{/CHANGED}}><td>{{KEY}}</td><td class="old">{{OLD}}</td><td class="new">{{NEW}}</td></tr>{{/FIELD}}</tbody>
</table>
