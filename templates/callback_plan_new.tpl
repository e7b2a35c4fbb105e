{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/callbacks/plans">[[callback.plans.title]]</a></p>
<h1>[[callback.plan.new]]</h1>
<p class="hint">[[callback.plan.new_hint]]</p>
<form method="post" action="/callbacks/plans/new" class="form" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  {{>FIELDS}}
  <fieldset class="field{{#PICK_INVALID}} invalid{{/PICK_INVALID}} cb-pick">
    <legend>[[callback.field.pick]]</legend>
    {{#PICK_ERR}}<p class="field-error">{{MSG}}</p>{{/PICK_ERR}}
    <div class="cb-pick-way">
      <label class="check"><input type="radio" name="pick" value="building"{{#PICK_BUILDING_ON}} checked{{/PICK_BUILDING_ON}}> [[callback.pick.building]]</label>
      <div class="field{{#BUILDING_INVALID}} invalid{{/BUILDING_INVALID}}">
        <label for="building">[[callback.field.building]]</label>
        <select id="building" name="building"><option value="">—</option>{{#BUILDING_OPT}}<option value="{{ID}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/BUILDING_OPT}}</select>
        {{#BUILDING_ERR}}<p class="field-error">{{MSG}}</p>{{/BUILDING_ERR}}
      </div>
    </div>
    <div class="cb-pick-way">
      <label class="check"><input type="radio" name="pick" value="units"{{#PICK_UNITS_ON}} checked{{/PICK_UNITS_ON}}> [[callback.pick.units]]</label>
      <div class="field{{#UNITS_INVALID}} invalid{{/UNITS_INVALID}}">
        <label for="units">[[callback.field.units]]</label>
        <textarea id="units" name="units" rows="2" placeholder="1-0101 1-0102 3-1104">{{UNITS}}</textarea>
        {{#UNITS_ERR}}<p class="field-error">{{MSG}}</p>{{/UNITS_ERR}}
      </div>
    </div>
    <div class="cb-pick-way">
      <label class="check"><input type="radio" name="pick" value="requests"{{#PICK_REQUESTS_ON}} checked{{/PICK_REQUESTS_ON}}> [[callback.pick.requests]]</label>
      <div class="field{{#REQ_TYPE_INVALID}} invalid{{/REQ_TYPE_INVALID}}">
        <label for="req_type">[[callback.field.req_type]]</label>
        <select id="req_type" name="req_type"><option value="">[[filter.all]]</option>{{#TYPE_OPT}}<option value="{{ID}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/TYPE_OPT}}</select>
        {{#REQ_TYPE_ERR}}<p class="field-error">{{MSG}}</p>{{/REQ_TYPE_ERR}}
      </div>
      <div class="field-row">
      <div class="field{{#REQ_FROM_INVALID}} invalid{{/REQ_FROM_INVALID}}">
        <label for="req_from">[[callback.field.req_from]]</label>
        <input id="req_from" name="req_from" value="{{REQ_FROM}}" placeholder="2026-10-01" inputmode="numeric">
        {{#REQ_FROM_ERR}}<p class="field-error">{{MSG}}</p>{{/REQ_FROM_ERR}}
      </div>
      <div class="field{{#REQ_TO_INVALID}} invalid{{/REQ_TO_INVALID}}">
        <label for="req_to">[[callback.field.req_to]]</label>
        <input id="req_to" name="req_to" value="{{REQ_TO}}" placeholder="2026-10-31" inputmode="numeric">
        {{#REQ_TO_ERR}}<p class="field-error">{{MSG}}</p>{{/REQ_TO_ERR}}
      </div>
      </div>
    </div>
  </fieldset>
  <p class="actions"><button type="submit" class="btn">[[callback.plan.create]]</button> <a href="/callbacks/plans">[[action.cancel]]</a></p>
</form>
