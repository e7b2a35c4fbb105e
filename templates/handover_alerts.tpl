{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/handover">[[handover.home.title]]</a></p>
<h1>[[handover.alerts.title]]</h1>
<section aria-labelledby="refused-h">
  <h2 id="refused-h">[[handover.alerts.refused]]</h2>
  {{#NO_REFUSED}}<p class="empty">[[handover.alerts.none]]</p>{{/NO_REFUSED}}
  <ul class="ho-alerts">
  {{#REFUSED}}<li class="ho-alert-refused"><a href="/handover/{{ID}}#decide">{{DAY}} {{SHIFT}}</a> <span class="muted">{{OUTGOING}} → {{BY}} {{AT}}</span><br><span class="pre">{{REASON}}</span></li>{{/REFUSED}}
  </ul>
</section>
<section aria-labelledby="unrelieved-h">
  <h2 id="unrelieved-h">[[handover.alerts.unrelieved]]</h2>
  {{#NO_UNRELIEVED}}<p class="empty">[[handover.alerts.none]]</p>{{/NO_UNRELIEVED}}
  <ul class="ho-alerts">
  {{#UNRELIEVED}}<li class="ho-alert-unrelieved"><a href="/log/page/{{PAGE_ID}}">{{DAY}} {{SHIFT}}</a> <span class="muted">{{OUTGOING}} · [[handover.shift_end]] {{END_AT}}</span>{{#HANDOVER}} · <a href="/handover/{{ID}}">[[handover.title]]</a>{{/HANDOVER}}</li>{{/UNRELIEVED}}
  </ul>
</section>
