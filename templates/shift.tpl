{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/admin/shifts">[[shifts.title]]</a></p>
<h1>[[shift.title]]</h1>
<p class="muted">[[field.site]]: {{SITE_NAME}}</p>
<form method="post" action="/admin/shifts/{{ID}}" class="form" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  {{>FIELDS}}
  <p class="actions"><button type="submit" class="btn">[[action.save]]</button> <a href="/admin/shifts">[[action.cancel]]</a></p>
</form>
