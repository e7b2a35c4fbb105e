{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/roster">[[roster.title]]</a></p>
<h1>[[roster.request_new.title]]</h1>
<p class="hint">[[roster.request_hint]]</p>
<form method="post" action="/roster/requests/new" class="form" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <fieldset class="field{{#KIND_INVALID}} invalid{{/KIND_INVALID}}">
    <legend>[[roster.field.kind]]</legend>
    <label class="check"><input type="radio" name="kind" value="swap"{{#KIND_SWAP_ON}} checked{{/KIND_SWAP_ON}}> [[roster.kind.swap]]</label>
    <label class="check"><input type="radio" name="kind" value="leave"{{#KIND_LEAVE_ON}} checked{{/KIND_LEAVE_ON}}> [[roster.kind.leave]]</label>
    {{#KIND_ERR}}<p class="field-error" id="kind-err">{{MSG}}</p>{{/KIND_ERR}}
  </fieldset>
  {{#ON_BEHALF}}
  <div class="field{{#REQUESTER_ID_INVALID}} invalid{{/REQUESTER_ID_INVALID}}">
    <label for="requester_id">[[roster.field.requester]]</label>
    <select id="requester_id" name="requester_id"{{#REQUESTER_ID_INVALID}} aria-invalid="true" aria-describedby="requester_id-err"{{/REQUESTER_ID_INVALID}}><option value="">[[roster.myself]]</option>{{#REQUESTER_OPT}}<option value="{{ID}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/REQUESTER_OPT}}</select>
    {{#REQUESTER_ID_ERR}}<p class="field-error" id="requester_id-err">{{MSG}}</p>{{/REQUESTER_ID_ERR}}
  </div>
  {{/ON_BEHALF}}
  <div class="field{{#DAY_INVALID}} invalid{{/DAY_INVALID}}">
    <label for="day">[[roster.field.day_from]]</label>
    <input id="day" name="day" value="{{DAY}}" placeholder="2026-12-05"{{#DAY_INVALID}} aria-invalid="true" aria-describedby="day-err"{{/DAY_INVALID}}>
    {{#DAY_ERR}}<p class="field-error" id="day-err">{{MSG}}</p>{{/DAY_ERR}}
  </div>
  <fieldset class="roster-fs">
    <legend>[[roster.kind.swap]]</legend>
    <div class="field{{#SHIFT_ID_INVALID}} invalid{{/SHIFT_ID_INVALID}}">
      <label for="shift_id">[[roster.field.my_shift]]</label>
      <select id="shift_id" name="shift_id"{{#SHIFT_ID_INVALID}} aria-invalid="true" aria-describedby="shift_id-err"{{/SHIFT_ID_INVALID}}><option value=""></option>{{#SHIFT_OPT}}<option value="{{ID}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/SHIFT_OPT}}</select>
      {{#SHIFT_ID_ERR}}<p class="field-error" id="shift_id-err">{{MSG}}</p>{{/SHIFT_ID_ERR}}
    </div>
    <div class="field{{#PARTNER_ID_INVALID}} invalid{{/PARTNER_ID_INVALID}}">
      <label for="partner_id">[[roster.field.partner]]</label>
      <select id="partner_id" name="partner_id"{{#PARTNER_ID_INVALID}} aria-invalid="true" aria-describedby="partner_id-err"{{/PARTNER_ID_INVALID}}><option value=""></option>{{#PERSON_OPT}}<option value="{{ID}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/PERSON_OPT}}</select>
      {{#PARTNER_ID_ERR}}<p class="field-error" id="partner_id-err">{{MSG}}</p>{{/PARTNER_ID_ERR}}
    </div>
    <div class="field{{#OTHER_DAY_INVALID}} invalid{{/OTHER_DAY_INVALID}}">
      <label for="other_day">[[roster.field.other_day]]</label>
      <input id="other_day" name="other_day" value="{{OTHER_DAY}}" placeholder="2026-12-06"{{#OTHER_DAY_INVALID}} aria-invalid="true" aria-describedby="other_day-err"{{/OTHER_DAY_INVALID}}>
      {{#OTHER_DAY_ERR}}<p class="field-error" id="other_day-err">{{MSG}}</p>{{/OTHER_DAY_ERR}}
    </div>
    <div class="field{{#OTHER_SHIFT_ID_INVALID}} invalid{{/OTHER_SHIFT_ID_INVALID}}">
      <label for="other_shift_id">[[roster.field.other_shift]]</label>
      <select id="other_shift_id" name="other_shift_id"{{#OTHER_SHIFT_ID_INVALID}} aria-invalid="true" aria-describedby="other_shift_id-err"{{/OTHER_SHIFT_ID_INVALID}}><option value=""></option>{{#OTHER_SHIFT_OPT}}<option value="{{ID}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/OTHER_SHIFT_OPT}}</select>
      {{#OTHER_SHIFT_ID_ERR}}<p class="field-error" id="other_shift_id-err">{{MSG}}</p>{{/OTHER_SHIFT_ID_ERR}}
    </div>
  </fieldset>
  <fieldset class="roster-fs">
    <legend>[[roster.kind.leave]]</legend>
    <div class="field{{#TO_DAY_INVALID}} invalid{{/TO_DAY_INVALID}}">
      <label for="to_day">[[roster.field.to]]</label>
      <input id="to_day" name="to_day" value="{{TO_DAY}}" placeholder="2026-12-07"{{#TO_DAY_INVALID}} aria-invalid="true" aria-describedby="to_day-err"{{/TO_DAY_INVALID}}>
      {{#TO_DAY_ERR}}<p class="field-error" id="to_day-err">{{MSG}}</p>{{/TO_DAY_ERR}}
    </div>
  </fieldset>
  <div class="field{{#REASON_INVALID}} invalid{{/REASON_INVALID}}">
    <label for="reason">[[roster.field.reason]]</label>
    <input id="reason" name="reason" value="{{REASON}}"{{#REASON_INVALID}} aria-invalid="true" aria-describedby="reason-err"{{/REASON_INVALID}}>
    {{#REASON_ERR}}<p class="field-error" id="reason-err">{{MSG}}</p>{{/REASON_ERR}}
  </div>
  <p class="actions"><button type="submit" class="btn">[[roster.submit_request]]</button> <a href="/roster">[[action.cancel]]</a></p>
</form>
