{{%AUTOESCAPE context="HTML"}}
<h1>[[home.hello]]{{USER_NAME}}</h1>
<p class="muted">{{SITE_NAME}}</p>
<div class="panels">
{{#PANEL_LOG}}
<section id="panel-log" class="panel">
  <h2>[[home.log.title]]</h2>
  <p><strong>[[home.log.on_duty]]</strong> {{#ON_DUTY}}{{NAME}}<span class="muted">（{{SHIFT}}）</span>{{#ON_DUTY_separator}}、{{/ON_DUTY_separator}}{{/ON_DUTY}}{{#NOBODY_ON_DUTY}}<span class="muted">[[home.log.nobody]]</span>{{/NOBODY_ON_DUTY}} · <a href="/roster">[[nav.roster]]</a></p>
  {{#REPORTS_OVERDUE}}<p class="notice" role="alert"><a href="/log/emergencies">[[home.log.overdue]] {{N_OVERDUE}}</a></p>{{/REPORTS_OVERDUE}}
  {{#HANDOVER_REFUSED}}<p class="notice" role="alert"><a href="/handover/alerts">[[home.handover.refused]] {{N}}</a></p>{{/HANDOVER_REFUSED}}
  {{#CALLBACK_REPORTS_OVERDUE}}<p class="notice" role="alert"><a href="/callbacks/reports">[[home.callback.reports_overdue]] {{N}}</a></p>{{/CALLBACK_REPORTS_OVERDUE}}
  {{#CALLBACK_REPORTS_PENDING}}<p class="notice"><a href="/callbacks/reports?status=pending">[[home.callback.reports_pending]] {{N}}</a></p>{{/CALLBACK_REPORTS_PENDING}}
  {{#CALLBACKS_OVERDUE}}<p class="notice"><a href="/callbacks">[[home.callback.overdue]] {{N}}</a></p>{{/CALLBACKS_OVERDUE}}
  {{#NOT_RELIEVED}}<p class="notice" role="alert"><a href="/handover/alerts">[[home.handover.not_relieved]] {{N}}</a></p>{{/NOT_RELIEVED}}
  {{#SIGN_WAITING}}<p class="notice"><a href="/log/days">[[home.log.unsigned]] {{N_UNSIGNED}}</a></p>{{/SIGN_WAITING}}
  <dl class="figures">
    <div><dt>[[home.log.open]]</dt><dd><a href="/log/entries?status=open">{{N_OPEN}}</a></dd></div>
    <div><dt>[[home.log.days]]</dt><dd><a href="/log/days">{{N_UNSIGNED}}</a></dd></div>
    <div><dt>[[home.log.reports]]</dt><dd><a href="/log/emergencies">{{N_OVERDUE}}</a></dd></div>
  </dl>
  <p>{{#CAN_WRITE}}<a class="btn" href="/log">[[home.log.write]]</a>{{/CAN_WRITE}} <a href="/log/entries">[[log.entries.title]]</a></p>
</section>
{{/PANEL_LOG}}
{{#PANEL_STAFF}}
<section id="panel-staff" class="panel">
  <h2>[[home.staff.title]]</h2>
  <p class="muted">[[home.staff.intro]]</p>
  <table class="list">
    <thead><tr><th>[[field.dept_name]]</th><th>[[field.phone]]</th></tr></thead>
    <tbody>{{#DEPT}}<tr><td>{{NAME}}</td><td class="num">{{PHONE}}</td></tr>{{/DEPT}}</tbody>
  </table>
</section>
{{/PANEL_STAFF}}
{{#PANEL_SUPERVISOR}}
<section id="panel-supervisor" class="panel">
  <h2>[[home.supervisor.title]]</h2>
  <p class="muted">[[home.supervisor.intro]] {{COUNT}}</p>
  <table class="list">
    <thead><tr><th>[[field.display_name]]</th><th>[[field.roles]]</th><th>[[field.phone]]</th></tr></thead>
    <tbody>{{#PERSON}}<tr><td>{{NAME}}</td><td>{{ROLES}}</td><td class="num">{{PHONE}}</td></tr>{{/PERSON}}</tbody>
  </table>
</section>
{{/PANEL_SUPERVISOR}}
{{#PANEL_MANAGER}}
<section id="panel-manager" class="panel">
  <h2>[[home.manager.title]]</h2>
  <p class="muted">[[home.manager.intro]]</p>
  {{#NO_CHANGES}}<p>[[home.manager.none]]</p>{{/NO_CHANGES}}
  <ul class="changes">{{#CHANGE}}<li><time>{{AT}}</time> <a href="/admin/audit/{{ID}}">{{SUMMARY}}</a> <span class="muted">{{WHO}}</span></li>{{/CHANGE}}</ul>
  <p><a href="/admin/audit">[[home.manager.all]]</a></p>
  <p><a href="/reports/digest">[[home.reports.digest]]</a> · <a href="/reports/kpi">[[home.reports.kpi]]</a></p>
</section>
{{/PANEL_MANAGER}}
{{#PANEL_DIRECTOR}}
<section id="panel-director" class="panel">
  <h2>[[home.director.title]]</h2>
  <dl class="figures">
    <div><dt>[[home.director.users]]</dt><dd>{{N_USERS}}</dd></div>
    <div><dt>[[home.director.depts]]</dt><dd>{{N_DEPTS}}</dd></div>
    <div><dt>[[home.director.buildings]]</dt><dd>{{N_BUILDINGS}}</dd></div>
    <div><dt>[[home.director.units]]</dt><dd>{{N_UNITS}}</dd></div>
  </dl>
  <p><a href="/reports/kpi">[[home.reports.kpi]]</a> · <a href="/reports/sites">[[home.reports.sites]]</a></p>
</section>
{{/PANEL_DIRECTOR}}
{{#PANEL_ADMIN}}
<section id="panel-admin" class="panel">
  <h2>[[home.admin.title]]</h2>
  <dl class="figures">
    <div><dt>[[home.admin.sites]]</dt><dd><a href="/admin/sites">{{N_SITES}}</a></dd></div>
    <div><dt>[[home.admin.active]]</dt><dd><a href="/admin/users?status=active">{{N_ACTIVE}}</a></dd></div>
    <div><dt>[[home.admin.disabled]]</dt><dd><a href="/admin/users?status=disabled">{{N_DISABLED}}</a></dd></div>
    <div><dt>[[home.admin.failed]]</dt><dd>{{N_FAILED}}</dd></div>
  </dl>
  <h3>[[home.admin.failures]]</h3>
  {{#NO_FAILURES}}<p class="muted">[[home.admin.no_failures]]</p>{{/NO_FAILURES}}
  {{#FAILURES}}<table class="list">
    <thead><tr><th>[[field.username]]</th><th>[[field.ip]]</th><th>[[field.time]]</th></tr></thead>
    <tbody>{{#FAILURE}}<tr><td>{{USERNAME}}</td><td class="num">{{IP}}</td><td class="num">{{AT}}</td></tr>{{/FAILURE}}</tbody>
  </table>{{/FAILURES}}
  <p><a class="btn" href="/admin/users/new">[[user_new.title]]</a></p>
</section>
{{/PANEL_ADMIN}}
{{#PANEL_REQ}}
<section id="panel-requests" class="panel">
  <h2>[[req.home.title]]</h2>
  {{#HAS_ESC}}<h3>[[req.home.escalations]]</h3>
  <ul class="changes">{{#ESC}}<li><a href="/requests/{{REQ_ID}}">{{NUMBER}}</a> <span class="muted">[[req.f.level]] {{LEVEL}} · [[req.show.esc_due]] {{DUE}}</span> {{SUMMARY}}</li>{{/ESC}}</ul>{{/HAS_ESC}}
  <h3>[[req.home.overdue]]</h3>
  {{#NO_OVERDUE}}<p class="muted">[[req.home.no_overdue]]</p>{{/NO_OVERDUE}}
  <ul class="changes">{{#OVERDUE}}<li><a href="/requests/{{REQ_ID}}">{{NUMBER}}</a> <span class="muted">{{DEPT}} · [[req.f.due]] {{DUE}}</span> {{SUMMARY}}</li>{{/OVERDUE}}</ul>
  <p><a href="/requests">[[req.home.all]]</a> · <a href="/requests/orders">[[req.home.all_orders]]</a></p>
</section>
{{/PANEL_REQ}}
{{#PANEL_REQ_DEPT}}
<section id="panel-req-dept" class="panel">
  <h2>[[req.home.dept]]</h2>
  {{#NONE}}<p class="muted">[[req.home.dept_none]]</p>{{/NONE}}
  <ul class="changes">{{#ORDER}}<li><a href="/requests/orders/{{ID}}">{{NUMBER}}</a> <span class="muted">[[req.f.due]] {{DUE}}</span>{{#OVERDUE}} <span class="tag major">[[req.overdue]]</span>{{/OVERDUE}} {{SUMMARY}}</li>{{/ORDER}}</ul>
  <p><a href="/requests/orders">[[req.home.all_orders]]</a></p>
</section>
{{/PANEL_REQ_DEPT}}
</div>
