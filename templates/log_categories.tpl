{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/log">[[log.title]]</a></p>
<h1>[[log.categories.title]]</h1>
<p class="hint">[[log.categories.hint]]</p>
<table class="list">
  <thead><tr><th>[[log.field.category]]</th><th>[[field.status]]</th><th></th></tr></thead>
  <tbody>
  {{#CATEGORY}}<tr><td colspan="3">
    <form method="post" action="/log/categories/{{ID}}" class="inline-form">
      <input type="hidden" name="_csrf" value="{{CSRF}}">
      <label class="visually-hidden" for="cat-{{ID}}">[[log.field.category]]</label>
      <input id="cat-{{ID}}" name="name" value="{{NAME}}" maxlength="30" required>
      <select name="active" aria-label="[[field.status]]"><option value="1">[[status.active]]</option><option value="0"{{#INACTIVE}} selected{{/INACTIVE}}>[[status.inactive]]</option></select>
      <button type="submit" class="btn secondary">[[action.save]]</button>
    </form>
  </td></tr>{{/CATEGORY}}
  </tbody>
</table>
<form method="post" action="/log/categories/new" class="form box" novalidate>
  <h2>[[log.categories.new]]</h2>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="field{{#NAME_INVALID}} invalid{{/NAME_INVALID}}">
    <label for="name">[[log.field.category]]</label>
    <input id="name" name="name" value="{{NAME}}" required>
    {{#NAME_ERR}}<p class="field-error">{{MSG}}</p>{{/NAME_ERR}}
  </div>
  <p class="actions"><button type="submit" class="btn">[[action.create]]</button></p>
</form>
