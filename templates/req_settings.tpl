{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/requests">[[req.list.title]]</a></p>
<h1>[[req.settings.title]]</h1>
{{#SETTINGS_FORM}}<h2>[[req.set.general]]</h2>
<form method="post" action="/requests/settings" class="form box" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
<div class="field-row"><div class="field{{#WORK_START_INVALID}} invalid{{/WORK_START_INVALID}}">
  <label for="work_start">[[req.f.work_start]]</label>
  <input id="work_start"{{#WORK_START_INVALID}} aria-invalid="true" aria-describedby="work_start-err"{{/WORK_START_INVALID}} name="work_start" value="{{WORK_START}}" inputmode="numeric" placeholder="08:30">
  {{#WORK_START_ERR}}<p class="field-error" id="work_start-err">{{MSG}}</p>{{/WORK_START_ERR}}
</div>
<div class="field{{#WORK_END_INVALID}} invalid{{/WORK_END_INVALID}}">
  <label for="work_end">[[req.f.work_end]]</label>
  <input id="work_end"{{#WORK_END_INVALID}} aria-invalid="true" aria-describedby="work_end-err"{{/WORK_END_INVALID}} name="work_end" value="{{WORK_END}}" inputmode="numeric" placeholder="17:30">
  {{#WORK_END_ERR}}<p class="field-error" id="work_end-err">{{MSG}}</p>{{/WORK_END_ERR}}
</div>
</div><div class="field-row"><div class="field{{#CALLBACK_HOURS_INVALID}} invalid{{/CALLBACK_HOURS_INVALID}}">
  <label for="callback_hours">[[req.f.callback_hours]]</label>
  <input id="callback_hours"{{#CALLBACK_HOURS_INVALID}} aria-invalid="true" aria-describedby="callback_hours-err"{{/CALLBACK_HOURS_INVALID}} name="callback_hours" value="{{CALLBACK_HOURS}}" inputmode="numeric">
  {{#CALLBACK_HOURS_ERR}}<p class="field-error" id="callback_hours-err">{{MSG}}</p>{{/CALLBACK_HOURS_ERR}}
</div>
<div class="field{{#UNSATISFIED_MAX_INVALID}} invalid{{/UNSATISFIED_MAX_INVALID}}">
  <label for="unsatisfied_max">[[req.f.unsatisfied_max]]</label>
  <input id="unsatisfied_max"{{#UNSATISFIED_MAX_INVALID}} aria-invalid="true" aria-describedby="unsatisfied_max-err"{{/UNSATISFIED_MAX_INVALID}} name="unsatisfied_max" value="{{UNSATISFIED_MAX}}" inputmode="numeric">
  {{#UNSATISFIED_MAX_ERR}}<p class="field-error" id="unsatisfied_max-err">{{MSG}}</p>{{/UNSATISFIED_MAX_ERR}}
  <p class="hint">[[req.set.unsat_hint]]</p>
</div>
</div>
<p class="hint">[[req.set.cal_hint]]</p>
  <p class="actions"><button type="submit" class="btn">[[action.save]]</button></p>
</form>
{{/SETTINGS_FORM}}
<h2>[[req.set.sla]]</h2>
<table class="list"><thead><tr><th>[[req.f.type]]</th><th>[[req.f.urgency]]</th><th>[[req.f.respond_minutes]]</th><th>[[req.f.resolve_minutes]]</th><th>[[req.f.calendar]]</th></tr></thead>
<tbody>{{#SLA}}<tr><td>{{TYPE}}</td><td>{{URGENCY}}</td><td class="num">{{RESPOND}}</td><td class="num">{{RESOLVE}}</td><td>{{CALENDAR}}</td></tr>{{/SLA}}</tbody></table>
{{#SLA_FORM}}<form method="post" action="/requests/settings/sla" class="form box" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
<div class="field-row"><div class="field{{#SLA_TYPE_INVALID}} invalid{{/SLA_TYPE_INVALID}}">
  <label for="sla_type">[[req.f.type]]</label>
  <select id="sla_type"{{#SLA_TYPE_INVALID}} aria-invalid="true" aria-describedby="sla_type-err"{{/SLA_TYPE_INVALID}} name="sla_type"><option value="complaint"{{#SLA_TYPE_COMPLAINT_ON}} selected{{/SLA_TYPE_COMPLAINT_ON}}>[[req.type.complaint]]</option><option value="repair"{{#SLA_TYPE_REPAIR_ON}} selected{{/SLA_TYPE_REPAIR_ON}}>[[req.type.repair]]</option><option value="inquiry"{{#SLA_TYPE_INQUIRY_ON}} selected{{/SLA_TYPE_INQUIRY_ON}}>[[req.type.inquiry]]</option><option value="suggestion"{{#SLA_TYPE_SUGGESTION_ON}} selected{{/SLA_TYPE_SUGGESTION_ON}}>[[req.type.suggestion]]</option><option value="help"{{#SLA_TYPE_HELP_ON}} selected{{/SLA_TYPE_HELP_ON}}>[[req.type.help]]</option></select>
  {{#SLA_TYPE_ERR}}<p class="field-error" id="sla_type-err">{{MSG}}</p>{{/SLA_TYPE_ERR}}
</div>
<div class="field{{#SLA_URGENCY_INVALID}} invalid{{/SLA_URGENCY_INVALID}}">
  <label for="sla_urgency">[[req.f.urgency]]</label>
  <select id="sla_urgency"{{#SLA_URGENCY_INVALID}} aria-invalid="true" aria-describedby="sla_urgency-err"{{/SLA_URGENCY_INVALID}} name="sla_urgency"><option value="normal"{{#SLA_URGENCY_NORMAL_ON}} selected{{/SLA_URGENCY_NORMAL_ON}}>[[req.urgency.normal]]</option><option value="urgent"{{#SLA_URGENCY_URGENT_ON}} selected{{/SLA_URGENCY_URGENT_ON}}>[[req.urgency.urgent]]</option><option value="critical"{{#SLA_URGENCY_CRITICAL_ON}} selected{{/SLA_URGENCY_CRITICAL_ON}}>[[req.urgency.critical]]</option></select>
  {{#SLA_URGENCY_ERR}}<p class="field-error" id="sla_urgency-err">{{MSG}}</p>{{/SLA_URGENCY_ERR}}
</div>
<div class="field{{#SLA_CALENDAR_INVALID}} invalid{{/SLA_CALENDAR_INVALID}}">
  <label for="sla_calendar">[[req.f.calendar]]</label>
  <select id="sla_calendar"{{#SLA_CALENDAR_INVALID}} aria-invalid="true" aria-describedby="sla_calendar-err"{{/SLA_CALENDAR_INVALID}} name="sla_calendar"><option value="working"{{#SLA_CALENDAR_WORKING_ON}} selected{{/SLA_CALENDAR_WORKING_ON}}>[[req.calendar.working]]</option><option value="natural"{{#SLA_CALENDAR_NATURAL_ON}} selected{{/SLA_CALENDAR_NATURAL_ON}}>[[req.calendar.natural]]</option></select>
  {{#SLA_CALENDAR_ERR}}<p class="field-error" id="sla_calendar-err">{{MSG}}</p>{{/SLA_CALENDAR_ERR}}
</div>
</div><div class="field-row"><div class="field{{#SLA_RESPOND_INVALID}} invalid{{/SLA_RESPOND_INVALID}}">
  <label for="sla_respond">[[req.f.respond_minutes]]</label>
  <input id="sla_respond"{{#SLA_RESPOND_INVALID}} aria-invalid="true" aria-describedby="sla_respond-err"{{/SLA_RESPOND_INVALID}} name="sla_respond" value="{{SLA_RESPOND}}" inputmode="numeric">
  {{#SLA_RESPOND_ERR}}<p class="field-error" id="sla_respond-err">{{MSG}}</p>{{/SLA_RESPOND_ERR}}
</div>
<div class="field{{#SLA_RESOLVE_INVALID}} invalid{{/SLA_RESOLVE_INVALID}}">
  <label for="sla_resolve">[[req.f.resolve_minutes]]</label>
  <input id="sla_resolve"{{#SLA_RESOLVE_INVALID}} aria-invalid="true" aria-describedby="sla_resolve-err"{{/SLA_RESOLVE_INVALID}} name="sla_resolve" value="{{SLA_RESOLVE}}" inputmode="numeric">
  {{#SLA_RESOLVE_ERR}}<p class="field-error" id="sla_resolve-err">{{MSG}}</p>{{/SLA_RESOLVE_ERR}}
</div>
</div>
  <p class="actions"><button type="submit" class="btn">[[req.set.sla_btn]]</button></p>
</form>
{{/SLA_FORM}}
<h2>[[req.set.esc]]</h2>
<table class="list"><thead><tr><th>[[req.f.level]]</th><th>[[req.f.role]]</th><th>[[req.f.decide_minutes]]</th></tr></thead>
<tbody>{{#RULE}}<tr><td>{{LEVEL}}</td><td>{{ROLE}}</td><td class="num">{{MINUTES}}</td></tr>{{/RULE}}</tbody></table>
{{#ESC_FORM}}<form method="post" action="/requests/settings/escalation" class="form box" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
<div class="field-row"><div class="field{{#ESC_LEVEL_INVALID}} invalid{{/ESC_LEVEL_INVALID}}">
  <label for="esc_level">[[req.f.level]]</label>
  <input id="esc_level"{{#ESC_LEVEL_INVALID}} aria-invalid="true" aria-describedby="esc_level-err"{{/ESC_LEVEL_INVALID}} name="esc_level" value="{{ESC_LEVEL}}" inputmode="numeric">
  {{#ESC_LEVEL_ERR}}<p class="field-error" id="esc_level-err">{{MSG}}</p>{{/ESC_LEVEL_ERR}}
</div>
<div class="field{{#ESC_ROLE_INVALID}} invalid{{/ESC_ROLE_INVALID}}">
  <label for="esc_role">[[req.f.role]]</label>
  <select id="esc_role"{{#ESC_ROLE_INVALID}} aria-invalid="true" aria-describedby="esc_role-err"{{/ESC_ROLE_INVALID}} name="esc_role"><option value="supervisor"{{#ESC_ROLE_SUPERVISOR_ON}} selected{{/ESC_ROLE_SUPERVISOR_ON}}>[[role.supervisor]]</option><option value="manager"{{#ESC_ROLE_MANAGER_ON}} selected{{/ESC_ROLE_MANAGER_ON}}>[[role.manager]]</option><option value="director"{{#ESC_ROLE_DIRECTOR_ON}} selected{{/ESC_ROLE_DIRECTOR_ON}}>[[role.director]]</option></select>
  {{#ESC_ROLE_ERR}}<p class="field-error" id="esc_role-err">{{MSG}}</p>{{/ESC_ROLE_ERR}}
</div>
<div class="field{{#ESC_MINUTES_INVALID}} invalid{{/ESC_MINUTES_INVALID}}">
  <label for="esc_minutes">[[req.f.decide_minutes]]</label>
  <input id="esc_minutes"{{#ESC_MINUTES_INVALID}} aria-invalid="true" aria-describedby="esc_minutes-err"{{/ESC_MINUTES_INVALID}} name="esc_minutes" value="{{ESC_MINUTES}}" inputmode="numeric">
  {{#ESC_MINUTES_ERR}}<p class="field-error" id="esc_minutes-err">{{MSG}}</p>{{/ESC_MINUTES_ERR}}
</div>
</div>
  <p class="actions"><button type="submit" class="btn">[[req.set.esc_btn]]</button></p>
</form>
{{/ESC_FORM}}
<h2>[[req.set.cats]]</h2>
<ul>{{#CAT}}<li>{{NAME}} <span class="muted">{{DEPT}}</span></li>{{/CAT}}</ul>
{{#CAT_FORM}}<form method="post" action="/requests/settings/categories" class="form box" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
<div class="field-row"><div class="field{{#CAT_NAME_INVALID}} invalid{{/CAT_NAME_INVALID}}">
  <label for="cat_name">[[req.f.category]]</label>
  <input id="cat_name"{{#CAT_NAME_INVALID}} aria-invalid="true" aria-describedby="cat_name-err"{{/CAT_NAME_INVALID}} name="cat_name" value="{{CAT_NAME}}">
  {{#CAT_NAME_ERR}}<p class="field-error" id="cat_name-err">{{MSG}}</p>{{/CAT_NAME_ERR}}
</div>
<div class="field{{#CAT_DEPT_INVALID}} invalid{{/CAT_DEPT_INVALID}}">
  <label for="cat_dept">[[req.f.dept]]</label>
  <select id="cat_dept"{{#CAT_DEPT_INVALID}} aria-invalid="true" aria-describedby="cat_dept-err"{{/CAT_DEPT_INVALID}} name="cat_dept"><option value="">[[req.choose]]</option>{{#DEPT_OPT}}<option value="{{ID}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/DEPT_OPT}}</select>
  {{#CAT_DEPT_ERR}}<p class="field-error" id="cat_dept-err">{{MSG}}</p>{{/CAT_DEPT_ERR}}
</div>
</div>
  <p class="actions"><button type="submit" class="btn">[[action.create]]</button></p>
</form>
{{/CAT_FORM}}
