{{%AUTOESCAPE context="HTML"}}{{#FULL}}<!DOCTYPE html>
<html lang="{{LANG}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{NUMBER}} {{TITLE}}</title>
<link rel="stylesheet" href="/static/css/dd.css">
<link rel="stylesheet" href="/static/css/print.css">
</head>
<body class="print">
<p class="screen-only print-actions"><a href="/r/{{NUMBER}}" class="btn secondary">[[print.back]]</a> <span class="muted">[[print.hint]]</span></p>
{{/FULL}}
<article class="sheet">
  <header class="sheet-head">
    <div class="sheet-title">
      <p class="sheet-company">[[print.company]] · {{SITE_NAME_PRINT}}</p>
      <h1>{{TITLE}}</h1>
      <p class="sheet-meta">[[print.number]] <strong class="sheet-number">{{NUMBER}}</strong> · [[print.version]]{{#COPY}} · <span class="copy-mark">[[print.copy]] {{PRINT_NO}}</span>{{/COPY}}</p>
    </div>
    <figure class="sheet-qr">{{QR_SVG:none}}<figcaption>{{NUMBER}}</figcaption></figure>
  </header>
  {{>BODY}}
  <footer class="sheet-sign">
    {{#SIGN}}<div class="sign-box"><span class="sign-label">{{LABEL}}</span><span class="sign-name">{{NAME}}</span><span class="sign-line"></span><span class="sign-date">[[print.date]]</span></div>{{/SIGN}}
  </footer>
  <p class="sheet-foot">{{QR_URL}}</p>
</article>
{{#FULL}}
</body>
</html>
{{/FULL}}
