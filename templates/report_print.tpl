{{%AUTOESCAPE context="HTML"}}
<section class="sheet-body rep-sheet">
<p class="rep-print-period">{{PERIOD}}</p>
{{#BLOCK}}{{>TABLE}}{{/BLOCK}}
</section>
