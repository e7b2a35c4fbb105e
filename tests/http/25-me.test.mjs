// The user's own profile: language and password (dd-auth).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  Client, login, loginNew, signIn, createUser, csrfFrom, fieldError, htmlLang, textOf, brief, sqlOne,
  tags, locPath, sql, q,
} from '../lib/http.mjs';
import { assertPage, assertRedirect, assertSecurityHeaders } from '../lib/checks.mjs';

const T = { timeout: 60000 };

describe('/me language', T, () => {
  let user;
  before(async () => {
    const admin = await login('admin');
    user = await createUser(admin, { roles: ['staff'], lang: 'zh-CN' });
    user = { ...user, ...(await loginNew(user.username, user.password)) };
  });

  test('GET /me shows the profile with a language choice', async () => {
    const r = await user.client.get('/me');
    assertPage(r, 200);
    assertSecurityHeaders(r);
    const langs = [...tags(r.text, 'option'), ...tags(r.text, 'input').filter((i) => i.attrs.name === 'lang')]
      .map((t) => t.attrs.value);
    assert.ok(langs.includes('en') && langs.includes('zh-CN'), `lang choices en and zh-CN; got ${langs}`);
    assert.ok(textOf(r.text).includes(user.username) || textOf(r.text).includes(user.form.display_name), 'profile shows who');
  });

  test('POST /me lang=en answers 303 and pages then render in English with "Sign out"', async () => {
    const me = await user.client.get('/me');
    const r = await user.client.post('/me', { lang: 'en', _csrf: csrfFrom(me.text) });
    assert.equal(r.status, 303, brief(r));
    assert.equal(await sqlOne(`SELECT lang FROM users WHERE id=${user.id}`), 'en');
    const home = await user.client.get('/');
    assert.equal(home.status, 200, brief(home));
    assert.equal(htmlLang(home.text), 'en');
    assert.ok(textOf(home.text).includes('Sign out'), `"Sign out" in English page: ${brief(home)}`);
    assert.ok(!textOf(home.text).includes('退出'), 'no Chinese sign-out label');
  });

  test('POST /me lang=zh-CN switches back to Chinese with 退出', async () => {
    const me = await user.client.get('/me');
    const r = await user.client.post('/me', { lang: 'zh-CN', _csrf: csrfFrom(me.text) });
    assert.equal(r.status, 303, brief(r));
    const home = await user.client.get('/');
    assert.equal(htmlLang(home.text), 'zh-CN');
    assert.ok(textOf(home.text).includes('退出'), brief(home));
  });

  test('POST /me with an unknown lang does not store it', async () => {
    const me = await user.client.get('/me');
    const r = await user.client.post('/me', { lang: 'xx', _csrf: csrfFrom(me.text) });
    assert.ok([200, 303, 400].includes(r.status), brief(r));
    assert.equal(await sqlOne(`SELECT lang FROM users WHERE id=${user.id}`), 'zh-CN');
  });

  test('POST /me without _csrf answers 403 and changes nothing', async () => {
    const r = await user.client.post('/me', { lang: 'en' });
    assert.equal(r.status, 403, brief(r));
    assert.equal(await sqlOne(`SELECT lang FROM users WHERE id=${user.id}`), 'zh-CN');
  });

  test('GET /me without a session redirects to /login', async () => {
    assertRedirect(await new Client().get('/me'), '/login', { prefix: true });
  });
});

describe('/me/password', T, () => {
  let user;
  before(async () => {
    const admin = await login('admin');
    user = await createUser(admin, { roles: ['staff'] });
    user = { ...user, ...(await loginNew(user.username, user.password)) };
  });

  async function post(fields) {
    const page = await user.client.get('/me/password');
    assert.equal(page.status, 200, brief(page));
    return user.client.post('/me/password', { ...fields, _csrf: csrfFrom(page.text) });
  }

  test('a new password shorter than 10 characters is refused with a message beside new_password', async () => {
    const r = await post({ current_password: user.password, new_password: 'short9', new_password2: 'short9' });
    assertPage(r, 200);
    assert.ok(fieldError(r.text, 'new_password'), `message beside new_password: ${brief(r)}`);
    await login(user.username, user.password); // unchanged
  });

  test('a mismatched confirmation is refused with a message beside new_password2', async () => {
    const r = await post({ current_password: user.password, new_password: 'abcdefghij12', new_password2: 'abcdefghij13' });
    assertPage(r, 200);
    assert.ok(fieldError(r.text, 'new_password2'), `message beside new_password2: ${brief(r)}`);
    await login(user.username, user.password);
  });

  test('a wrong current password is refused with a message beside current_password', async () => {
    const r = await post({ current_password: 'not-my-password', new_password: 'abcdefghij12', new_password2: 'abcdefghij12' });
    assertPage(r, 200);
    assert.ok(fieldError(r.text, 'current_password'), `message beside current_password: ${brief(r)}`);
    await login(user.username, user.password);
  });

  test('a valid change lets the user sign in with the new password and not the old one', async () => {
    const np = 'NewPassw0rd-' + Date.now();
    const r = await post({ current_password: user.password, new_password: np, new_password2: np });
    assert.ok(r.status === 303 || r.status === 200, brief(r));
    if (r.status === 200) {
      for (const f of ['current_password', 'new_password', 'new_password2']) {
        assert.ok(!fieldError(r.text, f), `no error beside ${f}: ${brief(r)}`);
      }
    }
    await login(user.username, np);
    const c = new Client();
    const bad = await signIn(c, user.username, user.password);
    assert.equal(bad.status, 200, brief(bad));
    assert.ok(textOf(bad.text).includes('用户名或密码错误'));
    user.password = np;
  });
});

describe('/me/password is throttled like sign-in', T, () => {
  // A desk PC left signed in must not let anyone try passwords at the speed of the server:
  // wrong current passwords count like failed sign-ins of that user.
  let user;
  before(async () => {
    const admin = await login('admin');
    user = await createUser(admin, { roles: ['staff'] });
    user = { ...user, ...(await loginNew(user.username, user.password)) };
  });

  async function post(current) {
    const page = await user.client.get('/me/password');
    assert.equal(page.status, 200, brief(page));
    const np = 'NewPassw0rd-' + Date.now();
    return user.client.post('/me/password', { current_password: current, new_password: np, new_password2: np, _csrf: csrfFrom(page.text) });
  }

  test('five wrong current passwords are recorded; then even the right one is refused with the wait beside the field, nothing changed', async () => {
    const hash = await sqlOne(`SELECT pw_hash FROM users WHERE id=${user.id}`);
    for (let i = 0; i < 5; i++) {
      const r = await post('wrong-password-' + i);
      assert.equal(r.status, 200, brief(r));
      assert.ok((fieldError(r.text, 'current_password') || '').includes('当前密码不正确'), `attempt ${i + 1}: ${brief(r)}`);
    }
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM login_attempts WHERE username=${q(user.username)} AND success=0`), '5');
    const r = await post(user.password);
    assert.equal(r.status, 200, brief(r));
    const msg = fieldError(r.text, 'current_password') || '';
    assert.match(msg, /尝试次数过多.*\d+\s*分钟/, `the wait beside current_password: ${msg}`);
    assert.equal(await sqlOne(`SELECT pw_hash FROM users WHERE id=${user.id}`), hash, 'password unchanged');
    // The user's sign-in waits too (the same count).
    const c = new Client();
    const s = await signIn(c, user.username, user.password);
    assert.equal(s.status, 200, brief(s));
    assert.ok(textOf(s.text).includes('尝试次数过多'), 'sign-in throttled as well');
  });
  // Leaves the shared address (127.0.0.1) under the per-address limit for the other tests.
  after(() => sql(`DELETE FROM login_attempts WHERE username=${q(user.username)}`));
});
