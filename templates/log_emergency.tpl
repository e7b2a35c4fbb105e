{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/log/emergencies">[[log.emergencies.title]]</a> · <a href="/log/entry/{{ENTRY_ID}}">[[log.entry.title]]</a></p>
<div class="page-head">
  <h1>[[log.emergency.title]] #{{ID}}</h1>
  <p class="page-links"><a class="btn secondary" href="/log/emergency/{{ID}}/print">[[log.print]]</a></p>
</div>
{{#OVERDUE}}<p class="notice" role="alert">[[log.report.overdue_notice]]</p>{{/OVERDUE}}
{{#NUMBER}}<p class="muted">[[print.number]] <span class="num">{{NUMBER}}</span>{{#ARCHIVED}} · <a href="/forms/archive/{{NUMBER}}">[[forms.archive.archived]]</a> ({{PAGES}} [[forms.archive.pages]]){{/ARCHIVED}}</p>{{/NUMBER}}
{{>RECORD}}
<div class="columns">
{{#EDIT_FORM}}
<form method="post" action="/log/emergency/{{ID}}" class="form" novalidate>
  <h2>[[log.emergency.edit]]</h2>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="field-row">
    <div class="field{{#OCCURRED_DATE_INVALID}} invalid{{/OCCURRED_DATE_INVALID}}">
      <label for="occurred_date">[[log.field.date]]</label>
      <input id="occurred_date" name="occurred_date" value="{{OCCURRED_DATE}}" inputmode="numeric" required>
      {{#OCCURRED_DATE_ERR}}<p class="field-error">{{MSG}}</p>{{/OCCURRED_DATE_ERR}}
    </div>
    <div class="field{{#OCCURRED_TIME_INVALID}} invalid{{/OCCURRED_TIME_INVALID}}">
      <label for="occurred_time">[[log.field.time]]</label>
      <input id="occurred_time" name="occurred_time" value="{{OCCURRED_TIME}}" inputmode="numeric" required>
      {{#OCCURRED_TIME_ERR}}<p class="field-error">{{MSG}}</p>{{/OCCURRED_TIME_ERR}}
    </div>
  </div>
  <div class="field{{#PLACE_INVALID}} invalid{{/PLACE_INVALID}}">
    <label for="place">[[log.field.location]]</label>
    <input id="place" name="place" value="{{PLACE}}" required>
    {{#PLACE_ERR}}<p class="field-error">{{MSG}}</p>{{/PLACE_ERR}}
  </div>
  <div class="field{{#WHAT_INVALID}} invalid{{/WHAT_INVALID}}">
    <label for="em-what">[[log.field.what]]</label>
    <textarea id="em-what" name="what" rows="3" required>{{WHAT}}</textarea>
    {{#WHAT_ERR}}<p class="field-error">{{MSG}}</p>{{/WHAT_ERR}}
  </div>
  <div class="field{{#PEOPLE_INVALID}} invalid{{/PEOPLE_INVALID}}">
    <label for="people">[[log.field.people]]</label>
    <textarea id="people" name="people" rows="2">{{PEOPLE}}</textarea>
    {{#PEOPLE_ERR}}<p class="field-error">{{MSG}}</p>{{/PEOPLE_ERR}}
  </div>
  <div class="field{{#ACTIONS_INVALID}} invalid{{/ACTIONS_INVALID}}">
    <label for="actions">[[log.field.actions]]</label>
    <textarea id="actions" name="actions" rows="3">{{ACTIONS}}</textarea>
    {{#ACTIONS_ERR}}<p class="field-error">{{MSG}}</p>{{/ACTIONS_ERR}}
  </div>
  <p class="actions"><button type="submit" class="btn">[[action.save]]</button></p>
</form>
{{/EDIT_FORM}}
<div class="side">
{{#NOTICE_FORM}}
<form method="post" action="/log/emergency/{{ID}}/notices" class="form box" novalidate>
  <h2>[[log.notices.add]]</h2>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="field{{#PARTY_INVALID}} invalid{{/PARTY_INVALID}}">
    <label for="party">[[log.field.party]]</label>
    <select id="party" name="party"><option value="">[[log.choose]]</option>{{#PARTY_OPT}}<option value="{{CODE}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/PARTY_OPT}}</select>
    {{#PARTY_ERR}}<p class="field-error">{{MSG}}</p>{{/PARTY_ERR}}
  </div>
  <div class="field{{#WHO_INVALID}} invalid{{/WHO_INVALID}}">
    <label for="who">[[log.field.who]]</label>
    <input id="who" name="who" value="{{WHO}}">
    {{#WHO_ERR}}<p class="field-error">{{MSG}}</p>{{/WHO_ERR}}
  </div>
  <div class="field-row">
    <div class="field{{#NOTIFIED_DATE_INVALID}} invalid{{/NOTIFIED_DATE_INVALID}}">
      <label for="notified_date">[[log.field.date]]</label>
      <input id="notified_date" name="notified_date" value="{{NOTIFIED_DATE}}" placeholder="2026-11-23" inputmode="numeric" required>
      {{#NOTIFIED_DATE_ERR}}<p class="field-error">{{MSG}}</p>{{/NOTIFIED_DATE_ERR}}
    </div>
    <div class="field{{#NOTIFIED_TIME_INVALID}} invalid{{/NOTIFIED_TIME_INVALID}}">
      <label for="notified_time">[[log.field.time]]</label>
      <input id="notified_time" name="notified_time" value="{{NOTIFIED_TIME}}" placeholder="08:30" inputmode="numeric" required>
      {{#NOTIFIED_TIME_ERR}}<p class="field-error">{{MSG}}</p>{{/NOTIFIED_TIME_ERR}}
    </div>
  </div>
  <p class="actions"><button type="submit" class="btn secondary">[[log.notices.submit]]</button></p>
</form>
{{/NOTICE_FORM}}
{{#PHOTO_FORM}}
<form method="post" action="/log/emergency/{{ID}}/photos" enctype="multipart/form-data" class="form box" novalidate>
  <h2>[[log.photos.add]]</h2>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="field{{#CAPTION_INVALID}} invalid{{/CAPTION_INVALID}}">
    <label for="photo-files">[[log.photos.files]]</label>
    <input id="photo-files" name="photos" type="file" accept="image/jpeg,image/png" multiple>
    {{#CAPTION_ERR}}<p class="field-error">{{MSG}}</p>{{/CAPTION_ERR}}
    <p class="hint">[[log.photos.hint]]</p>
  </div>
  <div class="field">
    <label for="caption">[[log.field.caption]]</label>
    <input id="caption" name="caption" value="{{CAPTION}}">
  </div>
  <p class="actions"><button type="submit" class="btn secondary">[[log.photos.submit]]</button></p>
</form>
{{/PHOTO_FORM}}
</div>
</div>
{{#REPORT_FORM}}
<form method="post" action="/log/emergency/{{ID}}/report" class="form panel" novalidate>
  <h2>[[log.report.write]]</h2>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="field{{#REPORT_INVALID}} invalid{{/REPORT_INVALID}}">
    <label for="report">[[log.field.report]]</label>
    <textarea id="report"{{#REPORT_INVALID}} aria-invalid="true" aria-describedby="report-err"{{/REPORT_INVALID}} name="report" rows="6" required>{{REPORT}}</textarea>
    {{#REPORT_ERR}}<p class="field-error" id="report-err">{{MSG}}</p>{{/REPORT_ERR}}
  </div>
  <p class="actions"><button type="submit" class="btn">[[log.report.submit]]</button></p>
</form>
{{/REPORT_FORM}}
