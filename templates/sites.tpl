{{%AUTOESCAPE context="HTML"}}
<div class="page-head">
  <h1>[[sites.title]]</h1>
  <a class="btn" href="/admin/sites/new">[[site_new.title]]</a>
</div>
<table class="list">
  <thead><tr><th>[[field.site_code]]</th><th>[[field.site_name]]</th><th>[[field.address]]</th><th>[[field.phone]]</th><th class="num">[[sites.users]]</th><th class="num">[[sites.depts]]</th></tr></thead>
  <tbody>
  {{#SITE}}<tr><td><a href="/admin/sites/{{ID}}">{{CODE}}</a></td><td>{{NAME}}</td><td>{{ADDRESS}}</td><td class="num">{{PHONE}}</td><td class="num"><a href="/admin/users?site={{ID}}">{{N_USERS}}</a></td><td class="num"><a href="/admin/departments?site={{ID}}">{{N_DEPTS}}</a></td></tr>
  {{/SITE}}
  </tbody>
</table>
