{{%AUTOESCAPE context="HTML"}}
<div class="page-head">
  <h1>[[eval.list.title]]</h1>
  <p class="page-links">{{#CAN_EVALUATE}}<a class="btn" href="/evaluations/new">[[eval.new.title]]</a> <a href="/evaluations/items">[[eval.items.title]]</a> · {{/CAN_EVALUATE}}<a href="/evaluations/csv?{{QS}}">[[eval.csv]]</a></p>
</div>
{{#OWN}}<p class="hint">[[eval.list.own_hint]]</p>{{/OWN}}
<form method="get" action="/evaluations" class="filters">
  <div class="field{{#MONTH_INVALID}} invalid{{/MONTH_INVALID}}">
    <label for="month">[[eval.field.month]]</label>
    <input id="month" name="month" value="{{MONTH}}" placeholder="2026-11" maxlength="7" inputmode="numeric"{{#MONTH_INVALID}} aria-invalid="true" aria-describedby="month-err"{{/MONTH_INVALID}}>
    {{#MONTH_ERR}}<p class="field-error" id="month-err">{{MSG}}</p>{{/MONTH_ERR}}
  </div>
  {{#SITE_FILTERS}}
  <div class="field">
    <label for="user">[[eval.field.person]]</label>
    <select id="user" name="user"><option value="">[[filter.all]]</option>{{#PERSON_OPT}}<option value="{{ID}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/PERSON_OPT}}</select>
  </div>
  <div class="field">
    <label for="status">[[eval.field.status]]</label>
    <select id="status" name="status"><option value="">[[filter.all]]</option><option value="draft"{{#STATUS_draft_SEL}} selected{{/STATUS_draft_SEL}}>[[eval.status.draft]]</option><option value="signed"{{#STATUS_signed_SEL}} selected{{/STATUS_signed_SEL}}>[[eval.status.signed]]</option></select>
  </div>
  {{/SITE_FILTERS}}
  <p class="actions"><button type="submit" class="btn secondary">[[action.filter]]</button></p>
</form>
<p class="muted">[[list.total]] {{TOTAL}}</p>
{{#EMPTY}}<p class="empty">[[eval.list.empty]]</p>{{/EMPTY}}
<table class="list eval-list">
  <thead><tr><th>[[eval.period]]</th><th>[[eval.field.person]]</th><th>[[eval.field.status]]</th><th class="num">[[eval.total]]</th><th>[[eval.evaluator]]</th><th>[[eval.signed_at]]</th></tr></thead>
  <tbody>
  {{#EVAL}}<tr><td><a href="/evaluations/{{ID}}">{{FROM}} – {{TO}}</a></td><td><a href="/evaluations/person/{{USER_ID}}">{{PERSON}}</a></td><td><span class="tag ev-{{STATUS_CLASS}}">{{STATUS}}</span>{{#CORRECTED}} <span class="tag">[[eval.corrected_tag]]</span>{{/CORRECTED}}{{#REMARKED}} <span class="tag">[[eval.remarked_tag]]</span>{{/REMARKED}}</td><td class="num">{{TOTAL}} / {{MAX}} <span class="muted">{{PCT}}</span>{{#GRADE}} <span class="tag ev-grade-{{GRADE_CLASS}}">{{GRADE}}</span>{{/GRADE}}</td><td>{{EVALUATOR}}</td><td>{{SIGNED_AT}}</td></tr>
  {{/EVAL}}
  </tbody>
</table>
{{#PAGER}}<nav class="pager" aria-label="[[pager.label]]">{{#PREV}}<a href="{{HREF}}" rel="prev">[[pager.prev]]</a>{{/PREV}} <span>[[pager.page]] {{PAGE}} / {{PAGES}}</span> {{#NEXT}}<a href="{{HREF}}" rel="next">[[pager.next]]</a>{{/NEXT}}</nav>{{/PAGER}}
