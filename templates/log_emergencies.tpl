{{%AUTOESCAPE context="HTML"}}
<div class="page-head">
  <h1>[[log.emergencies.title]]</h1>
  <p class="page-links"><a href="/log">[[log.current]]</a> · <a href="/log/entries">[[log.entries.title]]</a></p>
</div>
<p class="hint">[[log.emergencies.hint]]</p>
{{#EMPTY}}<p class="empty">[[list.empty]]</p>{{/EMPTY}}
<table class="list">
  <thead><tr><th>[[log.field.time]]</th><th>[[log.field.location]]</th><th>[[log.field.what]]</th><th class="count">[[log.photos]]</th><th>[[log.report.title]]</th></tr></thead>
  <tbody>{{#EMERGENCY}}<tr><td class="num"><a href="/log/emergency/{{ID}}">{{AT}}</a></td><td>{{PLACE}}</td><td>{{WHAT}}</td><td class="count">{{PHOTOS}}</td><td>{{#REPORTED}}<span class="tag">[[log.report.done]]</span>{{/REPORTED}}{{#OVERDUE}}<span class="tag major">[[log.report.overdue]]</span> {{DUE}}{{/OVERDUE}}{{#PENDING}}[[log.report.due]] {{DUE}}{{/PENDING}}</td></tr>{{/EMERGENCY}}</tbody>
</table>
