{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/reports">[[report.home.title]]</a></p>
<h1>[[report.d.title]] <span class="muted">{{SITE_NAME}} · {{DAY}}</span></h1>
<form method="get" action="/reports/digest" class="form filters rep-filter">
  <div class="field"><label for="day">[[report.field.day]]</label><input type="date" id="day" name="day" value="{{DAY}}"></div>
  <p class="actions"><button type="submit" class="btn">[[report.show]]</button></p>
</form>
<div class="rep-period"><a href="/reports/digest/{{PREV}}" rel="prev">← {{PREV}}</a> <strong>{{DAY}}</strong> <a href="/reports/digest/{{NEXT}}" rel="next">{{NEXT}} →</a>{{#CAN_PRINT}} · <form method="post" action="{{HREF}}" class="inline"><input type="hidden" name="_csrf" value="{{CSRF}}"><button type="submit" class="btn secondary">[[report.print]]</button></form>{{/CAN_PRINT}}</div>
{{#BLOCK}}{{>TABLE}}{{/BLOCK}}
