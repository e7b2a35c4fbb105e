{{%AUTOESCAPE context="HTML"}}
<h1>[[password.title]]</h1>
{{#MUST_CHANGE}}<p class="notice">[[password.must_change]]</p>{{/MUST_CHANGE}}
<form method="post" action="/me/password" class="form" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="field{{#CURRENT_PASSWORD_INVALID}} invalid{{/CURRENT_PASSWORD_INVALID}}">
    <label for="current_password">[[field.current_password]]</label>
    <input id="current_password"{{#CURRENT_PASSWORD_INVALID}} aria-invalid="true" aria-describedby="current_password-err"{{/CURRENT_PASSWORD_INVALID}} name="current_password" type="password" autocomplete="current-password" required>
    {{#CURRENT_PASSWORD_ERR}}<p class="field-error" id="current_password-err">{{MSG}}</p>{{/CURRENT_PASSWORD_ERR}}
  </div>
  <div class="field{{#NEW_PASSWORD_INVALID}} invalid{{/NEW_PASSWORD_INVALID}}">
    <label for="new_password">[[field.new_password]]</label>
    <input id="new_password"{{#NEW_PASSWORD_INVALID}} aria-invalid="true" aria-describedby="new_password-err"{{/NEW_PASSWORD_INVALID}} name="new_password" type="password" autocomplete="new-password" minlength="10" required>
    {{#NEW_PASSWORD_ERR}}<p class="field-error" id="new_password-err">{{MSG}}</p>{{/NEW_PASSWORD_ERR}}
    <p class="hint">[[password.hint]]</p>
  </div>
  <div class="field{{#NEW_PASSWORD2_INVALID}} invalid{{/NEW_PASSWORD2_INVALID}}">
    <label for="new_password2">[[field.new_password2]]</label>
    <input id="new_password2"{{#NEW_PASSWORD2_INVALID}} aria-invalid="true" aria-describedby="new_password2-err"{{/NEW_PASSWORD2_INVALID}} name="new_password2" type="password" autocomplete="new-password" required>
    {{#NEW_PASSWORD2_ERR}}<p class="field-error" id="new_password2-err">{{MSG}}</p>{{/NEW_PASSWORD2_ERR}}
  </div>
  <p class="actions"><button type="submit" class="btn">[[action.save]]</button></p>
</form>
