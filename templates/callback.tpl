{{%AUTOESCAPE context="HTML"}}
{{#CB}}
<p class="crumbs"><a href="/callbacks">[[callback.list.title]]</a>{{#PLAN}} · <a href="/callbacks/plans/{{PLAN_ID}}">{{PLAN_TITLE}}</a>{{/PLAN}}</p>
<h1>[[callback.one.title]] · {{RESIDENT}}</h1>
<dl class="facts">
  <div><dt>[[callback.field.resident]]</dt><dd>{{RESIDENT}}</dd></div>
  <div><dt>[[callback.field.phone]]</dt><dd class="num"><a href="tel:{{PHONE}}">{{PHONE}}</a></dd></div>
  <div><dt>[[callback.field.unit]]</dt><dd>{{UNIT}}</dd></div>
  {{#PLAN}}<div><dt>[[callback.field.plan]]</dt><dd><span class="tag">{{KIND}}</span> <a href="/callbacks/plans/{{PLAN_ID}}">{{PLAN_TITLE}}</a></dd></div>{{/PLAN}}
  <div><dt>[[callback.field.due]]</dt><dd class="num">{{DUE}}{{#OVERDUE}} <span class="tag off">[[callback.overdue]]</span>{{/OVERDUE}}</dd></div>
  <div><dt>[[field.status]]</dt><dd><span class="tag cb-{{STATUS_CLASS}}">{{STATUS}}</span>{{#UNREACHED}} <span class="tag open">[[callback.unreached]] ×{{ATTEMPTS}}</span> <span class="muted">[[callback.field.last_try]] {{LAST_TRY}}</span>{{/UNREACHED}}</dd></div>
  {{#DONE}}
  <div><dt>[[callback.field.called_at]]</dt><dd class="num">{{CALLED_AT}} · {{CALLER}} · {{METHOD}}</dd></div>
  <div><dt>[[callback.field.satisfaction]]</dt><dd>{{#SAT}}<strong>{{SAT}}</strong>/5{{/SAT}}{{#UNSAT}} <span class="tag off">[[callback.unsatisfied]]</span>{{/UNSAT}}</dd></div>
  <div><dt>[[callback.field.words]]</dt><dd class="pre">{{WORDS}}</dd></div>
  {{/DONE}}
  <div><dt>[[callback.field.note]]</dt><dd class="pre">{{NOTE}}</dd></div>
</dl>
{{/CB}}
<section class="cb-history" aria-labelledby="history-h">
  <h2 id="history-h">[[callback.history]]</h2>
  {{#NO_HISTORY}}<p class="empty">[[callback.history.none]]</p>{{/NO_HISTORY}}
  <ul>{{#HISTORY}}<li><span class="num">{{AT}}</span> <span class="tag">{{TYPE}}</span> <a href="/requests/{{ID}}" class="num">{{NUMBER}}</a> {{DESC}} <span class="muted">{{STATUS}}</span></li>{{/HISTORY}}</ul>
</section>
{{#PLAN_DRAFT}}<p class="notice">[[callback.plan_not_approved]]</p>{{/PLAN_DRAFT}}
{{#RECORD_FORM}}
<section class="panel box" id="record">
  <h2>[[callback.record.title]]</h2>
  <form method="post" action="/callbacks/{{ID}}" class="form" novalidate>
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    <fieldset class="field{{#REACHED_INVALID}} invalid{{/REACHED_INVALID}}">
      <legend>[[callback.field.reached]]</legend>
      <label class="check"><input type="radio" name="reached" value="yes"{{#REACHED_YES_ON}} checked{{/REACHED_YES_ON}}> [[callback.reached.yes]]</label>
      <label class="check"><input type="radio" name="reached" value="no"{{#REACHED_NO_ON}} checked{{/REACHED_NO_ON}}> [[callback.reached.no]]</label>
      {{#REACHED_ERR}}<p class="field-error">{{MSG}}</p>{{/REACHED_ERR}}
    </fieldset>
    <div class="field{{#METHOD_INVALID}} invalid{{/METHOD_INVALID}}">
      <label for="method">[[callback.field.method]]</label>
      <select id="method" name="method">
        <option value="phone"{{#METHOD_PHONE_ON}} selected{{/METHOD_PHONE_ON}}>[[callback.method.phone]]</option>
        <option value="visit"{{#METHOD_VISIT_ON}} selected{{/METHOD_VISIT_ON}}>[[callback.method.visit]]</option>
        <option value="letter"{{#METHOD_LETTER_ON}} selected{{/METHOD_LETTER_ON}}>[[callback.method.letter]]</option>
        <option value="online"{{#METHOD_ONLINE_ON}} selected{{/METHOD_ONLINE_ON}}>[[callback.method.online]]</option>
      </select>
      {{#METHOD_ERR}}<p class="field-error">{{MSG}}</p>{{/METHOD_ERR}}
    </div>
    <div class="field{{#SATISFACTION_INVALID}} invalid{{/SATISFACTION_INVALID}}">
      <label for="satisfaction">[[callback.field.satisfaction]]（1–5）</label>
      <input id="satisfaction" name="satisfaction" value="{{SATISFACTION}}" inputmode="numeric" size="3"{{#SATISFACTION_INVALID}} aria-invalid="true" aria-describedby="satisfaction-err"{{/SATISFACTION_INVALID}}>
      <p class="hint">[[callback.satisfaction.hint]]</p>
      {{#SATISFACTION_ERR}}<p class="field-error" id="satisfaction-err">{{MSG}}</p>{{/SATISFACTION_ERR}}
    </div>
    <div class="field{{#WORDS_INVALID}} invalid{{/WORDS_INVALID}}">
      <label for="words">[[callback.field.words]]</label>
      <textarea id="words" name="words" rows="3">{{WORDS}}</textarea>
      {{#WORDS_ERR}}<p class="field-error">{{MSG}}</p>{{/WORDS_ERR}}
    </div>
    <div class="field{{#NOTE_INVALID}} invalid{{/NOTE_INVALID}}">
      <label for="note">[[callback.field.note]]</label>
      <textarea id="note" name="note" rows="2">{{NOTE}}</textarea>
      {{#NOTE_ERR}}<p class="field-error">{{MSG}}</p>{{/NOTE_ERR}}
    </div>
    <p class="actions"><button type="submit" class="btn">[[callback.record.submit]]</button></p>
  </form>
</section>
{{/RECORD_FORM}}
{{#CANCEL_FORM}}
<details class="box cb-cancel"{{#REASON_INVALID}} open{{/REASON_INVALID}}>
  <summary>[[callback.cancel.title]]</summary>
  <form method="post" action="/callbacks/{{ID}}/cancel" class="form" novalidate>
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    <div class="field{{#REASON_INVALID}} invalid{{/REASON_INVALID}}">
      <label for="reason">[[callback.field.cancel_reason]]</label>
      <input id="reason" name="reason" value="{{REASON}}" placeholder="[[callback.cancel.hint]]">
      {{#REASON_ERR}}<p class="field-error">{{MSG}}</p>{{/REASON_ERR}}
    </div>
    <p class="actions"><button type="submit" class="btn secondary">[[callback.cancel.submit]]</button></p>
  </form>
</details>
{{/CANCEL_FORM}}
