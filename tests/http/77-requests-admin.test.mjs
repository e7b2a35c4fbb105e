// dd-admin for the request desk: a department user (role dept) gets a department of their
// own site (none, or another site's, is refused next to the field); a new site gets the
// request desk's default settings, SLA table and escalation rules (as sql/008 gives the
// sites that existed then).
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { login, fieldError, brief, sql, sqlOne, q, uniq, siteId, locPath } from '../lib/http.mjs';

const T = { timeout: 90000 };

describe('request desk administration', T, () => {
  let admin;
  let ch;
  let chDept;
  let otherSite;
  let otherDept;

  before(async () => {
    admin = await login('admin');
    ch = await siteId('CH');
    chDept = await sqlOne(`SELECT id FROM departments WHERE site_id=${ch} AND name='工程维修部'`);
    const code = 'RA' + uniq().slice(-4).toUpperCase();
    const r = await admin.submit('/admin/sites/new', { code, name: '管理B' + code, address: 'B', phone: '' });
    assert.equal(r.status, 303, brief(r));
    otherSite = await siteId(code);
    const d = await admin.submit('/admin/departments', { name: 'B维修' + code, phone: '1', site_id: otherSite },
      { action: '/admin/departments/new' });
    assert.equal(d.status, 303, brief(d));
    otherDept = await sqlOne(`SELECT id FROM departments WHERE site_id=${otherSite}`);
  });

  test('a new site gets the default request settings, SLA table and escalation rules', async () => {
    assert.equal(await sqlOne(`SELECT CONCAT(callback_hours, '/', unsatisfied_max) FROM req_settings WHERE site_id=${otherSite}`), '24/2');
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM req_sla WHERE site_id=${otherSite}`), '15');
    assert.equal(await sqlOne(`SELECT resolve_minutes FROM req_sla WHERE site_id=${otherSite} AND type='repair' AND urgency='normal'`), '1440');
    assert.deepEqual(await sql(`SELECT level, role, decide_minutes FROM req_escalation_rules WHERE site_id=${otherSite} ORDER BY level`),
      [['1', '4', '240'], ['2', '8', '1440']]);
  });

  test('a department user needs a department of their own site', async () => {
    const base = { display_name: '部门测试', site_id: ch, roles: ['dept'], lang: 'zh-CN', phone: '', password: 'Passw0rd-' + uniq() };
    const before = await sqlOne('SELECT COUNT(*) FROM users');
    let r = await admin.submit('/admin/users/new', { ...base, username: uniq('d') });
    assert.equal(r.status, 200, brief(r));
    assert.match(fieldError(r.text, 'department_id'), /须选择所属部门/);
    r = await admin.submit('/admin/users/new', { ...base, username: uniq('d'), department_id: otherDept });
    assert.match(fieldError(r.text, 'department_id'), /所在管理处的部门/);
    assert.equal(await sqlOne('SELECT COUNT(*) FROM users'), before, 'nothing written');
    const username = uniq('d');
    r = await admin.submit('/admin/users/new', { ...base, username, department_id: chDept });
    assert.equal(r.status, 303, brief(r));
    const id = /\/admin\/users\/(\d+)/.exec(locPath(r.location))[1];
    assert.deepEqual(await sql(`SELECT roles, department_id FROM users WHERE id=${id}`), [['32', chDept]]);
    // Editing: moving the user to another site without changing the department is refused.
    r = await admin.submit(`/admin/users/${id}`, { ...base, site_id: otherSite, department_id: chDept });
    assert.match(fieldError(r.text, 'department_id'), /所在管理处的部门/);
    assert.equal(await sqlOne(`SELECT site_id FROM users WHERE id=${id}`), ch, 'unchanged');
    r = await admin.submit(`/admin/users/${id}`, { ...base, site_id: otherSite, department_id: otherDept });
    assert.equal(r.status, 303, brief(r));
    assert.deepEqual(await sql(`SELECT site_id, department_id FROM users WHERE id=${id}`), [[otherSite, otherDept]]);
    const audit = await sqlOne(`SELECT new_values FROM audit_log WHERE entity='user' AND entity_id=${id} ORDER BY id DESC LIMIT 1`);
    assert.match(audit, new RegExp(`"department_id":\\s*"?${otherDept}`));
  });
});
