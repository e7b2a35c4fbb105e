{{%AUTOESCAPE context="HTML"}}
<dl class="facts">
  <div><dt>[[log.field.time]]</dt><dd class="num">{{AT}}</dd></div>
  <div><dt>[[log.field.location]]</dt><dd>{{PLACE_TEXT}}</dd></div>
  <div><dt>[[log.field.what]]</dt><dd class="pre">{{WHAT_TEXT}}</dd></div>
  <div><dt>[[log.field.people]]</dt><dd class="pre">{{PEOPLE_TEXT}}</dd></div>
  <div><dt>[[log.field.actions]]</dt><dd class="pre">{{ACTIONS_TEXT}}</dd></div>
  <div><dt>[[log.emergency.created_by]]</dt><dd>{{CREATOR}}</dd></div>
</dl>
<h2>[[log.notices.title]]</h2>
{{#NO_NOTICES}}<p class="empty">[[log.notices.none]]</p>{{/NO_NOTICES}}
<table class="list">
  <thead><tr><th>[[log.field.party]]</th><th>[[log.field.who]]</th><th>[[log.field.time]]</th><th>[[log.recorded_by]]</th></tr></thead>
  <tbody>{{#NOTICE}}<tr><td>{{PARTY}}</td><td>{{WHO}}</td><td class="num">{{AT}}</td><td>{{BY}}</td></tr>{{/NOTICE}}</tbody>
</table>
<h2 id="photos">[[log.photos]]</h2>
{{#NO_PHOTOS}}<p class="empty">[[log.photos.none]]</p>{{/NO_PHOTOS}}
<ul class="photos">{{#PHOTO}}<li><a href="/log/emergency/{{ID}}/photo/{{PHOTO_ID}}"><img src="/log/emergency/{{ID}}/photo/{{PHOTO_ID}}" alt="{{CAPTION}}" loading="lazy" width="160"></a><span class="muted">{{CAPTION}} · {{SIZE}} · {{KB}} KB · {{BY}} {{AT}}</span></li>{{/PHOTO}}</ul>
<h2>[[log.report.title]]</h2>
<p>{{#REPORTED}}<span class="tag">[[log.report.done]]</span> {{REPORT_BY}} {{REPORT_AT}}{{/REPORTED}}{{#OVERDUE}}<span class="tag major">[[log.report.overdue]]</span> [[log.report.due]] {{DUE}}{{/OVERDUE}}{{#PENDING}}[[log.report.due]] {{DUE}}{{/PENDING}}</p>
{{#REPORTED}}<div class="pre report">{{REPORT_TEXT}}</div>{{/REPORTED}}
