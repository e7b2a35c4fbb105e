{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/forms/triage">[[forms.triage.title]]</a></p>
<h1>{{FILE}} ({{FILE_PAGE}})</h1>
<p class="hint">{{REASON}} · {{AT}} · {{BY}}</p>
<div class="forms-triage-page">
<form method="post" action="/forms/triage/{{ID}}" class="form box" novalidate>
  <h2>[[forms.triage.file_it]]</h2>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="field{{#NUMBER_INVALID}} invalid{{/NUMBER_INVALID}}">
    <label for="number">[[forms.field.number]]</label>
    <input id="number" name="number" value="{{NUMBER}}" maxlength="40" autocomplete="off" spellcheck="false" aria-describedby="number-hint">
    {{#NUMBER_ERR}}<p class="field-error">{{MSG}}</p>{{/NUMBER_ERR}}
    <p class="hint" id="number-hint">[[forms.field.number_hint]]</p>
  </div>
  <div class="field{{#PICK_INVALID}} invalid{{/PICK_INVALID}}">
    <label for="pick">[[forms.field.pick]]</label>
    <select id="pick" name="pick"><option value="">[[forms.field.pick_none]]</option>{{#OPTION}}<option value="{{NUMBER}}"{{#SELECTED}} selected{{/SELECTED}}>{{NUMBER}} · {{KIND}} · {{DAY}}</option>{{/OPTION}}</select>
    {{#PICK_ERR}}<p class="field-error">{{MSG}}</p>{{/PICK_ERR}}
  </div>
  <p class="actions"><button type="submit" class="btn">[[forms.triage.submit]]</button></p>
</form>
<p class="forms-triage-image"><a href="/forms/scan/{{ID}}"><img src="/forms/scan/{{ID}}" alt="{{FILE}} ({{FILE_PAGE}})"></a></p>
</div>
