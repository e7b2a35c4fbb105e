{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/forms">[[forms.title]]</a></p>
<h1>[[forms.batch.title]] #{{ID}}</h1>
<p class="hint">{{AT}} · {{BY}} · [[forms.batch.files]] {{FILES}}</p>
<div class="box batch-progress" role="status" aria-live="polite">
  {{#WAITING}}<p>[[forms.batch.waiting]]</p>{{/WAITING}}
  {{#PROGRESS}}
  <p><label for="batch-bar">[[forms.batch.working]]</label></p>
  <progress id="batch-bar" max="{{MAX}}" value="{{VALUE}}">{{PERCENT}}%</progress>
  <p class="muted">[[forms.batch.file]] {{FILE_NO}} / {{FILE_COUNT}}{{#PAGES}} · [[forms.page]] {{PAGE}} / {{PAGE_COUNT}}{{/PAGES}} · {{PERCENT}}%</p>
  {{/PROGRESS}}
  {{#STALLED}}
  <p class="notice">[[forms.batch.stalled]]</p>
  <form method="post" action="/forms/batch/{{ID}}/retry">
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    <button type="submit" class="btn">[[forms.batch.retry]]</button>
  </form>
  {{/STALLED}}
</div>
<p class="hint">[[forms.batch.leave]]</p>
