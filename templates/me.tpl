{{%AUTOESCAPE context="HTML"}}
<h1>[[me.title]]</h1>
<dl class="facts">
  <div><dt>[[field.username]]</dt><dd>{{USERNAME}}</dd></div>
  <div><dt>[[field.display_name]]</dt><dd>{{DISPLAY_NAME}}</dd></div>
  <div><dt>[[field.site]]</dt><dd>{{SITE_NAME}}</dd></div>
</dl>
<form method="post" action="/me" class="form">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="field{{#LANG_INVALID}} invalid{{/LANG_INVALID}}">
    <label for="lang">[[field.lang]]</label>
    <select id="lang"{{#LANG_INVALID}} aria-invalid="true" aria-describedby="lang-err"{{/LANG_INVALID}} name="lang">
      <option value="zh-CN"{{#LANG_ZH_CN_ON}} selected{{/LANG_ZH_CN_ON}}>简体中文</option>
      <option value="en"{{#LANG_EN_ON}} selected{{/LANG_EN_ON}}>English</option>
    </select>
    {{#LANG_ERR}}<p class="field-error" id="lang-err">{{MSG}}</p>{{/LANG_ERR}}
  </div>
  <p class="actions"><button type="submit" class="btn">[[action.save]]</button></p>
</form>
<p><a href="/me/password">[[password.title]]</a></p>
