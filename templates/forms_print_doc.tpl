{{%AUTOESCAPE context="HTML"}}<!--# block name="dd_failed" --><p class="print-failed">[[forms.print.failed]]</p><!--# endblock -->
{{#NONE}}<p class="empty">[[list.empty]]</p>{{/NONE}}
{{#FORM}}{{SSI:none}}
{{/FORM}}
