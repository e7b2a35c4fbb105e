{{%AUTOESCAPE context="HTML"}}
<section class="sheet-body eval-sheet">
{{#DRAFT}}<p class="notice">[[eval.print.draft]]</p>{{/DRAFT}}
<dl class="facts">
  <div><dt>[[eval.sign.person]]</dt><dd>{{PERSON}}</dd></div>
  <div><dt>[[eval.period]]</dt><dd>{{FROM}} – {{TO}}</dd></div>
  <div><dt>[[eval.field.status]]</dt><dd>{{STATUS}}{{#SIGNED}} {{AT}}{{/SIGNED}}</dd></div>
  <div><dt>[[eval.evaluator]]</dt><dd>{{EVALUATOR}}</dd></div>
</dl>
<h2>[[eval.figures.title]]</h2>
<dl class="eval-figs-print">{{#FIG}}<div><dt>{{LABEL}}</dt><dd>{{VALUE}} <span class="muted">{{NOTE}}</span></dd></div>{{/FIG}}</dl>
<h2>[[eval.scores.title]]</h2>
<table class="list eval-scores">
  <thead><tr><th>[[eval.field.item]]</th><th class="num">[[eval.score]]</th><th class="num">[[eval.field.max]]</th><th>[[eval.note]]</th></tr></thead>
  <tbody>
  {{#LINE}}<tr><td>{{NAME}}</td><td class="num">{{SCORE}}</td><td class="num">{{MAX}}</td><td>{{NOTE}}{{#CORRECTION}}<aside class="stamp"><p class="stamp-title">[[eval.correction]] · {{FIELD}}</p><p><del>{{OLD}}</del> → {{NEW}}</p><p class="stamp-meta">{{BY}} · {{AT}} · {{REASON}}</p></aside>{{/CORRECTION}}</td></tr>{{/LINE}}
  </tbody>
  <tfoot><tr><th>[[eval.total]]</th><td class="num"><strong>{{TOTAL}}</strong></td><td class="num">{{MAX_TOTAL}}</td><td>{{#GRADE}}[[eval.grade]]：{{GRADE}} {{/GRADE}}{{#TOTAL_CORRECTED}}[[eval.total_signed]] {{SIGNED_TOTAL}}{{/TOTAL_CORRECTED}}</td></tr></tfoot>
</table>
{{#COMMENT_BOX}}<h2>[[eval.field.comment]]</h2>
<p class="pre">{{COMMENT}}</p>
{{#CORRECTION}}<aside class="stamp"><p class="stamp-title">[[eval.correction]] · {{FIELD}}</p><p><del class="pre">{{OLD}}</del></p><p class="pre">{{NEW}}</p><p class="stamp-meta">{{BY}} · {{AT}} · {{REASON}}</p></aside>{{/CORRECTION}}{{/COMMENT_BOX}}
<h2>[[eval.remark.title]]</h2>
{{#REMARK_BOX}}<p><span class="pre">{{TEXT}}</span> <span class="muted">{{AT}}</span></p>{{/REMARK_BOX}}
</section>
