{{%AUTOESCAPE context="HTML"}}
<div class="page-head">
  <h1>[[roster.title]]</h1>
  <a class="btn" href="/roster/requests/new">[[roster.request_new.title]]</a>
</div>
<div class="panels">
<section class="panel">
  <h2>[[roster.on_duty_now]]</h2>
  {{#NOW_NONE}}<p class="empty">[[roster.nobody_now]]</p>{{/NOW_NONE}}
  <ul class="roster-duty">{{#NOW}}<li><b>{{NAME}}</b> {{SHIFT}} <span class="muted num">{{START}}–{{END}}</span></li>{{/NOW}}</ul>
  <h2>[[roster.on_duty_next]]</h2>
  {{#NEXT_NONE}}<p class="empty">[[roster.nobody_next]]</p>{{/NEXT_NONE}}
  <ul class="roster-duty">{{#NEXT}}<li><b>{{NAME}}</b> {{SHIFT}} <span class="muted num">{{DAY}} {{START}}–{{END}}</span></li>{{/NEXT}}</ul>
</section>
<section class="panel">
  <h2>[[roster.my_shifts]]</h2>
  {{#MY_NONE}}<p class="empty">[[roster.my_none]]</p>{{/MY_NONE}}
  <ul class="roster-duty">{{#MY}}<li><span class="num">{{DAY}}</span> {{SHIFT}} <span class="muted num">{{START}}–{{END}}</span></li>{{/MY}}</ul>
  <p><a href="/roster/me.ics">[[roster.ics]]</a></p>
  <h2>[[roster.my_changes]]</h2>
  <ul class="changes">{{#MY_CHANGE}}<li><time>{{AT}}</time> {{WHAT}} <b>{{DAY}} {{SHIFT}}</b> <span class="muted">{{WHO}}：{{REASON}}</span></li>{{/MY_CHANGE}}</ul>
</section>
</div>
<h2>[[roster.months]]</h2>
<table class="list">
  <thead><tr><th>[[roster.field.month]]</th><th>[[field.status]]</th><th>[[roster.version]]</th></tr></thead>
  <tbody>{{#MONTH_ROW}}<tr><td><a href="/roster/month/{{ID}}">{{MONTH}}</a></td><td>{{STATUS}}</td><td class="num">{{VERSION}}</td></tr>{{/MONTH_ROW}}</tbody>
</table>
{{#CAN_EDIT}}
<form method="post" action="/roster/months/new" class="form" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="field{{#MONTH_INVALID}} invalid{{/MONTH_INVALID}}">
    <label for="month">[[roster.new_month]]</label>
    <input id="month" name="month" value="{{MONTH}}" placeholder="2026-12"{{#MONTH_INVALID}} aria-invalid="true" aria-describedby="month-err"{{/MONTH_INVALID}}>
    {{#MONTH_ERR}}<p class="field-error" id="month-err">{{MSG}}</p>{{/MONTH_ERR}}
  </div>
  <p class="actions"><button type="submit" class="btn">[[action.create]]</button> <a href="/roster/holidays">[[roster.holidays.title]]</a></p>
</form>
{{/CAN_EDIT}}
<h2>[[roster.requests]]</h2>
{{#REQ_NONE}}<p class="empty">[[roster.requests_none]]</p>{{/REQ_NONE}}
<table class="list">
  <thead><tr><th>#</th><th>[[roster.field.kind]]</th><th>[[roster.field.requester]]</th><th>[[roster.field.day]]</th><th>[[roster.field.reason]]</th><th>[[field.status]]</th></tr></thead>
  <tbody>{{#REQ}}<tr><td><a href="/roster/requests/{{ID}}">{{ID}}</a></td><td>{{KIND}}</td><td>{{WHO}}</td><td class="num">{{DAY}}</td><td>{{REASON}}</td><td><span class="roster-st-{{STATUS_CODE}}">{{STATUS}}</span></td></tr>{{/REQ}}</tbody>
</table>
<h2>[[roster.unavailable]]</h2>
<ul class="changes">{{#ABSENCE}}<li><span class="num">{{FROM}} – {{TO}}</span> {{NOTE}}</li>{{/ABSENCE}}</ul>
<form method="post" action="/roster/absences/new" class="form" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="field{{#FROM_INVALID}} invalid{{/FROM_INVALID}}">
    <label for="from">[[roster.field.from]]</label>
    <input id="from" name="from" value="{{FROM}}" placeholder="2026-12-01"{{#FROM_INVALID}} aria-invalid="true" aria-describedby="from-err"{{/FROM_INVALID}}>
    {{#FROM_ERR}}<p class="field-error" id="from-err">{{MSG}}</p>{{/FROM_ERR}}
  </div>
  <div class="field{{#TO_INVALID}} invalid{{/TO_INVALID}}">
    <label for="to">[[roster.field.to]]</label>
    <input id="to" name="to" value="{{TO}}" placeholder="2026-12-02"{{#TO_INVALID}} aria-invalid="true" aria-describedby="to-err"{{/TO_INVALID}}>
    {{#TO_ERR}}<p class="field-error" id="to-err">{{MSG}}</p>{{/TO_ERR}}
  </div>
  <div class="field{{#NOTE_INVALID}} invalid{{/NOTE_INVALID}}">
    <label for="note">[[roster.field.note]]</label>
    <input id="note" name="note" value="{{NOTE}}">
    {{#NOTE_ERR}}<p class="field-error" id="note-err">{{MSG}}</p>{{/NOTE_ERR}}
  </div>
  <p class="actions"><button type="submit" class="btn secondary">[[roster.state_unavailable]]</button></p>
</form>
