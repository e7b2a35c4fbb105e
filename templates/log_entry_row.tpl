{{%AUTOESCAPE context="HTML"}}
{{#ENTRY}}
<article class="entry{{#IS_OPEN}} entry-open{{/IS_OPEN}}{{#MAJOR}} entry-major{{/MAJOR}}" id="entry-{{ID}}">
  <header class="entry-head">
    <time class="num">{{AT}}</time>
    <span class="tag">{{CATEGORY}}</span>
    {{#MAJOR}}<span class="tag major">[[log.major]]</span>{{/MAJOR}}
    {{#IS_OPEN}}<span class="tag open">[[log.status.open]]</span>{{/IS_OPEN}}
    {{#IS_CLOSED}}<span class="tag">[[log.status.closed]]</span>{{/IS_CLOSED}}
    {{#CORRECTED}}<span class="tag stamp-tag">[[log.corrected]]</span>{{/CORRECTED}}
    {{#HAS_LOCATION}}<span class="entry-loc">{{LOCATION}}</span>{{/HAS_LOCATION}}
    <a class="entry-link" href="/log/entry/{{ID}}">[[log.entry.details]]</a>
  </header>
  <dl class="entry-body">
    <div><dt>[[log.field.what]]</dt><dd class="pre">{{WHAT}}</dd></div>
    <div><dt>[[log.field.handling]]</dt><dd class="pre">{{HANDLING}}</dd></div>
    <div><dt>[[log.field.followup]]</dt><dd class="pre">{{FOLLOWUP}}</dd></div>
  </dl>
  {{#CORRECTION}}
  <aside class="stamp" role="note">
    <p class="stamp-title">[[log.correction]] · {{FIELD}}</p>
    <p><del class="pre">{{OLD}}</del></p>
    <p class="pre">{{NEW}}</p>
    <p class="stamp-meta">{{BY}} · {{AT}} · [[log.field.reason]]：{{REASON}}</p>
  </aside>
  {{/CORRECTION}}
  <footer class="entry-foot muted">
    [[log.written_by]] {{WRITER}}{{#WITH_PAGE}} · <a href="/log/page/{{PAGE_ID}}">{{DAY}} {{SHIFT}}</a>{{/WITH_PAGE}}
    {{#IS_OPEN}} · [[log.age]] {{AGE}}{{/IS_OPEN}}
    {{#IS_CLOSED}}{{#HAS_CLOSER}} · [[log.closed_by]] {{CLOSER}} {{CLOSED_AT}}{{/HAS_CLOSER}}{{/IS_CLOSED}}
    {{#EMERGENCY}} · <a href="/log/emergency/{{EMERGENCY_ID}}">[[log.emergency.title]]</a>{{/EMERGENCY}}
  </footer>
</article>
{{/ENTRY}}
