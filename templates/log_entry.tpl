{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/log/day/{{DAY_ID}}">[[log.day.title]]</a> · <a href="/log/entries">[[log.entries.title]]</a></p>
<h1>[[log.entry.title]]</h1>
{{>ENTRY}}
{{#DAY_SIGNED}}<p class="notice">[[log.entry.signed_note]]</p>{{/DAY_SIGNED}}
{{#EDIT_FORM}}
<section class="panel">
  <h2>[[log.entry.edit]]</h2>
  <form method="post" action="/log/entry/{{ENTRY_ID}}" class="form entry-form" novalidate>
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    {{>FIELDS}}
    <p class="actions"><button type="submit" class="btn">[[action.save]]</button></p>
  </form>
</section>
{{/EDIT_FORM}}
{{#CORRECT_FORM}}
<section class="panel">
  <h2>[[log.correction.new]]</h2>
  <p class="hint">[[log.correction.hint]]</p>
  <form method="post" action="/log/entry/{{ENTRY_ID}}/correct" class="form" novalidate>
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    <div class="field{{#FIELD_INVALID}} invalid{{/FIELD_INVALID}}">
      <label for="field">[[log.field.field]]</label>
      <select id="field"{{#FIELD_INVALID}} aria-invalid="true" aria-describedby="field-err"{{/FIELD_INVALID}} name="field">
        <option value="what"{{#FIELD_WHAT_ON}} selected{{/FIELD_WHAT_ON}}>[[log.field.what]]</option>
        <option value="handling"{{#FIELD_HANDLING_ON}} selected{{/FIELD_HANDLING_ON}}>[[log.field.handling]]</option>
        <option value="followup"{{#FIELD_FOLLOWUP_ON}} selected{{/FIELD_FOLLOWUP_ON}}>[[log.field.followup]]</option>
        <option value="location"{{#FIELD_LOCATION_ON}} selected{{/FIELD_LOCATION_ON}}>[[log.field.location]]</option>
      </select>
      {{#FIELD_ERR}}<p class="field-error" id="field-err">{{MSG}}</p>{{/FIELD_ERR}}
    </div>
    <div class="field{{#NEW_TEXT_INVALID}} invalid{{/NEW_TEXT_INVALID}}">
      <label for="new_text">[[log.field.new_text]]</label>
      <textarea id="new_text"{{#NEW_TEXT_INVALID}} aria-invalid="true" aria-describedby="new_text-err"{{/NEW_TEXT_INVALID}} name="new_text" rows="3" required>{{NEW_TEXT}}</textarea>
      {{#NEW_TEXT_ERR}}<p class="field-error" id="new_text-err">{{MSG}}</p>{{/NEW_TEXT_ERR}}
    </div>
    <div class="field{{#REASON_INVALID}} invalid{{/REASON_INVALID}}">
      <label for="reason">[[log.field.reason]]</label>
      <input id="reason"{{#REASON_INVALID}} aria-invalid="true" aria-describedby="reason-err"{{/REASON_INVALID}} name="reason" value="{{REASON}}" required>
      {{#REASON_ERR}}<p class="field-error" id="reason-err">{{MSG}}</p>{{/REASON_ERR}}
    </div>
    <p class="actions"><button type="submit" class="btn">[[log.correction.submit]]</button></p>
  </form>
</section>
{{/CORRECT_FORM}}
