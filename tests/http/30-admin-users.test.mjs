// /admin/users: list, create, validation, edit, password reset, disable (dd-admin).
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  Client, login, loginNew, signIn, createUser, csrfFrom, fieldError, inputValue, checkedValues, textOf,
  brief, sql, sqlOne, q, uniq, siteId, locPath, ROLE_BITS,
} from '../lib/http.mjs';
import { assertPage, assertRedirect, assertSecurityHeaders } from '../lib/checks.mjs';

const T = { timeout: 90000 };

describe('admin creates users', T, () => {
  let admin;
  let ch;
  before(async () => {
    admin = await login('admin');
    ch = await siteId('CH');
    assert.ok(ch, 'site CH exists in the demo data');
  });

  test('GET /admin/users/new shows the form with every field', async () => {
    const r = await admin.get('/admin/users/new');
    assertPage(r, 200);
    assertSecurityHeaders(r);
    for (const f of ['username', 'display_name', 'site_id', 'roles', 'lang', 'phone', 'password', '_csrf']) {
      assert.ok(new RegExp(`name=["']${f}["']`).test(r.text), `field ${f} in the form`);
    }
    for (const v of ['staff', 'supervisor', 'manager', 'director', 'admin']) {
      assert.ok(new RegExp(`name=["']roles["'][^>]*value=["']${v}["']|value=["']${v}["'][^>]*name=["']roles["']`).test(r.text), `roles checkbox ${v}`);
    }
  });

  test('a valid form creates the user (303 to /admin/users/<id>) with the given roles, and the page shows it', async () => {
    const u = await createUser(admin, { roles: ['staff', 'supervisor'], phone: '13800000000', lang: 'en', display_name: '新同事甲' });
    const [row] = await sql(`SELECT username, display_name, site_id, roles, lang, phone, active FROM users WHERE id=${u.id}`);
    assert.deepEqual(row, [u.username, '新同事甲', String(ch), String(ROLE_BITS.staff | ROLE_BITS.supervisor), 'en', '13800000000', '1']);
    const pwh = await sqlOne(`SELECT pw_hash FROM users WHERE id=${u.id}`);
    assert.ok(!pwh.includes(u.password), 'the password is not stored in clear');
    const r = await admin.get(`/admin/users/${u.id}`);
    assertPage(r, 200);
    assert.equal(inputValue(r.text, 'display_name'), '新同事甲');
    assert.deepEqual(checkedValues(r.text, 'roles').sort(), ['staff', 'supervisor']);
    const list = await admin.get('/admin/users?q=' + encodeURIComponent(u.username));
    assert.equal(list.status, 200, brief(list));
    assert.ok(textOf(list.text).includes(u.username), 'the list finds the new user');
  });

  test('an invalid form shows a message beside each wrong field, keeps the input, writes nothing', async () => {
    const before = await sqlOne('SELECT COUNT(*) FROM users');
    const r = await admin.submit('/admin/users/new', {
      username: 'AB', // too short and upper case
      display_name: '',
      site_id: ch,
      lang: 'zh-CN',
      phone: '010-12345678',
      password: 'short',
    });
    assertPage(r, 200);
    assert.ok(fieldError(r.text, 'username'), `error beside username: ${brief(r)}`);
    assert.ok(fieldError(r.text, 'display_name'), 'error beside display_name');
    assert.ok(fieldError(r.text, 'roles'), 'error beside roles (none chosen)');
    assert.ok(fieldError(r.text, 'password'), 'error beside password');
    assert.equal(fieldError(r.text, 'phone'), '', 'no error beside the valid phone');
    assert.equal(inputValue(r.text, 'username'), 'AB', 'username kept');
    assert.equal(inputValue(r.text, 'phone'), '010-12345678', 'phone kept');
    assert.equal(inputValue(r.text, 'password') || '', '', 'password not echoed');
    assert.equal(await sqlOne('SELECT COUNT(*) FROM users'), before, 'nothing written');
  });

  test('a taken username shows 用户名已被使用 beside the field and keeps the other values', async () => {
    const before = await sqlOne('SELECT COUNT(*) FROM users');
    const r = await admin.submit('/admin/users/new', {
      username: 'staff1',
      display_name: '重名测试',
      site_id: ch,
      roles: ['staff', 'manager'],
      lang: 'zh-CN',
      phone: '',
      password: 'long-enough-password',
    });
    assertPage(r, 200);
    assert.match(fieldError(r.text, 'username') || '', /用户名已被使用/, brief(r));
    assert.equal(inputValue(r.text, 'display_name'), '重名测试');
    assert.deepEqual(checkedValues(r.text, 'roles').sort(), ['manager', 'staff'], 'checked roles kept');
    assert.equal(await sqlOne('SELECT COUNT(*) FROM users'), before);
  });

  test('username rules: 3-32 chars of a-z 0-9 _ . - (33 chars and a space are refused, 32 accepted)', async () => {
    for (const bad of ['a'.repeat(33), 'has space', 'ab', '用户名']) {
      const r = await admin.submit('/admin/users/new', {
        username: bad, display_name: 'x', site_id: ch, roles: ['staff'], lang: 'zh-CN', password: 'long-enough-password',
      });
      assert.equal(r.status, 200, `username "${bad}": ${brief(r)}`);
      assert.ok(fieldError(r.text, 'username'), `error for username "${bad}"`);
    }
    const ok = uniq('ok.') + '_-';
    const name32 = (ok + 'x'.repeat(32)).slice(0, 32);
    const u = await createUser(admin, { username: name32 });
    assert.equal(await sqlOne(`SELECT username FROM users WHERE id=${u.id}`), name32);
  });

  test('display_name over 50 characters is refused beside display_name', async () => {
    const r = await admin.submit('/admin/users/new', {
      username: uniq('dn'), display_name: '长'.repeat(51), site_id: ch, roles: ['staff'], lang: 'zh-CN', password: 'long-enough-password',
    });
    assert.equal(r.status, 200, brief(r));
    assert.ok(fieldError(r.text, 'display_name'), 'error beside display_name');
  });

  test('an unknown role value or lang is refused', async () => {
    const name = uniq('rl');
    const r = await admin.submit('/admin/users/new', {
      username: name, display_name: 'x', site_id: ch, roles: ['root'], lang: 'fr', password: 'long-enough-password',
    });
    assert.equal(r.status, 200, brief(r));
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM users WHERE username=${q(name)}`), '0');
  });

  test('creating a user writes an audit row with entity user and the new values, never the password hash', async () => {
    const u = await createUser(admin, { roles: ['staff'] });
    const rows = await sql(`SELECT id, action, user_id, new_values, IFNULL(old_values,'') FROM audit_log WHERE entity='user' AND entity_id=${u.id}`);
    assert.ok(rows.length >= 1, 'an audit row for the new user');
    const [id, , byUser, newValues] = rows[0];
    assert.equal(byUser, await sqlOne(`SELECT id FROM users WHERE username='admin'`), 'audit user_id is the admin');
    assert.ok(newValues.includes(u.username), `new_values names the user: ${newValues}`);
    assert.doesNotThrow(() => JSON.parse(newValues), `new_values is JSON: ${newValues}`);
    const hash = await sqlOne(`SELECT pw_hash FROM users WHERE id=${u.id}`);
    const all = (await sql(`SELECT CONCAT_WS('|', summary, IFNULL(old_values,''), IFNULL(new_values,'')) FROM audit_log`)).map((r) => r[0]).join('\n');
    assert.ok(!all.includes(hash), 'the password hash appears in no audit row');
    assert.ok(!all.includes(u.password), 'the password appears in no audit row');
    assert.ok(!/pw_hash/.test(all), 'no pw_hash key in audit rows');
    const page = await admin.get(`/admin/audit/${id}`);
    assertPage(page, 200);
    assert.ok(textOf(page.text).includes(u.username), 'the audit detail page shows the new values');
  });

  test('the user list searches by username and by display name and filters by role', async () => {
    const u = await createUser(admin, { roles: ['director'], display_name: '检索测试' + uniq('') });
    const byName = await admin.get('/admin/users?q=' + encodeURIComponent(u.form.display_name));
    assert.ok(textOf(byName.text).includes(u.username), 'found by display name');
    assert.ok(!textOf(byName.text).includes('staff1'), 'others filtered out');
    const byRole = await admin.get('/admin/users?role=director&q=' + encodeURIComponent(u.username));
    assert.ok(textOf(byRole.text).includes(u.username), 'found with role=director');
    const wrongRole = await admin.get('/admin/users?role=staff&q=' + encodeURIComponent(u.username));
    assert.equal(wrongRole.status, 200, brief(wrongRole));
    assert.ok(!textOf(wrongRole.text).includes(u.username), 'not found with role=staff');
    const all = await admin.get('/admin/users');
    for (const n of ['staff1', 'supervisor', 'manager', 'director', 'admin']) {
      assert.ok(textOf(all.text).includes(n), `list shows ${n}`);
    }
  });
});

describe('admin edits users', T, () => {
  let admin;
  before(async () => {
    admin = await login('admin');
  });

  test('POST /admin/users/<id> changes display_name, roles, lang and phone and writes an audit row with old and new values', async () => {
    const u = await createUser(admin, { roles: ['staff'], display_name: '改前' });
    const r = await admin.submit(`/admin/users/${u.id}`, {
      display_name: '改后', site_id: u.form.site_id, roles: ['supervisor', 'manager'], lang: 'en', phone: '12345',
    });
    assert.equal(r.status, 303, brief(r));
    const [row] = await sql(`SELECT display_name, roles, lang, phone FROM users WHERE id=${u.id}`);
    assert.deepEqual(row, ['改后', String(ROLE_BITS.supervisor | ROLE_BITS.manager), 'en', '12345']);
    const [a] = await sql(`SELECT IFNULL(old_values,''), IFNULL(new_values,'') FROM audit_log WHERE entity='user' AND entity_id=${u.id} ORDER BY id DESC LIMIT 1`);
    assert.ok(a[0].includes('改前'), `old_values has the old name: ${a[0]}`);
    assert.ok(a[1].includes('改后'), `new_values has the new name: ${a[1]}`);
  });

  test('an edit with an empty display_name and no roles is refused beside the fields and changes nothing', async () => {
    const u = await createUser(admin, { roles: ['staff'], display_name: '不变' });
    const r = await admin.submit(`/admin/users/${u.id}`, {
      display_name: '', site_id: u.form.site_id, lang: 'zh-CN', phone: '999',
    });
    assertPage(r, 200);
    assert.ok(fieldError(r.text, 'display_name'), brief(r));
    assert.ok(fieldError(r.text, 'roles'), 'error beside roles');
    assert.equal(inputValue(r.text, 'phone'), '999', 'phone kept');
    assert.deepEqual(await sql(`SELECT display_name, roles, phone FROM users WHERE id=${u.id}`), [['不变', '1', '']]);
  });

  test('GET /admin/users/<unknown id> answers 404', async () => {
    const r = await admin.get('/admin/users/99999999');
    assertPage(r, 404, '页面不存在');
  });

  test('a password reset makes the user change it at next sign-in and ends their sessions', async () => {
    const u = await createUser(admin, { roles: ['staff'] });
    const s = await loginNew(u.username, u.password);
    assert.equal((await s.client.get('/')).status, 200);
    const np = 'Reset-pass-' + uniq('');
    const r = await admin.submit(`/admin/users/${u.id}`, { password: np }, { action: `/admin/users/${u.id}/password` });
    assert.equal(r.status, 303, brief(r));
    assertRedirect(await s.client.get('/'), '/login', { prefix: true });
    assert.equal(await sqlOne(`SELECT must_change_pw FROM users WHERE id=${u.id}`), '1');
    const c = new Client();
    const li = await signIn(c, u.username, np);
    assertRedirect(li, '/me/password');
    // Change it, then sign-in goes to / again.
    const page = await c.get('/me/password');
    assert.equal(page.status, 200, brief(page));
    const fin = 'Final-pass-' + uniq('');
    const ch = await c.post('/me/password', { current_password: np, new_password: fin, new_password2: fin, _csrf: csrfFrom(page.text) });
    assert.ok([200, 303].includes(ch.status), brief(ch));
    await login(u.username, fin);
    assert.equal(await sqlOne(`SELECT must_change_pw FROM users WHERE id=${u.id}`), '0');
  });

  test('a password reset shorter than 10 characters is refused', async () => {
    const u = await createUser(admin, { roles: ['staff'] });
    const hash = await sqlOne(`SELECT pw_hash FROM users WHERE id=${u.id}`);
    const r = await admin.submit(`/admin/users/${u.id}`, { password: 'short' }, { action: `/admin/users/${u.id}/password` });
    assert.notEqual(r.status, 303, brief(r));
    assert.equal(await sqlOne(`SELECT pw_hash FROM users WHERE id=${u.id}`), hash, 'hash unchanged');
  });

  test('a disabled user cannot sign in (用户名或密码错误) and their sessions end; re-enabled they can', async () => {
    const u = await createUser(admin, { roles: ['staff'] });
    const s = await loginNew(u.username, u.password);
    const r = await admin.submit(`/admin/users/${u.id}`, { active: '0' }, { action: `/admin/users/${u.id}/active` });
    assert.equal(r.status, 303, brief(r));
    assert.equal(await sqlOne(`SELECT active FROM users WHERE id=${u.id}`), '0');
    assertRedirect(await s.client.get('/'), '/login', { prefix: true });
    const c = new Client();
    const li = await signIn(c, u.username, s.password);
    assertPage(li, 200, '用户名或密码错误');
    assert.equal(c.cookie('dd_session'), undefined);
    const r2 = await admin.submit(`/admin/users/${u.id}`, { active: '1' }, { action: `/admin/users/${u.id}/active` });
    assert.equal(r2.status, 303, brief(r2));
    await login(u.username, s.password);
  });

  test('POST /admin/users/<id> without _csrf answers 403 and changes nothing', async () => {
    const u = await createUser(admin, { roles: ['staff'], display_name: '防伪' });
    const r = await admin.post(`/admin/users/${u.id}`, { display_name: '被改', site_id: u.form.site_id, roles: ['admin'], lang: 'zh-CN' });
    assert.equal(r.status, 403, brief(r));
    assert.deepEqual(await sql(`SELECT display_name, roles FROM users WHERE id=${u.id}`), [['防伪', '1']]);
  });
});
