{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/handover">[[handover.home.title]]</a></p>
<h1>{{DAY}} [[handover.day.title]]</h1>
{{#NO_HANDOVERS}}<p class="empty">[[handover.day.none]]</p>{{/NO_HANDOVERS}}
<table class="list">
  <thead><tr><th>[[handover.shift]]</th><th>[[handover.status]]</th><th>[[handover.outgoing]]</th><th>[[handover.sign.incoming]]</th></tr></thead>
  <tbody>{{#HANDOVER}}<tr><td><a href="/handover/{{ID}}">{{SHIFT}}</a></td><td><span class="tag ho-{{STATUS_CLASS}}">{{STATUS}}</span>{{#UNRELIEVED}} <span class="tag off">[[handover.not_relieved]]</span>{{/UNRELIEVED}}</td><td>{{OUTGOING}}</td><td>{{INCOMING}} {{SIGNED_AT}}</td></tr>{{/HANDOVER}}</tbody>
</table>
{{#REVIEWED}}<p class="box">[[handover.reviewed]]：{{BY}} {{AT}} <span class="pre">{{COMMENT}}</span></p>{{/REVIEWED}}
{{#REVIEW_FORM}}
<form method="post" action="/handover/day/{{DAY}}/review" class="form box" novalidate>
  <h2>[[handover.review.title]]</h2>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="field{{#COMMENT_INVALID}} invalid{{/COMMENT_INVALID}}">
    <label for="comment">[[handover.field.comment]]</label>
    <textarea id="comment" name="comment" rows="2">{{COMMENT}}</textarea>
    {{#COMMENT_ERR}}<p class="field-error">{{MSG}}</p>{{/COMMENT_ERR}}
  </div>
  <p class="actions"><button type="submit" class="btn">[[handover.review.submit]]</button></p>
</form>
{{/REVIEW_FORM}}
