{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/requests">[[req.list.title]]</a></p>
<h1>[[req.new.title]]</h1>
<form method="get" action="/requests/new" class="filters" role="search">
  <div class="field">
    <label for="find">[[req.new.find]]</label>
    <input id="find" name="find" value="{{FIND}}" placeholder="1-0302">
  </div>
  <p class="actions"><button type="submit" class="btn secondary">[[req.new.find_btn]]</button> <a href="/residents">[[req.res.title]]</a></p>
</form>
{{#FIND_NONE}}<p class="empty">[[req.new.find_none]]</p>{{/FIND_NONE}}
<form method="post" action="/requests/new" class="form box req-new" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <input type="hidden" name="form_key" value="{{FORM_KEY}}">
  <div class="field-row">
<div class="field{{#CHANNEL_INVALID}} invalid{{/CHANNEL_INVALID}}">
  <label for="channel">[[req.f.channel]]</label>
  <select id="channel"{{#CHANNEL_INVALID}} aria-invalid="true" aria-describedby="channel-err"{{/CHANNEL_INVALID}} name="channel"><option value="phone"{{#CHANNEL_PHONE_ON}} selected{{/CHANNEL_PHONE_ON}}>[[req.channel.phone]]</option><option value="visit"{{#CHANNEL_VISIT_ON}} selected{{/CHANNEL_VISIT_ON}}>[[req.channel.visit]]</option><option value="letter"{{#CHANNEL_LETTER_ON}} selected{{/CHANNEL_LETTER_ON}}>[[req.channel.letter]]</option><option value="fax"{{#CHANNEL_FAX_ON}} selected{{/CHANNEL_FAX_ON}}>[[req.channel.fax]]</option><option value="online"{{#CHANNEL_ONLINE_ON}} selected{{/CHANNEL_ONLINE_ON}}>[[req.channel.online]]</option></select>
  {{#CHANNEL_ERR}}<p class="field-error" id="channel-err">{{MSG}}</p>{{/CHANNEL_ERR}}
</div>
<div class="field{{#TYPE_INVALID}} invalid{{/TYPE_INVALID}}">
  <label for="type">[[req.f.type]]</label>
  <select id="type"{{#TYPE_INVALID}} aria-invalid="true" aria-describedby="type-err"{{/TYPE_INVALID}} name="type"><option value="complaint"{{#TYPE_COMPLAINT_ON}} selected{{/TYPE_COMPLAINT_ON}}>[[req.type.complaint]]</option><option value="repair"{{#TYPE_REPAIR_ON}} selected{{/TYPE_REPAIR_ON}}>[[req.type.repair]]</option><option value="inquiry"{{#TYPE_INQUIRY_ON}} selected{{/TYPE_INQUIRY_ON}}>[[req.type.inquiry]]</option><option value="suggestion"{{#TYPE_SUGGESTION_ON}} selected{{/TYPE_SUGGESTION_ON}}>[[req.type.suggestion]]</option><option value="help"{{#TYPE_HELP_ON}} selected{{/TYPE_HELP_ON}}>[[req.type.help]]</option></select>
  {{#TYPE_ERR}}<p class="field-error" id="type-err">{{MSG}}</p>{{/TYPE_ERR}}
</div>
<div class="field{{#URGENCY_INVALID}} invalid{{/URGENCY_INVALID}}">
  <label for="urgency">[[req.f.urgency]]</label>
  <select id="urgency"{{#URGENCY_INVALID}} aria-invalid="true" aria-describedby="urgency-err"{{/URGENCY_INVALID}} name="urgency"><option value="normal"{{#URGENCY_NORMAL_ON}} selected{{/URGENCY_NORMAL_ON}}>[[req.urgency.normal]]</option><option value="urgent"{{#URGENCY_URGENT_ON}} selected{{/URGENCY_URGENT_ON}}>[[req.urgency.urgent]]</option><option value="critical"{{#URGENCY_CRITICAL_ON}} selected{{/URGENCY_CRITICAL_ON}}>[[req.urgency.critical]]</option></select>
  {{#URGENCY_ERR}}<p class="field-error" id="urgency-err">{{MSG}}</p>{{/URGENCY_ERR}}
</div>
  </div>
  <div class="field-row">
<div class="field{{#RECEIVED_DATE_INVALID}} invalid{{/RECEIVED_DATE_INVALID}}">
  <label for="received_date">[[req.f.received_date]]</label>
  <input id="received_date"{{#RECEIVED_DATE_INVALID}} aria-invalid="true" aria-describedby="received_date-err"{{/RECEIVED_DATE_INVALID}} name="received_date" value="{{RECEIVED_DATE}}" inputmode="numeric" placeholder="2026-11-23">
  {{#RECEIVED_DATE_ERR}}<p class="field-error" id="received_date-err">{{MSG}}</p>{{/RECEIVED_DATE_ERR}}
</div>
<div class="field{{#RECEIVED_TIME_INVALID}} invalid{{/RECEIVED_TIME_INVALID}}">
  <label for="received_time">[[req.f.received_time]]</label>
  <input id="received_time"{{#RECEIVED_TIME_INVALID}} aria-invalid="true" aria-describedby="received_time-err"{{/RECEIVED_TIME_INVALID}} name="received_time" value="{{RECEIVED_TIME}}" inputmode="numeric" placeholder="08:30">
  {{#RECEIVED_TIME_ERR}}<p class="field-error" id="received_time-err">{{MSG}}</p>{{/RECEIVED_TIME_ERR}}
</div>
<div class="field{{#RINGS_INVALID}} invalid{{/RINGS_INVALID}}">
  <label for="rings">[[req.f.rings]]</label>
  <input id="rings"{{#RINGS_INVALID}} aria-invalid="true" aria-describedby="rings-err"{{/RINGS_INVALID}} name="rings" value="{{RINGS}}" inputmode="numeric">
  {{#RINGS_ERR}}<p class="field-error" id="rings-err">{{MSG}}</p>{{/RINGS_ERR}}
  <p class="hint">[[req.new.rings_hint]]</p>
</div>
  </div>
{{#HAS_RES}}<fieldset class="field{{#RESIDENT_ID_INVALID}} invalid{{/RESIDENT_ID_INVALID}}">
  <legend>[[req.f.resident]]</legend>
  <label class="check"><input type="radio" name="resident_id" value=""> [[req.new.no_resident]]</label>
  {{#RES_OPT}}<label class="check"><input type="radio" name="resident_id" value="{{ID}}"{{#SEL}} checked{{/SEL}}> {{UNIT}} {{NAME}} <span class="muted">{{KIND}} {{PHONE}}</span></label>
  {{/RES_OPT}}{{#RESIDENT_ID_ERR}}<p class="field-error" id="resident_id-err">{{MSG}}</p>{{/RESIDENT_ID_ERR}}
</fieldset>{{/HAS_RES}}
{{#NO_RES}}{{#RESIDENT_ID_ERR}}<p class="field-error" id="resident_id-err">{{MSG}}</p>{{/RESIDENT_ID_ERR}}{{/NO_RES}}
  <div class="field-row">
<div class="field{{#UNIT_INVALID}} invalid{{/UNIT_INVALID}}">
  <label for="unit">[[req.f.unit]]</label>
  <input id="unit"{{#UNIT_INVALID}} aria-invalid="true" aria-describedby="unit-err"{{/UNIT_INVALID}} name="unit" value="{{UNIT}}" placeholder="1-0302">
  {{#UNIT_ERR}}<p class="field-error" id="unit-err">{{MSG}}</p>{{/UNIT_ERR}}
  <p class="hint">[[req.new.unit_hint]]</p>
</div>
<div class="field{{#CATEGORY_ID_INVALID}} invalid{{/CATEGORY_ID_INVALID}}">
  <label for="category_id">[[req.f.category]]</label>
  <select id="category_id"{{#CATEGORY_ID_INVALID}} aria-invalid="true" aria-describedby="category_id-err"{{/CATEGORY_ID_INVALID}} name="category_id"><option value="">[[req.choose]]</option>{{#CAT_OPT}}<option value="{{ID}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/CAT_OPT}}</select>
  {{#CATEGORY_ID_ERR}}<p class="field-error" id="category_id-err">{{MSG}}</p>{{/CATEGORY_ID_ERR}}
</div>
  </div>
  <div class="field-row">
<div class="field{{#CALLER_NAME_INVALID}} invalid{{/CALLER_NAME_INVALID}}">
  <label for="caller_name">[[req.f.caller]]</label>
  <input id="caller_name"{{#CALLER_NAME_INVALID}} aria-invalid="true" aria-describedby="caller_name-err"{{/CALLER_NAME_INVALID}} name="caller_name" value="{{CALLER_NAME}}">
  {{#CALLER_NAME_ERR}}<p class="field-error" id="caller_name-err">{{MSG}}</p>{{/CALLER_NAME_ERR}}
</div>
<div class="field{{#CALLER_PHONE_INVALID}} invalid{{/CALLER_PHONE_INVALID}}">
  <label for="caller_phone">[[req.f.phone]]</label>
  <input id="caller_phone"{{#CALLER_PHONE_INVALID}} aria-invalid="true" aria-describedby="caller_phone-err"{{/CALLER_PHONE_INVALID}} name="caller_phone" value="{{CALLER_PHONE}}" inputmode="tel">
  {{#CALLER_PHONE_ERR}}<p class="field-error" id="caller_phone-err">{{MSG}}</p>{{/CALLER_PHONE_ERR}}
</div>
<fieldset class="field{{#ANONYMOUS_INVALID}} invalid{{/ANONYMOUS_INVALID}}">
  <legend>[[req.f.anonymous]]</legend>
  <label class="check"><input type="checkbox" name="anonymous" value="1"{{#ANONYMOUS_1_ON}} checked{{/ANONYMOUS_1_ON}}> [[req.new.anon]]</label>
  {{#ANONYMOUS_ERR}}<p class="field-error" id="anonymous-err">{{MSG}}</p>{{/ANONYMOUS_ERR}}
</fieldset>
  </div>
<div class="field{{#DESCRIPTION_INVALID}} invalid{{/DESCRIPTION_INVALID}}">
  <label for="description">[[req.f.description]]</label>
  <textarea id="description"{{#DESCRIPTION_INVALID}} aria-invalid="true" aria-describedby="description-err"{{/DESCRIPTION_INVALID}} name="description" rows="4">{{DESCRIPTION}}</textarea>
  {{#DESCRIPTION_ERR}}<p class="field-error" id="description-err">{{MSG}}</p>{{/DESCRIPTION_ERR}}
</div>
<fieldset class="field{{#MAJOR_INVALID}} invalid{{/MAJOR_INVALID}}">
  <legend>[[req.f.major]]</legend>
  <label class="check"><input type="checkbox" name="major" value="1"{{#MAJOR_1_ON}} checked{{/MAJOR_1_ON}}> [[req.new.major_hint]]</label>
  {{#MAJOR_ERR}}<p class="field-error" id="major-err">{{MSG}}</p>{{/MAJOR_ERR}}
</fieldset>
<div class="field{{#ANSWER_INVALID}} invalid{{/ANSWER_INVALID}}">
  <label for="answer">[[req.f.answer]]</label>
  <textarea id="answer"{{#ANSWER_INVALID}} aria-invalid="true" aria-describedby="answer-err"{{/ANSWER_INVALID}} name="answer" rows="2">{{ANSWER}}</textarea>
  {{#ANSWER_ERR}}<p class="field-error" id="answer-err">{{MSG}}</p>{{/ANSWER_ERR}}
  <p class="hint">[[req.new.answer_hint]]</p>
</div>
<fieldset class="field{{#CLOSE_NOW_INVALID}} invalid{{/CLOSE_NOW_INVALID}}">
  <legend>[[req.f.close_now]]</legend>
  <label class="check"><input type="checkbox" name="close_now" value="1"{{#CLOSE_NOW_1_ON}} checked{{/CLOSE_NOW_1_ON}}> [[req.new.close_now]]</label>
  {{#CLOSE_NOW_ERR}}<p class="field-error" id="close_now-err">{{MSG}}</p>{{/CLOSE_NOW_ERR}}
</fieldset>
  <p class="hint">[[req.new.hint]] {{NOW}}</p>
  <p class="actions"><button type="submit" class="btn">[[req.new.submit]]</button></p>
</form>
