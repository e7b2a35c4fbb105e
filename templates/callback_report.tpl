{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/callbacks/reports">[[callback.reports.title]]</a></p>
<div class="page-head">
  <h1>{{DAY}} [[callback.report.title]]</h1>
  <p class="page-links"><a class="btn secondary" href="/callbacks/reports/{{ID}}/print">[[callback.print]]</a></p>
</div>
<dl class="facts">
  {{#NUMBER}}<div><dt>[[print.number]]</dt><dd class="num">{{NUMBER}}</dd></div>{{/NUMBER}}
  <div><dt>[[callback.sign.writer]]</dt><dd>{{WRITER}} <span class="muted num">{{WRITTEN_AT}}</span></dd></div>
  <div><dt>[[field.status]]</dt><dd>{{#REVIEWED}}<span class="tag">[[callback.report.reviewed]]</span> {{BY}} <span class="num">{{AT}}</span>{{/REVIEWED}}{{#NOT_REVIEWED}}<span class="tag open">[[callback.report.pending]]</span>{{/NOT_REVIEWED}}</dd></div>
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
<section class="cb-summary" id="summary">
  <h2>[[callback.field.summary]]</h2>
  <p class="pre">{{SUMMARY}}</p>
  {{#CORRECTION}}<aside class="stamp" role="note"><p class="stamp-title">[[callback.correction]] · {{FIELD}}</p><p><del class="pre">{{OLD}}</del></p><p class="pre">{{NEW}}</p><p class="stamp-meta">{{BY}} · {{AT}} · [[callback.field.reason]]：{{REASON}}</p></aside>{{/CORRECTION}}
</section>
{{/SUMMARY_BOX}}
{{#REVIEWED}}
<section class="cb-review box" id="review">
  <h2>[[callback.field.review_comment]]</h2>
  <p class="pre">{{COMMENT}}</p>
  <p class="muted">{{BY}} · <span class="num">{{AT}}</span></p>
  {{#CORRECTION}}<aside class="stamp" role="note"><p class="stamp-title">[[callback.correction]] · {{FIELD}}</p><p><del class="pre">{{OLD}}</del></p><p class="pre">{{NEW}}</p><p class="stamp-meta">{{BY}} · {{AT}} · [[callback.field.reason]]：{{REASON}}</p></aside>{{/CORRECTION}}
</section>
{{/REVIEWED}}
{{#EDIT_FORM}}
<section class="panel box" id="edit">
  <h2>[[callback.report.edit]]</h2>
  <form method="post" action="/callbacks/reports/{{ID}}" class="form" novalidate>
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    <div class="field{{#SUMMARY_INVALID}} invalid{{/SUMMARY_INVALID}}">
      <label for="summary">[[callback.field.summary]]</label>
      <textarea id="summary" name="summary" rows="4">{{SUMMARY}}</textarea>
      {{#SUMMARY_ERR}}<p class="field-error">{{MSG}}</p>{{/SUMMARY_ERR}}
    </div>
    <p class="actions"><button type="submit" class="btn secondary">[[action.save]]</button></p>
  </form>
</section>
{{/EDIT_FORM}}
{{#REVIEW_FORM}}
<section class="panel box" id="review-form">
  <h2>[[callback.report.review]]</h2>
  {{#OWN}}<p class="notice">[[callback.err.own_report]]</p>{{/OWN}}
  <form method="post" action="/callbacks/reports/{{ID}}/review" class="form" novalidate>
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    <div class="field{{#COMMENT_INVALID}} invalid{{/COMMENT_INVALID}}">
      <label for="comment">[[callback.field.review_comment]]</label>
      <textarea id="comment" name="comment" rows="3"{{#COMMENT_INVALID}} aria-invalid="true" aria-describedby="comment-err"{{/COMMENT_INVALID}}>{{COMMENT}}</textarea>
      {{#COMMENT_ERR}}<p class="field-error" id="comment-err">{{MSG}}</p>{{/COMMENT_ERR}}
    </div>
    <p class="actions"><button type="submit" class="btn">[[callback.report.review_submit]]</button></p>
  </form>
</section>
{{/REVIEW_FORM}}
{{#CORRECT_FORM}}
<section class="panel box" id="correct">
  <h2>[[callback.correct.title]]</h2>
  <p class="hint">[[callback.report.correct_hint]]</p>
  <form method="post" action="/callbacks/reports/{{ID}}/correct" class="form" novalidate>
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    <div class="field{{#FIELD_INVALID}} invalid{{/FIELD_INVALID}}">
      <label for="field">[[callback.field.field]]</label>
      <select id="field" name="field"><option value="summary"{{#FIELD_SUMMARY_ON}} selected{{/FIELD_SUMMARY_ON}}>[[callback.field.summary]]</option>{{#CAN_COMMENT}}<option value="review_comment"{{#FIELD_REVIEW_COMMENT_ON}} selected{{/FIELD_REVIEW_COMMENT_ON}}>[[callback.field.review_comment]]</option>{{/CAN_COMMENT}}</select>
      {{#FIELD_ERR}}<p class="field-error">{{MSG}}</p>{{/FIELD_ERR}}
    </div>
    <div class="field{{#TEXT_INVALID}} invalid{{/TEXT_INVALID}}">
      <label for="text">[[callback.field.new_text]]</label>
      <textarea id="text" name="text" rows="3">{{TEXT}}</textarea>
      {{#TEXT_ERR}}<p class="field-error">{{MSG}}</p>{{/TEXT_ERR}}
    </div>
    <div class="field{{#REASON_INVALID}} invalid{{/REASON_INVALID}}">
      <label for="reason">[[callback.field.reason]]</label>
      <input id="reason" name="reason" value="{{REASON}}">
      {{#REASON_ERR}}<p class="field-error">{{MSG}}</p>{{/REASON_ERR}}
    </div>
    <p class="actions"><button type="submit" class="btn secondary">[[callback.correct.submit]]</button></p>
  </form>
</section>
{{/CORRECT_FORM}}
