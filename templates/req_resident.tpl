{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/residents">[[req.res.title]]</a></p>
{{#EDITING}}<h1>[[req.res.edit]]</h1>
{{#CAN_EDIT}}<form method="post" action="/residents/{{ID}}" class="form box" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
<div class="field{{#NAME_INVALID}} invalid{{/NAME_INVALID}}">
  <label for="name">[[req.f.res_name]]</label>
  <input id="name"{{#NAME_INVALID}} aria-invalid="true" aria-describedby="name-err"{{/NAME_INVALID}} name="name" value="{{NAME}}">
  {{#NAME_ERR}}<p class="field-error" id="name-err">{{MSG}}</p>{{/NAME_ERR}}
</div>
<div class="field-row"><div class="field{{#UNIT_INVALID}} invalid{{/UNIT_INVALID}}">
  <label for="unit">[[req.f.unit]]</label>
  <input id="unit"{{#UNIT_INVALID}} aria-invalid="true" aria-describedby="unit-err"{{/UNIT_INVALID}} name="unit" value="{{UNIT}}" placeholder="1-0302">
  {{#UNIT_ERR}}<p class="field-error" id="unit-err">{{MSG}}</p>{{/UNIT_ERR}}
</div>
<div class="field{{#KIND_INVALID}} invalid{{/KIND_INVALID}}">
  <label for="kind">[[req.f.kind]]</label>
  <select id="kind"{{#KIND_INVALID}} aria-invalid="true" aria-describedby="kind-err"{{/KIND_INVALID}} name="kind"><option value="owner"{{#KIND_OWNER_ON}} selected{{/KIND_OWNER_ON}}>[[req.kind.owner]]</option><option value="tenant"{{#KIND_TENANT_ON}} selected{{/KIND_TENANT_ON}}>[[req.kind.tenant]]</option><option value="other"{{#KIND_OTHER_ON}} selected{{/KIND_OTHER_ON}}>[[req.kind.other]]</option></select>
  {{#KIND_ERR}}<p class="field-error" id="kind-err">{{MSG}}</p>{{/KIND_ERR}}
</div>
<div class="field{{#PHONE_INVALID}} invalid{{/PHONE_INVALID}}">
  <label for="phone">[[req.f.phone]]</label>
  <input id="phone"{{#PHONE_INVALID}} aria-invalid="true" aria-describedby="phone-err"{{/PHONE_INVALID}} name="phone" value="{{PHONE}}" inputmode="tel">
  {{#PHONE_ERR}}<p class="field-error" id="phone-err">{{MSG}}</p>{{/PHONE_ERR}}
</div>
</div>
<div class="field{{#NOTE_INVALID}} invalid{{/NOTE_INVALID}}">
  <label for="note">[[req.f.note]]</label>
  <input id="note"{{#NOTE_INVALID}} aria-invalid="true" aria-describedby="note-err"{{/NOTE_INVALID}} name="note" value="{{NOTE}}">
  {{#NOTE_ERR}}<p class="field-error" id="note-err">{{MSG}}</p>{{/NOTE_ERR}}
</div>
<fieldset class="field{{#ACTIVE_INVALID}} invalid{{/ACTIVE_INVALID}}">
  <legend>[[req.f.active]]</legend>
  <label class="check"><input type="checkbox" name="active" value="1"{{#ACTIVE_1_ON}} checked{{/ACTIVE_1_ON}}> [[req.res.active_hint]]</label>
  {{#ACTIVE_ERR}}<p class="field-error" id="active-err">{{MSG}}</p>{{/ACTIVE_ERR}}
</fieldset>
  <p class="actions"><button type="submit" class="btn">[[action.save]]</button> <a href="/requests/new?unit={{UNIT}}">[[req.new.title]]</a></p>
</form>{{/CAN_EDIT}}
{{#READ_ONLY}}<dl class="facts"><div><dt>[[req.f.res_name]]</dt><dd>{{NAME}}</dd></div><div><dt>[[req.f.unit]]</dt><dd>{{UNIT}}</dd></div><div><dt>[[req.f.phone]]</dt><dd>{{PHONE}}</dd></div></dl>{{/READ_ONLY}}
{{/EDITING}}
{{#CREATING}}<h1>[[req.res.new]]</h1>
<form method="post" action="/residents/new" class="form box" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
<div class="field{{#NAME_INVALID}} invalid{{/NAME_INVALID}}">
  <label for="name">[[req.f.res_name]]</label>
  <input id="name"{{#NAME_INVALID}} aria-invalid="true" aria-describedby="name-err"{{/NAME_INVALID}} name="name" value="{{NAME}}">
  {{#NAME_ERR}}<p class="field-error" id="name-err">{{MSG}}</p>{{/NAME_ERR}}
</div>
<div class="field-row"><div class="field{{#UNIT_INVALID}} invalid{{/UNIT_INVALID}}">
  <label for="unit">[[req.f.unit]]</label>
  <input id="unit"{{#UNIT_INVALID}} aria-invalid="true" aria-describedby="unit-err"{{/UNIT_INVALID}} name="unit" value="{{UNIT}}" placeholder="1-0302">
  {{#UNIT_ERR}}<p class="field-error" id="unit-err">{{MSG}}</p>{{/UNIT_ERR}}
</div>
<div class="field{{#KIND_INVALID}} invalid{{/KIND_INVALID}}">
  <label for="kind">[[req.f.kind]]</label>
  <select id="kind"{{#KIND_INVALID}} aria-invalid="true" aria-describedby="kind-err"{{/KIND_INVALID}} name="kind"><option value="owner"{{#KIND_OWNER_ON}} selected{{/KIND_OWNER_ON}}>[[req.kind.owner]]</option><option value="tenant"{{#KIND_TENANT_ON}} selected{{/KIND_TENANT_ON}}>[[req.kind.tenant]]</option><option value="other"{{#KIND_OTHER_ON}} selected{{/KIND_OTHER_ON}}>[[req.kind.other]]</option></select>
  {{#KIND_ERR}}<p class="field-error" id="kind-err">{{MSG}}</p>{{/KIND_ERR}}
</div>
<div class="field{{#PHONE_INVALID}} invalid{{/PHONE_INVALID}}">
  <label for="phone">[[req.f.phone]]</label>
  <input id="phone"{{#PHONE_INVALID}} aria-invalid="true" aria-describedby="phone-err"{{/PHONE_INVALID}} name="phone" value="{{PHONE}}" inputmode="tel">
  {{#PHONE_ERR}}<p class="field-error" id="phone-err">{{MSG}}</p>{{/PHONE_ERR}}
</div>
</div>
<div class="field{{#NOTE_INVALID}} invalid{{/NOTE_INVALID}}">
  <label for="note">[[req.f.note]]</label>
  <input id="note"{{#NOTE_INVALID}} aria-invalid="true" aria-describedby="note-err"{{/NOTE_INVALID}} name="note" value="{{NOTE}}">
  {{#NOTE_ERR}}<p class="field-error" id="note-err">{{MSG}}</p>{{/NOTE_ERR}}
</div>
  <p class="actions"><button type="submit" class="btn">[[action.create]]</button></p>
</form>{{/CREATING}}
