{{%AUTOESCAPE context="HTML"}}
<section class="roster-print">
<p class="roster-print-head">{{SITE}} · <b>{{MONTH}}</b> · [[roster.version]] {{VERSION}}{{#PUBLISHED}} · [[roster.published]] {{AT}} {{BY}}{{/PUBLISHED}} · {{#SHIFT_KEY}}<b>{{SHORT}}</b> {{NAME}} {{TIMES}}　{{/SHIFT_KEY}}</p>
<table class="roster-grid roster-grid-print">
  <thead><tr><th scope="col" class="roster-name">[[roster.field.person]]</th>{{#DAY}}<th scope="col" class="{{#HOLIDAY}}hol{{/HOLIDAY}}{{#WEEKEND}}we{{/WEEKEND}}"><span>{{N}}</span><small>{{WD}}</small></th>{{/DAY}}<th scope="col">[[roster.count.nights_short]]</th><th scope="col">[[roster.count.weekends_short]]</th><th scope="col">[[roster.count.holidays_short]]</th><th scope="col">[[roster.count.hours]]</th></tr></thead>
  <tbody>{{#PERSON}}<tr><th scope="row" class="roster-name">{{NAME}}</th>{{#CELL}}<td class="{{#HOLIDAY}}hol {{/HOLIDAY}}{{#WEEKEND}}we {{/WEEKEND}}{{#OFF}}off{{/OFF}}">{{LABEL}}</td>{{/CELL}}<td>{{NIGHTS}}</td><td>{{WEEKENDS}}</td><td>{{HOLIDAYS}}</td><td>{{HOURS}}</td></tr>{{/PERSON}}</tbody>
  <tfoot>{{#COVER}}<tr><th scope="row" class="roster-name">{{SHIFT}}</th>{{#N}}<td>{{V}}</td>{{/N}}<td colspan="4"></td></tr>{{/COVER}}</tfoot>
</table>
<p class="roster-print-legend">[[roster.print_legend]]</p>
</section>
