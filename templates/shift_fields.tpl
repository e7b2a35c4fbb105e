{{%AUTOESCAPE context="HTML"}}
<div class="field-row">
  <div class="field{{#NAME_INVALID}} invalid{{/NAME_INVALID}}">
    <label for="name">[[shift.name]]</label>
    <input id="name"{{#NAME_INVALID}} aria-invalid="true" aria-describedby="name-err"{{/NAME_INVALID}} name="name" value="{{NAME}}" placeholder="早班" required>
    {{#NAME_ERR}}<p class="field-error" id="name-err">{{MSG}}</p>{{/NAME_ERR}}
  </div>
  <div class="field{{#START_TIME_INVALID}} invalid{{/START_TIME_INVALID}}">
    <label for="start_time">[[shift.start]]</label>
    <input id="start_time"{{#START_TIME_INVALID}} aria-invalid="true" aria-describedby="start_time-err"{{/START_TIME_INVALID}} name="start_time" value="{{START_TIME}}" placeholder="06:00" inputmode="numeric" required>
    {{#START_TIME_ERR}}<p class="field-error" id="start_time-err">{{MSG}}</p>{{/START_TIME_ERR}}
  </div>
  <div class="field{{#END_TIME_INVALID}} invalid{{/END_TIME_INVALID}}">
    <label for="end_time">[[shift.end]]</label>
    <input id="end_time"{{#END_TIME_INVALID}} aria-invalid="true" aria-describedby="end_time-err"{{/END_TIME_INVALID}} name="end_time" value="{{END_TIME}}" placeholder="13:00" inputmode="numeric" required>
    {{#END_TIME_ERR}}<p class="field-error" id="end_time-err">{{MSG}}</p>{{/END_TIME_ERR}}
    <p class="hint">[[shift.end_hint]]</p>
  </div>
</div>
<div class="field-row">
  <div class="field{{#HEADCOUNT_INVALID}} invalid{{/HEADCOUNT_INVALID}}">
    <label for="headcount">[[shift.headcount]]</label>
    <input id="headcount" name="headcount" value="{{HEADCOUNT}}" inputmode="numeric" required>
    {{#HEADCOUNT_ERR}}<p class="field-error">{{MSG}}</p>{{/HEADCOUNT_ERR}}
  </div>
  <div class="field{{#HOLIDAY_HEADCOUNT_INVALID}} invalid{{/HOLIDAY_HEADCOUNT_INVALID}}">
    <label for="holiday_headcount">[[shift.holiday]]</label>
    <input id="holiday_headcount" name="holiday_headcount" value="{{HOLIDAY_HEADCOUNT}}" inputmode="numeric" required>
    {{#HOLIDAY_HEADCOUNT_ERR}}<p class="field-error">{{MSG}}</p>{{/HOLIDAY_HEADCOUNT_ERR}}
  </div>
  <div class="field{{#SORT_ORDER_INVALID}} invalid{{/SORT_ORDER_INVALID}}">
    <label for="sort_order">[[shift.order]]</label>
    <input id="sort_order" name="sort_order" value="{{SORT_ORDER}}" inputmode="numeric">
    {{#SORT_ORDER_ERR}}<p class="field-error">{{MSG}}</p>{{/SORT_ORDER_ERR}}
  </div>
</div>
<div class="field-row">
  <div class="field">
    <label for="needs_lead">[[shift.lead]]</label>
    <select id="needs_lead" name="needs_lead"><option value="1"{{#NEEDS_LEAD_1_ON}} selected{{/NEEDS_LEAD_1_ON}}>[[shift.yes]]</option><option value="0"{{#NEEDS_LEAD_0_ON}} selected{{/NEEDS_LEAD_0_ON}}>[[shift.no]]</option></select>
  </div>
  <div class="field">
    <label for="needs_deputy">[[shift.deputy]]</label>
    <select id="needs_deputy" name="needs_deputy"><option value="0"{{#NEEDS_DEPUTY_0_ON}} selected{{/NEEDS_DEPUTY_0_ON}}>[[shift.no]]</option><option value="1"{{#NEEDS_DEPUTY_1_ON}} selected{{/NEEDS_DEPUTY_1_ON}}>[[shift.yes]]</option></select>
  </div>
  <div class="field">
    <label for="active">[[field.status]]</label>
    <select id="active" name="active"><option value="1"{{#ACTIVE_1_ON}} selected{{/ACTIVE_1_ON}}>[[status.active]]</option><option value="0"{{#ACTIVE_0_ON}} selected{{/ACTIVE_0_ON}}>[[status.inactive]]</option></select>
  </div>
</div>
<fieldset class="field{{#DAYS_INVALID}} invalid{{/DAYS_INVALID}}">
  <legend>[[shift.days]]</legend>
  {{#DAY_OPT}}<label class="check"><input type="checkbox" name="days" value="{{CODE}}"{{#ON}} checked{{/ON}}> {{NAME}}</label>{{/DAY_OPT}}
  {{#DAYS_ERR}}<p class="field-error">{{MSG}}</p>{{/DAYS_ERR}}
</fieldset>
