{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/evaluations">[[eval.list.title]]</a></p>
<h1>[[eval.new.title]]</h1>
<p class="hint">[[eval.new.hint]]</p>
{{#NO_ITEMS}}<p class="notice">[[eval.new.no_items]] <a href="/evaluations/items">[[eval.items.title]]</a></p>{{/NO_ITEMS}}
<form method="get" action="/evaluations/new" class="form box" novalidate>
  <div class="field-row">
    <div class="field{{#USER_INVALID}} invalid{{/USER_INVALID}}">
      <label for="user">[[eval.field.person]]</label>
      <select id="user" name="user"{{#USER_INVALID}} aria-invalid="true" aria-describedby="user-err"{{/USER_INVALID}}><option value="">—</option>{{#PERSON_OPT}}<option value="{{ID}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/PERSON_OPT}}</select>
      {{#USER_ERR}}<p class="field-error" id="user-err">{{MSG}}</p>{{/USER_ERR}}
    </div>
    <div class="field{{#FROM_INVALID}} invalid{{/FROM_INVALID}}">
      <label for="from">[[eval.field.from]]</label>
      <input id="from" name="from" value="{{FROM}}" placeholder="2026-11-01" inputmode="numeric" maxlength="10"{{#FROM_INVALID}} aria-invalid="true" aria-describedby="from-err"{{/FROM_INVALID}}>
      {{#FROM_ERR}}<p class="field-error" id="from-err">{{MSG}}</p>{{/FROM_ERR}}
    </div>
    <div class="field{{#TO_INVALID}} invalid{{/TO_INVALID}}">
      <label for="to">[[eval.field.to]]</label>
      <input id="to" name="to" value="{{TO}}" placeholder="2026-11-30" inputmode="numeric" maxlength="10"{{#TO_INVALID}} aria-invalid="true" aria-describedby="to-err"{{/TO_INVALID}}>
      {{#TO_ERR}}<p class="field-error" id="to-err">{{MSG}}</p>{{/TO_ERR}}
    </div>
  </div>
  <p class="actions"><button type="submit" class="btn secondary">[[eval.new.preview]]</button></p>
</form>
{{#PREVIEW}}
<section class="eval-figures" aria-labelledby="preview-h">
  <h2 id="preview-h">[[eval.figures.title]] · {{PERSON}} <span class="muted">{{FROM}} – {{TO}}</span></h2>
  <dl class="facts eval-figs">{{#FIG}}<div><dt>{{LABEL}}</dt><dd><strong class="ev-fig" data-fig="{{KEY}}">{{VALUE}}</strong> <span class="muted">{{NOTE}}</span></dd></div>{{/FIG}}</dl>
  {{#EXISTS}}<p class="notice">[[eval.err.duplicate]] <a href="/evaluations/{{ID}}">[[eval.new.existing]]</a></p>{{/EXISTS}}
  {{#CAN_CREATE}}<form method="post" action="/evaluations/new" class="inline-form">
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    <input type="hidden" name="user" value="{{USER_ID}}">
    <input type="hidden" name="from" value="{{FROM}}">
    <input type="hidden" name="to" value="{{TO}}">
    <button type="submit" class="btn">[[eval.new.create]]</button>
  </form>{{/CAN_CREATE}}
</section>
{{/PREVIEW}}
