{{%AUTOESCAPE context="HTML"}}
<div class="page-head">
  <h1>[[callback.plans.title]]</h1>
  <p class="page-links"><a href="/callbacks">[[callback.list.title]]</a> · <a href="/callbacks/records">[[callback.records.title]]</a> · <a href="/callbacks/reports">[[callback.reports.title]]</a>{{#CAN_NEW}} <a class="btn" href="/callbacks/plans/new">[[callback.plan.new]]</a>{{/CAN_NEW}}</p>
</div>
<form method="get" action="/callbacks/plans" class="filters">
  <div class="field">
    <label for="status">[[field.status]]</label>
    <select id="status" name="status"><option value="">[[filter.all]]</option><option value="draft"{{#STATUS_DRAFT_ON}} selected{{/STATUS_DRAFT_ON}}>[[callback.plan_status.draft]]</option><option value="approved"{{#STATUS_APPROVED_ON}} selected{{/STATUS_APPROVED_ON}}>[[callback.plan_status.approved]]</option><option value="done"{{#STATUS_DONE_ON}} selected{{/STATUS_DONE_ON}}>[[callback.plan_status.done]]</option></select>
  </div>
  <p class="actions"><button type="submit" class="btn secondary">[[action.filter]]</button></p>
</form>
<p class="muted">[[list.total]] {{TOTAL}}</p>
{{#EMPTY}}<p class="empty">[[list.empty]]</p>{{/EMPTY}}
<div class="cb-scroll">
<table class="list cb-list">
  <thead><tr><th>[[callback.field.title]]</th><th>[[callback.field.plan_kind]]</th><th>[[callback.field.dates]]</th><th>[[callback.field.method]]</th><th>[[field.status]]</th><th>[[callback.progress]]</th></tr></thead>
  <tbody>
  {{#PLAN}}<tr>
    <td><a href="/callbacks/plans/{{ID}}">{{TITLE}}</a><br><span class="muted">{{CREATOR}}</span></td>
    <td><span class="tag">{{KIND}}</span></td>
    <td class="num">{{FROM}} – {{TO}}</td>
    <td>{{METHOD}}</td>
    <td><span class="tag cb-plan-{{STATUS_CLASS}}">{{STATUS}}</span></td>
    <td><meter min="0" max="100" value="{{PCT}}">{{PCT}}%</meter> [[callback.called]] {{CALLED}}/{{TOTAL}} · [[callback.reached]] {{REACHED}} · [[callback.avg]] {{AVG}}</td>
  </tr>{{/PLAN}}
  </tbody>
</table>
</div>
{{#PAGER}}<nav class="pager" aria-label="[[pager.label]]">{{#PREV}}<a href="{{HREF}}" rel="prev">[[pager.prev]]</a>{{/PREV}} <span>[[pager.page]] {{PAGE}} / {{PAGES}}</span> {{#NEXT}}<a href="{{HREF}}" rel="next">[[pager.next]]</a>{{/NEXT}}</nav>{{/PAGER}}
