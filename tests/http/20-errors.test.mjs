// Error pages and security headers on every kind of dynamic response.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { Client, login, csrfFrom, brief, textOf } from '../lib/http.mjs';
import { assertSecurityHeaders, assertPage } from '../lib/checks.mjs';

const T = { timeout: 60000 };

describe('error pages', T, () => {
  test('an unknown path answers 404 页面不存在 in the page layout with security headers', async () => {
    const r = await new Client().get('/no-such-page');
    assertPage(r, 404, '页面不存在');
    assertSecurityHeaders(r);
  });

  test('an unknown path under /admin answers 404 for admin', async () => {
    const r = await (await login('admin')).get('/admin/no-such-page');
    assertPage(r, 404, '页面不存在');
  });

  test('DELETE / answers 405 不支持的请求方法', async () => {
    const r = await new Client().request('DELETE', '/');
    assertPage(r, 405, '不支持的请求方法');
    assertSecurityHeaders(r);
  });

  test('POST /_ok answers 405 不支持的请求方法', async () => {
    const r = await new Client().request('POST', '/_ok', { form: { a: '1' } });
    assertPage(r, 405, '不支持的请求方法');
  });

  test('a 405 response names the allowed methods in an Allow header', async () => {
    const r = await new Client().request('DELETE', '/login');
    assert.equal(r.status, 405, brief(r));
    assert.match(r.headers.get('allow') || '', /GET/, `Allow header: ${r.headers.get('allow')}`);
  });

  test('a 3 MB POST /login answers 413 提交的内容过大', async () => {
    const c = new Client();
    const p = await c.get('/login');
    const big = 'username=staff1&_csrf=' + encodeURIComponent(csrfFrom(p.text)) + '&password=' + 'a'.repeat(3 * 1024 * 1024);
    const r = await c.request('POST', '/login', {
      body: big,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assertPage(r, 413, '提交的内容过大');
    assertSecurityHeaders(r);
  });

  test('a POST just under 2 MB is not refused as too large', async () => {
    const c = new Client();
    const p = await c.get('/login');
    const body = 'username=staff2&_csrf=' + encodeURIComponent(csrfFrom(p.text)) + '&password=x&pad=' + 'b'.repeat(1900 * 1024);
    const r = await c.request('POST', '/login', {
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.notEqual(r.status, 413, brief(r));
    assert.equal(r.status, 200, brief(r));
    assert.ok(textOf(r.text).includes('用户名或密码错误'), brief(r));
  });
});

describe('security headers', T, () => {
  test('the home page, an admin page, a redirect and a 403 all carry the security headers', async () => {
    const admin = await login('admin');
    assertSecurityHeaders(await admin.get('/'));
    assertSecurityHeaders(await admin.get('/admin/users'));
    assertSecurityHeaders(await new Client().get('/')); // 303
    const staff = await login('staff1');
    const f = await staff.get('/admin/users');
    assert.equal(f.status, 403, brief(f));
    assertSecurityHeaders(f);
  });

  test('pages do not use inline script or inline event handlers (CSP-compatible)', async () => {
    const admin = await login('admin');
    for (const p of ['/login', '/', '/admin/users', '/admin/users/new', '/me']) {
      const r = p === '/login' ? await new Client().get(p) : await admin.get(p);
      assert.equal(r.status, 200, brief(r));
      const inline = /<script\b(?![^>]*\bsrc=)[^>]*>\s*\S/i.test(r.text);
      assert.ok(!inline, `inline <script> on ${p}`);
      assert.ok(!/\son[a-z]+\s*=\s*["']/i.test(r.text.replace(/<script[\s\S]*?<\/script>/gi, '')), `inline on*= handler on ${p}`);
    }
  });
});
