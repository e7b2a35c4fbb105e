{{%AUTOESCAPE context="HTML"}}
<div class="page-head">
  <h1>[[callback.list.title]]</h1>
  <p class="page-links"><a href="/callbacks/records">[[callback.records.title]]</a> · <a href="/callbacks/plans">[[callback.plans.title]]</a> · <a href="/callbacks/reports">[[callback.reports.title]]</a></p>
</div>
<nav class="cb-tabs" aria-label="[[field.status]]">
  <a href="/callbacks"{{#SHOW_DUE}} aria-current="page"{{/SHOW_DUE}}>[[callback.status.due]]</a>
  <a href="/callbacks?status=done"{{#SHOW_DONE}} aria-current="page"{{/SHOW_DONE}}>[[callback.status.done]]</a>
</nav>
<form method="get" action="/callbacks" class="filters">
  <input type="hidden" name="status" value="{{STATUS}}">
  {{#SHOW_DUE}}<div class="field">
    <label for="kind">[[callback.field.kind]]</label>
    <select id="kind" name="kind"><option value="">[[filter.all]]</option><option value="order"{{#KIND_ORDER_ON}} selected{{/KIND_ORDER_ON}}>[[callback.kind.order]]</option><option value="plan"{{#KIND_PLAN_ON}} selected{{/KIND_PLAN_ON}}>[[callback.kind.plan]]</option></select>
  </div>{{/SHOW_DUE}}
  <div class="field">
    <label for="plan">[[callback.field.plan]]</label>
    <select id="plan" name="plan"><option value="">[[filter.all]]</option>{{#PLAN_OPT}}<option value="{{ID}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/PLAN_OPT}}</select>
  </div>
  <div class="field{{#FROM_INVALID}} invalid{{/FROM_INVALID}}">
    <label for="from">[[field.from]]</label>
    <input id="from" name="from" value="{{FROM}}" placeholder="2026-11-01" inputmode="numeric">
    {{#FROM_ERR}}<p class="field-error">{{MSG}}</p>{{/FROM_ERR}}
  </div>
  <div class="field{{#TO_INVALID}} invalid{{/TO_INVALID}}">
    <label for="to">[[field.to]]</label>
    <input id="to" name="to" value="{{TO}}" placeholder="2026-11-30" inputmode="numeric">
    {{#TO_ERR}}<p class="field-error">{{MSG}}</p>{{/TO_ERR}}
  </div>
  <div class="field">
    <label for="staff">{{#SHOW_DUE}}[[callback.field.tried_by]]{{/SHOW_DUE}}{{#SHOW_DONE}}[[callback.field.staff]]{{/SHOW_DONE}}</label>
    <select id="staff" name="staff"><option value="">[[filter.all]]</option>{{#STAFF_OPT}}<option value="{{ID}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/STAFF_OPT}}</select>
  </div>
  <p class="actions"><button type="submit" class="btn secondary">[[action.filter]]</button></p>
</form>
<p class="muted">[[list.total]] {{TOTAL}}{{#SHOW_DUE}} · [[callback.list.hint]]{{/SHOW_DUE}}</p>
{{#EMPTY}}<p class="empty">[[list.empty]]</p>{{/EMPTY}}
<div class="cb-scroll">
<table class="list cb-list">
  <thead><tr><th>{{#SHOW_DUE}}[[callback.field.due]]{{/SHOW_DUE}}{{#SHOW_DONE}}[[callback.field.called_at]]{{/SHOW_DONE}}</th><th>[[callback.field.resident]]</th><th>[[callback.field.unit]]</th><th>[[callback.field.subject]]</th><th>[[callback.field.state]]</th><th></th></tr></thead>
  <tbody>
  {{#CALLBACK}}<tr class="cb-row{{#OVERDUE}} cb-overdue{{/OVERDUE}}{{#UNSAT}} cb-unsat{{/UNSAT}}">
    <td class="num">{{#DONE}}{{CALLED_AT}}{{/DONE}}{{#NOT_TRIED}}{{DUE}}{{/NOT_TRIED}}{{#TRIED}}{{DUE}}{{/TRIED}}{{#OVERDUE}} <span class="tag off">[[callback.overdue]]</span>{{/OVERDUE}}</td>
    <td>{{RESIDENT}}<br><span class="num muted">{{PHONE}}</span></td>
    <td>{{UNIT}}</td>
    <td>{{#ORDER}}<span class="tag">{{CATEGORY}}</span> <a href="/requests/{{REQUEST_ID}}#callback" class="num">{{NUMBER}}</a> {{DESC}}<br><span class="muted">[[callback.field.result]]：{{RESULT}}</span>{{/ORDER}}{{#PLAN}}<span class="tag">{{KIND}}</span> <a href="/callbacks/plans/{{PLAN_ID}}">{{PLAN_TITLE}}</a>{{/PLAN}}</td>
    <td>{{#DONE}}{{#SAT}}[[callback.field.satisfaction]] <strong>{{SAT}}</strong>/5{{/SAT}}{{#UNSAT}} <span class="tag off">[[callback.unsatisfied]]</span>{{/UNSAT}}<br><span class="muted">{{CALLER}} · {{METHOD}}</span><br><span class="pre">{{WORDS}}</span>{{/DONE}}{{#TRIED}}<span class="tag open">[[callback.unreached]] ×{{ATTEMPTS}}</span><br><span class="muted">{{LAST_TRY}}</span>{{/TRIED}}{{#NOT_TRIED}}<span class="tag open">[[callback.status.due]]</span>{{/NOT_TRIED}}</td>
    <td>{{#ORDER}}<a class="btn secondary" href="/requests/{{REQUEST_ID}}#callback">{{#TRIED}}[[callback.record]]{{/TRIED}}{{#NOT_TRIED}}[[callback.record]]{{/NOT_TRIED}}{{#DONE}}[[callback.view]]{{/DONE}}</a>{{/ORDER}}{{#PLAN}}<a class="btn secondary" href="/callbacks/{{ID}}">[[callback.open]]</a>{{/PLAN}}</td>
  </tr>
  {{/CALLBACK}}
  </tbody>
</table>
</div>
{{#PAGER}}<nav class="pager" aria-label="[[pager.label]]">{{#PREV}}<a href="{{HREF}}" rel="prev">[[pager.prev]]</a>{{/PREV}} <span>[[pager.page]] {{PAGE}} / {{PAGES}}</span> {{#NEXT}}<a href="{{HREF}}" rel="next">[[pager.next]]</a>{{/NEXT}}</nav>{{/PAGER}}
