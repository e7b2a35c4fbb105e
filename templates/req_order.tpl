{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/requests/orders">[[req.orders.title]]</a>{{#DESK}} · <a href="/requests/{{REQ_ID}}">{{NUMBER}}</a>{{/DESK}}</p>
<div class="page-head">
  <h1>[[req.order.title]] #{{ID}} · {{DEPT}}</h1>
  <p class="page-links"><span class="tag req-{{STATUS_CLASS}}">{{STATUS}}</span>{{#OVERDUE}} <span class="tag major">[[req.overdue]]</span>{{/OVERDUE}} · <a href="/requests/orders/{{ID}}/print">[[req.order.print]]</a></p>
</div>
<dl class="facts">
  <div><dt>[[req.f.number]]</dt><dd>{{NUMBER}} · {{TYPE}} · {{URGENCY}}</dd></div>
  <div><dt>[[req.f.unit]]</dt><dd>{{UNIT}}</dd></div>
  <div><dt>[[req.f.resident]]</dt><dd>{{NAME}} {{PHONE}}</dd></div>
  <div><dt>[[req.f.due]]</dt><dd>{{DUE}}</dd></div>
  <div><dt>[[req.show.dispatched]]</dt><dd>{{DISP_AT}} <span class="muted">{{DISP_NAME}}</span></dd></div>
  <div><dt>[[req.order.started]]</dt><dd>{{STARTED}}</dd></div>
  {{#GD}}<div><dt>[[print.number]]</dt><dd class="num">{{GD_NUMBER}}{{#ARCHIVED}} · <a href="/forms/archive/{{GD_NUMBER}}">[[forms.archive.archived]]</a> ({{PAGES}} [[forms.archive.pages]]){{/ARCHIVED}}</dd></div>{{/GD}}
</dl>
<section class="box"><h2>[[req.f.description]]</h2><p class="pre">{{DESC}}</p><h3>[[req.f.instructions]]</h3><p class="pre">{{INSTR}}</p></section>
{{#HAS_RESULT}}<section class="box"><h2>[[req.f.result]]</h2><p class="pre">{{RESULT}}</p><p>[[req.f.technician]] {{TECH}} · [[req.f.materials]] {{MATERIALS}} · {{DONE_AT}} <span class="muted">{{DONE_NAME}}</span></p></section>{{/HAS_RESULT}}
<section aria-labelledby="otl-h"><h2 id="otl-h">[[req.show.timeline]]</h2>
<ol class="req-timeline">{{#EVENT}}<li><time>{{AT}}</time> <strong>{{KIND}}</strong> <span class="muted">{{BY}}</span> <span class="pre">{{NOTE}}</span></li>{{/EVENT}}</ol></section>
{{#PROGRESS_FORM}}<section class="panel box" id="progress"><h2>[[req.order.progress]]</h2>
<form method="post" action="/requests/orders/{{ID}}/note" class="form" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
<div class="field{{#P_NOTE_INVALID}} invalid{{/P_NOTE_INVALID}}">
  <label for="p_note">[[req.f.progress]]</label>
  <textarea id="p_note"{{#P_NOTE_INVALID}} aria-invalid="true" aria-describedby="p_note-err"{{/P_NOTE_INVALID}} name="p_note" rows="2">{{P_NOTE}}</textarea>
  {{#P_NOTE_ERR}}<p class="field-error" id="p_note-err">{{MSG}}</p>{{/P_NOTE_ERR}}
</div>
  <p class="actions"><button type="submit" class="btn">[[req.order.progress_btn]]</button></p>
</form>
</section>{{/PROGRESS_FORM}}
{{#START_FORM}}<form method="post" action="/requests/orders/{{ID}}/start" class="inline-form"><input type="hidden" name="_csrf" value="{{CSRF}}"><button type="submit" class="btn secondary">[[req.order.start_btn]]</button></form>{{/START_FORM}}
{{#DONE_FORM}}<section class="panel box" id="done"><h2>[[req.order.done]]</h2>
{{#FROM_PAPER}}<p class="hint">[[req.order.from_paper]]</p>{{/FROM_PAPER}}
<form method="post" action="/requests/orders/{{ID}}/done" class="form" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
<div class="field{{#TECHNICIAN_INVALID}} invalid{{/TECHNICIAN_INVALID}}">
  <label for="technician">[[req.f.technician]]</label>
  <input id="technician"{{#TECHNICIAN_INVALID}} aria-invalid="true" aria-describedby="technician-err"{{/TECHNICIAN_INVALID}} name="technician" value="{{TECHNICIAN}}">
  {{#TECHNICIAN_ERR}}<p class="field-error" id="technician-err">{{MSG}}</p>{{/TECHNICIAN_ERR}}
</div>
<div class="field{{#RESULT_INVALID}} invalid{{/RESULT_INVALID}}">
  <label for="result">[[req.f.result]]</label>
  <textarea id="result"{{#RESULT_INVALID}} aria-invalid="true" aria-describedby="result-err"{{/RESULT_INVALID}} name="result" rows="3">{{RESULT}}</textarea>
  {{#RESULT_ERR}}<p class="field-error" id="result-err">{{MSG}}</p>{{/RESULT_ERR}}
</div>
<div class="field{{#MATERIALS_INVALID}} invalid{{/MATERIALS_INVALID}}">
  <label for="materials">[[req.f.materials]]</label>
  <input id="materials"{{#MATERIALS_INVALID}} aria-invalid="true" aria-describedby="materials-err"{{/MATERIALS_INVALID}} name="materials" value="{{MATERIALS}}">
  {{#MATERIALS_ERR}}<p class="field-error" id="materials-err">{{MSG}}</p>{{/MATERIALS_ERR}}
</div>
  <p class="actions"><button type="submit" class="btn">[[req.order.done_btn]]</button></p>
</form>
</section>{{/DONE_FORM}}
