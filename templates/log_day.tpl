{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/log/days">[[log.days.title]]</a></p>
<div class="page-head">
  <h1>{{DAY}} [[log.day.title]]</h1>
  <p class="page-links"><a class="btn secondary" href="/log/day/{{DAY_ID}}/print">[[log.print]]</a></p>
</div>
<dl class="facts">
  {{#NUMBER}}<div><dt>[[print.number]]</dt><dd class="num">{{NUMBER}}</dd></div>
  <div><dt>[[forms.archive.title]]</dt><dd>{{#ARCHIVED}}<a href="/forms/archive/{{NUMBER}}">[[forms.archive.archived]]</a> ({{PAGES}} [[forms.archive.pages]]){{/ARCHIVED}}</dd></div>{{/NUMBER}}
  <div><dt>[[field.status]]</dt><dd>{{#SIGNED}}<span class="tag">[[log.day.signed]]</span> {{SIGNER}} {{SIGNED_AT}}{{/SIGNED}}{{#NOT_SIGNED}}<span class="tag open">[[log.day.not_signed]]</span>{{/NOT_SIGNED}}{{#IN_PROGRESS}}<span class="tag">[[log.day.in_progress]]</span>{{/IN_PROGRESS}}</dd></div>
  {{#SIGNED}}<div><dt>[[log.field.comment]]</dt><dd class="pre">{{SIGN_COMMENT}}</dd></div>{{/SIGNED}}
</dl>
{{#NO_PAGES}}<p class="empty">[[log.day.no_pages]]</p>{{/NO_PAGES}}
{{#RETURN_ERROR}}{{#REASON_ERR}}<p class="field-error" role="alert">{{MSG}}</p>{{/REASON_ERR}}{{/RETURN_ERROR}}
{{#PAGE}}
<section class="day-page">
  <h2><a href="/log/page/{{PAGE_ID}}">{{SHIFT}}</a> <span class="muted">{{SHIFT_TIME}}</span> <span class="tag">{{STATUS}}</span></h2>
  <p class="muted">[[log.page.staff]]：{{#STAFF}}{{NAME}}{{#LEAD}}（[[log.page.lead]]）{{/LEAD}}{{#STAFF_separator}}、{{/STAFF_separator}}{{/STAFF}}</p>
  {{#RETURNED}}<p class="notice">[[log.page.returned_by]]：{{RETURN_REASON}}</p>{{/RETURNED}}
  {{#NO_ENTRIES}}<p class="empty">[[log.page.no_entries]]</p>{{/NO_ENTRIES}}
  {{>ENTRY}}
  {{#CAN_RETURN}}
  <form method="post" action="/log/page/{{PAGE_ID}}/return" class="form inline-form screen-only" novalidate>
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    <label for="reason-{{PAGE_ID}}">[[log.return.reason]]</label>
    <input id="reason-{{PAGE_ID}}" name="reason" required>
    <button type="submit" class="btn secondary">[[log.return.submit]]</button>
  </form>
  {{/CAN_RETURN}}
</section>
{{/PAGE}}
{{#NOT_OVER}}<p class="notice" id="sign">[[log.sign.not_over]]</p>{{/NOT_OVER}}
{{#SIGN_FORM}}
<section class="panel box" id="sign">
  <h2>[[log.sign.title]]</h2>
  <p class="hint">[[log.sign.hint]]</p>
  <form method="post" action="/log/day/{{DAY_ID}}/sign" class="form" novalidate>
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    <div class="field{{#COMMENT_INVALID}} invalid{{/COMMENT_INVALID}}">
      <label for="comment">[[log.field.comment]]</label>
      <textarea id="comment"{{#COMMENT_INVALID}} aria-invalid="true" aria-describedby="comment-err"{{/COMMENT_INVALID}} name="comment" rows="2">{{COMMENT}}</textarea>
      {{#COMMENT_ERR}}<p class="field-error" id="comment-err">{{MSG}}</p>{{/COMMENT_ERR}}
    </div>
    <p class="actions"><button type="submit" class="btn">[[log.sign.submit]]</button></p>
  </form>
</section>
{{/SIGN_FORM}}
