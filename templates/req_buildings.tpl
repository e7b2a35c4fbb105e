{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/residents">[[req.res.title]]</a></p>
<h1>[[req.bld.title]]</h1>
<table class="list">
  <thead><tr><th>[[req.f.b_code]]</th><th>[[req.f.b_name]]</th><th>[[req.f.b_floors]]</th><th>[[req.bld.units]]</th><th>[[req.bld.residents]]</th></tr></thead>
  <tbody>{{#ROW}}<tr><td>{{CODE}}</td><td><a href="/residents/buildings/{{ID}}">{{NAME}}</a></td><td class="num">{{FLOORS}}</td><td class="num">{{UNITS}}</td><td class="num"><a href="/residents?building={{ID}}">{{RESIDENTS}}</a></td></tr>{{/ROW}}</tbody>
</table>
{{#BUILDING_FORM}}<h2>[[req.bld.new]]</h2>
<form method="post" action="/residents/buildings" class="form box" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
<div class="field-row"><div class="field{{#B_CODE_INVALID}} invalid{{/B_CODE_INVALID}}">
  <label for="b_code">[[req.f.b_code]]</label>
  <input id="b_code"{{#B_CODE_INVALID}} aria-invalid="true" aria-describedby="b_code-err"{{/B_CODE_INVALID}} name="b_code" value="{{B_CODE}}" placeholder="5">
  {{#B_CODE_ERR}}<p class="field-error" id="b_code-err">{{MSG}}</p>{{/B_CODE_ERR}}
</div>
<div class="field{{#B_NAME_INVALID}} invalid{{/B_NAME_INVALID}}">
  <label for="b_name">[[req.f.b_name]]</label>
  <input id="b_name"{{#B_NAME_INVALID}} aria-invalid="true" aria-describedby="b_name-err"{{/B_NAME_INVALID}} name="b_name" value="{{B_NAME}}" placeholder="5 栋">
  {{#B_NAME_ERR}}<p class="field-error" id="b_name-err">{{MSG}}</p>{{/B_NAME_ERR}}
</div>
<div class="field{{#B_FLOORS_INVALID}} invalid{{/B_FLOORS_INVALID}}">
  <label for="b_floors">[[req.f.b_floors]]</label>
  <input id="b_floors"{{#B_FLOORS_INVALID}} aria-invalid="true" aria-describedby="b_floors-err"{{/B_FLOORS_INVALID}} name="b_floors" value="{{B_FLOORS}}" inputmode="numeric">
  {{#B_FLOORS_ERR}}<p class="field-error" id="b_floors-err">{{MSG}}</p>{{/B_FLOORS_ERR}}
</div>
</div>
  <p class="actions"><button type="submit" class="btn">[[action.create]]</button></p>
</form>
{{/BUILDING_FORM}}
