{{%AUTOESCAPE context="HTML"}}
<div class="page-head">
  <h1>[[req.list.title]]</h1>
  <p class="page-links">{{#CAN_REGISTER}}<a class="btn" href="/requests/new">[[req.new.title]]</a> {{/CAN_REGISTER}}<a href="/requests/orders">[[req.orders.title]]</a> · <a href="/residents">[[req.res.title]]</a>{{#CAN_CONFIG}} · <a href="/requests/settings">[[req.settings.title]]</a>{{/CAN_CONFIG}}</p>
</div>
<form method="get" action="/requests" class="filters" role="search">
  <div class="field">
    <label for="f-status">[[req.f.status]]</label>
    <select id="f-status" name="status"><option value="">[[filter.all]]</option>{{#STATUS_OPT}}<option value="{{V}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/STATUS_OPT}}</select>
  </div>
  <div class="field">
    <label for="f-type">[[req.f.type]]</label>
    <select id="f-type" name="type"><option value="">[[filter.all]]</option>{{#TYPE_OPT}}<option value="{{V}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/TYPE_OPT}}</select>
  </div>
  <div class="field">
    <label for="f-channel">[[req.f.channel]]</label>
    <select id="f-channel" name="channel"><option value="">[[filter.all]]</option>{{#CHANNEL_OPT}}<option value="{{V}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/CHANNEL_OPT}}</select>
  </div>
  <div class="field">
    <label for="f-building">[[req.f.building]]</label>
    <select id="f-building" name="building"><option value="">[[filter.all]]</option>{{#BUILDING_OPT}}<option value="{{ID}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/BUILDING_OPT}}</select>
  </div>
  <div class="field">
    <label for="f-dept">[[req.f.dept]]</label>
    <select id="f-dept" name="dept"><option value="">[[filter.all]]</option>{{#DEPT_OPT}}<option value="{{ID}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/DEPT_OPT}}</select>
  </div>
  <div class="field">
    <label for="f-from">[[req.list.from]]</label>
    <input id="f-from" name="from" value="{{FROM}}" placeholder="2026-11-01" inputmode="numeric">
  </div>
  <div class="field">
    <label for="f-to">[[req.list.to]]</label>
    <input id="f-to" name="to" value="{{TO}}" placeholder="2026-11-30" inputmode="numeric">
  </div>
  <div class="field">
    <label for="f-q">[[req.list.q]]</label>
    <input id="f-q" name="q" value="{{Q}}">
  </div>
  <label class="check"><input type="checkbox" name="overdue" value="1"{{#OVERDUE_ON}} checked{{/OVERDUE_ON}}> [[req.list.overdue_only]]</label>
  <p class="actions"><button type="submit" class="btn secondary">[[action.filter]]</button> <a href="/requests/export?{{BASE}}">[[req.list.csv]]</a></p>
</form>
{{#EMPTY}}<p class="empty">[[req.list.empty]]</p>{{/EMPTY}}
<table class="list req-list">
  <thead><tr><th>[[req.f.number]]</th><th>[[req.f.received_at]]</th><th>[[req.f.type]]</th><th>[[req.f.unit]]</th><th>[[req.list.summary]]</th><th>[[req.f.status]]</th><th>[[req.f.due]]</th></tr></thead>
  <tbody>
  {{#ROW}}<tr{{#OVERDUE}} class="req-overdue"{{/OVERDUE}}><td><a href="/requests/{{ID}}">{{NUMBER}}</a></td><td class="num">{{AT}}</td><td>{{TYPE}}{{#MAJOR}} <span class="tag major">[[req.f.major]]</span>{{/MAJOR}}<br><span class="muted">{{CHANNEL}}</span></td><td>{{UNIT}}<br><span class="muted">{{WHO}}</span></td><td>{{SUMMARY}}</td><td><span class="tag req-{{STATUS_CLASS}}">{{STATUS}}</span></td><td class="num">{{DUE}}{{#OVERDUE}} <span class="tag major">[[req.overdue]]</span>{{/OVERDUE}}</td></tr>
  {{/ROW}}
  </tbody>
</table>
{{#PAGER}}<nav class="pager" aria-label="[[pager.label]]">{{#PREV}}<a href="{{HREF}}" rel="prev">[[pager.prev]]</a>{{/PREV}} <span>[[pager.page]] {{PAGE}}</span> {{#NEXT}}<a href="{{HREF}}" rel="next">[[pager.next]]</a>{{/NEXT}}</nav>{{/PAGER}}
