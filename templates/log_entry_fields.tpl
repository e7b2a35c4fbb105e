{{%AUTOESCAPE context="HTML"}}
<input type="hidden" name="form_key" value="{{FORM_KEY}}">
<div class="field-row">
  <div class="field{{#OCCURRED_DATE_INVALID}} invalid{{/OCCURRED_DATE_INVALID}}">
    <label for="occurred_date">[[log.field.date]]</label>
    <input id="occurred_date"{{#OCCURRED_DATE_INVALID}} aria-invalid="true" aria-describedby="occurred_date-err"{{/OCCURRED_DATE_INVALID}} name="occurred_date" value="{{OCCURRED_DATE}}" inputmode="numeric" placeholder="2026-11-23" required>
    {{#OCCURRED_DATE_ERR}}<p class="field-error" id="occurred_date-err">{{MSG}}</p>{{/OCCURRED_DATE_ERR}}
  </div>
  <div class="field{{#OCCURRED_TIME_INVALID}} invalid{{/OCCURRED_TIME_INVALID}}">
    <label for="occurred_time">[[log.field.time]]</label>
    <input id="occurred_time"{{#OCCURRED_TIME_INVALID}} aria-invalid="true" aria-describedby="occurred_time-err"{{/OCCURRED_TIME_INVALID}} name="occurred_time" value="{{OCCURRED_TIME}}" inputmode="numeric" placeholder="08:30" required>
    {{#OCCURRED_TIME_ERR}}<p class="field-error" id="occurred_time-err">{{MSG}}</p>{{/OCCURRED_TIME_ERR}}
  </div>
  <div class="field{{#CATEGORY_ID_INVALID}} invalid{{/CATEGORY_ID_INVALID}}">
    <label for="category_id">[[log.field.category]]</label>
    <select id="category_id"{{#CATEGORY_ID_INVALID}} aria-invalid="true" aria-describedby="category_id-err"{{/CATEGORY_ID_INVALID}} name="category_id"><option value="">[[log.choose]]</option>{{#CATEGORY_OPT}}<option value="{{ID}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/CATEGORY_OPT}}</select>
    {{#CATEGORY_ID_ERR}}<p class="field-error" id="category_id-err">{{MSG}}</p>{{/CATEGORY_ID_ERR}}
  </div>
  <div class="field{{#LOCATION_INVALID}} invalid{{/LOCATION_INVALID}}">
    <label for="location">[[log.field.location]]</label>
    <input id="location"{{#LOCATION_INVALID}} aria-invalid="true" aria-describedby="location-err"{{/LOCATION_INVALID}} name="location" value="{{LOCATION}}" placeholder="[[log.location_hint]]">
    {{#LOCATION_ERR}}<p class="field-error" id="location-err">{{MSG}}</p>{{/LOCATION_ERR}}
  </div>
</div>
<div class="field{{#WHAT_INVALID}} invalid{{/WHAT_INVALID}}">
  <label for="what">[[log.field.what]]</label>
  <textarea id="what"{{#WHAT_INVALID}} aria-invalid="true" aria-describedby="what-err"{{/WHAT_INVALID}} name="what" rows="3" required>{{WHAT}}</textarea>
  {{#WHAT_ERR}}<p class="field-error" id="what-err">{{MSG}}</p>{{/WHAT_ERR}}
  <p class="hint">[[log.what_hint]]</p>
</div>
<div class="field{{#HANDLING_INVALID}} invalid{{/HANDLING_INVALID}}">
  <label for="handling">[[log.field.handling]]</label>
  <textarea id="handling"{{#HANDLING_INVALID}} aria-invalid="true" aria-describedby="handling-err"{{/HANDLING_INVALID}} name="handling" rows="2">{{HANDLING}}</textarea>
  {{#HANDLING_ERR}}<p class="field-error" id="handling-err">{{MSG}}</p>{{/HANDLING_ERR}}
</div>
<div class="field{{#FOLLOWUP_INVALID}} invalid{{/FOLLOWUP_INVALID}}">
  <label for="followup">[[log.field.followup]]</label>
  <textarea id="followup"{{#FOLLOWUP_INVALID}} aria-invalid="true" aria-describedby="followup-err"{{/FOLLOWUP_INVALID}} name="followup" rows="2">{{FOLLOWUP}}</textarea>
  {{#FOLLOWUP_ERR}}<p class="field-error" id="followup-err">{{MSG}}</p>{{/FOLLOWUP_ERR}}
</div>
<div class="field-row">
  <fieldset class="field{{#STATUS_INVALID}} invalid{{/STATUS_INVALID}}">
    <legend>[[log.field.status]]</legend>
    <label class="check"><input type="radio" name="status" value="open"{{#STATUS_OPEN_ON}} checked{{/STATUS_OPEN_ON}}> [[log.status.open]]</label>
    <label class="check"><input type="radio" name="status" value="closed"{{#STATUS_CLOSED_ON}} checked{{/STATUS_CLOSED_ON}}> [[log.status.closed]]</label>
    {{#STATUS_ERR}}<p class="field-error">{{MSG}}</p>{{/STATUS_ERR}}
  </fieldset>
  <fieldset class="field">
    <legend>[[log.field.major]]</legend>
    <label class="check"><input type="checkbox" name="major" value="1"{{#MAJOR_1_ON}} checked{{/MAJOR_1_ON}}> [[log.major_hint]]</label>
  </fieldset>
</div>
