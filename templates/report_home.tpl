{{%AUTOESCAPE context="HTML"}}
<h1>[[report.home.title]]</h1>
<ul class="rep-links">
  <li><a href="/reports/kpi">[[report.kpi.title]]</a> <span class="muted">[[report.home.kpi]]</span></li>
  <li><a href="/reports/complaints?year={{YEAR}}&amp;quarter={{QUARTER}}">[[report.q.title]]</a> <span class="muted">[[report.home.quarter]]</span></li>
  {{#CAN_DIGEST}}<li><a href="/reports/digest/{{YESTERDAY}}">[[report.d.title]]</a> <span class="muted">[[report.home.digest]]</span></li>{{/CAN_DIGEST}}
  {{#CAN_SITES}}<li><a href="/reports/sites">[[report.sites.title]]</a> <span class="muted">[[report.home.sites]]</span></li>{{/CAN_SITES}}
</ul>
