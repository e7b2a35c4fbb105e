{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/forms">[[forms.title]]</a></p>
<h1>[[forms.batch.title]] #{{ID}}</h1>
<p class="hint">{{AT}} · {{BY}}{{#IMPORT}} · [[forms.batch.import]]{{/IMPORT}} · [[forms.batch.files]] {{FILES}} · [[forms.batch.pages]] {{PAGES}}</p>
<p class="forms-summary"><span class="tag open">[[forms.outcome.filed]] {{FILED}}</span> <span class="tag stamp-tag">[[forms.outcome.triage]] {{TRIAGE}}</span> <span class="tag off">[[forms.outcome.duplicate]] {{DUPS}}</span> <span class="tag major">[[forms.outcome.refused]] {{REFUSED}}</span></p>
{{#HAS_TRIAGE}}<p class="notice"><a href="/forms/triage">[[forms.batch.to_triage]]</a></p>{{/HAS_TRIAGE}}
<table class="list forms-result">
  <thead><tr><th>[[forms.batch.file]]</th><th class="count">[[forms.page]]</th><th>[[forms.batch.outcome]]</th><th>[[forms.field.number]]</th><th>[[forms.batch.reason]]</th></tr></thead>
  <tbody>{{#PAGE}}<tr class="out-{{CLASS}}"><td>{{FILE}}</td><td class="count">{{PAGE_NO}}</td><td>{{OUTCOME}}</td><td class="num">{{#NUMBER}}<a href="/forms/archive/{{NUMBER}}">{{NUMBER}}</a>{{/NUMBER}}</td><td>{{REASON}}{{#TRIAGE_LINK}} <a href="/forms/triage/{{SCAN_ID}}">[[forms.triage.file_it]]</a>{{/TRIAGE_LINK}}</td></tr>{{/PAGE}}</tbody>
</table>
<p class="actions"><a class="btn secondary" href="/forms">[[forms.upload.more]]</a></p>
