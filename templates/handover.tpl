{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/handover">[[handover.home.title]]</a> · <a href="/handover/day/{{DAY}}">{{DAY}} [[handover.day.title]]</a></p>
<div class="page-head">
  <h1>[[handover.title]] · {{DAY}} {{SHIFT}} <span class="muted">{{SHIFT_TIME}}</span></h1>
  <p class="page-links"><a href="/log/page/{{PAGE_ID}}">[[handover.log_page]]</a> · <a href="/handover/{{ID}}/print">[[handover.print]]</a></p>
</div>
<dl class="facts">
  <div><dt>[[handover.status]]</dt><dd><span class="tag ho-{{STATUS_CLASS}}">{{STATUS}}</span>{{#REVIEWED}} · <span class="tag">[[handover.reviewed]]</span>{{/REVIEWED}}</dd></div>
  <div><dt>[[handover.outgoing]]</dt><dd>{{OUTGOING}} <span class="muted">[[handover.opened_at]] {{OPENED_AT}}</span></dd></div>
  <div><dt>[[handover.shift_end]]</dt><dd>{{END_AT}} <span class="muted">[[handover.rule]] {{RULE}} [[handover.minutes]]</span></dd></div>
</dl>
{{#UNRELIEVED}}<p class="notice" role="alert">[[handover.unrelieved]] {{END_AT}}</p>{{/UNRELIEVED}}
{{#REFUSAL}}<section class="notice ho-refusal" role="alert">
  <p><strong>[[handover.refused_by]] {{BY}}</strong> {{AT}}：<span class="pre">{{REASON}}</span></p>
  {{#WAITING}}<p>[[handover.waiting_decision]]</p>{{/WAITING}}
</section>{{/REFUSAL}}
{{#DECISION}}<section class="box ho-decision"><p><strong>[[handover.decision_by]] {{BY}}</strong> {{AT}}：<span class="pre">{{TEXT}}</span></p></section>{{/DECISION}}
{{#DECIDE_FORM}}
<section class="panel box" id="decide">
  <h2>[[handover.decide.title]]</h2>
  <form method="post" action="/handover/{{ID}}/decide" class="form" novalidate>
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    <div class="field{{#DECISION_INVALID}} invalid{{/DECISION_INVALID}}">
      <label for="decision">[[handover.field.decision]]</label>
      <textarea id="decision" name="decision" rows="3"{{#DECISION_INVALID}} aria-invalid="true" aria-describedby="decision-err"{{/DECISION_INVALID}}>{{DECISION}}</textarea>
      {{#DECISION_ERR}}<p class="field-error" id="decision-err">{{MSG}}</p>{{/DECISION_ERR}}
    </div>
    <p class="actions"><button type="submit" class="btn">[[handover.decide.submit]]</button></p>
  </form>
</section>
{{/DECIDE_FORM}}
<section class="carried" aria-labelledby="carried-h">
  <h2 id="carried-h">[[handover.carried.title]]</h2>
  <p class="hint">[[handover.carried.hint]]</p>
  {{#NO_CARRIED}}<p class="empty">[[handover.carried.none]]</p>{{/NO_CARRIED}}
  <ul class="ho-carried">
  {{#CARRIED}}<li><a href="/log/entry/{{ID}}">#{{ID}}</a> <time>{{AT}}</time> {{#MAJOR}}<span class="tag major">[[handover.major_tag]]</span> {{/MAJOR}}{{LOCATION}} <span class="pre">{{WHAT}}</span>{{#HAS_FOLLOWUP}} · {{FOLLOWUP}}{{/HAS_FOLLOWUP}} <span class="muted">— {{WRITER}}</span></li>{{/CARRIED}}
  </ul>
</section>
<section aria-labelledby="notes-h">
  <h2 id="notes-h">[[handover.notes.title]]</h2>
  <dl class="entry-body ho-notes">
  {{#NOTE}}<div><dt>{{LABEL}}</dt><dd class="pre">{{TEXT}}</dd></div>
  {{#CORRECTION}}<aside class="stamp" role="note">
    <p class="stamp-title">[[handover.correction]] · {{FIELD}}</p>
    <p><del class="pre">{{OLD}}</del></p>
    <p class="pre">{{NEW}}</p>
    <p class="stamp-meta">{{BY}} · {{AT}} · [[handover.field.reason]]：{{REASON}}</p>
  </aside>{{/CORRECTION}}{{/NOTE}}
  </dl>
</section>
{{#NOTES_FORM}}
<section class="panel box" id="notes-form">
  <h2>[[handover.notes.edit]]</h2>
  <form method="post" action="/handover/{{ID}}/notes" class="form" novalidate>
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    <div class="field{{#NOTES_INVALID}} invalid{{/NOTES_INVALID}}">
      <label for="notes">[[handover.field.notes]]</label>
      <textarea id="notes" name="notes" rows="3">{{NOTES}}</textarea>
      {{#NOTES_ERR}}<p class="field-error">{{MSG}}</p>{{/NOTES_ERR}}
    </div>
    <div class="field{{#REPAIRS_INVALID}} invalid{{/REPAIRS_INVALID}}">
      <label for="repairs">[[handover.field.repairs]]</label>
      <textarea id="repairs" name="repairs" rows="2">{{REPAIRS}}</textarea>
      {{#REPAIRS_ERR}}<p class="field-error">{{MSG}}</p>{{/REPAIRS_ERR}}
    </div>
    <div class="field{{#MAJOR_INVALID}} invalid{{/MAJOR_INVALID}}">
      <label for="major">[[handover.field.major]]</label>
      <textarea id="major" name="major" rows="2">{{MAJOR}}</textarea>
      {{#MAJOR_ERR}}<p class="field-error">{{MSG}}</p>{{/MAJOR_ERR}}
    </div>
    <p class="actions"><button type="submit" class="btn secondary">[[handover.notes.save]]</button></p>
  </form>
</section>
{{/NOTES_FORM}}
<section id="anomalies" aria-labelledby="anomalies-h">
  <h2 id="anomalies-h">[[handover.anomalies.title]]</h2>
  {{#NO_ANOMALIES}}<p class="empty">[[handover.anomalies.none]]</p>{{/NO_ANOMALIES}}
  <ul class="ho-anomalies">
  {{#ANOMALY}}<li><span class="pre">{{WHAT}}</span><br><span class="muted">[[handover.field.anomaly_expl]]：</span><span class="pre">{{EXPL}}</span> <span class="muted">— {{BY}} {{AT}}</span></li>{{/ANOMALY}}
  </ul>
  {{#ANOMALY_FORM}}
  <form method="post" action="/handover/{{ID}}/anomalies" class="form box" novalidate>
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    <div class="field-row">
      <div class="field{{#WHAT_INVALID}} invalid{{/WHAT_INVALID}}">
        <label for="what">[[handover.field.anomaly]]</label>
        <textarea id="what" name="what" rows="2">{{WHAT}}</textarea>
        {{#WHAT_ERR}}<p class="field-error">{{MSG}}</p>{{/WHAT_ERR}}
      </div>
      <div class="field{{#EXPLANATION_INVALID}} invalid{{/EXPLANATION_INVALID}}">
        <label for="explanation">[[handover.field.anomaly_expl]]</label>
        <textarea id="explanation" name="explanation" rows="2">{{EXPLANATION}}</textarea>
        {{#EXPLANATION_ERR}}<p class="field-error">{{MSG}}</p>{{/EXPLANATION_ERR}}
      </div>
    </div>
    <p class="actions"><button type="submit" class="btn secondary">[[handover.anomalies.add]]</button></p>
  </form>
  {{/ANOMALY_FORM}}
</section>
{{#SIGNED}}
<section aria-labelledby="counts-h">
  <h2 id="counts-h">[[handover.counts.title]]</h2>
  <table class="list ho-counts">
    <thead><tr><th>[[handover.field.item]]</th><th>[[handover.field.expected]]</th><th>[[handover.field.counted]]</th><th>[[handover.field.explanation]]</th><th>[[handover.field.answerable]]</th></tr></thead>
    <tbody>{{#COUNT}}<tr{{#DIFF}} class="ho-diff"{{/DIFF}}><td>{{NAME}}</td><td>{{EXPECTED}}</td><td>{{COUNTED}}</td><td>{{EXPL}}</td><td>{{ANSWER}}</td></tr>{{/COUNT}}</tbody>
  </table>
  <dl class="facts ho-signed">
    <div><dt>[[handover.sign.incoming]]</dt><dd>{{INCOMING}} {{IN_AT}}</dd></div>
    <div><dt>[[handover.sign.outgoing]]</dt><dd>{{OUTGOING}} {{OUT_AT}}</dd></div>
    <div><dt>[[handover.field.arrived]]</dt><dd>{{ARRIVED}} {{#ON_TIME}}<span class="tag">[[handover.arrival.early]] {{EARLY}} [[handover.minutes]]</span>{{/ON_TIME}}{{#NOT_EARLY}}<span class="tag off">[[handover.arrival.early]] {{EARLY}} [[handover.minutes]] · [[handover.arrival.short]] {{RULE}} [[handover.minutes]]</span>{{/NOT_EARLY}}{{#LATE}}<span class="tag major">[[handover.arrival.late]] {{LATE}} [[handover.minutes]]</span>{{/LATE}}</dd></div>
  </dl>
</section>
{{/SIGNED}}
{{#ACCEPT_FORM}}
<section class="panel box ho-accept" id="accept">
  <h2>[[handover.accept.title]]</h2>
  <p class="hint">[[handover.accept.hint]]</p>
  <form method="post" action="/handover/{{ID}}/accept" class="form" novalidate autocomplete="off">
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    <fieldset class="ho-items">
      <legend>[[handover.counts.title]]</legend>
      {{#NO_ITEMS}}<p class="empty">[[handover.items.none]]</p>{{/NO_ITEMS}}
      {{#ITEM}}
      <div class="field ho-item{{#INVALID}} invalid{{/INVALID}}">
        <label for="count-{{ID}}">{{NAME}} <span class="muted">[[handover.field.expected]] {{EXPECTED}}</span></label>
        <div class="ho-item-inputs">
          <input id="count-{{ID}}" name="count_{{ID}}" value="{{COUNT}}" inputmode="numeric" pattern="[0-9]*" size="4" aria-label="{{NAME}} [[handover.field.counted]]"{{#INVALID}} aria-invalid="true"{{/INVALID}}>
          <input name="expl_{{ID}}" value="{{EXPL}}" maxlength="200" placeholder="[[handover.field.explanation]]" aria-label="{{NAME}} [[handover.field.explanation]]">
          <input name="answer_{{ID}}" value="{{ANSWER}}" maxlength="50" placeholder="[[handover.field.answerable]]" aria-label="{{NAME}} [[handover.field.answerable]]">
        </div>
        {{#ERR}}<p class="field-error">{{MSG}}</p>{{/ERR}}
      </div>
      {{/ITEM}}
    </fieldset>
    <p class="hint">[[handover.accept.carried]] {{NCARRIED}}</p>
    <div class="field-row">
      <div class="field{{#ARRIVED_INVALID}} invalid{{/ARRIVED_INVALID}}">
        <label for="arrived">[[handover.field.arrived]]</label>
        <input id="arrived" name="arrived" value="{{ARRIVED}}" inputmode="numeric" placeholder="08:50" size="5">
        {{#ARRIVED_ERR}}<p class="field-error">{{MSG}}</p>{{/ARRIVED_ERR}}
      </div>
      <div class="field{{#INCOMING_INVALID}} invalid{{/INCOMING_INVALID}}">
        <label for="incoming">[[handover.field.incoming]]</label>
        <input id="incoming" name="incoming" value="{{INCOMING}}" autocapitalize="none" autocomplete="off">
        {{#INCOMING_ERR}}<p class="field-error">{{MSG}}</p>{{/INCOMING_ERR}}
      </div>
      <div class="field{{#IN_PASSWORD_INVALID}} invalid{{/IN_PASSWORD_INVALID}}">
        <label for="in_password">[[handover.field.in_password]]</label>
        <input id="in_password" name="in_password" type="password" autocomplete="off">
        {{#IN_PASSWORD_ERR}}<p class="field-error">{{MSG}}</p>{{/IN_PASSWORD_ERR}}
      </div>
      <div class="field{{#OUT_PASSWORD_INVALID}} invalid{{/OUT_PASSWORD_INVALID}}">
        <label for="out_password">[[handover.field.out_password]]（{{OUTGOING}}）</label>
        <input id="out_password" name="out_password" type="password" autocomplete="off">
        {{#OUT_PASSWORD_ERR}}<p class="field-error">{{MSG}}</p>{{/OUT_PASSWORD_ERR}}
      </div>
    </div>
    <p class="actions"><button type="submit" class="btn">[[handover.accept.submit]]</button></p>
  </form>
</section>
{{/ACCEPT_FORM}}
{{#REFUSE_FORM}}
<section class="panel box" id="refuse">
  <h2>[[handover.refuse.title]]</h2>
  <form method="post" action="/handover/{{ID}}/refuse" class="form" novalidate autocomplete="off">
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    <div class="field{{#REASON_INVALID}} invalid{{/REASON_INVALID}}">
      <label for="reason">[[handover.field.reason]]</label>
      <textarea id="reason" name="reason" rows="2">{{REASON}}</textarea>
      {{#REASON_ERR}}<p class="field-error">{{MSG}}</p>{{/REASON_ERR}}
    </div>
    <div class="field-row">
      <div class="field{{#R_INCOMING_INVALID}} invalid{{/R_INCOMING_INVALID}}">
        <label for="r_incoming">[[handover.field.incoming]]</label>
        <input id="r_incoming" name="r_incoming" value="{{R_INCOMING}}" autocapitalize="none" autocomplete="off">
        {{#R_INCOMING_ERR}}<p class="field-error">{{MSG}}</p>{{/R_INCOMING_ERR}}
      </div>
      <div class="field{{#R_PASSWORD_INVALID}} invalid{{/R_PASSWORD_INVALID}}">
        <label for="r_password">[[handover.field.in_password]]</label>
        <input id="r_password" name="r_password" type="password" autocomplete="off">
        {{#R_PASSWORD_ERR}}<p class="field-error">{{MSG}}</p>{{/R_PASSWORD_ERR}}
      </div>
    </div>
    <p class="actions"><button type="submit" class="btn danger">[[handover.refuse.submit]]</button></p>
  </form>
</section>
{{/REFUSE_FORM}}
{{#CORRECT_FORM}}
<section class="panel box" id="correct">
  <h2>[[handover.correct.title]]</h2>
  <p class="hint">[[handover.correct.hint]]</p>
  <form method="post" action="/handover/{{ID}}/correct" class="form" novalidate>
    <input type="hidden" name="_csrf" value="{{CSRF}}">
    <div class="field{{#FIELD_INVALID}} invalid{{/FIELD_INVALID}}">
      <label for="field">[[handover.field.field]]</label>
      <select id="field" name="field"><option value="notes"{{#FIELD_notes_SEL}} selected{{/FIELD_notes_SEL}}>[[handover.field.notes]]</option><option value="repairs"{{#FIELD_repairs_SEL}} selected{{/FIELD_repairs_SEL}}>[[handover.field.repairs]]</option><option value="major"{{#FIELD_major_SEL}} selected{{/FIELD_major_SEL}}>[[handover.field.major]]</option></select>
      {{#FIELD_ERR}}<p class="field-error">{{MSG}}</p>{{/FIELD_ERR}}
    </div>
    <div class="field{{#NEW_TEXT_INVALID}} invalid{{/NEW_TEXT_INVALID}}">
      <label for="new_text">[[handover.field.new_text]]</label>
      <textarea id="new_text" name="new_text" rows="2">{{NEW_TEXT}}</textarea>
      {{#NEW_TEXT_ERR}}<p class="field-error">{{MSG}}</p>{{/NEW_TEXT_ERR}}
    </div>
    <div class="field{{#REASON_INVALID}} invalid{{/REASON_INVALID}}">
      <label for="c_reason">[[handover.field.reason]]</label>
      <textarea id="c_reason" name="reason" rows="2">{{REASON}}</textarea>
      {{#REASON_ERR}}<p class="field-error">{{MSG}}</p>{{/REASON_ERR}}
    </div>
    <p class="actions"><button type="submit" class="btn secondary">[[handover.correct.submit]]</button></p>
  </form>
</section>
{{/CORRECT_FORM}}
