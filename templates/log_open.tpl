{{%AUTOESCAPE context="HTML"}}
<div class="page-head">
  <h1>[[log.title]]</h1>
  <p class="page-links"><a href="/log/entries">[[log.entries.title]]</a> · <a href="/log/days">[[log.days.title]]</a> · <a href="/log/emergencies">[[log.emergencies.title]]</a></p>
</div>
{{#NO_SHIFT}}<p class="notice">[[log.no_shift]]</p>{{/NO_SHIFT}}
{{#HAS_SHIFT}}
<section class="panel">
  <h2>{{DAY}} {{SHIFT}}</h2>
  <p>[[log.page_not_open]]</p>
  {{#CAN_OPEN}}
  <form method="post" action="/log/open" class="inline">
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    <button type="submit" class="btn">[[log.open_page]]</button>
  </form>
  {{/CAN_OPEN}}
</section>
{{/HAS_SHIFT}}
{{#HAS_CARRIED}}
<section class="carried" aria-labelledby="carried-h">
  <h2 id="carried-h">[[log.carried.title]]</h2>
  {{>CARRIED}}
</section>
{{/HAS_CARRIED}}
{{#ENTRY_FORM}}
<section class="panel">
  <h2>[[log.new_entry]]</h2>
  <p class="hint">[[log.first_entry_opens]]</p>
  <form method="post" action="{{ACTION}}" class="form entry-form" novalidate>
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    {{>FIELDS}}
    <p class="actions"><button type="submit" class="btn">[[log.save_entry]]</button></p>
  </form>
</section>
{{/ENTRY_FORM}}
