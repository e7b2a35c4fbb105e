{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/residents/buildings">[[req.bld.title]]</a></p>
<h1>{{NAME}} <span class="muted">{{CODE}}</span></h1>
{{#NO_UNITS}}<p class="empty">[[req.bld.no_units]]</p>{{/NO_UNITS}}
<table class="list">
  <thead><tr><th>[[req.f.unit]]</th><th>[[req.f.u_floor]]</th><th>[[req.bld.residents]]</th><th></th></tr></thead>
  <tbody>{{#UNIT}}<tr><td><a href="/residents?q={{Q}}">{{UNIT_CODE}}</a></td><td class="num">{{FLOOR}}</td><td>{{NAMES}}</td><td>{{#CAN_REGISTER}}<a href="/requests/new?unit={{Q}}">[[req.bld.register]]</a>{{/CAN_REGISTER}}</td></tr>{{/UNIT}}</tbody>
</table>
{{#UNIT_FORM}}<h2>[[req.bld.new_unit]]</h2>
<form method="post" action="/residents/buildings/{{ID}}/units" class="form box" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
<div class="field-row"><div class="field{{#U_ROOM_INVALID}} invalid{{/U_ROOM_INVALID}}">
  <label for="u_room">[[req.f.u_room]]</label>
  <input id="u_room"{{#U_ROOM_INVALID}} aria-invalid="true" aria-describedby="u_room-err"{{/U_ROOM_INVALID}} name="u_room" value="{{U_ROOM}}" placeholder="0302">
  {{#U_ROOM_ERR}}<p class="field-error" id="u_room-err">{{MSG}}</p>{{/U_ROOM_ERR}}
</div>
<div class="field{{#U_FLOOR_INVALID}} invalid{{/U_FLOOR_INVALID}}">
  <label for="u_floor">[[req.f.u_floor]]</label>
  <input id="u_floor"{{#U_FLOOR_INVALID}} aria-invalid="true" aria-describedby="u_floor-err"{{/U_FLOOR_INVALID}} name="u_floor" value="{{U_FLOOR}}" inputmode="numeric">
  {{#U_FLOOR_ERR}}<p class="field-error" id="u_floor-err">{{MSG}}</p>{{/U_FLOOR_ERR}}
</div>
</div>
  <p class="actions"><button type="submit" class="btn">[[action.create]]</button></p>
</form>
{{/UNIT_FORM}}
