{{%AUTOESCAPE context="HTML"}}
<div class="roster">
<p class="crumbs"><a href="/roster">[[roster.title]]</a></p>
<div class="page-head">
  <h1>[[roster.month.title]] {{MONTH}}</h1>
  <p class="roster-state">{{#DRAFT}}<span class="tag off">[[roster.draft]]</span>{{/DRAFT}}{{#PUBLISHED}}<span class="tag">[[roster.published]]</span> <span class="muted">[[roster.version]] {{VERSION}} · {{AT}} · {{BY}}</span>{{/PUBLISHED}}</p>
</div>
<p class="muted">{{SITE}} · [[roster.rules_line]] {{MIN_REST}} [[roster.hours]] · [[roster.max_consec_line]] {{MAX_CONSEC}} [[roster.days]]</p>
{{#NO_STAFF}}<p class="notice">[[roster.no_staff]]</p>{{/NO_STAFF}}
<p class="roster-links">{{#PUBLISHED}}<a class="btn secondary" href="/roster/month/{{ID}}/print">[[roster.print]]</a> {{/PUBLISHED}}<a class="btn secondary" href="/roster/month/{{ID}}/csv">[[roster.csv]]</a></p>
{{#CAN_DRAFT}}
<div class="roster-actions">
  <form method="post" action="/roster/month/{{ID}}/generate" class="inline">
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    <button type="submit" class="btn secondary">[[roster.generate]]</button>
  </form>
  <form method="post" action="/roster/month/{{ID}}/publish" class="inline">
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    <button type="submit" class="btn">[[roster.publish]]</button>
  </form>
  <p class="hint">[[roster.generate_hint]]</p>
</div>
{{/CAN_DRAFT}}
<h2 id="rules">[[roster.rules]]</h2>
{{#ALL_OK}}<p class="flash roster-ok">[[roster.all_ok]]</p>{{/ALL_OK}}
<ul class="roster-violations">{{#VIOLATION}}<li>{{MSG}}</li>{{/VIOLATION}}</ul>
<p class="roster-key">{{#SHIFT_KEY}}<span><b>{{SHORT}}</b> {{NAME}} {{TIMES}}</span> {{/SHIFT_KEY}}<span class="roster-k-hol">[[roster.key_holiday]]</span> <span class="roster-k-we">[[roster.key_weekend]]</span> <span class="roster-k-off">[[roster.key_off]]</span> <span class="roster-k-bad">[[roster.key_bad]]</span></p>
<div class="roster-scroll">
<table class="roster-grid">
  <thead><tr><th scope="col" class="roster-name">[[roster.field.person]]</th>{{#DAY}}<th scope="col" class="{{#HOLIDAY}}hol{{/HOLIDAY}}{{#WEEKEND}}we{{/WEEKEND}}" title="{{DATE}} {{HOL_NAME}}"><span>{{N}}</span><small>{{WD}}</small></th>{{/DAY}}<th scope="col" class="roster-count" title="[[roster.count.nights]]">[[roster.count.nights_short]]</th><th scope="col" class="roster-count" title="[[roster.count.weekends]]">[[roster.count.weekends_short]]</th><th scope="col" class="roster-count" title="[[roster.count.holidays]]">[[roster.count.holidays_short]]</th><th scope="col" class="roster-count">[[roster.count.hours]]</th><th scope="col" class="roster-count">[[roster.count.contract]]</th></tr></thead>
  <tbody>
  {{#PERSON}}<tr id="u{{UID}}"><th scope="row" class="roster-name">{{NAME}}</th>{{#CELL}}<td class="{{#HOLIDAY}}hol {{/HOLIDAY}}{{#WEEKEND}}we {{/WEEKEND}}{{#OFF}}off {{/OFF}}{{#BAD}}bad{{/BAD}}"{{#BAD}} title="{{WHY}}"{{/BAD}}>{{#EDIT}}<a href="/roster/month/{{ID}}/cell?user_id={{UID}}&amp;day={{DATE}}" aria-label="{{DATE}}">{{LABEL}}{{#BLANK}}·{{/BLANK}}</a>{{/EDIT}}{{#VIEW}}{{LABEL}}{{/VIEW}}{{#BAD}}<span class="roster-why">{{WHY}}</span>{{/BAD}}</td>{{/CELL}}<td class="num">{{NIGHTS}}</td><td class="num">{{WEEKENDS}}</td><td class="num">{{HOLIDAYS}}</td><td class="num">{{HOURS}}</td><td class="num muted">{{CONTRACT}}</td></tr>
  {{/PERSON}}
  </tbody>
  <tfoot>{{#COVER}}<tr><th scope="row" class="roster-name">{{SHIFT}} <small>{{TIMES}}</small></th>{{#N}}<td class="num{{#SHORT}} short{{/SHORT}}">{{V}}</td>{{/N}}<td colspan="5"></td></tr>{{/COVER}}</tfoot>
</table>
</div>
{{#CAN_DRAFT}}
<form method="post" action="/roster/month/{{ID}}/settings" class="form roster-settings" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <h2>[[roster.settings]]</h2>
  <div class="field{{#MIN_REST_HOURS_INVALID}} invalid{{/MIN_REST_HOURS_INVALID}}">
    <label for="min_rest_hours">[[roster.field.min_rest]]</label>
    <input id="min_rest_hours" name="min_rest_hours" value="{{MIN_REST_HOURS}}" inputmode="numeric"{{#MIN_REST_HOURS_INVALID}} aria-invalid="true" aria-describedby="min_rest_hours-err"{{/MIN_REST_HOURS_INVALID}}>
    {{#MIN_REST_HOURS_ERR}}<p class="field-error" id="min_rest_hours-err">{{MSG}}</p>{{/MIN_REST_HOURS_ERR}}
  </div>
  <div class="field{{#MAX_CONSECUTIVE_INVALID}} invalid{{/MAX_CONSECUTIVE_INVALID}}">
    <label for="max_consecutive">[[roster.field.max_consec]]</label>
    <input id="max_consecutive" name="max_consecutive" value="{{MAX_CONSECUTIVE}}" inputmode="numeric"{{#MAX_CONSECUTIVE_INVALID}} aria-invalid="true" aria-describedby="max_consecutive-err"{{/MAX_CONSECUTIVE_INVALID}}>
    {{#MAX_CONSECUTIVE_ERR}}<p class="field-error" id="max_consecutive-err">{{MSG}}</p>{{/MAX_CONSECUTIVE_ERR}}
  </div>
  <p class="actions"><button type="submit" class="btn secondary">[[action.save]]</button></p>
</form>
{{/CAN_DRAFT}}
{{#PUBLISHED}}{{#CAN_EDIT}}<p class="hint">[[roster.published_edit_hint]]</p>{{/CAN_EDIT}}{{/PUBLISHED}}
<h2>[[roster.changes]]</h2>
<table class="list">
  <thead><tr><th>[[roster.version]]</th><th>[[roster.at]]</th><th>[[roster.who]]</th><th>[[roster.field.reason]]</th></tr></thead>
  <tbody>{{#CHANGE}}<tr><td class="num">{{VERSION}}</td><td class="num">{{AT}}</td><td>{{WHO}}</td><td>{{REASON}}</td></tr>{{/CHANGE}}</tbody>
</table>
</div>
