{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="{{LANG}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}} · [[app.name]]</title>
<link rel="stylesheet" href="/static/css/dd.css">
{{#REFRESH}}<meta http-equiv="refresh" content="{{SECONDS}}">{{/REFRESH}}
</head>
<body>
<header class="top">
  <div class="top-row">
    <a class="brand" href="/">[[app.name]]</a>
    {{#SIGNED_IN}}
    <span class="site-name">{{SITE_NAME}}</span>
    <div class="who">
      <a href="/me" class="who-name">{{USER_NAME}}</a>
      <span class="who-roles">{{ROLE_NAMES}}</span>
      <form method="post" action="/logout" class="inline">
        <input type="hidden" name="_csrf" value="{{CSRF}}">
        <button type="submit" class="btn-link">[[action.sign_out]]</button>
      </form>
    </div>
    {{/SIGNED_IN}}
  </div>
  {{#SIGNED_IN}}
  <nav class="nav" aria-label="[[nav.label]]">
    <ul>{{#NAV}}<li><a href="{{HREF}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a></li>{{/NAV}}</ul>
  </nav>
  {{/SIGNED_IN}}
</header>
<main id="main">
{{#FLASH}}<p class="flash" role="status">{{MSG}}</p>{{/FLASH}}
{{>BODY}}
</main>
<footer class="foot">[[app.footer]]</footer>
</body>
</html>
