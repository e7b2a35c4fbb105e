{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/reports">[[report.home.title]]</a></p>
<h1>[[report.q.title]] <span class="muted">{{SITE_NAME}} · {{YEAR}} [[report.quarter_prefix]]{{QUARTER}}</span></h1>
<form method="get" action="/reports/complaints" class="form filters rep-filter">
  {{#SITE_PARAM}}<input type="hidden" name="site" value="{{SITE}}">{{/SITE_PARAM}}
  <div class="field"><label for="year">[[report.field.year]]</label><input type="number" id="year" name="year" value="{{YEAR}}" min="2000" max="2100"></div>
  <div class="field"><label for="quarter">[[report.field.quarter]]</label>
    <select id="quarter" name="quarter">
      <option value="1"{{#Q1}} selected{{/Q1}}>[[report.quarter_prefix]]1</option>
      <option value="2"{{#Q2}} selected{{/Q2}}>[[report.quarter_prefix]]2</option>
      <option value="3"{{#Q3}} selected{{/Q3}}>[[report.quarter_prefix]]3</option>
      <option value="4"{{#Q4}} selected{{/Q4}}>[[report.quarter_prefix]]4</option>
    </select></div>
  <p class="actions"><button type="submit" class="btn">[[report.show]]</button></p>
</form>
<div class="rep-period"><strong>{{FROM}} – {{LAST}}</strong>{{#CAN_PRINT}} · <form method="post" action="{{HREF}}" class="inline"><input type="hidden" name="_csrf" value="{{CSRF}}"><button type="submit" class="btn secondary">[[report.print]]</button></form>{{/CAN_PRINT}}</div>
{{#BLOCK}}{{>TABLE}}{{/BLOCK}}
{{#ACTION_FORM}}
<form method="post" action="/reports/complaints/actions" class="form box" id="actions" novalidate>
  <h2>[[report.q.action_new]]</h2>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <input type="hidden" name="year" value="{{YEAR}}">
  <input type="hidden" name="quarter" value="{{QUARTER}}">
  <div class="field{{#DEPARTMENT_ID_ERR}} invalid{{/DEPARTMENT_ID_ERR}}">
    <label for="department_id">[[report.col.department]]</label>
    <select id="department_id" name="department_id"><option value="">—</option>{{#DEPT}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/DEPT}}</select>
    {{#DEPARTMENT_ID_ERR}}<p class="field-error">{{MSG}}</p>{{/DEPARTMENT_ID_ERR}}
  </div>
  <div class="field{{#CATEGORY_ID_ERR}} invalid{{/CATEGORY_ID_ERR}}">
    <label for="category_id">[[report.col.category]]</label>
    <select id="category_id" name="category_id"><option value="0">—</option>{{#CAT}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/CAT}}</select>
    {{#CATEGORY_ID_ERR}}<p class="field-error">{{MSG}}</p>{{/CATEGORY_ID_ERR}}
  </div>
  <div class="field{{#PROBLEM_ERR}} invalid{{/PROBLEM_ERR}}">
    <label for="problem">[[report.col.problem]]</label>
    <input type="text" id="problem" name="problem" value="{{PROBLEM}}" maxlength="300">
    {{#PROBLEM_ERR}}<p class="field-error">{{MSG}}</p>{{/PROBLEM_ERR}}
  </div>
  <div class="field{{#ACTION_ERR}} invalid{{/ACTION_ERR}}">
    <label for="action">[[report.col.action]]</label>
    <textarea id="action" name="action" rows="3">{{ACTION}}</textarea>
    {{#ACTION_ERR}}<p class="field-error">{{MSG}}</p>{{/ACTION_ERR}}
  </div>
  <p class="actions"><button type="submit" class="btn">[[report.q.action_submit]]</button></p>
</form>
{{/ACTION_FORM}}
