{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/forms">[[forms.title]]</a></p>
<h1>[[forms.triage.title]]</h1>
<p class="hint">[[forms.triage.hint]]</p>
{{#EMPTY}}<p class="empty">[[forms.triage.empty]]</p>{{/EMPTY}}
<ul class="forms-triage">
{{#SCAN}}<li>
  <a href="/forms/triage/{{ID}}"><img src="/forms/scan/{{ID}}" alt="{{FILE}} ({{FILE_PAGE}})" loading="lazy"></a>
  <p><a href="/forms/triage/{{ID}}">{{FILE}} ({{FILE_PAGE}})</a><br><span class="hint">{{REASON}} · {{AT}} · {{BY}}</span></p>
</li>{{/SCAN}}
</ul>
