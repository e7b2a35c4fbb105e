{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/admin/sites">[[sites.title]]</a></p>
<h1>{{#EXISTING}}[[site.title]]{{/EXISTING}}{{#IS_NEW}}[[site_new.title]]{{/IS_NEW}}</h1>
<form method="post" action="{{ACTION}}" class="form" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="field{{#CODE_INVALID}} invalid{{/CODE_INVALID}}">
    <label for="code">[[field.site_code]]</label>
    <input id="code"{{#CODE_INVALID}} aria-invalid="true" aria-describedby="code-err"{{/CODE_INVALID}} name="code" value="{{CODE}}" autocapitalize="characters" spellcheck="false" required>
    {{#CODE_ERR}}<p class="field-error" id="code-err">{{MSG}}</p>{{/CODE_ERR}}
    <p class="hint">[[site.code_hint]]</p>
  </div>
  <div class="field{{#NAME_INVALID}} invalid{{/NAME_INVALID}}">
    <label for="name">[[field.site_name]]</label>
    <input id="name"{{#NAME_INVALID}} aria-invalid="true" aria-describedby="name-err"{{/NAME_INVALID}} name="name" value="{{NAME}}" required>
    {{#NAME_ERR}}<p class="field-error" id="name-err">{{MSG}}</p>{{/NAME_ERR}}
  </div>
  <div class="field{{#ADDRESS_INVALID}} invalid{{/ADDRESS_INVALID}}">
    <label for="address">[[field.address]]</label>
    <input id="address"{{#ADDRESS_INVALID}} aria-invalid="true" aria-describedby="address-err"{{/ADDRESS_INVALID}} name="address" value="{{ADDRESS}}">
    {{#ADDRESS_ERR}}<p class="field-error" id="address-err">{{MSG}}</p>{{/ADDRESS_ERR}}
  </div>
  <div class="field{{#PHONE_INVALID}} invalid{{/PHONE_INVALID}}">
    <label for="phone">[[field.phone]]</label>
    <input id="phone"{{#PHONE_INVALID}} aria-invalid="true" aria-describedby="phone-err"{{/PHONE_INVALID}} name="phone" value="{{PHONE}}" inputmode="tel">
    {{#PHONE_ERR}}<p class="field-error" id="phone-err">{{MSG}}</p>{{/PHONE_ERR}}
  </div>
  <p class="actions"><button type="submit" class="btn">[[action.save]]</button> <a href="/admin/sites">[[action.cancel]]</a></p>
</form>
