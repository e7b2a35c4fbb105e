{{%AUTOESCAPE context="HTML"}}
<p class="crumbs"><a href="/residents">[[req.res.title]]</a></p>
<h1>[[req.import.title]]</h1>
<section class="box req-import-doc">
  <h2>[[req.import.format]]</h2>
  <p>[[req.import.p1]]</p>
  <table class="list"><thead><tr><th>[[req.import.col]]</th><th>[[req.import.meaning]]</th></tr></thead><tbody>
  <tr><td>楼栋</td><td>[[req.import.c_building]]</td></tr>
  <tr><td>房号</td><td>[[req.import.c_room]]</td></tr>
  <tr><td>姓名</td><td>[[req.import.c_name]]</td></tr>
  <tr><td>电话</td><td>[[req.import.c_phone]]</td></tr>
  <tr><td>身份</td><td>[[req.import.c_kind]]</td></tr>
  <tr><td>备注</td><td>[[req.import.c_note]]</td></tr>
  </tbody></table>
  <p>[[req.import.example]]</p>
  <pre class="req-example">楼栋,房号,姓名,电话,身份
1,0302,张三,13800138000,业主
1,0302,李四,,家属
2,2-1101,王五,0755-8888 1234,租户</pre>
  <p>[[req.import.p2]]</p>
</section>
{{#HAS_ERRORS}}<section class="notice" role="alert"><h2>[[req.import.errors]]（{{NERR}}）</h2>
<ul class="req-import-errors">{{#LINE_ERR}}<li>[[req.import.line]] {{LINE}} [[req.import.line_after]] {{MSG}}</li>{{/LINE_ERR}}</ul></section>{{/HAS_ERRORS}}
<form method="post" action="/residents/import" enctype="multipart/form-data" class="form box" novalidate>
  <input type="hidden" name="_csrf" value="{{CSRF}}">
  <div class="field{{#FILE_INVALID}} invalid{{/FILE_INVALID}}">
    <label for="file">[[req.f.file]]</label>
    <input id="file" type="file" name="file" accept=".csv,text/csv"{{#FILE_INVALID}} aria-invalid="true" aria-describedby="file-err"{{/FILE_INVALID}}>
    {{#FILE_ERR}}<p class="field-error" id="file-err">{{MSG}}</p>{{/FILE_ERR}}
  </div>
  <p class="actions"><button type="submit" class="btn">[[req.import.submit]]</button></p>
</form>
