{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/admin/users">[[users.title]]</a></p>
<h1>[[user_new.title]]</h1>
<form method="post" action="/admin/users/new" class="form" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="field{{#USERNAME_INVALID}} invalid{{/USERNAME_INVALID}}">
    <label for="username">[[field.username]]</label>
    <input id="username" name="username" value="{{USERNAME}}" autocomplete="off" autocapitalize="none" spellcheck="false" required>
    <p class="hint">[[user.username_hint]]</p>
    {{#USERNAME_ERR}}<p class="field-error">{{MSG}}</p>{{/USERNAME_ERR}}
  </div>
  <div class="field{{#DISPLAY_NAME_INVALID}} invalid{{/DISPLAY_NAME_INVALID}}">
    <label for="display_name">[[field.display_name]]</label>
    <input id="display_name" name="display_name" value="{{DISPLAY_NAME}}" required>
    {{#DISPLAY_NAME_ERR}}<p class="field-error">{{MSG}}</p>{{/DISPLAY_NAME_ERR}}
  </div>
  <div class="field{{#SITE_ID_INVALID}} invalid{{/SITE_ID_INVALID}}">
    <label for="site_id">[[field.site]]</label>
    <select id="site_id" name="site_id">{{#SITE_OPT}}<option value="{{ID}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/SITE_OPT}}</select>
    {{#SITE_ID_ERR}}<p class="field-error">{{MSG}}</p>{{/SITE_ID_ERR}}
  </div>
  <fieldset class="field{{#ROLES_INVALID}} invalid{{/ROLES_INVALID}}">
    <legend>[[field.roles]]</legend>
    {{#ROLE_OPT}}<label class="check"><input type="checkbox" name="roles" value="{{CODE}}"{{#ON}} checked{{/ON}}> {{NAME}}</label>{{/ROLE_OPT}}
    {{#ROLES_ERR}}<p class="field-error">{{MSG}}</p>{{/ROLES_ERR}}
  </fieldset>
  <div class="field{{#LANG_INVALID}} invalid{{/LANG_INVALID}}">
    <label for="lang">[[field.lang]]</label>
    <select id="lang" name="lang">
      <option value="zh-CN"{{#LANG_ZH_CN_ON}} selected{{/LANG_ZH_CN_ON}}>简体中文</option>
      <option value="en"{{#LANG_EN_ON}} selected{{/LANG_EN_ON}}>English</option>
    </select>
    {{#LANG_ERR}}<p class="field-error">{{MSG}}</p>{{/LANG_ERR}}
  </div>
  <div class="field{{#PHONE_INVALID}} invalid{{/PHONE_INVALID}}">
    <label for="phone">[[field.phone]]</label>
    <input id="phone" name="phone" value="{{PHONE}}" inputmode="tel">
    {{#PHONE_ERR}}<p class="field-error">{{MSG}}</p>{{/PHONE_ERR}}
  </div>
  <div class="field{{#PASSWORD_INVALID}} invalid{{/PASSWORD_INVALID}}">
    <label for="password">[[field.initial_password]]</label>
    <input id="password" name="password" type="password" autocomplete="new-password" required>
    <p class="hint">[[user.password_hint]]</p>
    {{#PASSWORD_ERR}}<p class="field-error">{{MSG}}</p>{{/PASSWORD_ERR}}
  </div>
  <p class="actions"><button type="submit" class="btn">[[action.create]]</button> <a href="/admin/users">[[action.cancel]]</a></p>
</form>
