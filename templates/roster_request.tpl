{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/roster">[[roster.title]]</a></p>
<h1>[[roster.request.title]] #{{ID}} · {{KIND}}</h1>
<dl class="facts">
  <div><dt>[[field.status]]</dt><dd><b>{{STATUS}}</b></dd></div>
  <div><dt>[[roster.field.requester]]</dt><dd>{{REQUESTER}}</dd></div>
  {{#SWAP}}<div><dt>[[roster.field.my_shift]]</dt><dd class="num">{{DAY}} {{SHIFT}}</dd></div>
  <div><dt>[[roster.field.partner]]</dt><dd>{{PARTNER}}</dd></div>
  <div><dt>[[roster.field.other_shift]]</dt><dd class="num">{{OTHER_DAY}} {{OTHER_SHIFT}}</dd></div>{{/SWAP}}
  {{#LEAVE}}<div><dt>[[roster.field.leave_days]]</dt><dd class="num">{{DAY}} – {{TO_DAY}}</dd></div>{{/LEAVE}}
  <div><dt>[[roster.field.reason]]</dt><dd>{{REASON}}</dd></div>
  <div><dt>[[roster.at]]</dt><dd class="num">{{CREATED}}</dd></div>
  {{#DECIDED}}<div><dt>[[roster.decided]]</dt><dd>{{DECIDER}} · <span class="num">{{DECIDED_AT}}</span> {{DECISION}}</dd></div>
  {{#LEAVE}}<div><dt>[[roster.field.substitute]]</dt><dd>{{SUBSTITUTE}}</dd></div>{{/LEAVE}}{{/DECIDED}}
</dl>
<p><a href="/roster/month/{{MONTH_ID}}">[[roster.month.title]]</a></p>
{{#DECIDE}}
<h2>[[roster.check]]</h2>
{{#CHECK_OK}}<p class="flash roster-ok">[[roster.check_ok]]</p>{{/CHECK_OK}}
<ul class="roster-violations">{{#CHECK_MSG}}<li>{{MSG}}</li>{{/CHECK_MSG}}</ul>
<form method="post" action="/roster/requests/{{ID}}/approve" class="form" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  {{#LEAVE}}
  <div class="field{{#SUBSTITUTE_ID_INVALID}} invalid{{/SUBSTITUTE_ID_INVALID}}">
    <label for="substitute_id">[[roster.field.substitute]]</label>
    <select id="substitute_id" name="substitute_id"{{#SUBSTITUTE_ID_INVALID}} aria-invalid="true" aria-describedby="substitute_id-err"{{/SUBSTITUTE_ID_INVALID}}><option value="">[[roster.no_substitute]]</option>
      <optgroup label="[[roster.sub_ok]]">{{#SUB_OK}}<option value="{{ID}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/SUB_OK}}</optgroup>
      <optgroup label="[[roster.sub_bad]]">{{#SUB_BAD}}<option value="{{ID}}"{{#SEL}} selected{{/SEL}}>{{NAME}}</option>{{/SUB_BAD}}</optgroup>
    </select>
    <p class="hint">[[roster.sub_hint]] {{#SUB_OK}}{{NAME}} {{/SUB_OK}}</p>
  </div>
  {{/LEAVE}}
  {{#SUBSTITUTE_ID_ERR}}<p class="field-error" id="substitute_id-err">{{MSG}}</p>{{/SUBSTITUTE_ID_ERR}}
  <div class="field">
    <label for="comment">[[roster.field.decision]]</label>
    <input id="comment" name="comment" value="{{COMMENT}}">
  </div>
  <p class="actions"><button type="submit" class="btn">[[roster.approve]]</button></p>
</form>
<form method="post" action="/roster/requests/{{ID}}/reject" class="form" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="field{{#DECISION_REASON_INVALID}} invalid{{/DECISION_REASON_INVALID}}">
    <label for="decision_reason">[[roster.field.reject_reason]]</label>
    <input id="decision_reason" name="decision_reason" value="{{DECISION_REASON}}"{{#DECISION_REASON_INVALID}} aria-invalid="true" aria-describedby="decision_reason-err"{{/DECISION_REASON_INVALID}}>
    {{#DECISION_REASON_ERR}}<p class="field-error" id="decision_reason-err">{{MSG}}</p>{{/DECISION_REASON_ERR}}
  </div>
  <p class="actions"><button type="submit" class="btn secondary">[[roster.reject]]</button></p>
</form>
{{/DECIDE}}
