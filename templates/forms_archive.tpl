{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="{{RECORD_URL}}">{{KIND}}</a></p>
<h1>[[forms.archive.title]] <span class="num">{{NUMBER}}</span></h1>
{{#ARCHIVED}}<p class="forms-archived"><span class="tag open">[[forms.archive.archived]]</span> [[forms.archive.pages]] {{PAGES}}</p>{{/ARCHIVED}}
{{#NONE}}<p class="empty">[[forms.archive.none]]</p>{{/NONE}}
<p><a href="{{RECORD_URL}}">[[forms.archive.record]]</a></p>
<ol class="forms-scans">
{{#SCAN}}<li id="page-{{PAGE_NO}}">
  <p class="hint">[[forms.page]] {{PAGE_NO}} · {{AT}} · {{BY}} · {{FILE}} ({{FILE_PAGE}})</p>
  <a href="/forms/scan/{{ID}}"><img src="/forms/scan/{{ID}}" alt="[[forms.page]] {{PAGE_NO}}" loading="lazy"></a>
</li>{{/SCAN}}
</ol>
