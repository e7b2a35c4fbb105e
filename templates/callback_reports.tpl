{{%AUTOESCAPE context="HTML"}}
<div class="page-head">
  <h1>[[callback.reports.title]]</h1>
  <p class="page-links"><a href="/callbacks">[[callback.list.title]]</a> · <a href="/callbacks/records">[[callback.records.title]]</a> · <a href="/callbacks/plans">[[callback.plans.title]]</a></p>
</div>
<p class="hint">[[callback.reports.hint]]</p>
{{#OVERDUE_ALERT}}<p class="notice cb-alert" role="alert">[[callback.reports.overdue_alert]] {{N}}</p>{{/OVERDUE_ALERT}}
<section class="box" aria-labelledby="missing-h">
  <h2 id="missing-h">[[callback.reports.missing]]</h2>
  {{#NONE_MISSING}}<p class="empty">[[callback.reports.none_missing]]</p>{{/NONE_MISSING}}
  <ul class="cb-missing">
  {{#MISSING}}<li{{#OVERDUE}} class="cb-overdue"{{/OVERDUE}}><span class="num">{{DAY}}</span> · [[callback.report.calls]] {{N}}{{#OVERDUE}} <span class="tag off">[[callback.reports.overdue]]</span>{{/OVERDUE}}{{#CAN_WRITE}} <a href="/callbacks/reports/new?day={{DAY}}">[[callback.report.write]]</a>{{/CAN_WRITE}}</li>{{/MISSING}}
  </ul>
  {{#NEW_FORM}}<form method="get" action="/callbacks/reports/new" class="form inline-form">
    <label for="day">[[callback.field.day]]</label>
    <input id="day" name="day" value="{{YESTERDAY}}" inputmode="numeric" size="10">
    <button type="submit" class="btn">[[callback.report.write]]</button>
  </form>{{/NEW_FORM}}
</section>
<form method="get" action="/callbacks/reports" class="filters">
  <div class="field">
    <label for="status">[[field.status]]</label>
    <select id="status" name="status"><option value="">[[filter.all]]</option><option value="pending"{{#STATUS_PENDING_ON}} selected{{/STATUS_PENDING_ON}}>[[callback.report.pending]]</option><option value="reviewed"{{#STATUS_REVIEWED_ON}} selected{{/STATUS_REVIEWED_ON}}>[[callback.report.reviewed]]</option></select>
  </div>
  <p class="actions"><button type="submit" class="btn secondary">[[action.filter]]</button></p>
</form>
<p class="muted">[[list.total]] {{TOTAL}}</p>
{{#EMPTY}}<p class="empty">[[list.empty]]</p>{{/EMPTY}}
<table class="list">
  <thead><tr><th>[[callback.field.day]]</th><th>[[callback.sign.writer]]</th><th>[[callback.report.review]]</th></tr></thead>
  <tbody>
  {{#REPORT}}<tr><td><a href="/callbacks/reports/{{ID}}" class="num">{{DAY}}</a>{{#CORRECTED}} <span class="tag stamp-tag">[[callback.corrected]]</span>{{/CORRECTED}}</td><td>{{WRITER}} <span class="muted num">{{WRITTEN_AT}}</span></td><td>{{#REVIEWED}}<span class="tag">[[callback.report.reviewed]]</span> {{BY}} <span class="muted num">{{AT}}</span>{{/REVIEWED}}{{#PENDING}}<span class="tag open">[[callback.report.pending]]</span>{{/PENDING}}</td></tr>{{/REPORT}}
  </tbody>
</table>
{{#PAGER}}<nav class="pager" aria-label="[[pager.label]]">{{#PREV}}<a href="{{HREF}}" rel="prev">[[pager.prev]]</a>{{/PREV}} <span>[[pager.page]] {{PAGE}} / {{PAGES}}</span> {{#NEXT}}<a href="{{HREF}}" rel="next">[[pager.next]]</a>{{/NEXT}}</nav>{{/PAGER}}
