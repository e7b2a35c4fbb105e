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
  <p class="actions"><button type="submit" class="btn secondary">[[forms.print.show]]</button></p>
</form>
<p class="hint">[[forms.print.hint]]</p>
{{#NONE}}<p class="empty">[[list.empty]]</p>{{/NONE}}
<table class="list forms-print">
  <thead><tr><th>[[forms.print.form]]</th><th>[[forms.field.number]]</th><th>[[forms.print.print]]</th><th>[[forms.archive.title]]</th></tr></thead>
  <tbody>
  {{#DAY}}<tr><td><a href="/log/day/{{ID}}">[[form.log_day]] {{DAY}}</a></td><td class="num">{{NUMBER}}</td><td><a href="/log/day/{{ID}}/print">[[forms.print.print]]</a></td><td>{{#ARCHIVED}}<a href="/forms/archive/{{NUMBER}}">[[forms.archive.archived]] ({{PAGES}})</a>{{/ARCHIVED}}</td></tr>{{/DAY}}
  {{#EMERGENCY}}<tr><td><a href="/log/emergency/{{ID}}">[[form.emergency]] {{AT}} {{PLACE}}</a></td><td class="num">{{NUMBER}}</td><td><a href="/log/emergency/{{ID}}/print">[[forms.print.print]]</a></td><td>{{#ARCHIVED}}<a href="/forms/archive/{{NUMBER}}">[[forms.archive.archived]] ({{PAGES}})</a>{{/ARCHIVED}}</td></tr>{{/EMERGENCY}}
  </tbody>
</table>
