{{%AUTOESCAPE context="HTML"}}
<div class="page-head">
  <h1>[[handover.home.title]]</h1>
  <p class="page-links">{{#CAN_ALERTS}}<a href="/handover/alerts">[[handover.alerts.title]]</a>{{/CAN_ALERTS}}{{#CAN_CONFIG}} · <a href="/handover/items">[[handover.items.title]]</a>{{/CAN_CONFIG}}</p>
</div>
<section aria-labelledby="pages-h">
  <h2 id="pages-h">[[handover.home.pages]]</h2>
  <p class="hint">[[handover.home.hint]]</p>
  {{#NO_PAGES}}<p class="empty">[[handover.home.no_pages]]</p>{{/NO_PAGES}}
  <ul class="ho-pages">
  {{#PAGE}}<li>
    <a href="/log/page/{{PAGE_ID}}">{{DAY}} {{SHIFT}}</a> <span class="muted">{{OPENER}} · [[handover.shift_end]] {{END_AT}}</span>{{#ENDED}} <span class="tag off">[[handover.ended]]</span>{{/ENDED}}
    {{#HANDOVER}}<a class="btn secondary" href="/handover/{{ID}}">[[handover.title]] <span class="tag ho-{{STATUS_CLASS}}">{{STATUS}}</span></a>{{/HANDOVER}}
    {{#CAN_OPEN}}<form method="post" action="/handover/open" class="inline-form"><input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="page_id" value="{{PAGE_ID}}"><button type="submit" class="btn">[[handover.open]]</button></form>{{/CAN_OPEN}}
  </li>{{/PAGE}}
  </ul>
</section>
<section aria-labelledby="days-h">
  <h2 id="days-h">[[handover.home.days]]</h2>
  {{#NO_DAYS}}<p class="empty">[[handover.home.no_days]]</p>{{/NO_DAYS}}
  <ul class="ho-days">
  {{#DAY}}<li><a href="/handover/day/{{DAY}}">{{DAY}}</a> <span class="muted">{{ACCEPTED}}/{{COUNT}} [[handover.home.accepted]]</span>{{#REVIEWED}} <span class="tag">[[handover.reviewed]]</span>{{/REVIEWED}}</li>{{/DAY}}
  </ul>
</section>
