{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/reports">[[report.home.title]]</a></p>
<h1>[[report.sites.title]]</h1>
<p class="muted">[[report.sites.hint]]</p>
<form method="get" action="/reports/sites" class="form filters rep-filter">
  <div class="field"><label for="period">[[report.field.period]]</label>
    <select id="period" name="period">
      <option value="week"{{#PERIOD_WEEK}} selected{{/PERIOD_WEEK}}>[[report.period.week]]</option>
      <option value="month"{{#PERIOD_MONTH}} selected{{/PERIOD_MONTH}}>[[report.period.month]]</option>
      <option value="quarter"{{#PERIOD_QUARTER}} selected{{/PERIOD_QUARTER}}>[[report.period.quarter]]</option>
    </select></div>
  <div class="field"><label for="day">[[report.field.day]]</label><input type="date" id="day" name="day" value="{{DAY}}"></div>
  <p class="actions"><button type="submit" class="btn">[[report.show]]</button></p>
</form>
<p class="rep-period"><a href="{{PREV_HREF}}" rel="prev">← [[report.prev]]</a> <strong>{{FROM}} – {{LAST}}</strong> <a href="{{NEXT_HREF}}" rel="next">[[report.next]] →</a></p>
{{#BLOCK}}{{>TABLE}}{{/BLOCK}}
