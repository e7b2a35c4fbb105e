{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/admin/departments">[[departments.title]]</a></p>
<h1>[[department.title]]</h1>
<p class="muted">[[field.site]]: {{SITE_NAME}}</p>
<form method="post" action="/admin/departments/{{ID}}" class="form" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="field{{#NAME_INVALID}} invalid{{/NAME_INVALID}}">
    <label for="name">[[field.dept_name]]</label>
    <input id="name"{{#NAME_INVALID}} aria-invalid="true" aria-describedby="name-err"{{/NAME_INVALID}} name="name" value="{{NAME}}" required>
    {{#NAME_ERR}}<p class="field-error" id="name-err">{{MSG}}</p>{{/NAME_ERR}}
  </div>
  <div class="field{{#PHONE_INVALID}} invalid{{/PHONE_INVALID}}">
    <label for="phone">[[field.phone]]</label>
    <input id="phone"{{#PHONE_INVALID}} aria-invalid="true" aria-describedby="phone-err"{{/PHONE_INVALID}} name="phone" value="{{PHONE}}" inputmode="tel">
    {{#PHONE_ERR}}<p class="field-error" id="phone-err">{{MSG}}</p>{{/PHONE_ERR}}
  </div>
  <div class="field">
    <label for="active">[[field.status]]</label>
    <select id="active" name="active">
      <option value="1"{{#ACTIVE_1_ON}} selected{{/ACTIVE_1_ON}}>[[status.active]]</option>
      <option value="0"{{#ACTIVE_0_ON}} selected{{/ACTIVE_0_ON}}>[[status.inactive]]</option>
    </select>
  </div>
  <p class="actions"><button type="submit" class="btn">[[action.save]]</button> <a href="/admin/departments">[[action.cancel]]</a></p>
</form>
