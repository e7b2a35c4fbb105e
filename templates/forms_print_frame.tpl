{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="{{LANG}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>[[forms.print.title]] {{FROM}} – {{TO}}</title>
<link rel="stylesheet" href="/static/css/dd.css">
<link rel="stylesheet" href="/static/css/print.css">
</head>
<body class="print print-batch">
<p class="screen-only print-actions"><a href="/forms/print?{{QUERY}}" class="btn secondary">[[print.back]]</a> <span class="muted">[[forms.print.doc_hint]] {{FROM}} – {{TO}}: {{COUNT}}</span></p>
{{>BODY}}
</body>
</html>
