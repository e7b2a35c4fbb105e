{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/callbacks/plans">[[callback.plans.title]]</a></p>
<div class="page-head">
  <h1>[[callback.plan.title]] · {{TITLE_NOW}}</h1>
</div>
<dl class="facts">
  <div><dt>[[callback.field.plan_kind]]</dt><dd><span class="tag">{{KIND}}</span></dd></div>
  <div><dt>[[field.status]]</dt><dd><span class="tag cb-plan-{{STATUS_CLASS}}">{{STATUS}}</span></dd></div>
  <div><dt>[[callback.field.title]]</dt><dd>{{TITLE}}</dd></div>
  <div><dt>[[callback.field.method]]</dt><dd>{{METHOD}}</dd></div>
  <div><dt>[[callback.field.dates]]</dt><dd class="num">{{FROM}} – {{TO}}</dd></div>
  <div><dt>[[callback.drafted_by]]</dt><dd>{{CREATOR}} <span class="muted num">{{CREATED_AT}}</span></dd></div>
  {{#APPROVED}}<div><dt>[[callback.approved_by]]</dt><dd>{{APPROVER}} <span class="muted num">{{APPROVED_AT}}</span></dd></div>{{/APPROVED}}
  <div><dt>[[callback.progress]]</dt><dd><meter min="0" max="100" value="{{PCT}}">{{PCT}}%</meter> [[callback.called]] {{CALLED}}/{{TOTAL}} · [[callback.reached]] {{REACHED}} · [[callback.avg]] {{AVG}}</dd></div>
</dl>
{{#TITLE_STAMPS}}{{#CORRECTION}}<aside class="stamp" role="note"><p class="stamp-title">[[callback.correction]] · {{FIELD}}</p><p><del class="pre">{{OLD}}</del></p><p class="pre">{{NEW}}</p><p class="stamp-meta">{{BY}} · {{AT}} · [[callback.field.reason]]：{{REASON}}</p></aside>{{/CORRECTION}}{{/TITLE_STAMPS}}
<h2>[[callback.field.purpose]]</h2>
<p class="pre">{{PURPOSE}}</p>
{{#PURPOSE_STAMPS}}{{#CORRECTION}}<aside class="stamp" role="note"><p class="stamp-title">[[callback.correction]] · {{FIELD}}</p><p><del class="pre">{{OLD}}</del></p><p class="pre">{{NEW}}</p><p class="stamp-meta">{{BY}} · {{AT}} · [[callback.field.reason]]：{{REASON}}</p></aside>{{/CORRECTION}}{{/PURPOSE_STAMPS}}
{{#DRAFT}}<p class="notice">[[callback.plan.draft_hint]]</p>{{/DRAFT}}
{{#APPROVE_FORM}}
<section class="panel box" id="approve">
  <h2>[[callback.plan.approve]]</h2>
  {{#OWN}}<p class="notice">[[callback.err.own_plan]]</p>{{/OWN}}
  {{#CAN}}<form method="post" action="/callbacks/plans/{{ID}}/approve" class="form">
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    <p class="hint">[[callback.plan.approve_hint]]</p>
    <p class="actions"><button type="submit" class="btn">[[callback.plan.approve]]</button></p>
  </form>{{/CAN}}
</section>
{{/APPROVE_FORM}}
<h2 id="callbacks">[[callback.plan.residents]] ({{TOTAL}})</h2>
<div class="cb-scroll">
<table class="list cb-list">
  <thead><tr><th>[[callback.field.due]]</th><th>[[callback.field.resident]]</th><th>[[callback.field.unit]]</th><th>[[callback.field.state]]</th><th>[[callback.field.words]]</th><th></th></tr></thead>
  <tbody>
  {{#CALLBACK}}<tr class="cb-row{{#OVERDUE}} cb-overdue{{/OVERDUE}}{{#UNSAT}} cb-unsat{{/UNSAT}}">
    <td class="num">{{DUE}}{{#OVERDUE}} <span class="tag off">[[callback.overdue]]</span>{{/OVERDUE}}</td>
    <td>{{RESIDENT}}<br><span class="num muted">{{PHONE}}</span></td>
    <td>{{UNIT}}</td>
    <td>{{#DONE}}{{#SAT}}<strong>{{SAT}}</strong>/5{{/SAT}}{{#UNSAT}} <span class="tag off">[[callback.unsatisfied]]</span>{{/UNSAT}}<br><span class="muted">{{CALLED_AT}} {{CALLER}}</span>{{/DONE}}{{#TRIED}}<span class="tag open">[[callback.unreached]] ×{{ATTEMPTS}}</span>{{/TRIED}}{{#NOT_TRIED}}<span class="tag open">[[callback.status.due]]</span>{{/NOT_TRIED}}{{#CANCELLED}}<span class="tag off">[[callback.status.cancelled]]</span>{{/CANCELLED}}</td>
    <td class="pre">{{WORDS}}{{#CANCELLED}}{{NOTE}}{{/CANCELLED}}</td>
    <td>{{#PLAN}}<a class="btn secondary" href="/callbacks/{{ID}}">[[callback.open]]</a>{{/PLAN}}</td>
  </tr>{{/CALLBACK}}
  </tbody>
</table>
</div>
{{#EDIT_FORM}}
<section class="panel box" id="edit">
  <h2>[[callback.plan.edit]]</h2>
  <form method="post" action="/callbacks/plans/{{ID}}" class="form" novalidate>
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    {{>FIELDS}}
    <p class="actions"><button type="submit" class="btn">[[action.save]]</button></p>
  </form>
</section>
{{/EDIT_FORM}}
{{#CORRECT_FORM}}
<section class="panel box" id="correct">
  <h2>[[callback.correct.title]]</h2>
  <p class="hint">[[callback.plan.correct_hint]]</p>
  <form method="post" action="/callbacks/plans/{{ID}}/correct" class="form" novalidate>
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    <div class="field{{#FIELD_INVALID}} invalid{{/FIELD_INVALID}}">
      <label for="field">[[callback.field.field]]</label>
      <select id="field" name="field"><option value="title"{{#FIELD_TITLE_ON}} selected{{/FIELD_TITLE_ON}}>[[callback.field.title]]</option><option value="purpose"{{#FIELD_PURPOSE_ON}} selected{{/FIELD_PURPOSE_ON}}>[[callback.field.purpose]]</option></select>
      {{#FIELD_ERR}}<p class="field-error">{{MSG}}</p>{{/FIELD_ERR}}
    </div>
    <div class="field{{#TEXT_INVALID}} invalid{{/TEXT_INVALID}}">
      <label for="text">[[callback.field.new_text]]</label>
      <textarea id="text" name="text" rows="3">{{TEXT}}</textarea>
      {{#TEXT_ERR}}<p class="field-error">{{MSG}}</p>{{/TEXT_ERR}}
    </div>
    <div class="field{{#REASON_INVALID}} invalid{{/REASON_INVALID}}">
      <label for="reason">[[callback.field.reason]]</label>
      <input id="reason" name="reason" value="{{REASON}}">
      {{#REASON_ERR}}<p class="field-error">{{MSG}}</p>{{/REASON_ERR}}
    </div>
    <p class="actions"><button type="submit" class="btn secondary">[[callback.correct.submit]]</button></p>
  </form>
</section>
{{/CORRECT_FORM}}
