{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/handover">[[handover.home.title]]</a></p>
<h1>[[handover.items.title]]</h1>
<p class="hint">[[handover.items.hint]]</p>
<table class="list">
  <thead><tr><th>[[handover.field.item]] · [[handover.field.expected]] · [[field.status]]</th></tr></thead>
  <tbody>
  {{#ITEM}}<tr><td>
    <form method="post" action="/handover/items/{{ID}}" class="inline-form">
      <input type="hidden" name="_csrf" value="{{CSRF}}">
      <input name="name" value="{{NAME}}" maxlength="30" aria-label="[[handover.field.item]]">
      <input name="expected" value="{{EXPECTED}}" inputmode="numeric" size="4" aria-label="[[handover.field.expected]]">
      <select name="active" aria-label="[[field.status]]"><option value="1">[[status.active]]</option><option value="0"{{#INACTIVE}} selected{{/INACTIVE}}>[[status.inactive]]</option></select>
      <button type="submit" class="btn secondary">[[action.save]]</button>
      {{#ERRORS}}{{#NAME_ERR}}<p class="field-error">{{MSG}}</p>{{/NAME_ERR}}{{#EXPECTED_ERR}}<p class="field-error">{{MSG}}</p>{{/EXPECTED_ERR}}{{/ERRORS}}
    </form>
  </td></tr>{{/ITEM}}
  </tbody>
</table>
{{#NEW_FORM}}
<form method="post" action="/handover/items/new" class="form box" novalidate>
  <h2>[[handover.items.new]]</h2>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="field-row">
    <div class="field{{#NAME_INVALID}} invalid{{/NAME_INVALID}}">
      <label for="name">[[handover.field.item]]</label>
      <input id="name" name="name" value="{{NAME}}" maxlength="30">
      {{#NAME_ERR}}<p class="field-error">{{MSG}}</p>{{/NAME_ERR}}
    </div>
    <div class="field{{#EXPECTED_INVALID}} invalid{{/EXPECTED_INVALID}}">
      <label for="expected">[[handover.field.expected]]</label>
      <input id="expected" name="expected" value="{{EXPECTED}}" inputmode="numeric">
      {{#EXPECTED_ERR}}<p class="field-error">{{MSG}}</p>{{/EXPECTED_ERR}}
    </div>
  </div>
  <p class="actions"><button type="submit" class="btn">[[action.create]]</button></p>
</form>
{{/NEW_FORM}}
{{#RULE_FORM}}
<form method="post" action="/handover/rule" class="form box" novalidate>
  <h2>[[handover.rule.title]]</h2>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="field{{#EARLY_MINUTES_INVALID}} invalid{{/EARLY_MINUTES_INVALID}}">
    <label for="early_minutes">[[handover.field.early]]</label>
    <input id="early_minutes" name="early_minutes" value="{{EARLY_MINUTES}}" inputmode="numeric">
    {{#EARLY_MINUTES_ERR}}<p class="field-error">{{MSG}}</p>{{/EARLY_MINUTES_ERR}}
  </div>
  <p class="actions"><button type="submit" class="btn secondary">[[action.save]]</button></p>
</form>
{{/RULE_FORM}}
