{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/evaluations">[[eval.list.title]]</a>{{#CAN_HISTORY}} · <a href="/evaluations/person/{{USER_ID}}">{{PERSON}} [[eval.person.title]]</a>{{/CAN_HISTORY}}</p>
<div class="page-head">
  <h1>[[eval.title]] · {{PERSON}} <span class="muted">{{FROM}} – {{TO}}</span></h1>
  <p class="page-links"><a href="/evaluations/{{ID}}/print">[[eval.print]]</a></p>
</div>
<dl class="facts">
  <div><dt>[[eval.field.status]]</dt><dd><span class="tag ev-{{STATUS_CLASS}}">{{STATUS}}</span>{{#SIGNED}} <span class="muted">{{AT}}</span>{{/SIGNED}}</dd></div>
  <div><dt>[[eval.evaluator]]</dt><dd>{{EVALUATOR}}</dd></div>
  <div><dt>[[eval.created]]</dt><dd>{{CREATED}}</dd></div>
  {{#NUMBER}}<div><dt>[[print.number]]</dt><dd class="num">{{NUMBER}}{{#ARCHIVED}} · <a href="/forms/archive/{{NUMBER}}">[[forms.archive.archived]]</a> ({{PAGES}} [[forms.archive.pages]]){{/ARCHIVED}}</dd></div>{{/NUMBER}}
</dl>
<section class="eval-figures" aria-labelledby="figs-h">
  <h2 id="figs-h">[[eval.figures.title]]</h2>
  <p class="hint">{{#FROZEN}}[[eval.figures.frozen]]{{/FROZEN}}{{#DRAFT}}[[eval.figures.live]]{{/DRAFT}}</p>
  <dl class="facts eval-figs">{{#FIG}}<div><dt>{{LABEL}}</dt><dd><strong class="ev-fig" data-fig="{{KEY}}">{{VALUE}}</strong> <span class="muted">{{NOTE}}</span>{{#LINK}} <a href="{{HREF}}">[[eval.figures.records]]</a>{{/LINK}}</dd></div>{{/FIG}}</dl>
</section>
{{#RESULT}}
<section class="eval-result" aria-labelledby="scores-h">
  <h2 id="scores-h">[[eval.scores.title]]</h2>
  <table class="list eval-scores">
    <thead><tr><th>[[eval.field.item]]</th><th class="num">[[eval.score]]</th><th class="num">[[eval.field.max]]</th><th>[[eval.note]]</th></tr></thead>
    <tbody>
    {{#LINE}}<tr><td>{{NAME}}</td><td class="num"><strong class="ev-score">{{SCORE}}</strong></td><td class="num">{{MAX}}</td><td><span class="pre">{{NOTE}}</span>{{#CORRECTION}}<aside class="stamp" role="note">
        <p class="stamp-title">[[eval.correction]] · {{FIELD}}</p>
        <p><del class="pre">{{OLD}}</del> → <span class="pre">{{NEW}}</span></p>
        <p class="stamp-meta">{{BY}} · {{AT}} · [[eval.field.reason]]：{{REASON}}</p>
      </aside>{{/CORRECTION}}</td></tr>
    {{/LINE}}
    </tbody>
    <tfoot><tr><th>[[eval.total]]</th><td class="num"><strong id="ev-total">{{TOTAL}}</strong></td><td class="num">{{MAX_TOTAL}}</td><td>{{#GRADE}}<span class="tag ev-grade-{{GRADE_CLASS}}">{{GRADE}}</span> {{/GRADE}}{{#TOTAL_CORRECTED}}<span class="muted">[[eval.total_signed]] {{SIGNED_TOTAL}}</span>{{/TOTAL_CORRECTED}}</td></tr></tfoot>
  </table>
  {{#COMMENT_BOX}}<h3>[[eval.field.comment]]</h3>
  <p class="pre eval-comment">{{COMMENT}}</p>
  {{#CORRECTION}}<aside class="stamp" role="note">
    <p class="stamp-title">[[eval.correction]] · {{FIELD}}</p>
    <p><del class="pre">{{OLD}}</del></p>
    <p class="pre">{{NEW}}</p>
    <p class="stamp-meta">{{BY}} · {{AT}} · [[eval.field.reason]]：{{REASON}}</p>
  </aside>{{/CORRECTION}}{{/COMMENT_BOX}}
</section>
{{/RESULT}}
{{#REMARK_BOX}}<section class="box eval-remark" aria-labelledby="remark-h"><h2 id="remark-h">[[eval.remark.title]]</h2><p class="pre">{{TEXT}}</p><p class="muted">{{AT}}</p></section>{{/REMARK_BOX}}
{{#NO_REMARK}}<p class="muted">[[eval.remark.none]]</p>{{/NO_REMARK}}
{{#REMARK_FORM}}
<section class="panel box" id="remark">
  <h2>[[eval.remark.title]]</h2>
  <p class="hint">[[eval.remark.hint]]</p>
  <form method="post" action="/evaluations/{{ID}}/remark" class="form" novalidate>
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    <div class="field{{#REMARK_INVALID}} invalid{{/REMARK_INVALID}}">
      <label for="remark-text">[[eval.field.remark]]</label>
      <textarea id="remark-text" name="remark" rows="3"{{#REMARK_INVALID}} aria-invalid="true" aria-describedby="remark-err"{{/REMARK_INVALID}}>{{REMARK}}</textarea>
      {{#REMARK_ERR}}<p class="field-error" id="remark-err">{{MSG}}</p>{{/REMARK_ERR}}
    </div>
    <p class="actions"><button type="submit" class="btn">[[eval.remark.submit]]</button></p>
  </form>
</section>
{{/REMARK_FORM}}
{{#SCORE_FORM}}
<section class="panel box" id="scores">
  <h2>[[eval.scores.title]]</h2>
  {{#NO_ITEMS}}<p class="notice">[[eval.new.no_items]] <a href="/evaluations/items">[[eval.items.title]]</a></p>{{/NO_ITEMS}}
  <form method="post" action="/evaluations/{{ID}}" class="form" novalidate>
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    {{#ITEM}}
    <div class="field eval-item{{#INVALID}} invalid{{/INVALID}}">
      <label for="score-{{ITEM_ID}}">{{NAME}} <span class="muted">0–{{MAX}}</span></label>
      <div class="eval-item-inputs">
        <input id="score-{{ITEM_ID}}" name="score_{{ITEM_ID}}" value="{{SCORE}}" inputmode="numeric" size="4"{{#INVALID}} aria-invalid="true"{{/INVALID}}>
        <input name="note_{{ITEM_ID}}" value="{{NOTE}}" maxlength="300" placeholder="[[eval.note]]" aria-label="{{NAME}} [[eval.note]]">
      </div>
      {{#ERR}}<p class="field-error">{{MSG}}</p>{{/ERR}}
    </div>
    {{/ITEM}}
    <p class="muted">[[eval.total_saved]] {{TOTAL}} / {{MAX_TOTAL}}</p>
    <div class="field{{#COMMENT_INVALID}} invalid{{/COMMENT_INVALID}}">
      <label for="comment">[[eval.field.comment]]</label>
      <textarea id="comment" name="comment" rows="4">{{COMMENT}}</textarea>
      {{#COMMENT_ERR}}<p class="field-error">{{MSG}}</p>{{/COMMENT_ERR}}
    </div>
    <p class="actions"><button type="submit" class="btn secondary">[[eval.save]]</button></p>
  </form>
</section>
{{/SCORE_FORM}}
{{#SIGN_FORM}}
<section class="panel box" id="sign">
  <h2>[[eval.sign.title]]</h2>
  <p class="hint">[[eval.sign.hint]]</p>
  <form method="post" action="/evaluations/{{ID}}/sign" class="form">
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    {{#ERR}}<p class="field-error" role="alert">{{MSG}}</p>{{/ERR}}
    <p class="actions"><button type="submit" class="btn">[[eval.sign.submit]]</button></p>
  </form>
</section>
{{/SIGN_FORM}}
{{#CORRECT_FORM}}
<section class="panel box" id="correct">
  <h2>[[eval.correct.title]]</h2>
  <p class="hint">[[eval.correct.hint]]</p>
  <form method="post" action="/evaluations/{{ID}}/correct" class="form" novalidate>
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    <div class="field{{#FIELD_INVALID}} invalid{{/FIELD_INVALID}}">
      <label for="field">[[eval.field.field]]</label>
      <select id="field" name="field">{{#OPT}}<option value="{{VALUE}}"{{#SEL}} selected{{/SEL}}>{{LABEL}}</option>{{/OPT}}<option value="comment"{{#COMMENT_SEL}} selected{{/COMMENT_SEL}}>[[eval.field.comment]]</option></select>
      {{#FIELD_ERR}}<p class="field-error">{{MSG}}</p>{{/FIELD_ERR}}
    </div>
    <div class="field{{#NEW_TEXT_INVALID}} invalid{{/NEW_TEXT_INVALID}}">
      <label for="new_text">[[eval.field.new_text]]</label>
      <textarea id="new_text" name="new_text" rows="2">{{NEW_TEXT}}</textarea>
      {{#NEW_TEXT_ERR}}<p class="field-error">{{MSG}}</p>{{/NEW_TEXT_ERR}}
    </div>
    <div class="field{{#REASON_INVALID}} invalid{{/REASON_INVALID}}">
      <label for="reason">[[eval.field.reason]]</label>
      <textarea id="reason" name="reason" rows="2">{{REASON}}</textarea>
      {{#REASON_ERR}}<p class="field-error">{{MSG}}</p>{{/REASON_ERR}}
    </div>
    <p class="actions"><button type="submit" class="btn secondary">[[eval.correct.submit]]</button></p>
  </form>
</section>
{{/CORRECT_FORM}}
