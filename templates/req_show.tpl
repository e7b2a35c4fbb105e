{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/requests">[[req.list.title]]</a></p>
<div class="page-head">
  <h1>{{TYPE}} {{NUMBER}} {{#MAJOR}}<span class="tag major">[[req.f.major]]</span>{{/MAJOR}}</h1>
  <p class="page-links"><span class="tag req-{{STATUS_CLASS}}">{{STATUS}}</span>{{#REQ_OVERDUE}} <span class="tag major">[[req.overdue]]</span>{{/REQ_OVERDUE}}{{#REOPENED}} <span class="tag">[[req.show.reopened]] {{N}}</span>{{/REOPENED}}</p>
</div>
<dl class="facts">
  <div><dt>[[req.f.channel]]</dt><dd>{{CHANNEL}}{{#RINGS}} · [[req.f.rings]] {{N}}{{/RINGS}}{{#RINGS_LATE}} <span class="tag major">[[req.show.rings_late]] {{TARGET}}</span>{{/RINGS_LATE}}</dd></div>
  <div><dt>[[req.f.urgency]]</dt><dd>{{URGENCY}}</dd></div>
  <div><dt>[[req.f.category]]</dt><dd>{{CATEGORY}}</dd></div>
  <div><dt>[[req.f.unit]]</dt><dd>{{UNIT}} <span class="muted">{{BUILDING}}</span></dd></div>
  <div><dt>[[req.f.resident]]</dt><dd>{{RESIDENT}} {{RES_PHONE}}{{#ANON}}[[req.f.anonymous]]{{/ANON}}</dd></div>
  <div><dt>[[req.f.caller]]</dt><dd>{{CALLER}} {{PHONE}}</dd></div>
  <div><dt>[[req.f.received_at]]</dt><dd>{{RECEIVED}} <span class="muted">{{RECEIVER}}</span>{{#LOG}} · <a href="/log/entry/{{ENTRY}}">[[req.show.log]]</a>{{/LOG}}</dd></div>
  <div><dt>[[req.show.respond_due]]</dt><dd>{{RESPOND_DUE}} <span class="muted">[[req.show.first_resp]] {{FIRST_RESP}}</span></dd></div>
  <div><dt>[[req.f.due]]</dt><dd>{{RESOLVE_DUE}}</dd></div>
  <div><dt>[[req.show.done]]</dt><dd>{{DONE}}</dd></div>
  <div><dt>[[req.f.closed_at]]</dt><dd>{{CLOSED}} <span class="muted">{{CLOSER}}</span></dd></div>
</dl>
<section class="box"><h2>[[req.f.description]]{{#CORRECTED}} <span class="tag stamp-tag">[[req.corrected]]</span>{{/CORRECTED}}</h2><p class="pre">{{DESC}}</p>{{#ANSWER}}<h3>[[req.f.answer]]</h3><p class="pre">{{TEXT}}</p>{{/ANSWER}}
{{#CORRECTION}}<aside class="stamp" role="note"><p class="stamp-title">[[req.correction]] · {{FIELD}}</p><p><del class="pre">{{OLD}}</del></p><p class="pre">{{NEW}}</p><p class="stamp-meta">{{BY}} · {{AT}} · [[req.f.x_reason]]：{{REASON}}</p></aside>{{/CORRECTION}}</section>
{{#HAS_ESC}}<section aria-labelledby="esc-h"><h2 id="esc-h">[[req.show.esc]]</h2>
<table class="list"><thead><tr><th>[[req.f.level]]</th><th>[[req.f.role]]</th><th>[[req.f.status]]</th><th>[[req.show.esc_at]]</th><th>[[req.show.esc_due]]</th><th>[[req.f.decision]]</th></tr></thead>
<tbody>{{#ESC}}<tr><td>{{LEVEL}}</td><td>{{ROLE}}</td><td><span class="tag req-esc-{{STATUS_CLASS}}">{{STATUS}}</span>{{#OVERDUE}} <span class="tag major">[[req.overdue]]</span>{{/OVERDUE}}</td><td class="num">{{AT}}</td><td class="num">{{DUE}}</td><td><span class="pre">{{DECISION}}</span> <span class="muted">{{BY}} {{DECIDED_AT}}</span></td></tr>{{/ESC}}</tbody></table>
</section>{{/HAS_ESC}}
{{#DECIDE_FORM}}<section class="panel box" id="decide"><h2>[[req.show.decide]]</h2>
<form method="post" action="/requests/{{ID}}/decide" class="form" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
<div class="field{{#DC_DECISION_INVALID}} invalid{{/DC_DECISION_INVALID}}">
  <label for="dc_decision">[[req.f.decision]]</label>
  <textarea id="dc_decision"{{#DC_DECISION_INVALID}} aria-invalid="true" aria-describedby="dc_decision-err"{{/DC_DECISION_INVALID}} name="dc_decision" rows="3">{{DC_DECISION}}</textarea>
  {{#DC_DECISION_ERR}}<p class="field-error" id="dc_decision-err">{{MSG}}</p>{{/DC_DECISION_ERR}}
</div>
  <p class="actions"><button type="submit" class="btn">[[req.show.decide_btn]]</button></p>
</form>
</section>{{/DECIDE_FORM}}
<section aria-labelledby="orders-h"><h2 id="orders-h">[[req.orders.title]]</h2>
{{#NO_ORDERS}}<p class="empty">[[req.show.no_orders]]</p>{{/NO_ORDERS}}
{{#HAS_ORDERS}}<table class="list"><thead><tr><th>#</th><th>[[req.f.dept]]</th><th>[[req.f.status]]</th><th>[[req.f.due]]</th><th>[[req.show.dispatched]]</th><th>[[req.f.result]]</th></tr></thead>
<tbody>{{#ORDER}}<tr{{#OVERDUE}} class="req-overdue"{{/OVERDUE}}><td><a href="/requests/orders/{{ID}}">{{ID}}</a></td><td>{{DEPT}}</td><td><span class="tag req-{{STATUS_CLASS}}">{{STATUS}}</span>{{#OVERDUE}} <span class="tag major">[[req.overdue]]</span>{{/OVERDUE}}</td><td class="num">{{DUE}}</td><td>{{AT}} <span class="muted">{{BY}}</span><br><span class="pre">{{INSTR}}</span></td><td><span class="pre">{{RESULT}}</span> <span class="muted">{{TECH}} {{MATERIALS}} {{DONE_AT}} {{DONE_BY}}</span></td></tr>{{/ORDER}}</tbody></table>{{/HAS_ORDERS}}
</section>
{{#DISPATCH_FORM}}<section class="panel box" id="dispatch"><h2>[[req.show.dispatch]]</h2>
<form method="post" action="/requests/{{ID}}/dispatch" class="form" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
<div class="field{{#D_DEPT_INVALID}} invalid{{/D_DEPT_INVALID}}">
  <label for="d_dept">[[req.f.dept]]</label>
  <select id="d_dept"{{#D_DEPT_INVALID}} aria-invalid="true" aria-describedby="d_dept-err"{{/D_DEPT_INVALID}} name="d_dept"><option value="">[[req.choose]]</option>{{#DEPT_OPT}}<option value="{{ID}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/DEPT_OPT}}</select>
  {{#D_DEPT_ERR}}<p class="field-error" id="d_dept-err">{{MSG}}</p>{{/D_DEPT_ERR}}
</div>
<div class="field-row"><div class="field{{#D_DUE_DATE_INVALID}} invalid{{/D_DUE_DATE_INVALID}}">
  <label for="d_due_date">[[req.f.due_date]]</label>
  <input id="d_due_date"{{#D_DUE_DATE_INVALID}} aria-invalid="true" aria-describedby="d_due_date-err"{{/D_DUE_DATE_INVALID}} name="d_due_date" value="{{D_DUE_DATE}}" inputmode="numeric" placeholder="2026-11-23">
  {{#D_DUE_DATE_ERR}}<p class="field-error" id="d_due_date-err">{{MSG}}</p>{{/D_DUE_DATE_ERR}}
</div>
<div class="field{{#D_DUE_TIME_INVALID}} invalid{{/D_DUE_TIME_INVALID}}">
  <label for="d_due_time">[[req.f.due_time]]</label>
  <input id="d_due_time"{{#D_DUE_TIME_INVALID}} aria-invalid="true" aria-describedby="d_due_time-err"{{/D_DUE_TIME_INVALID}} name="d_due_time" value="{{D_DUE_TIME}}" inputmode="numeric" placeholder="17:30">
  {{#D_DUE_TIME_ERR}}<p class="field-error" id="d_due_time-err">{{MSG}}</p>{{/D_DUE_TIME_ERR}}
</div>
</div>
<p class="hint">[[req.show.due_hint]]</p>
<div class="field{{#D_NOTE_INVALID}} invalid{{/D_NOTE_INVALID}}">
  <label for="d_note">[[req.f.instructions]]</label>
  <textarea id="d_note"{{#D_NOTE_INVALID}} aria-invalid="true" aria-describedby="d_note-err"{{/D_NOTE_INVALID}} name="d_note" rows="2">{{D_NOTE}}</textarea>
  {{#D_NOTE_ERR}}<p class="field-error" id="d_note-err">{{MSG}}</p>{{/D_NOTE_ERR}}
</div>
  <p class="actions"><button type="submit" class="btn">[[req.show.dispatch_btn]]</button></p>
</form>
</section>{{/DISPATCH_FORM}}
{{#REASSIGN_FORM}}<section class="panel box" id="reassign"><h2>[[req.show.reassign]]</h2>
<form method="post" action="/requests/{{ID}}/reassign" class="form" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
<div class="field{{#R_DEPT_INVALID}} invalid{{/R_DEPT_INVALID}}">
  <label for="r_dept">[[req.f.dept]]</label>
  <select id="r_dept"{{#R_DEPT_INVALID}} aria-invalid="true" aria-describedby="r_dept-err"{{/R_DEPT_INVALID}} name="r_dept"><option value="">[[req.choose]]</option>{{#DEPT_OPT}}<option value="{{ID}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/DEPT_OPT}}</select>
  {{#R_DEPT_ERR}}<p class="field-error" id="r_dept-err">{{MSG}}</p>{{/R_DEPT_ERR}}
</div>
<div class="field-row"><div class="field{{#R_DUE_DATE_INVALID}} invalid{{/R_DUE_DATE_INVALID}}">
  <label for="r_due_date">[[req.f.due_date]]</label>
  <input id="r_due_date"{{#R_DUE_DATE_INVALID}} aria-invalid="true" aria-describedby="r_due_date-err"{{/R_DUE_DATE_INVALID}} name="r_due_date" value="{{R_DUE_DATE}}" inputmode="numeric" placeholder="2026-11-23">
  {{#R_DUE_DATE_ERR}}<p class="field-error" id="r_due_date-err">{{MSG}}</p>{{/R_DUE_DATE_ERR}}
</div>
<div class="field{{#R_DUE_TIME_INVALID}} invalid{{/R_DUE_TIME_INVALID}}">
  <label for="r_due_time">[[req.f.due_time]]</label>
  <input id="r_due_time"{{#R_DUE_TIME_INVALID}} aria-invalid="true" aria-describedby="r_due_time-err"{{/R_DUE_TIME_INVALID}} name="r_due_time" value="{{R_DUE_TIME}}" inputmode="numeric" placeholder="17:30">
  {{#R_DUE_TIME_ERR}}<p class="field-error" id="r_due_time-err">{{MSG}}</p>{{/R_DUE_TIME_ERR}}
</div>
</div>
<div class="field{{#R_REASON_INVALID}} invalid{{/R_REASON_INVALID}}">
  <label for="r_reason">[[req.f.reason]]</label>
  <textarea id="r_reason"{{#R_REASON_INVALID}} aria-invalid="true" aria-describedby="r_reason-err"{{/R_REASON_INVALID}} name="r_reason" rows="2">{{R_REASON}}</textarea>
  {{#R_REASON_ERR}}<p class="field-error" id="r_reason-err">{{MSG}}</p>{{/R_REASON_ERR}}
</div>
  <p class="actions"><button type="submit" class="btn">[[req.show.reassign_btn]]</button></p>
</form>
</section>{{/REASSIGN_FORM}}
{{#ANSWER_FORM}}<section class="panel box" id="answer"><h2>[[req.show.answer]]</h2>
<form method="post" action="/requests/{{ID}}/answer" class="form" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
<div class="field{{#A_ANSWER_INVALID}} invalid{{/A_ANSWER_INVALID}}">
  <label for="a_answer">[[req.f.answer]]</label>
  <textarea id="a_answer"{{#A_ANSWER_INVALID}} aria-invalid="true" aria-describedby="a_answer-err"{{/A_ANSWER_INVALID}} name="a_answer" rows="3">{{A_ANSWER}}</textarea>
  {{#A_ANSWER_ERR}}<p class="field-error" id="a_answer-err">{{MSG}}</p>{{/A_ANSWER_ERR}}
</div>
  <p class="actions"><button type="submit" class="btn">[[req.show.answer_btn]]</button></p>
</form>
</section>{{/ANSWER_FORM}}
{{#HAS_CALLBACKS}}<section aria-labelledby="cb-h"><h2 id="cb-h">[[req.show.callbacks]]</h2>
<table class="list"><thead><tr><th>[[req.f.status]]</th><th>[[req.f.due]]</th><th>[[req.show.attempts]]</th><th>[[req.f.score]]</th><th>[[req.f.words]]</th><th>[[req.show.called_by]]</th></tr></thead>
<tbody>{{#CALLBACK}}<tr><td><span class="tag req-cb-{{STATUS_CLASS}}">{{STATUS}}</span>{{#OVERDUE}} <span class="tag major">[[req.overdue]]</span>{{/OVERDUE}}</td><td class="num">{{DUE}}</td><td class="num">{{ATTEMPTS}} <span class="muted">{{LAST}}</span></td><td class="num">{{SCORE}}</td><td><span class="pre">{{WORDS}}</span> <span class="muted">{{NOTE}}</span></td><td>{{BY}} <span class="muted">{{METHOD}} {{AT}}</span></td></tr>{{/CALLBACK}}</tbody></table>
</section>{{/HAS_CALLBACKS}}
{{#CALLBACK_FORM}}<section class="panel box" id="callback"><h2>[[req.show.callback]]</h2>
<form method="post" action="/requests/{{ID}}/callback" class="form" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
<div class="field-row"><fieldset class="field{{#CB_REACHED_INVALID}} invalid{{/CB_REACHED_INVALID}}">
  <legend>[[req.f.reached]]</legend>
  <label class="check"><input type="radio" name="cb_reached" value="yes"{{#CB_REACHED_YES_ON}} checked{{/CB_REACHED_YES_ON}}> [[req.show.reached_yes]]</label>
  <label class="check"><input type="radio" name="cb_reached" value="no"{{#CB_REACHED_NO_ON}} checked{{/CB_REACHED_NO_ON}}> [[req.show.reached_no]]</label>
  {{#CB_REACHED_ERR}}<p class="field-error" id="cb_reached-err">{{MSG}}</p>{{/CB_REACHED_ERR}}
</fieldset>
<div class="field{{#CB_METHOD_INVALID}} invalid{{/CB_METHOD_INVALID}}">
  <label for="cb_method">[[req.f.method]]</label>
  <select id="cb_method"{{#CB_METHOD_INVALID}} aria-invalid="true" aria-describedby="cb_method-err"{{/CB_METHOD_INVALID}} name="cb_method"><option value="phone"{{#CB_METHOD_PHONE_ON}} selected{{/CB_METHOD_PHONE_ON}}>[[req.method.phone]]</option><option value="visit"{{#CB_METHOD_VISIT_ON}} selected{{/CB_METHOD_VISIT_ON}}>[[req.method.visit]]</option><option value="letter"{{#CB_METHOD_LETTER_ON}} selected{{/CB_METHOD_LETTER_ON}}>[[req.method.letter]]</option><option value="online"{{#CB_METHOD_ONLINE_ON}} selected{{/CB_METHOD_ONLINE_ON}}>[[req.method.online]]</option></select>
  {{#CB_METHOD_ERR}}<p class="field-error" id="cb_method-err">{{MSG}}</p>{{/CB_METHOD_ERR}}
</div>
<div class="field{{#CB_SCORE_INVALID}} invalid{{/CB_SCORE_INVALID}}">
  <label for="cb_score">[[req.f.score]]</label>
  <input id="cb_score"{{#CB_SCORE_INVALID}} aria-invalid="true" aria-describedby="cb_score-err"{{/CB_SCORE_INVALID}} name="cb_score" value="{{CB_SCORE}}" inputmode="numeric" placeholder="1–5">
  {{#CB_SCORE_ERR}}<p class="field-error" id="cb_score-err">{{MSG}}</p>{{/CB_SCORE_ERR}}
  <p class="hint">[[req.show.score_hint]]</p>
</div>
</div>
<div class="field{{#CB_WORDS_INVALID}} invalid{{/CB_WORDS_INVALID}}">
  <label for="cb_words">[[req.f.words]]</label>
  <textarea id="cb_words"{{#CB_WORDS_INVALID}} aria-invalid="true" aria-describedby="cb_words-err"{{/CB_WORDS_INVALID}} name="cb_words" rows="2">{{CB_WORDS}}</textarea>
  {{#CB_WORDS_ERR}}<p class="field-error" id="cb_words-err">{{MSG}}</p>{{/CB_WORDS_ERR}}
</div>
<div class="field{{#CB_NOTE_INVALID}} invalid{{/CB_NOTE_INVALID}}">
  <label for="cb_note">[[req.f.cb_note]]</label>
  <input id="cb_note"{{#CB_NOTE_INVALID}} aria-invalid="true" aria-describedby="cb_note-err"{{/CB_NOTE_INVALID}} name="cb_note" value="{{CB_NOTE}}">
  {{#CB_NOTE_ERR}}<p class="field-error" id="cb_note-err">{{MSG}}</p>{{/CB_NOTE_ERR}}
</div>
  <p class="actions"><button type="submit" class="btn">[[req.show.callback_btn]]</button></p>
</form>
</section>{{/CALLBACK_FORM}}
{{#CLOSE_FORM}}<section class="panel box" id="close"><h2>[[req.show.close]]</h2>
<form method="post" action="/requests/{{ID}}/close" class="form" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
<div class="field{{#CL_NOTE_INVALID}} invalid{{/CL_NOTE_INVALID}}">
  <label for="cl_note">[[req.f.close_note]]</label>
  <input id="cl_note"{{#CL_NOTE_INVALID}} aria-invalid="true" aria-describedby="cl_note-err"{{/CL_NOTE_INVALID}} name="cl_note" value="{{CL_NOTE}}">
  {{#CL_NOTE_ERR}}<p class="field-error" id="cl_note-err">{{MSG}}</p>{{/CL_NOTE_ERR}}
</div>
  <p class="actions"><button type="submit" class="btn">[[req.show.close_btn]]</button></p>
</form>
</section>{{/CLOSE_FORM}}
{{#CORRECT_FORM}}<section class="panel box" id="correct"><h2>[[req.show.correct]]</h2>
<form method="post" action="/requests/{{ID}}/correct" class="form" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
<div class="field{{#X_FIELD_INVALID}} invalid{{/X_FIELD_INVALID}}">
  <label for="x_field">[[req.f.x_field]]</label>
  <select id="x_field"{{#X_FIELD_INVALID}} aria-invalid="true" aria-describedby="x_field-err"{{/X_FIELD_INVALID}} name="x_field"><option value="description"{{#X_FIELD_DESCRIPTION_ON}} selected{{/X_FIELD_DESCRIPTION_ON}}>[[req.xfield.description]]</option><option value="answer"{{#X_FIELD_ANSWER_ON}} selected{{/X_FIELD_ANSWER_ON}}>[[req.xfield.answer]]</option><option value="caller_name"{{#X_FIELD_CALLER_NAME_ON}} selected{{/X_FIELD_CALLER_NAME_ON}}>[[req.xfield.caller_name]]</option><option value="caller_phone"{{#X_FIELD_CALLER_PHONE_ON}} selected{{/X_FIELD_CALLER_PHONE_ON}}>[[req.xfield.caller_phone]]</option></select>
  {{#X_FIELD_ERR}}<p class="field-error" id="x_field-err">{{MSG}}</p>{{/X_FIELD_ERR}}
</div>
<div class="field{{#X_TEXT_INVALID}} invalid{{/X_TEXT_INVALID}}">
  <label for="x_text">[[req.f.x_text]]</label>
  <textarea id="x_text"{{#X_TEXT_INVALID}} aria-invalid="true" aria-describedby="x_text-err"{{/X_TEXT_INVALID}} name="x_text" rows="3">{{X_TEXT}}</textarea>
  {{#X_TEXT_ERR}}<p class="field-error" id="x_text-err">{{MSG}}</p>{{/X_TEXT_ERR}}
</div>
<div class="field{{#X_REASON_INVALID}} invalid{{/X_REASON_INVALID}}">
  <label for="x_reason">[[req.f.x_reason]]</label>
  <input id="x_reason"{{#X_REASON_INVALID}} aria-invalid="true" aria-describedby="x_reason-err"{{/X_REASON_INVALID}} name="x_reason" value="{{X_REASON}}">
  {{#X_REASON_ERR}}<p class="field-error" id="x_reason-err">{{MSG}}</p>{{/X_REASON_ERR}}
</div>
  <p class="actions"><button type="submit" class="btn">[[req.show.correct_btn]]</button></p>
</form>
</section>{{/CORRECT_FORM}}
<section aria-labelledby="tl-h"><h2 id="tl-h">[[req.show.timeline]]</h2>
<ol class="req-timeline">{{#EVENT}}<li class="req-ev-{{KIND_CLASS}}"><time>{{AT}}</time> <strong>{{KIND}}</strong>{{#TO}} → {{STATUS}}{{/TO}}{{#EV_ORDER}} <a href="/requests/orders/{{ORDER_ID}}">#{{ORDER_ID}}</a>{{/EV_ORDER}} <span class="muted">{{BY}}</span> <span class="pre">{{NOTE}}</span></li>{{/EVENT}}</ol>
</section>
