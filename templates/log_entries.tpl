{{%AUTOESCAPE context="HTML"}}
<div class="page-head">
  <h1>[[log.entries.title]]</h1>
  <p class="page-links"><a href="/log">[[log.current]]</a> · <a href="/log/days">[[log.days.title]]</a> · <a href="/log/emergencies">[[log.emergencies.title]]</a></p>
</div>
<form method="get" action="/log/entries" class="filters">
  <div class="field{{#FROM_INVALID}} invalid{{/FROM_INVALID}}">
    <label for="from">[[field.from]]</label>
    <input id="from" name="from" value="{{FROM}}" placeholder="2026-11-01" inputmode="numeric">
    {{#FROM_ERR}}<p class="field-error">{{MSG}}</p>{{/FROM_ERR}}
  </div>
  <div class="field{{#TO_INVALID}} invalid{{/TO_INVALID}}">
    <label for="to">[[field.to]]</label>
    <input id="to" name="to" value="{{TO}}" placeholder="2026-11-30" inputmode="numeric">
    {{#TO_ERR}}<p class="field-error">{{MSG}}</p>{{/TO_ERR}}
  </div>
  <div class="field">
    <label for="shift">[[log.field.shift]]</label>
    <select id="shift" name="shift"><option value="">[[filter.all]]</option>{{#SHIFT_OPT}}<option value="{{ID}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/SHIFT_OPT}}</select>
  </div>
  <div class="field">
    <label for="category">[[log.field.category]]</label>
    <select id="category" name="category"><option value="">[[filter.all]]</option>{{#CATEGORY_OPT}}<option value="{{ID}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/CATEGORY_OPT}}</select>
  </div>
  <div class="field">
    <label for="status">[[log.field.status]]</label>
    <select id="status" name="status"><option value="">[[filter.all]]</option><option value="open"{{#STATUS_OPEN_ON}} selected{{/STATUS_OPEN_ON}}>[[log.status.open]]</option><option value="closed"{{#STATUS_CLOSED_ON}} selected{{/STATUS_CLOSED_ON}}>[[log.status.closed]]</option></select>
  </div>
  <div class="field">
    <label for="staff">[[log.field.staff]]</label>
    <select id="staff" name="staff"><option value="">[[filter.all]]</option>{{#STAFF_OPT}}<option value="{{ID}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/STAFF_OPT}}</select>
  </div>
  <div class="field{{#Q_INVALID}} invalid{{/Q_INVALID}}">
    <label for="q">[[field.search]]</label>
    <input id="q" name="q" value="{{Q}}" placeholder="[[log.search_hint]]">
    {{#Q_ERR}}<p class="field-error">{{MSG}}</p>{{/Q_ERR}}
  </div>
  <p class="actions"><button type="submit" class="btn secondary">[[action.filter]]</button></p>
</form>
{{#EMPTY}}<p class="empty">[[list.empty]]</p>{{/EMPTY}}
{{>ENTRY}}
<nav class="pager" aria-label="[[pager.label]]">{{#PREV}}<a href="?{{QS}}&amp;page={{PAGE}}" rel="prev">[[pager.prev]]</a>{{/PREV}} <span>[[pager.page]] {{PAGE}}</span> {{#NEXT}}<a href="?{{QS}}&amp;page={{PAGE}}" rel="next">[[pager.next]]</a>{{/NEXT}}</nav>
