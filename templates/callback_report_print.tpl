{{%AUTOESCAPE context="HTML"}}
<section class="sheet-body cb-sheet">
<dl class="facts">
  <div><dt>[[callback.field.day]]</dt><dd class="num">{{DAY}}</dd></div>
  <div><dt>[[callback.sign.writer]]</dt><dd>{{WRITER}} <span class="num">{{WRITTEN_AT}}</span></dd></div>
  <div><dt>[[field.status]]</dt><dd>{{#REVIEWED}}[[callback.report.reviewed]] {{BY}} <span class="num">{{AT}}</span>{{/REVIEWED}}{{#NOT_REVIEWED}}[[callback.report.pending]]{{/NOT_REVIEWED}}</dd></div>
</dl>
<h2>[[callback.report.calls_title]]</h2>
<p class="cb-figures">[[callback.report.calls]] <strong>{{N_CALLS}}</strong> · [[callback.reached]] <strong>{{N_REACHED}}</strong> · [[callback.unreached]] <strong>{{N_UNREACHED}}</strong> · [[callback.unsatisfied]] <strong>{{N_UNSAT}}</strong> · [[callback.avg]] <strong>{{AVG}}</strong></p>
{{#NO_CALLS}}<p class="empty">[[callback.report.no_calls]]</p>{{/NO_CALLS}}
<div class="cb-scroll">
<table class="list cb-list cb-day">
  <thead><tr><th>[[callback.field.time]]</th><th>[[callback.field.resident]]</th><th>[[callback.field.subject]]</th><th>[[callback.field.satisfaction]]</th><th>[[callback.field.words]]</th><th>[[callback.field.followed]]</th></tr></thead>
  <tbody>
  {{#CALLBACK}}<tr class="cb-row{{#UNSAT}} cb-unsat{{/UNSAT}}">
    <td class="num">{{#DONE}}{{CALLED_AT}}{{/DONE}}{{#TRIED}}{{LAST_TRY}}{{/TRIED}}<br><span class="muted">{{CALLER}} · {{METHOD}}</span></td>
    <td>{{RESIDENT}} <span class="muted">{{UNIT}}</span><br><span class="num muted">{{PHONE}}</span></td>
    <td><span class="tag">{{CATEGORY}}</span> {{#ORDER}}<span class="num">{{NUMBER}}</span> {{DESC}}{{/ORDER}}{{#PLAN}}{{PLAN_TITLE}}{{/PLAN}}</td>
    <td>{{#DONE}}{{#SAT}}<strong>{{SAT}}</strong>/5{{/SAT}}{{#UNSAT}} <span class="tag off">[[callback.unsatisfied]]</span>{{/UNSAT}}{{/DONE}}{{#TRIED}}<span class="tag open">[[callback.unreached]] ×{{ATTEMPTS}}</span>{{/TRIED}}</td>
    <td class="pre">{{WORDS}}</td>
    <td class="pre">{{#ORDER}}{{#REOPENED}}[[callback.reopened]] ×{{N}} {{/REOPENED}}{{#FOLLOWED}}[[callback.new_order]]：{{FOLLOW}} · {{FOLLOW_STATUS}}{{/FOLLOWED}}{{/ORDER}}{{NOTE}}</td>
  </tr>{{/CALLBACK}}
  </tbody>
</table>
</div>
{{#SUMMARY_BOX}}
<h2>[[callback.field.summary]]</h2>
<p class="pre">{{SUMMARY}}</p>
{{#CORRECTION}}<aside class="stamp"><p class="stamp-title">[[callback.correction]] · {{FIELD}}</p><p><del class="pre">{{OLD}}</del></p><p class="pre">{{NEW}}</p><p class="stamp-meta">{{BY}} · {{AT}} · {{REASON}}</p></aside>{{/CORRECTION}}
{{/SUMMARY_BOX}}
<h2>[[callback.field.review_comment]]</h2>
{{#REVIEWED}}<p class="pre">{{COMMENT}}</p>
{{#CORRECTION}}<aside class="stamp"><p class="stamp-title">[[callback.correction]] · {{FIELD}}</p><p><del class="pre">{{OLD}}</del></p><p class="pre">{{NEW}}</p><p class="stamp-meta">{{BY}} · {{AT}} · {{REASON}}</p></aside>{{/CORRECTION}}{{/REVIEWED}}
{{#NOT_REVIEWED}}<p class="cb-blank">&nbsp;</p>{{/NOT_REVIEWED}}
</section>
