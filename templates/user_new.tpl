{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/admin/users">[[users.title]]</a></p>
<h1>[[user_new.title]]</h1>
<form method="post" action="/admin/users/new" class="form" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="field{{#USERNAME_INVALID}} invalid{{/USERNAME_INVALID}}">
    <label for="username">[[field.username]]</label>
    <input id="username"{{#USERNAME_INVALID}} aria-invalid="true" aria-describedby="username-err"{{/USERNAME_INVALID}} name="username" value="{{USERNAME}}" autocomplete="off" autocapitalize="none" spellcheck="false" required>
    {{#USERNAME_ERR}}<p class="field-error" id="username-err">{{MSG}}</p>{{/USERNAME_ERR}}
    <p class="hint">[[user.username_hint]]</p>
  </div>
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
    {{#LANG_ERR}}<p class="field-error" id="lang-err">{{MSG}}</p>{{/LANG_ERR}}
  </div>
  <div class="field{{#PHONE_INVALID}} invalid{{/PHONE_INVALID}}">
    <label for="phone">[[field.phone]]</label>
    <input id="phone"{{#PHONE_INVALID}} aria-invalid="true" aria-describedby="phone-err"{{/PHONE_INVALID}} name="phone" value="{{PHONE}}" inputmode="tel">
    {{#PHONE_ERR}}<p class="field-error" id="phone-err">{{MSG}}</p>{{/PHONE_ERR}}
  </div>
  <div class="field{{#PASSWORD_INVALID}} invalid{{/PASSWORD_INVALID}}">
    <label for="password">[[field.initial_password]]</label>
    <input id="password"{{#PASSWORD_INVALID}} aria-invalid="true" aria-describedby="password-err"{{/PASSWORD_INVALID}} name="password" type="password" autocomplete="new-password" required>
    {{#PASSWORD_ERR}}<p class="field-error" id="password-err">{{MSG}}</p>{{/PASSWORD_ERR}}
    <p class="hint">[[user.password_hint]]</p>
  </div>
  <p class="actions"><button type="submit" class="btn">[[action.create]]</button> <a href="/admin/users">[[action.cancel]]</a></p>
</form>
