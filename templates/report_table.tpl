{{%AUTOESCAPE context="HTML"}}<section class="rep-block" id="t-{{KEY}}">
  <h2>{{TITLE}}</h2>
  {{#NOTE}}<p class="muted rep-note">{{TEXT}}</p>{{/NOTE}}
  <div class="rep-pair">
    {{#CHART}}<figure class="rep-chart">{{SVG:none}}</figure>{{/CHART}}
    <div class="rep-data">
      {{#LONG}}<details class="rep-long"><summary>[[report.show_rows]] ({{ROWS}})</summary>{{/LONG}}
      <table class="list rep-table">
        <caption class="sr-only">{{TITLE}}</caption>
        <thead><tr>{{#HEAD}}<th scope="col">{{TEXT}}</th>{{/HEAD}}</tr></thead>
        <tbody>{{#ROW}}<tr>{{#TH}}<th scope="row">{{#LINK}}<a href="{{HREF}}">{{TEXT}}</a>{{/LINK}}{{#PLAIN}}{{TEXT}}{{/PLAIN}}</th>{{/TH}}{{#TD}}<td class="{{CLASS}}">{{#LINK}}<a href="{{HREF}}">{{TEXT}}</a>{{/LINK}}{{#PLAIN}}{{TEXT}}{{/PLAIN}}</td>{{/TD}}</tr>{{/ROW}}</tbody>
      </table>
      {{#LONG}}</details>{{/LONG}}
      {{#EMPTY}}<p class="empty">[[report.no_rows]]</p>{{/EMPTY}}
      <p class="screen-only rep-csv"><a href="{{CSV}}" download>[[report.csv]]</a></p>
    </div>
  </div>
</section>
