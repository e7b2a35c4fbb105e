{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/log/day/{{DAY_ID}}">{{DAY}} [[log.day.title]]</a></p>
<div class="page-head">
  <h1>{{DAY}} {{SHIFT}} <span class="muted">{{SHIFT_TIME}}</span></h1>
  <p class="page-links"><a href="/handover">[[nav.handover]]</a> · <a href="/log/entries">[[log.entries.title]]</a> · <a href="/log/days">[[log.days.title]]</a> · <a href="/log/emergencies">[[log.emergencies.title]]</a></p>
</div>
<dl class="facts">
  <div><dt>[[log.page.status]]</dt><dd>{{#STATUS_OPEN}}<span class="tag open">{{STATUS}}</span>{{/STATUS_OPEN}}{{#STATUS_CLOSED}}<span class="tag">{{STATUS}}</span> {{CLOSED_BY}} {{CLOSED_AT}}{{/STATUS_CLOSED}}{{#STATUS_RETURNED}}<span class="tag off">{{STATUS}}</span>{{/STATUS_RETURNED}}{{#DAY_SIGNED}} · <span class="tag">[[log.day.signed]]</span>{{/DAY_SIGNED}}</dd></div>
  <div><dt>[[log.page.staff]]</dt><dd>{{#STAFF}}{{NAME}}{{#LEAD}}（[[log.page.lead]]）{{/LEAD}}{{#NOT_ROSTERED}} <span class="tag off" title="[[log.page.not_rostered_hint]]">[[log.page.not_rostered]]</span>{{/NOT_ROSTERED}}{{#STAFF_separator}}、{{/STAFF_separator}}{{/STAFF}}</dd></div>
  <div><dt>[[log.page.rostered]]</dt><dd>{{#ROSTERED}}{{NAME}}{{#ROSTERED_separator}}、{{/ROSTERED_separator}}{{/ROSTERED}}{{#NO_ROSTER}}<span class="muted">[[log.page.no_roster]]</span>{{/NO_ROSTER}}</dd></div>
  <div><dt>[[log.page.opened]]</dt><dd>{{OPENED_BY}} {{OPENED_AT}}</dd></div>
</dl>
{{#STATUS_RETURNED}}<p class="notice" role="alert">[[log.page.returned_by]] {{RETURNED_BY}}：{{RETURN_REASON}}</p>{{/STATUS_RETURNED}}
{{#HAS_CARRIED}}
<section class="carried" aria-labelledby="carried-h">
  <h2 id="carried-h">[[log.carried.title]]</h2>
  <p class="hint">[[log.carried.hint]]</p>
  {{>CARRIED}}
</section>
{{/HAS_CARRIED}}
<section aria-labelledby="entries-h">
  <h2 id="entries-h">[[log.page.entries]]</h2>
  {{#NO_ENTRIES}}<p class="empty">[[log.page.no_entries]]</p>{{/NO_ENTRIES}}
  {{>ENTRY}}
</section>
{{#ENTRY_FORM}}
<section class="panel" id="new-entry">
  <h2>[[log.new_entry]]</h2>
  <form method="post" action="{{ACTION}}" class="form entry-form" novalidate>
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    {{>FIELDS}}
    <p class="actions"><button type="submit" class="btn">[[log.save_entry]]</button></p>
  </form>
</section>
{{/ENTRY_FORM}}
{{#CLOSE_FORM}}
<section class="panel box" id="close">
  <h2>[[log.close.title]]</h2>
  <p class="hint">[[log.close.handover_hint]]</p>
  <form method="post" action="/log/page/{{PAGE_ID}}/close" class="form" novalidate>
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    {{#HAS_OPEN}}
    <fieldset class="field{{#NOTE_INVALID}} invalid{{/NOTE_INVALID}}">
      <legend>[[log.close.carry]]</legend>
      {{#OPEN_ITEM}}<label class="check"><input type="checkbox" name="carry" value="{{ID}}"{{#ON}} checked{{/ON}}> #{{ID}} {{WHAT}}</label>{{/OPEN_ITEM}}
    </fieldset>
    {{/HAS_OPEN}}
    <div class="field{{#NOTE_INVALID}} invalid{{/NOTE_INVALID}}">
      <label for="note">[[log.field.close_note]]</label>
      <textarea id="note"{{#NOTE_INVALID}} aria-invalid="true" aria-describedby="note-err"{{/NOTE_INVALID}} name="note" rows="2">{{NOTE}}</textarea>
      {{#NOTE_ERR}}<p class="field-error" id="note-err">{{MSG}}</p>{{/NOTE_ERR}}
    </div>
    <p class="actions"><button type="submit" class="btn secondary">[[log.close.submit]]</button></p>
  </form>
</section>
{{/CLOSE_FORM}}
