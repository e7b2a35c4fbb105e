{{%AUTOESCAPE context="HTML"}}
    <fieldset class="field{{#KIND_INVALID}} invalid{{/KIND_INVALID}}">
      <legend>[[callback.field.plan_kind]]</legend>
      <label class="check"><input type="radio" name="kind" value="routine"{{#KIND_ROUTINE_ON}} checked{{/KIND_ROUTINE_ON}}> [[callback.cat.routine]]</label>
      <label class="check"><input type="radio" name="kind" value="special"{{#KIND_SPECIAL_ON}} checked{{/KIND_SPECIAL_ON}}> [[callback.cat.special]]</label>
      {{#KIND_ERR}}<p class="field-error">{{MSG}}</p>{{/KIND_ERR}}
    </fieldset>
    <div class="field{{#TITLE_INVALID}} invalid{{/TITLE_INVALID}}">
      <label for="title">[[callback.field.title]]</label>
      <input id="title" name="title" value="{{TITLE}}" maxlength="100">
      {{#TITLE_ERR}}<p class="field-error">{{MSG}}</p>{{/TITLE_ERR}}
    </div>
    <div class="field{{#PURPOSE_INVALID}} invalid{{/PURPOSE_INVALID}}">
      <label for="purpose">[[callback.field.purpose]]</label>
      <textarea id="purpose" name="purpose" rows="3">{{PURPOSE}}</textarea>
      {{#PURPOSE_ERR}}<p class="field-error">{{MSG}}</p>{{/PURPOSE_ERR}}
    </div>
    <div class="field{{#METHOD_INVALID}} invalid{{/METHOD_INVALID}}">
      <label for="method">[[callback.field.method]]</label>
      <select id="method" name="method">
        <option value="phone"{{#METHOD_PHONE_ON}} selected{{/METHOD_PHONE_ON}}>[[callback.method.phone]]</option>
        <option value="visit"{{#METHOD_VISIT_ON}} selected{{/METHOD_VISIT_ON}}>[[callback.method.visit]]</option>
        <option value="letter"{{#METHOD_LETTER_ON}} selected{{/METHOD_LETTER_ON}}>[[callback.method.letter]]</option>
        <option value="online"{{#METHOD_ONLINE_ON}} selected{{/METHOD_ONLINE_ON}}>[[callback.method.online]]</option>
      </select>
      {{#METHOD_ERR}}<p class="field-error">{{MSG}}</p>{{/METHOD_ERR}}
    </div>
    <div class="field-row">
    <div class="field{{#FROM_DAY_INVALID}} invalid{{/FROM_DAY_INVALID}}">
      <label for="from_day">[[callback.field.from_day]]</label>
      <input id="from_day" name="from_day" value="{{FROM_DAY}}" placeholder="2026-11-23" inputmode="numeric">
      {{#FROM_DAY_ERR}}<p class="field-error">{{MSG}}</p>{{/FROM_DAY_ERR}}
    </div>
    <div class="field{{#TO_DAY_INVALID}} invalid{{/TO_DAY_INVALID}}">
      <label for="to_day">[[callback.field.to_day]]</label>
      <input id="to_day" name="to_day" value="{{TO_DAY}}" placeholder="2026-11-30" inputmode="numeric">
      {{#TO_DAY_ERR}}<p class="field-error">{{MSG}}</p>{{/TO_DAY_ERR}}
    </div>
    </div>
