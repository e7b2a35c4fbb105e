{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/forms">[[forms.title]]</a></p>
<h1>[[forms.print.title]]</h1>
<form method="get" action="/forms/print" class="inline-form box">
  <div class="field{{#FROM_INVALID}} invalid{{/FROM_INVALID}}">
    <label for="from">[[forms.field.from]]</label>
    <input id="from" name="from" type="date" value="{{FROM}}">
    {{#FROM_ERR}}<p class="field-error">{{MSG}}</p>{{/FROM_ERR}}
  </div>
  <div class="field{{#TO_INVALID}} invalid{{/TO_INVALID}}">
    <label for="to">[[forms.field.to]]</label>
    <input id="to" name="to" type="date" value="{{TO}}">
    {{#TO_ERR}}<p class="field-error">{{MSG}}</p>{{/TO_ERR}}
  </div>
  <fieldset class="field checks">
    <legend>[[forms.print.form]]</legend>
    {{#KIND}}<label><input type="checkbox" name="kinds" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}> {{NAME}}</label>{{/KIND}}
  </fieldset>
  <p class="actions"><button type="submit" class="btn secondary">[[forms.print.show]]</button></p>
</form>
<p class="hint">[[forms.print.hint]]</p>
{{#DOCUMENT}}<p class="actions"><a class="btn" href="/forms/print/document?{{QUERY}}">[[forms.print.document]] ({{COUNT}})</a></p>{{/DOCUMENT}}
{{#NONE}}<p class="empty">[[list.empty]]</p>{{/NONE}}
<table class="list forms-print">
  <thead><tr><th>[[forms.print.form]]</th><th>[[forms.field.number]]</th><th>[[forms.print.print]]</th><th>[[forms.archive.title]]</th></tr></thead>
  <tbody>
  {{#FORM}}<tr><td><a href="{{URL}}">{{KIND}} {{LABEL}}</a></td><td class="num">{{NUMBER}}</td><td><a href="{{PRINT_URL}}">[[forms.print.print]]</a></td><td>{{#ARCHIVED}}<a href="/forms/archive/{{NUMBER}}">[[forms.archive.archived]] ({{PAGES}})</a>{{/ARCHIVED}}</td></tr>{{/FORM}}
  </tbody>
</table>
