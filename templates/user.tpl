{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/admin/users">[[users.title]]</a></p>
<h1>{{USERNAME}} {{#DISABLED}}<span class="tag off">[[status.disabled]]</span>{{/DISABLED}}{{#MUST_CHANGE}}<span class="tag">[[user.must_change]]</span>{{/MUST_CHANGE}}</h1>
<p class="muted">[[field.site]]: {{CURRENT_SITE}}</p>
<div class="columns">
<form method="post" action="/admin/users/{{ID}}" class="form" novalidate>
  <h2>[[user.edit]]</h2>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="field{{#DISPLAY_NAME_INVALID}} invalid{{/DISPLAY_NAME_INVALID}}">
    <label for="display_name">[[field.display_name]]</label>
    <input id="display_name"{{#DISPLAY_NAME_INVALID}} aria-invalid="true" aria-describedby="display_name-err"{{/DISPLAY_NAME_INVALID}} name="display_name" value="{{DISPLAY_NAME}}" required>
    {{#DISPLAY_NAME_ERR}}<p class="field-error" id="display_name-err">{{MSG}}</p>{{/DISPLAY_NAME_ERR}}
  </div>
  <div class="field{{#SITE_ID_INVALID}} invalid{{/SITE_ID_INVALID}}">
    <label for="site_id">[[field.site]]</label>
    <select id="site_id"{{#SITE_ID_INVALID}} aria-invalid="true" aria-describedby="site_id-err"{{/SITE_ID_INVALID}} name="site_id">{{#SITE_OPT}}<option value="{{ID}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/SITE_OPT}}</select>
    {{#SITE_ID_ERR}}<p class="field-error" id="site_id-err">{{MSG}}</p>{{/SITE_ID_ERR}}
  </div>
  <fieldset class="field{{#ROLES_INVALID}} invalid{{/ROLES_INVALID}}">
    <legend>[[field.roles]]</legend>
    {{#ROLE_OPT}}<label class="check"><input type="checkbox" name="roles" value="{{CODE}}"{{#ON}} checked{{/ON}}> {{NAME}}</label>{{/ROLE_OPT}}
    {{#ROLES_ERR}}<p class="field-error" id="roles-err">{{MSG}}</p>{{/ROLES_ERR}}
  </fieldset>
  <div class="field{{#DEPARTMENT_ID_INVALID}} invalid{{/DEPARTMENT_ID_INVALID}}">
    <label for="department_id">[[req.admin.dept]]</label>
    <select id="department_id"{{#DEPARTMENT_ID_INVALID}} aria-invalid="true" aria-describedby="department_id-err"{{/DEPARTMENT_ID_INVALID}} name="department_id"><option value="">[[req.admin.dept_none]]</option>{{#DEPT_OPT}}<option value="{{ID}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/DEPT_OPT}}</select>
    {{#DEPARTMENT_ID_ERR}}<p class="field-error" id="department_id-err">{{MSG}}</p>{{/DEPARTMENT_ID_ERR}}
  </div>
  <div class="field{{#LANG_INVALID}} invalid{{/LANG_INVALID}}">
    <label for="lang">[[field.lang]]</label>
    <select id="lang"{{#LANG_INVALID}} aria-invalid="true" aria-describedby="lang-err"{{/LANG_INVALID}} name="lang">
      <option value="zh-CN"{{#LANG_ZH_CN_ON}} selected{{/LANG_ZH_CN_ON}}>简体中文</option>
      <option value="en"{{#LANG_EN_ON}} selected{{/LANG_EN_ON}}>English</option>
    </select>
  </div>
  <div class="field{{#PHONE_INVALID}} invalid{{/PHONE_INVALID}}">
    <label for="phone">[[field.phone]]</label>
    <input id="phone"{{#PHONE_INVALID}} aria-invalid="true" aria-describedby="phone-err"{{/PHONE_INVALID}} name="phone" value="{{PHONE}}" inputmode="tel">
    {{#PHONE_ERR}}<p class="field-error" id="phone-err">{{MSG}}</p>{{/PHONE_ERR}}
  </div>
  <p class="actions"><button type="submit" class="btn">[[action.save]]</button></p>
</form>
<div class="side">
<form method="post" action="/admin/users/{{ID}}/password" class="form box" novalidate>
  <h2>[[user.reset]]</h2>
  <p class="hint">[[user.reset_hint]]</p>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="field{{#PASSWORD_INVALID}} invalid{{/PASSWORD_INVALID}}">
    <label for="password">[[field.new_password]]</label>
    <input id="password"{{#PASSWORD_INVALID}} aria-invalid="true" aria-describedby="password-err"{{/PASSWORD_INVALID}} name="password" type="password" autocomplete="new-password" required>
    {{#PASSWORD_ERR}}<p class="field-error" id="password-err">{{MSG}}</p>{{/PASSWORD_ERR}}
  </div>
  <p class="actions"><button type="submit" class="btn secondary">[[user.reset]]</button></p>
</form>
{{#NOT_SELF}}
<form method="post" action="/admin/users/{{ID}}/active" class="form box">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  {{#ACTIVE}}<h2>[[user.disable]]</h2><p class="hint">[[user.disable_hint]]</p><input type="hidden" name="active" value="0"><p class="actions"><button type="submit" class="btn danger">[[user.disable]]</button></p>{{/ACTIVE}}
  {{#DISABLED}}<h2>[[user.enable]]</h2><input type="hidden" name="active" value="1"><p class="actions"><button type="submit" class="btn">[[user.enable]]</button></p>{{/DISABLED}}
</form>
{{/NOT_SELF}}
<p><a href="/admin/audit?entity=user">[[nav.audit]]</a></p>
</div>
</div>
