{{%AUTOESCAPE context="HTML"}}
<div class="page-head">
  <h1>[[forms.title]]</h1>
  <p class="page-links"><a href="/forms/triage">[[forms.triage.title]]</a> · <a href="/forms/print">[[forms.print.title]]</a></p>
</div>
{{#TRIAGE_WAITING}}<p class="notice"><a href="/forms/triage">[[forms.triage.waiting]] {{TRIAGE_COUNT}}</a></p>{{/TRIAGE_WAITING}}
<form method="post" action="/forms/upload" enctype="multipart/form-data" class="form box" novalidate>
  <h2>[[forms.upload]]</h2>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="field{{#FILES_INVALID}} invalid{{/FILES_INVALID}}">
    <label for="files">[[forms.field.files]]</label>
    <input id="files" name="files" type="file" accept="application/pdf,image/jpeg,image/png" multiple>
    {{#FILES_ERR}}<p class="field-error">{{MSG}}</p>{{/FILES_ERR}}
    <p class="hint">[[forms.upload.hint]] {{MAX_MB}} MB.</p>
  </div>
  <p class="actions"><button type="submit" class="btn">[[forms.upload.submit]]</button></p>
</form>
<section>
  <h2>[[forms.batches]]</h2>
  {{#NO_BATCHES}}<p class="empty">[[list.empty]]</p>{{/NO_BATCHES}}
  <table class="list forms-batches">
    <thead><tr><th>[[forms.batch.no]]</th><th>[[forms.batch.at]]</th><th>[[forms.batch.by]]</th><th class="count">[[forms.batch.pages]]</th><th class="count">[[forms.outcome.filed]]</th><th class="count">[[forms.outcome.triage]]</th><th class="count">[[forms.outcome.duplicate]]</th><th class="count">[[forms.outcome.refused]]</th></tr></thead>
    <tbody>{{#BATCH}}<tr><td><a href="/forms/batch/{{ID}}">#{{ID}}</a>{{#IMPORT}} <span class="tag off">[[forms.batch.import]]</span>{{/IMPORT}}{{#QUEUED}} <span class="tag stamp-tag">[[forms.batch.queued]]</span>{{/QUEUED}}</td><td class="num">{{AT}}</td><td>{{BY}}</td><td class="count">{{PAGES}}</td><td class="count">{{FILED}}</td><td class="count">{{TRIAGE}}</td><td class="count">{{DUPS}}</td><td class="count">{{REFUSED}}</td></tr>{{/BATCH}}</tbody>
  </table>
</section>
