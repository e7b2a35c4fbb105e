{{%AUTOESCAPE context="HTML"}}
<section class="login">
  <h1>[[login.heading]]</h1>
  <p class="muted">[[login.intro]]</p>
  <form method="post" action="/login" class="form" novalidate>
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    <input type="hidden" name="next" value="{{NEXT}}">
    <div class="field{{#USERNAME_INVALID}} invalid{{/USERNAME_INVALID}}">
      <label for="username">[[field.username]]</label>
      <input id="username"{{#USERNAME_INVALID}} aria-invalid="true" aria-describedby="username-err"{{/USERNAME_INVALID}} name="username" value="{{USERNAME}}" autocomplete="username" autocapitalize="none" spellcheck="false" autofocus required>
      {{#USERNAME_ERR}}<p class="field-error" id="username-err">{{MSG}}</p>{{/USERNAME_ERR}}
    </div>
    <div class="field{{#PASSWORD_INVALID}} invalid{{/PASSWORD_INVALID}}">
      <label for="password">[[field.password]]</label>
      <input id="password"{{#PASSWORD_INVALID}} aria-invalid="true" aria-describedby="password-err"{{/PASSWORD_INVALID}} name="password" type="password" autocomplete="current-password" required>
      {{#PASSWORD_ERR}}<p class="field-error" id="password-err">{{MSG}}</p>{{/PASSWORD_ERR}}
    </div>
    <p class="actions"><button type="submit" class="btn">[[login.submit]]</button></p>
  </form>
  <p class="lang-switch">{{#LANG_ZH}}<a href="/login?lang=en" lang="en">English</a>{{/LANG_ZH}}{{#LANG_EN}}<a href="/login?lang=zh-CN" lang="zh-CN">简体中文</a>{{/LANG_EN}}</p>
</section>
