{{%AUTOESCAPE context="HTML"}}
<section class="sheet-body req-sheet">
<dl class="facts">
  <div><dt>[[req.print.req]]</dt><dd>{{REQ_NUMBER}} · {{TYPE}} · {{URGENCY}}</dd></div>
  <div><dt>[[req.f.dept]]</dt><dd>{{DEPT}}</dd></div>
  <div><dt>[[req.f.resident]]</dt><dd>{{NAME}}</dd></div>
  <div><dt>[[req.f.unit]]</dt><dd>{{UNIT}}</dd></div>
  <div><dt>[[req.f.phone]]</dt><dd>{{PHONE}}</dd></div>
  <div><dt>[[req.f.due]]</dt><dd><strong>{{DUE}}</strong></dd></div>
  <div><dt>[[req.show.dispatched]]</dt><dd>{{DISP_AT}} {{DISP_NAME}}</dd></div>
</dl>
<h2>[[req.print.problem]]</h2>
<p class="pre req-box">{{DESC}}</p>
<p class="pre">{{INSTR}}</p>
<h2>[[req.print.filled]]</h2>
<table class="list req-fill">
  <tr><th>[[req.f.result]]</th><td class="req-tall pre">{{RESULT}}</td></tr>
  <tr><th>[[req.f.materials]]</th><td class="req-mid pre">{{MATERIALS}}</td></tr>
  <tr><th>[[req.print.time]]</th><td class="req-line">[[req.print.time_box]]</td></tr>
  <tr><th>[[req.print.opinion]]</th><td class="req-mid">[[req.print.opinion_box]]</td></tr>
</table>
</section>
