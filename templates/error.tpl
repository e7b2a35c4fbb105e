{{%AUTOESCAPE context="HTML"}}
<section class="error-page">
  <p class="error-code">{{ERR_STATUS}}</p>
  <h1>{{ERR_TITLE}}</h1>
  <p>{{ERR_MSG}}</p>
  <p class="actions">
    <a class="btn" href="/">[[error.home]]</a>
    {{#SIGN_IN_LINK}}<a class="btn secondary" href="/login">[[login.submit]]</a>{{/SIGN_IN_LINK}}
  </p>
</section>
