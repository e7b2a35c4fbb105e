// Sessions and headers beyond 10-auth and 20-errors: idle expiry (last_seen set back past
// session_idle_minutes), sliding expiry, sign-out deleting the session row on the server, a
// new CSRF token with every session, and a Content-Security-Policy that allows no inline
// script or style on any kind of response (20-errors checks scripts on a few pages).
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  Client, login, csrfFrom, brief, sqlOne, q, INSTANCE, locPath,
} from '../lib/http.mjs';

const T = { timeout: 60000 };
const hashOf = (c) => `UNHEX(SHA2(${q(decodeURIComponent(c.cookie('dd_session')))}, 256))`;

function idleMinutes() {
  const conf = fs.readFileSync(path.join(INSTANCE, 'dutydesk.conf'), 'utf8');
  const m = /^\s*session_idle_minutes\s*=\s*(\d+)/m.exec(conf);
  return m ? Number(m[1]) : 240;
}

const toLogin = (r) => r.status === 303 && (locPath(r.location) || '').startsWith('/login');

describe('session expiry and sign-out on the server', T, () => {
  let idle;
  before(() => { idle = idleMinutes(); });

  test('a session idle longer than session_idle_minutes no longer works', async () => {
    const c = await login('staff2');
    assert.equal((await c.get('/me')).status, 200, 'fresh session works');
    await sqlOne(`UPDATE sessions SET last_seen = NOW() - INTERVAL ${idle + 1} MINUTE WHERE token_hash = ${hashOf(c)}`);
    const r = await c.get('/me');
    assert.ok(toLogin(r), `expired session is sent to /login: ${brief(r)}`);
    const p = await c.post('/me', { lang: 'en', _csrf: 'x' });
    assert.ok(toLogin(p) || p.status === 403, `expired session cannot POST: ${brief(p)}`);
    assert.equal(await sqlOne("SELECT lang FROM users WHERE username='staff2'"), 'zh-CN', 'nothing changed');
  });

  test('a session used within the idle time stays valid and its last_seen moves forward', async () => {
    const c = await login('staff2');
    await sqlOne(`UPDATE sessions SET last_seen = NOW() - INTERVAL ${idle - 2} MINUTE WHERE token_hash = ${hashOf(c)}`);
    assert.equal((await c.get('/me')).status, 200, 'still inside the idle time');
    const age = Number(await sqlOne(`SELECT TIMESTAMPDIFF(SECOND, last_seen, NOW()) FROM sessions WHERE token_hash = ${hashOf(c)}`));
    assert.ok(age < 60, `last_seen refreshed by use (age ${age} s)`);
  });

  test('sign-out deletes the session row on the server; the old cookie and its CSRF token are dead', async () => {
    const c = await login('supervisor');
    const old = c.cookie('dd_session');
    const token = csrfFrom((await c.get('/')).text);
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM sessions WHERE token_hash = ${hashOf(c)}`), '1');
    const h = hashOf(c);
    const r = await c.post('/logout', { _csrf: token });
    assert.equal(r.status, 303, brief(r));
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM sessions WHERE token_hash = ${h}`), '0', 'the row is gone');
    const replay = new Client();
    replay.setCookie('dd_session', old);
    const p = await replay.post('/me', { lang: 'en', _csrf: token });
    assert.ok(toLogin(p) || p.status === 403, `a POST with the old cookie and token is refused: ${brief(p)}`);
    assert.equal(await sqlOne("SELECT lang FROM users WHERE username='supervisor'"), 'zh-CN');
  });

  test('the workers\' session cache: a session read by every worker is refused by all of them at once after sign-out, a disabled user at once after the change', async () => {
    // Many GETs at the same time reach every worker, which then holds the session for a second.
    const burst = (c) => Promise.all(Array.from({ length: 24 }, () => c.get('/me')));
    const c = await login('staff2');
    for (const r of await burst(c)) assert.equal(r.status, 200);
    const other = await login('staff2');   // the same person on another PC
    assert.equal((await other.post('/logout', { _csrf: csrfFrom((await other.get('/me')).text) })).status, 303);
    for (const r of await burst(other)) assert.ok(toLogin(r), `signed out: ${brief(r)}`);
    for (const r of await burst(c)) assert.equal(r.status, 200, 'the other session is not touched');
    // Deleted by hand (scripts/stack.sh sql moves the generation too).
    await sqlOne(`DELETE FROM sessions WHERE token_hash = ${hashOf(c)}`);
    for (const r of await burst(c)) assert.ok(toLogin(r), `deleted: ${brief(r)}`);
    // The admin disables a user whose session every worker holds: the next GET is refused.
    const u = await login('staff3');
    for (const r of await burst(u)) assert.equal(r.status, 200);
    const admin = await login('admin');
    const id = await sqlOne(`SELECT id FROM users WHERE username='staff3'`);
    for (const r of await burst(u)) assert.equal(r.status, 200);   // cached again after the SQL
    // The POSTs of a program that changes no user, session or site (dd-log) read the session
    // from the cache too, and leave it: a wrong token is still refused (403), every worker
    // holds the session afterwards.
    const posts = (c, body) => Promise.all(Array.from({ length: 24 }, () => c.post('/log/open', body)));
    for (const r of await posts(u, { _csrf: 'not-the-token' })) assert.equal(r.status, 403, brief(r));
    const off = await admin.submit(`/admin/users/${id}`, { active: '0' }, { action: `/admin/users/${id}/active` });
    assert.equal(off.status, 303, brief(off));
    for (const r of await burst(u)) assert.notEqual(r.status, 200, 'a disabled user is refused at once');
    // (A session still cached would answer 403 for the token; a dead one goes to /login.)
    for (const r of await posts(u, { _csrf: 'not-the-token' })) assert.ok(toLogin(r), `a disabled user's POST is refused at once: ${brief(r)}`);
    const on = await admin.submit(`/admin/users/${id}`, { active: '1' }, { action: `/admin/users/${id}/active` });
    assert.equal(on.status, 303, brief(on));
  });

  test('each sign-in gets a new CSRF token too, different from the sign-in form token', async () => {
    const a = new Client();
    const page = await a.get('/login');
    const anon = csrfFrom(page.text);
    const r = await a.post('/login', { username: 'manager', password: 'demo-password', _csrf: anon });
    assert.equal(r.status, 303, brief(r));
    const t1 = csrfFrom((await a.get('/')).text);
    const b = await login('manager');
    const t2 = csrfFrom((await b.get('/')).text);
    assert.ok(t1 && t2 && t1 !== t2, 'two sessions, two tokens');
    assert.notEqual(t1, anon, 'the session token is not the sign-in form token');
    // One session's token does not work with the other session.
    const x = await b.post('/me', { lang: 'en', _csrf: t1 });
    assert.equal(x.status, 403, `another session's token is refused: ${brief(x)}`);
  });
});

describe('Content-Security-Policy', T, () => {
  function directives(r) {
    const csp = r.headers.get('content-security-policy') || '';
    return Object.fromEntries(csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
      const [k, ...v] = d.split(/\s+/);
      return [k.toLowerCase(), v.join(' ')];
    }));
  }

  test("no 'unsafe-inline' or 'unsafe-eval' for scripts or styles on any kind of response, framing refused", async () => {
    const admin = await login('admin');
    const responses = [
      await new Client().get('/login'),
      await new Client().get('/'),                 // redirect
      await new Client().get('/no/such/page'),     // 404
      await admin.get('/'),
      await admin.get('/admin/users'),
      await admin.post('/admin/users/new', {}),    // 403 (no _csrf)
    ];
    for (const r of responses) {
      const d = directives(r);
      const where = `${r.method} ${r.url} (${r.status})`;
      assert.ok(d['default-src'], `CSP with default-src on ${where}`);
      for (const k of ['default-src', 'script-src', 'script-src-elem', 'script-src-attr', 'style-src', 'style-src-elem', 'style-src-attr']) {
        if (d[k] === undefined) continue;
        assert.doesNotMatch(d[k], /'unsafe-inline'|'unsafe-eval'|\*/, `${k} on ${where}: ${d[k]}`);
      }
      const style = d['style-src'] ?? d['default-src'];
      assert.doesNotMatch(style, /'unsafe-inline'/, `styles on ${where}`);
      const frames = d['frame-ancestors'];
      assert.ok(frames === "'none'" || r.headers.get('x-frame-options')?.toUpperCase() === 'DENY', `framing refused on ${where}`);
      assert.equal(r.headers.get('x-content-type-options'), 'nosniff', where);
      assert.equal(r.headers.get('referrer-policy'), 'same-origin', where);
    }
  });

  test('pages carry no inline style attributes or <style> blocks (so the CSP costs nothing)', async () => {
    const admin = await login('admin');
    for (const p of ['/', '/admin/users', '/admin/sites', '/admin/departments', '/admin/audit', '/me']) {
      const r = await admin.get(p);
      assert.equal(r.status, 200, brief(r));
      assert.doesNotMatch(r.text, /<style\b/i, `<style> on ${p}`);
      assert.doesNotMatch(r.text, /\sstyle\s*=\s*["']/i, `style= attribute on ${p}`);
    }
  });
});
