{{%AUTOESCAPE context="HTML"}}
<div class="page-head">
  <h1>[[callback.records.title]]</h1>
  <p class="page-links"><a href="/callbacks">[[callback.list.title]]</a> · <a href="/callbacks/plans">[[callback.plans.title]]</a> · <a href="/callbacks/reports">[[callback.reports.title]]</a></p>
</div>
<p class="hint">[[callback.records.hint]]</p>
<nav class="cb-tabs" aria-label="[[callback.field.category]]">
  <a href="/callbacks/records"{{#ALL_SEL}} aria-current="page"{{/ALL_SEL}}>[[filter.all]]</a>
  {{#CATTAB}}<a href="/callbacks/records?cat={{CODE}}"{{#SEL}} aria-current="page"{{/SEL}}>{{NAME}} <span class="muted">{{N}}</span></a>{{/CATTAB}}
</nav>
<form method="get" action="/callbacks/records" class="filters">
  <input type="hidden" name="cat" value="{{CAT}}">
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
    <label for="staff">[[callback.field.staff]]</label>
    <select id="staff" name="staff"><option value="">[[filter.all]]</option>{{#STAFF_OPT}}<option value="{{ID}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/STAFF_OPT}}</select>
  </div>
  <div class="field{{#Q_INVALID}} invalid{{/Q_INVALID}}">
    <label for="q">[[field.search]]</label>
    <input id="q" name="q" value="{{Q}}" placeholder="[[callback.records.search_hint]]">
    {{#Q_ERR}}<p class="field-error">{{MSG}}</p>{{/Q_ERR}}
  </div>
  <p class="actions"><button type="submit" class="btn secondary">[[action.filter]]</button> <a class="btn secondary" href="/callbacks/records.csv?{{CSV_QS}}">[[callback.csv]]</a></p>
</form>
<p class="muted">[[list.total]] {{TOTAL}}</p>
{{#EMPTY}}<p class="empty">[[list.empty]]</p>{{/EMPTY}}
<div class="cb-scroll">
<table class="list cb-list">
  <thead><tr><th>[[callback.field.called_at]]</th><th>[[callback.field.category]]</th><th>[[callback.field.resident]]</th><th>[[callback.field.subject]]</th><th>[[callback.field.satisfaction]]</th><th>[[callback.field.words]]</th><th>[[callback.field.staff]]</th></tr></thead>
  <tbody>
  {{#CALLBACK}}<tr class="cb-row{{#UNSAT}} cb-unsat{{/UNSAT}}">
    <td class="num">{{CALLED_AT}}</td>
    <td><span class="tag">{{CATEGORY}}</span></td>
    <td>{{RESIDENT}} <span class="muted">{{UNIT}}</span><br><span class="num muted">{{PHONE}}</span></td>
    <td>{{#ORDER}}<a href="/requests/{{REQUEST_ID}}#callback" class="num">{{NUMBER}}</a> {{DESC}}{{/ORDER}}{{#PLAN}}<a href="/callbacks/{{ID}}">{{PLAN_TITLE}}</a>{{/PLAN}}</td>
    <td>{{#SAT}}<strong>{{SAT}}</strong>/5{{/SAT}}{{#UNSAT}} <span class="tag off">[[callback.unsatisfied]]</span>{{/UNSAT}}</td>
    <td class="pre">{{WORDS}}</td>
    <td>{{CALLER}}<br><span class="muted">{{METHOD}}</span></td>
  </tr>
  {{/CALLBACK}}
  </tbody>
</table>
</div>
{{#PAGER}}<nav class="pager" aria-label="[[pager.label]]">{{#PREV}}<a href="{{HREF}}" rel="prev">[[pager.prev]]</a>{{/PREV}} <span>[[pager.page]] {{PAGE}} / {{PAGES}}</span> {{#NEXT}}<a href="{{HREF}}" rel="next">[[pager.next]]</a>{{/NEXT}}</nav>{{/PAGER}}
