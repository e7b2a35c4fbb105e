{{%AUTOESCAPE context="HTML"}}
<section class="sheet-body ho-sheet">
<dl class="facts">
  <div><dt>[[handover.field.date]]</dt><dd>{{DAY}} {{SHIFT}} {{SHIFT_TIME}}</dd></div>
  <div><dt>[[handover.status]]</dt><dd>{{STATUS}}{{#UNRELIEVED}} · [[handover.not_relieved]]{{/UNRELIEVED}}</dd></div>
  <div><dt>[[handover.outgoing]]</dt><dd>{{OUTGOING}}</dd></div>
  <div><dt>[[handover.sign.incoming]]</dt><dd>{{INCOMING}}</dd></div>
  {{#SIGNED}}<div><dt>[[handover.field.arrived]]</dt><dd>{{ARRIVED}} {{#ON_TIME}}[[handover.arrival.early]] {{EARLY}} [[handover.minutes]]{{/ON_TIME}}{{#NOT_EARLY}}[[handover.arrival.early]] {{EARLY}} [[handover.minutes]] · [[handover.arrival.short]] {{RULE}} [[handover.minutes]]{{/NOT_EARLY}}{{#LATE}}[[handover.arrival.late]] {{LATE}} [[handover.minutes]]{{/LATE}}</dd></div>
  <div><dt>[[handover.signed_at]]</dt><dd>[[handover.sign.incoming]] {{IN_AT}} · [[handover.sign.outgoing]] {{OUT_AT}}</dd></div>{{/SIGNED}}
</dl>
<h2>[[handover.counts.title]]</h2>
<table class="list ho-counts">
  <thead><tr><th>[[handover.field.item]]</th><th>[[handover.field.expected]]</th><th>[[handover.field.counted]]</th><th>[[handover.field.explanation]]</th><th>[[handover.field.answerable]]</th></tr></thead>
  <tbody>{{#SIGNED}}{{#COUNT}}<tr{{#DIFF}} class="ho-diff"{{/DIFF}}><td>{{NAME}}</td><td>{{EXPECTED}}</td><td>{{COUNTED}}</td><td>{{EXPL}}</td><td>{{ANSWER}}</td></tr>{{/COUNT}}{{/SIGNED}}</tbody>
</table>
<h2>[[handover.carried.title]]</h2>
{{#NO_CARRIED}}<p>[[handover.carried.none]]</p>{{/NO_CARRIED}}
<ol class="ho-carried">{{#CARRIED}}<li>#{{ID}} {{AT}} {{LOCATION}} {{WHAT}}{{#MAJOR}}（[[handover.major_tag]]）{{/MAJOR}}</li>{{/CARRIED}}</ol>
<dl class="entry-body ho-notes">
{{#NOTE}}<div><dt>{{LABEL}}</dt><dd class="pre">{{TEXT}}</dd></div>
{{#CORRECTION}}<aside class="stamp"><p class="stamp-title">[[handover.correction]] · {{FIELD}}</p><p><del class="pre">{{OLD}}</del></p><p class="pre">{{NEW}}</p><p class="stamp-meta">{{BY}} · {{AT}} · {{REASON}}</p></aside>{{/CORRECTION}}{{/NOTE}}
</dl>
<h2>[[handover.anomalies.title]]</h2>
{{#NO_ANOMALIES}}<p>[[handover.anomalies.none]]</p>{{/NO_ANOMALIES}}
<ol>{{#ANOMALY}}<li>{{WHAT}} — [[handover.field.anomaly_expl]]：{{EXPL}}</li>{{/ANOMALY}}</ol>
{{#REFUSAL}}<p>[[handover.refused_by]] {{BY}} {{AT}}：{{REASON}}</p>{{/REFUSAL}}
{{#DECISION}}<p>[[handover.decision_by]] {{BY}} {{AT}}：{{TEXT}}</p>{{/DECISION}}
</section>
