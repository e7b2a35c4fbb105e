{{%AUTOESCAPE context="HTML"}}
<section class="sheet-body">
<dl class="facts">
  <div><dt>[[log.field.date]]</dt><dd>{{DAY}}</dd></div>
  <div><dt>[[field.status]]</dt><dd>{{#SIGNED}}[[log.day.signed]] {{SIGNER}} {{SIGNED_AT}}{{/SIGNED}}{{#NOT_SIGNED}}[[log.day.not_signed]]{{/NOT_SIGNED}}{{#IN_PROGRESS}}[[log.day.in_progress]]{{/IN_PROGRESS}}</dd></div>
  {{#SIGNED}}<div><dt>[[log.field.comment]]</dt><dd class="pre">{{SIGN_COMMENT}}</dd></div>{{/SIGNED}}
</dl>
{{#PAGE}}
<section class="day-page">
  <h2>{{SHIFT}} <span class="muted">{{SHIFT_TIME}}</span> · {{STATUS}}</h2>
  <p class="muted">[[log.page.staff]]：{{#STAFF}}{{NAME}}{{#LEAD}}（[[log.page.lead]]）{{/LEAD}}{{#STAFF_separator}}、{{/STAFF_separator}}{{/STAFF}}</p>
  {{#NO_ENTRIES}}<p class="empty">[[log.page.no_entries]]</p>{{/NO_ENTRIES}}
  {{>ENTRY}}
</section>
{{/PAGE}}
</section>
