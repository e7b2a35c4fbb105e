{{%AUTOESCAPE context="HTML"}}
<div class="page-head">
  <h1>[[req.res.title]]</h1>
  <p class="page-links">{{#CAN_EDIT}}<a class="btn" href="/residents/new">[[req.res.new]]</a> <a href="/residents/import">[[req.import.title]]</a> · {{/CAN_EDIT}}<a href="/residents/buildings">[[req.bld.title]]</a> · <a href="/requests">[[req.list.title]]</a></p>
</div>
<form method="get" action="/residents" class="filters" role="search">
  <div class="field"><label for="f-q">[[req.res.q]]</label><input id="f-q" name="q" value="{{Q}}"></div>
  <div class="field">
    <label for="f-building">[[req.f.building]]</label>
    <select id="f-building" name="building"><option value="">[[filter.all]]</option>{{#BUILDING_OPT}}<option value="{{ID}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/BUILDING_OPT}}</select>
  </div>
  <label class="check"><input type="checkbox" name="inactive" value="1"{{#INACTIVE_ON}} checked{{/INACTIVE_ON}}> [[req.res.with_inactive]]</label>
  <p class="actions"><button type="submit" class="btn secondary">[[action.filter]]</button></p>
</form>
<p class="muted">[[req.res.total]] {{TOTAL}}</p>
{{#EMPTY}}<p class="empty">[[req.res.empty]]</p>{{/EMPTY}}
<table class="list">
  <thead><tr><th>[[req.f.unit]]</th><th>[[req.f.res_name]]</th><th>[[req.f.kind]]</th><th>[[req.f.phone]]</th><th>[[req.f.note]]</th></tr></thead>
  <tbody>{{#ROW}}<tr{{#INACTIVE}} class="off"{{/INACTIVE}}><td>{{UNIT}}</td><td><a href="/residents/{{ID}}">{{NAME}}</a>{{#INACTIVE}} <span class="tag off">[[req.res.inactive]]</span>{{/INACTIVE}}</td><td>{{KIND}}</td><td class="num">{{PHONE}}</td><td>{{NOTE}}</td></tr>{{/ROW}}</tbody>
</table>
{{#PAGER}}<nav class="pager" aria-label="[[pager.label]]">{{#PREV}}<a href="{{HREF}}" rel="prev">[[pager.prev]]</a>{{/PREV}} <span>[[pager.page]] {{PAGE}} / {{PAGES}}</span> {{#NEXT}}<a href="{{HREF}}" rel="next">[[pager.next]]</a>{{/NEXT}}</nav>{{/PAGER}}
