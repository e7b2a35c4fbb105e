{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/evaluations">[[eval.list.title]]</a> · <a href="/evaluations/{{ID}}">[[eval.title]] · {{PERSON}} {{FROM}} – {{TO}}</a></p>
<h1>{{WHAT}} · {{PERSON}} <span class="muted">{{FROM}} – {{TO}}</span></h1>
<p class="muted">[[list.total]] {{COUNT}}{{#FROZEN}} · [[eval.records.now]]{{/FROZEN}}</p>
{{#EMPTY}}<p class="empty">[[eval.records.none]]</p>{{/EMPTY}}
<table class="list eval-records">
  <thead><tr><th>[[eval.records.when]]</th><th>[[eval.records.what]]</th></tr></thead>
  <tbody>
  {{#REC}}<tr><td>{{#LINK}}<a href="{{HREF}}">{{/LINK}}{{WHEN}}{{#LINK}}</a>{{/LINK}}</td><td>{{TEXT}}</td></tr>
  {{/REC}}
  </tbody>
</table>
