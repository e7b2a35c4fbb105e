{{%AUTOESCAPE context="HTML"}}
<div class="page-head">
  <h1>[[log.days.title]]</h1>
  <p class="page-links"><a href="/log">[[log.current]]</a> · <a href="/log/entries">[[log.entries.title]]</a></p>
</div>
<section>
  <h2>[[log.days.waiting]]</h2>
  {{#NONE_WAITING}}<p class="empty">[[log.days.none_waiting]]</p>{{/NONE_WAITING}}
  <table class="list">
    <thead><tr><th>[[log.field.date]]</th><th class="count">[[log.days.pages]]</th><th class="count">[[log.days.closed]]</th><th class="count">[[log.days.returned]]</th><th class="count">[[log.days.entries]]</th><th>[[field.status]]</th></tr></thead>
    <tbody>{{#WAITING}}<tr><td><a href="/log/day/{{ID}}">{{DAY}}</a></td><td class="count">{{PAGES}}</td><td class="count">{{CLOSED}}</td><td class="count">{{RETURNED}}</td><td class="count">{{ENTRIES}}</td><td>{{#READY}}<span class="tag open">[[log.days.ready]]</span>{{/READY}}{{#NOT_READY}}[[log.days.not_ready]]{{/NOT_READY}}</td></tr>{{/WAITING}}</tbody>
  </table>
</section>
<section>
  <h2>[[log.days.signed]]</h2>
  <table class="list">
    <thead><tr><th>[[log.field.date]]</th><th>[[log.day.signer]]</th><th>[[log.day.signed_at]]</th></tr></thead>
    <tbody>{{#SIGNED}}<tr><td><a href="/log/day/{{ID}}">{{DAY}}</a></td><td>{{SIGNER}}</td><td class="num">{{SIGNED_AT}}</td></tr>{{/SIGNED}}</tbody>
  </table>
</section>
