{{%AUTOESCAPE context="HTML"}}
<div class="page-head">
  <h1>[[req.orders.title]]</h1>
  <p class="page-links">{{#SHOW_OPEN}}<a href="/requests/orders?done=1">[[req.orders.done]]</a>{{/SHOW_OPEN}}{{#SHOW_DONE}}<a href="/requests/orders">[[req.orders.open]]</a>{{/SHOW_DONE}}{{#DESK}} · <a href="/requests">[[req.list.title]]</a>{{/DESK}}</p>
</div>
{{#DESK}}<form method="get" action="/requests/orders" class="filters">
  <div class="field">
    <label for="f-dept">[[req.f.dept]]</label>
    <select id="f-dept" name="dept"><option value="">[[filter.all]]</option>{{#DEPT_OPT}}<option value="{{ID}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/DEPT_OPT}}</select>
  </div>
  <p class="actions"><button type="submit" class="btn secondary">[[action.filter]]</button></p>
</form>{{/DESK}}
{{#EMPTY}}<p class="empty">[[req.orders.empty]]</p>{{/EMPTY}}
<table class="list">
  <thead><tr><th>#</th><th>[[req.f.number]]</th><th>[[req.f.dept]]</th><th>[[req.f.type]]</th><th>[[req.f.unit]]</th><th>[[req.list.summary]]</th><th>[[req.f.status]]</th><th>[[req.f.due]]</th></tr></thead>
  <tbody>{{#ROW}}<tr{{#OVERDUE}} class="req-overdue"{{/OVERDUE}}><td><a href="/requests/orders/{{ID}}">{{ID}}</a></td><td>{{NUMBER}}</td><td>{{DEPT}}</td><td>{{TYPE}}</td><td>{{UNIT}}</td><td>{{SUMMARY}}</td><td><span class="tag req-{{STATUS_CLASS}}">{{STATUS}}</span></td><td class="num">{{DUE}}{{#OVERDUE}} <span class="tag major">[[req.overdue]]</span>{{/OVERDUE}}</td></tr>{{/ROW}}</tbody>
</table>
