// Who may open which /admin page (role rules enforced on the server).
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { Client, login, csrfFrom, brief, sqlOne, siteId } from '../lib/http.mjs';
import { assertPage, assertRedirect } from '../lib/checks.mjs';

const T = { timeout: 90000 };

let ids;
async function pages() {
  if (ids) return ids;
  const ch = await siteId('CH');
  ids = {
    ch,
    user: await sqlOne(`SELECT id FROM users WHERE username='staff2'`),
    dept: await sqlOne(`SELECT id FROM departments WHERE site_id=${ch} ORDER BY id LIMIT 1`),
    audit: await sqlOne(`SELECT id FROM audit_log WHERE site_id=${ch} ORDER BY id LIMIT 1`),
  };
  return ids;
}

function adminOnly(i) {
  return ['/admin/users', '/admin/users/new', `/admin/users/${i.user}`, '/admin/sites', '/admin/sites/new', `/admin/sites/${i.ch}`];
}
function siteScoped(i) {
  const p = ['/admin/audit', '/admin/departments', `/admin/departments/${i.dept}`];
  if (i.audit) p.push(`/admin/audit/${i.audit}`);
  return p;
}

describe('admin role rules', T, () => {
  before(async () => {
    await pages();
    assert.ok(ids.dept, 'CH has departments in the demo data');
  });

  for (const who of ['staff1', 'supervisor']) {
    test(`${who} gets 403 on every /admin page`, async () => {
      const c = await login(who);
      for (const p of [...adminOnly(ids), ...siteScoped(ids)]) {
        const r = await c.get(p);
        assertPage(r, 403);
      }
    });

    test(`${who} gets 403 when posting an admin form and nothing is written`, async () => {
      const c = await login(who);
      const home = await c.get('/');
      const tok = csrfFrom(home.text);
      const before = await sqlOne('SELECT COUNT(*) FROM departments');
      const r = await c.post('/admin/departments/new', { name: '越权部门' + who, phone: '1', site_id: ids.ch, _csrf: tok });
      assert.equal(r.status, 403, brief(r));
      const r2 = await c.post('/admin/users/new', {
        username: 'hack' + who, display_name: 'x', site_id: ids.ch, roles: ['admin'], lang: 'zh-CN', password: 'long-enough-password', _csrf: tok,
      });
      assert.equal(r2.status, 403, brief(r2));
      assert.equal(await sqlOne('SELECT COUNT(*) FROM departments'), before);
      assert.equal(await sqlOne(`SELECT COUNT(*) FROM users WHERE username='hack${who}'`), '0');
    });
  }

  for (const who of ['manager', 'director']) {
    test(`${who} sees /admin/audit and /admin/departments of the own site but gets 403 on users and sites`, async () => {
      const c = await login(who);
      for (const p of siteScoped(ids)) assertPage(await c.get(p), 200);
      for (const p of adminOnly(ids)) assertPage(await c.get(p), 403);
    });
  }

  test('admin opens every /admin page', async () => {
    const c = await login('admin');
    for (const p of [...adminOnly(ids), ...siteScoped(ids)]) assertPage(await c.get(p), 200);
  });

  test('an /admin page without a session redirects to /login', async () => {
    assertRedirect(await new Client().get('/admin/users'), '/login', { prefix: true });
  });
});
