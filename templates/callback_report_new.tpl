{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/callbacks/reports">[[callback.reports.title]]</a></p>
<h1>[[callback.report.new]] {{DAY_SHOWN}}</h1>
<p class="hint">[[callback.report.new_hint]]</p>
<p class="cb-figures">[[callback.report.calls]] <strong>{{N_CALLS}}</strong> · [[callback.reached]] <strong>{{N_REACHED}}</strong> · [[callback.unreached]] <strong>{{N_UNREACHED}}</strong> · [[callback.unsatisfied]] <strong>{{N_UNSAT}}</strong> · [[callback.avg]] <strong>{{AVG}}</strong></p>
{{#NO_CALLS}}<p class="empty">[[callback.report.no_calls]]</p>{{/NO_CALLS}}
<div class="cb-scroll">
<table class="list cb-list cb-day">
  <thead><tr><th>[[callback.field.time]]</th><th>[[callback.field.resident]]</th><th>[[callback.field.subject]]</th><th>[[callback.field.satisfaction]]</th><th>[[callback.field.words]]</th><th>[[callback.field.followed]]</th></tr></thead>
  <tbody>
  {{#CALLBACK}}<tr class="cb-row{{#UNSAT}} cb-unsat{{/UNSAT}}">
    <td class="num">{{#DONE}}{{CALLED_AT}}{{/DONE}}{{#TRIED}}{{LAST_TRY}}{{/TRIED}}<br><span class="muted">{{CALLER}} · {{METHOD}}</span></td>
    <td>{{RESIDENT}} <span class="muted">{{UNIT}}</span><br><span class="num muted">{{PHONE}}</span></td>
    <td><span class="tag">{{CATEGORY}}</span> {{#ORDER}}<span class="num">{{NUMBER}}</span> {{DESC}}{{/ORDER}}{{#PLAN}}{{PLAN_TITLE}}{{/PLAN}}</td>
    <td>{{#DONE}}{{#SAT}}<strong>{{SAT}}</strong>/5{{/SAT}}{{#UNSAT}} <span class="tag off">[[callback.unsatisfied]]</span>{{/UNSAT}}{{/DONE}}{{#TRIED}}<span class="tag open">[[callback.unreached]] ×{{ATTEMPTS}}</span>{{/TRIED}}</td>
    <td class="pre">{{WORDS}}</td>
    <td class="pre">{{#ORDER}}{{#REOPENED}}[[callback.reopened]] ×{{N}} {{/REOPENED}}{{#FOLLOWED}}[[callback.new_order]]：{{FOLLOW}} · {{FOLLOW_STATUS}}{{/FOLLOWED}}{{/ORDER}}{{NOTE}}</td>
  </tr>{{/CALLBACK}}
  </tbody>
</table>
</div>
<form method="post" action="/callbacks/reports/new" class="form box" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="field{{#DAY_INVALID}} invalid{{/DAY_INVALID}}">
    <label for="day">[[callback.field.day]]</label>
    <input id="day" name="day" value="{{DAY}}" inputmode="numeric"{{#DAY_INVALID}} aria-invalid="true" aria-describedby="day-err"{{/DAY_INVALID}}>
    {{#DAY_ERR}}<p class="field-error" id="day-err">{{MSG}}</p>{{/DAY_ERR}}
  </div>
  <div class="field{{#SUMMARY_INVALID}} invalid{{/SUMMARY_INVALID}}">
    <label for="summary">[[callback.field.summary]]</label>
    <textarea id="summary" name="summary" rows="5"{{#SUMMARY_INVALID}} aria-invalid="true" aria-describedby="summary-err"{{/SUMMARY_INVALID}}>{{SUMMARY}}</textarea>
    <p class="hint">[[callback.summary.hint]]</p>
    {{#SUMMARY_ERR}}<p class="field-error" id="summary-err">{{MSG}}</p>{{/SUMMARY_ERR}}
  </div>
  <p class="actions"><button type="submit" class="btn">[[callback.report.submit]]</button></p>
</form>
