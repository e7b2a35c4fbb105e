{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/evaluations">[[eval.list.title]]</a></p>
<div class="page-head">
  <h1>{{PERSON}} · [[eval.person.title]]</h1>
  {{#CAN_EVALUATE}}<p class="page-links"><a class="btn" href="/evaluations/new?user={{USER_ID}}">[[eval.new.title]]</a></p>{{/CAN_EVALUATE}}
</div>
{{#EMPTY}}<p class="empty">[[eval.list.empty]]</p>{{/EMPTY}}
<table class="list eval-history">
  <thead><tr><th>[[eval.period]]</th><th>[[eval.field.status]]</th><th class="num">[[eval.total]]</th><th>[[eval.person.trend]]</th></tr></thead>
  <tbody>
  {{#ROW}}<tr><td><a href="/evaluations/{{ID}}">{{FROM}} – {{TO}}</a></td><td><span class="tag ev-{{STATUS_CLASS}}">{{STATUS}}</span></td><td class="num">{{TOTAL}} / {{MAX}} <span class="muted">{{PCT}}</span>{{#GRADE}} <span class="tag ev-grade-{{GRADE_CLASS}}">{{GRADE}}</span>{{/GRADE}}</td><td><meter min="0" max="{{MAX}}" value="{{TOTAL}}">{{PCT}}</meter> {{#UP}}<span class="ev-up">▲ {{DIFF}}</span>{{/UP}}{{#DOWN}}<span class="ev-down">▼ {{DIFF}}</span>{{/DOWN}}{{#SAME}}<span class="muted">＝</span>{{/SAME}}</td></tr>
  {{/ROW}}
  </tbody>
</table>
