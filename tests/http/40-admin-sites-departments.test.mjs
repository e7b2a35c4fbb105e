// /admin/sites, /admin/departments and /admin/audit (dd-admin).
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  login, createUser, fieldError, inputValue, textOf, brief, sql, sqlOne, q, uniq, siteId, locPath, ymd,
} from '../lib/http.mjs';
import { assertPage } from '../lib/checks.mjs';

const T = { timeout: 90000 };

describe('sites', T, () => {
  let admin;
  before(async () => { admin = await login('admin'); });

  test('GET /admin/sites lists the demo site', async () => {
    const r = await admin.get('/admin/sites');
    assertPage(r, 200, '翠湖花园管理处');
  });

  test('admin creates a site (303), it is listed and audited', async () => {
    const code = uniq('S').toUpperCase().slice(0, 10);
    const r = await admin.submit('/admin/sites/new', { code, name: '测试小区' + code, address: '测试路1号', phone: '0571-1234' });
    assert.equal(r.status, 303, brief(r));
    const [row] = await sql(`SELECT id, name, address, phone FROM sites WHERE code=${q(code)}`);
    assert.ok(row, 'site row written');
    assert.deepEqual(row.slice(1), ['测试小区' + code, '测试路1号', '0571-1234']);
    const list = await admin.get('/admin/sites');
    assert.ok(textOf(list.text).includes('测试小区' + code));
    assert.ok(Number(await sqlOne(`SELECT COUNT(*) FROM audit_log WHERE entity='site' AND entity_id=${row[0]}`)) >= 1, 'an audit row for the site');
  });

  test('a site without code and name is refused beside the fields, address kept, nothing written', async () => {
    const before = await sqlOne('SELECT COUNT(*) FROM sites');
    const r = await admin.submit('/admin/sites/new', { code: '', name: '', address: '保留的地址', phone: '' });
    assertPage(r, 200);
    assert.ok(fieldError(r.text, 'code'), `error beside code: ${brief(r)}`);
    assert.ok(fieldError(r.text, 'name'), 'error beside name');
    assert.equal(inputValue(r.text, 'address'), '保留的地址');
    assert.equal(await sqlOne('SELECT COUNT(*) FROM sites'), before);
  });

  test('a duplicate site code is refused beside code', async () => {
    const before = await sqlOne('SELECT COUNT(*) FROM sites');
    const r = await admin.submit('/admin/sites/new', { code: 'CH', name: '重复', address: '', phone: '' });
    assertPage(r, 200);
    assert.ok(fieldError(r.text, 'code'), brief(r));
    assert.equal(await sqlOne('SELECT COUNT(*) FROM sites'), before);
  });

  test('admin edits a site name through POST /admin/sites/<id>', async () => {
    const code = uniq('E').toUpperCase().slice(0, 10);
    await admin.submit('/admin/sites/new', { code, name: '旧名' + code, address: '', phone: '' });
    const id = await sqlOne(`SELECT id FROM sites WHERE code=${q(code)}`);
    const page = await admin.get(`/admin/sites/${id}`);
    assert.equal(inputValue(page.text, 'name'), '旧名' + code);
    const r = await admin.submit(`/admin/sites/${id}`, { code, name: '新名' + code, address: '新地址', phone: '' });
    assert.equal(r.status, 303, brief(r));
    assert.deepEqual(await sql(`SELECT name, address FROM sites WHERE id=${id}`), [['新名' + code, '新地址']]);
  });
});

describe('departments', T, () => {
  let admin;
  let ch;
  before(async () => { admin = await login('admin'); ch = await siteId('CH'); });

  test('the department list shows the five demo departments', async () => {
    const r = await (await login('manager')).get('/admin/departments');
    assertPage(r, 200);
    for (const n of ['工程维修部', '安保部', '保洁部', '绿化部', '客服中心']) {
      assert.match(r.text, new RegExp(`>\\s*${n}\\s*<`), `department ${n} listed`);
    }
  });

  test('admin creates a department for a site and it is listed with ?site=', async () => {
    const name = '测试部' + uniq('');
    const r = await admin.submit('/admin/departments', { name, phone: '8001', site_id: ch }, { action: '/admin/departments/new' });
    assert.equal(r.status, 303, brief(r));
    assert.deepEqual(await sql(`SELECT site_id, phone, active FROM departments WHERE name=${q(name)}`), [[String(ch), '8001', '1']]);
    const list = await admin.get(`/admin/departments?site=${ch}`);
    assert.ok(textOf(list.text).includes(name), brief(list));
  });

  test('manager creates a department in the own site (site_id from the session) and edits it', async () => {
    const mgr = await login('manager');
    const name = '经理建' + uniq('');
    const other = await sqlOne(`SELECT id FROM sites WHERE code<>'CH' ORDER BY id LIMIT 1`);
    const r = await mgr.submit('/admin/departments', { name, phone: '8002', site_id: other || ch }, { action: '/admin/departments/new' });
    assert.equal(r.status, 303, brief(r));
    const [row] = await sql(`SELECT id, site_id FROM departments WHERE name=${q(name)}`);
    assert.equal(row[1], String(ch), 'created in the manager\'s own site whatever site_id says');
    const e = await mgr.submit(`/admin/departments/${row[0]}`, { name: name + '改', phone: '8003', active: '0' });
    assert.equal(e.status, 303, brief(e));
    assert.deepEqual(await sql(`SELECT name, phone, active FROM departments WHERE id=${row[0]}`), [[name + '改', '8003', '0']]);
  });

  test('a department without a name is refused beside name; a duplicate name in the site too', async () => {
    const before = await sqlOne('SELECT COUNT(*) FROM departments');
    const r = await admin.submit('/admin/departments', { name: '', phone: '77', site_id: ch }, { action: '/admin/departments/new' });
    assertPage(r, 200);
    assert.ok(fieldError(r.text, 'name'), brief(r));
    assert.equal(inputValue(r.text, 'phone'), '77');
    const d = await admin.submit('/admin/departments', { name: '安保部', phone: '', site_id: ch }, { action: '/admin/departments/new' });
    assertPage(d, 200);
    assert.ok(fieldError(d.text, 'name'), `duplicate name: ${brief(d)}`);
    assert.equal(await sqlOne('SELECT COUNT(*) FROM departments'), before);
  });

  test('director edits a department and the audit log records old and new values', async () => {
    const dir = await login('director');
    const name = '主任改' + uniq('');
    await admin.submit('/admin/departments', { name, phone: '1', site_id: ch }, { action: '/admin/departments/new' });
    const id = await sqlOne(`SELECT id FROM departments WHERE name=${q(name)}`);
    const r = await dir.submit(`/admin/departments/${id}`, { name, phone: '2', active: '1' });
    assert.equal(r.status, 303, brief(r));
    const [a] = await sql(`SELECT user_id, site_id, IFNULL(old_values,''), IFNULL(new_values,'') FROM audit_log WHERE entity='department' AND entity_id=${id} ORDER BY id DESC LIMIT 1`);
    assert.ok(a, 'audit row for the edit');
    assert.equal(a[0], await sqlOne(`SELECT id FROM users WHERE username='director'`));
    assert.equal(a[1], String(ch));
    assert.ok(a[2] && a[3] && a[2] !== a[3], `old and new values differ: ${a[2]} / ${a[3]}`);
  });
});

describe('audit log', T, () => {
  let admin;
  let user;
  let auditId;
  before(async () => {
    admin = await login('admin');
    user = await createUser(admin, { roles: ['staff'] });
    auditId = await sqlOne(`SELECT id FROM audit_log WHERE entity='user' AND entity_id=${user.id} ORDER BY id LIMIT 1`);
  });

  test('the audit list links each row to /admin/audit/<id> and the manager of the site sees the user change', async () => {
    assert.ok(auditId, 'audit row exists');
    const r = await (await login('manager')).get('/admin/audit');
    assertPage(r, 200);
    assert.ok(r.text.includes(`/admin/audit/${auditId}"`) || r.text.includes(`/admin/audit/${auditId}'`), 'link to the new row');
    const d = await (await login('manager')).get(`/admin/audit/${auditId}`);
    assertPage(d, 200);
    assert.ok(textOf(d.text).includes(user.username), 'detail shows the new values');
  });

  test('the audit list filters by entity, user and date range', async () => {
    const link = `/admin/audit/${auditId}"`;
    const adminId = await sqlOne(`SELECT id FROM users WHERE username='admin'`);
    const has = async (qs) => (await admin.get('/admin/audit?' + qs)).text.includes(link);
    assert.equal(await has('entity=user'), true, 'entity=user');
    assert.equal(await has('entity=department'), false, 'entity=department');
    assert.equal(await has(`from=${ymd(0)}&to=${ymd(0)}&entity=user`), true, 'today');
    assert.equal(await has(`from=${ymd(1)}&entity=user`), false, 'from tomorrow');
    assert.equal(await has(`to=${ymd(-1)}&entity=user`), false, 'to yesterday');
    const byUser = await admin.get(`/admin/audit?entity=user&user=${adminId}`);
    const byUserName = await admin.get('/admin/audit?entity=user&user=admin');
    assert.ok(byUser.text.includes(link) || byUserName.text.includes(link), 'user filter (id or username) keeps the admin\'s row');
    const other = await admin.get('/admin/audit?entity=user&user=staff1');
    const otherId = await admin.get(`/admin/audit?entity=user&user=${await sqlOne(`SELECT id FROM users WHERE username='staff1'`)}`);
    assert.ok(!other.text.includes(link) && !otherId.text.includes(link), 'user filter drops rows of others');
  });

  test('an invalid date filter does not break the list', async () => {
    const r = await admin.get('/admin/audit?from=2024-13-45&to=notadate');
    assert.ok([200, 400].includes(r.status), brief(r));
    assert.equal(r.headers.get('content-type')?.startsWith('text/html'), true);
  });

  test('GET /admin/audit/<unknown id> answers 404', async () => {
    assertPage(await admin.get('/admin/audit/999999999'), 404, '页面不存在');
  });
});
