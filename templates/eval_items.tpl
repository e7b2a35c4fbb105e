{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/evaluations">[[eval.list.title]]</a></p>
<h1>[[eval.items.title]]</h1>
<p class="hint">[[eval.items.hint]]</p>
{{#NO_ITEMS}}<p class="empty">[[eval.items.none]]</p>
<form method="post" action="/evaluations/items/defaults" class="inline-form">
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <button type="submit" class="btn secondary">[[eval.items.defaults]]</button>
</form>{{/NO_ITEMS}}
<table class="list eval-items">
  <thead><tr><th>[[eval.field.item]] · [[eval.field.max]] · [[eval.field.order]] · [[field.status]]</th><th class="num">[[eval.items.used]]</th></tr></thead>
  <tbody>
  {{#ITEM}}<tr{{#INACTIVE}} class="off"{{/INACTIVE}}><td>
    <form method="post" action="/evaluations/items/{{ID}}" class="inline-form" novalidate>
      <input type="hidden" name="_csrf" value="{{CSRF}}">
      <input name="name" value="{{NAME}}" maxlength="30" aria-label="[[eval.field.item]]">
      <input name="max_score" value="{{MAX}}" inputmode="numeric" size="3" aria-label="[[eval.field.max]]"{{#IN_USE}} title="[[eval.items.max_locked]]"{{/IN_USE}}>
      <input name="sort_order" value="{{ORDER}}" inputmode="numeric" size="3" aria-label="[[eval.field.order]]">
      <select name="active" aria-label="[[field.status]]"><option value="1">[[eval.items.active]]</option><option value="0"{{#INACTIVE}} selected{{/INACTIVE}}>[[eval.items.inactive]]</option></select>
      <button type="submit" class="btn secondary">[[action.save]]</button>
      {{#DELETE_REFUSED}}<p class="field-error">[[eval.err.item_in_use]]</p>{{/DELETE_REFUSED}}
      {{#ERRORS}}{{#NAME_ERR}}<p class="field-error">{{MSG}}</p>{{/NAME_ERR}}{{#MAX_SCORE_ERR}}<p class="field-error">{{MSG}}</p>{{/MAX_SCORE_ERR}}{{#SORT_ORDER_ERR}}<p class="field-error">{{MSG}}</p>{{/SORT_ORDER_ERR}}{{/ERRORS}}
    </form>
    {{#CAN_DELETE}}<form method="post" action="/evaluations/items/{{ID}}/delete" class="inline-form">
      <input type="hidden" name="_csrf" value="{{CSRF}}">
      <button type="submit" class="btn secondary">[[eval.items.delete]]</button>
    </form>{{/CAN_DELETE}}
  </td><td class="num">{{USED}}</td></tr>{{/ITEM}}
  </tbody>
  <tfoot><tr><td>[[eval.items.sum]] {{SUM}}</td><td></td></tr></tfoot>
</table>
{{#NEW_FORM}}
<form method="post" action="/evaluations/items/new" class="form box" novalidate>
  <h2>[[eval.items.new]]</h2>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="field-row">
    <div class="field{{#NAME_INVALID}} invalid{{/NAME_INVALID}}">
      <label for="name">[[eval.field.item]]</label>
      <input id="name" name="name" value="{{NAME}}" maxlength="30">
      {{#NAME_ERR}}<p class="field-error">{{MSG}}</p>{{/NAME_ERR}}
    </div>
    <div class="field{{#MAX_SCORE_INVALID}} invalid{{/MAX_SCORE_INVALID}}">
      <label for="max_score">[[eval.field.max]]</label>
      <input id="max_score" name="max_score" value="{{MAX_SCORE}}" inputmode="numeric">
      {{#MAX_SCORE_ERR}}<p class="field-error">{{MSG}}</p>{{/MAX_SCORE_ERR}}
    </div>
    <div class="field{{#SORT_ORDER_INVALID}} invalid{{/SORT_ORDER_INVALID}}">
      <label for="sort_order">[[eval.field.order]]</label>
      <input id="sort_order" name="sort_order" value="{{SORT_ORDER}}" inputmode="numeric">
      {{#SORT_ORDER_ERR}}<p class="field-error">{{MSG}}</p>{{/SORT_ORDER_ERR}}
    </div>
  </div>
  <p class="actions"><button type="submit" class="btn">[[action.create]]</button></p>
</form>
{{/NEW_FORM}}
