// Sign-in throttling: 5 failures for one username within 15 minutes lock it.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { Client, login, loginNew, signIn, createUser, textOf, brief, sql, q } from '../lib/http.mjs';

const T = { timeout: 90000 };

describe('sign-in lockout', T, () => {
  let u;
  before(async () => {
    const admin = await login('admin');
    u = await createUser(admin, { roles: ['staff'] });
    u.password = (await loginNew(u.username, u.password)).password;
  });

  test('after 5 failures within 15 minutes even the right password gets 尝试次数过多, and failures are recorded', async () => {
    for (let i = 1; i <= 5; i++) {
      const r = await signIn(new Client(), u.username, 'wrong-' + i);
      assert.equal(r.status, 200, brief(r));
      assert.ok(textOf(r.text).includes('用户名或密码错误') || textOf(r.text).includes('尝试次数过多'), `attempt ${i}: ${brief(r)}`);
    }
    const rows = await sql(`SELECT ip, success, at FROM login_attempts WHERE username=${q(u.username)} AND success=0`);
    assert.ok(rows.length >= 5, `5 failures recorded; got ${rows.length}`);
    assert.ok(rows.every((r) => r[0] === '127.0.0.1' || r[0] === '::1' || r[0] === '::ffff:127.0.0.1'), `ip recorded: ${rows.map((r) => r[0])}`);
    const c = new Client();
    const r = await signIn(c, u.username, u.password);
    assert.notEqual(r.status, 303, `locked user signed in: ${brief(r)}`);
    assert.ok(textOf(r.text).includes('尝试次数过多'), brief(r));
    assert.equal(c.cookie('dd_session'), undefined);
  });

  test('the lock is per username: another user still signs in', async () => {
    await login('staff2');
  });

  test('when the failures are older than 15 minutes the user can sign in again', async () => {
    await sql(`UPDATE login_attempts SET at = at - INTERVAL 16 MINUTE WHERE username=${q(u.username)}`);
    const c = new Client();
    const r = await signIn(c, u.username, u.password);
    assert.equal(r.status, 303, brief(r));
    assert.ok(c.cookie('dd_session'));
    assert.equal((await c.get('/')).status, 200, 'the new session works');
  });
});
