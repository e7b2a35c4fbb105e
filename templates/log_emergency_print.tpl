{{%AUTOESCAPE context="HTML"}}
<section class="sheet-body">
{{>RECORD}}
</section>
