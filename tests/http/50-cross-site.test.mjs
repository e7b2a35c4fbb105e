// A manager of site B sees nothing of site CH: another site's record is 404.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  login, loginNew, createUser, csrfFrom, textOf, brief, sql, sqlOne, q, siteId, locPath,
} from '../lib/http.mjs';
import { assertPage } from '../lib/checks.mjs';

const T = { timeout: 90000 };
const CH_DEPTS = ['工程维修部', '安保部', '保洁部', '绿化部', '客服中心'];
// A department name as the whole text of an element (the footer says 物业客服中心值班管理).
const shows = (html, name) => new RegExp(`>\\s*${name}\\s*<`).test(html);

describe('cross-site isolation', T, () => {
  let admin;
  let ch;
  let tb;
  let tbCode;
  let mgrB; // client of site B's manager
  let chDept;
  let chAudit;
  let tbDeptName;

  before(async () => {
    admin = await login('admin');
    ch = await siteId('CH');
    tbCode = (await siteId('TB')) ? 'TB' + Date.now().toString(36).slice(-5).toUpperCase() : 'TB';
    const r = await admin.submit('/admin/sites/new', { code: tbCode, name: '测试B小区', address: 'B路2号', phone: '' });
    assert.equal(r.status, 303, `create site ${tbCode}: ${brief(r)}`);
    tb = await siteId(tbCode);
    assert.ok(tb, 'site B written');
    const m = await createUser(admin, { site_id: tb, roles: ['manager'], display_name: 'B经理' });
    mgrB = (await loginNew(m.username, m.password)).client;
    tbDeptName = 'B部门' + tbCode;
    const d = await admin.submit('/admin/departments', { name: tbDeptName, phone: '1', site_id: tb }, { action: '/admin/departments/new' });
    assert.equal(d.status, 303, brief(d));
    chDept = await sqlOne(`SELECT id FROM departments WHERE site_id=${ch} AND name='安保部'`);
    chAudit = await sqlOne(`SELECT id FROM audit_log WHERE site_id=${ch} ORDER BY id DESC LIMIT 1`);
    assert.ok(chDept && chAudit, 'CH department and CH audit row exist');
  });

  test("site B's manager gets 404 for a CH department (GET)", async () => {
    const r = await mgrB.get(`/admin/departments/${chDept}`);
    assertPage(r, 404, '页面不存在');
    assert.ok(!textOf(r.text).includes('安保部'), 'no CH data in the 404 page');
  });

  test("site B's manager gets 404 posting to a CH department, and it is unchanged", async () => {
    const before = await sql(`SELECT name, phone, active FROM departments WHERE id=${chDept}`);
    const page = await mgrB.get('/admin/departments');
    const r = await mgrB.post(`/admin/departments/${chDept}`, { name: '被B改了', phone: '0', active: '0', _csrf: csrfFrom(page.text) });
    assertPage(r, 404, '页面不存在');
    assert.deepEqual(await sql(`SELECT name, phone, active FROM departments WHERE id=${chDept}`), before);
  });

  test("site B's manager gets 404 for a CH audit row and does not see it in the list", async () => {
    assertPage(await mgrB.get(`/admin/audit/${chAudit}`), 404, '页面不存在');
    const list = await mgrB.get('/admin/audit');
    assertPage(list, 200);
    assert.ok(!list.text.includes(`/admin/audit/${chAudit}"`), 'CH row not linked in B\'s audit list');
  });

  test("site B's department list shows B's department and none of CH's", async () => {
    const r = await mgrB.get('/admin/departments');
    assertPage(r, 200, tbDeptName);
    for (const n of CH_DEPTS) assert.ok(!shows(r.text, n), `CH department ${n} not shown`);
    const withSite = await mgrB.get(`/admin/departments?site=${ch}`);
    assert.ok([200, 404, 403].includes(withSite.status), brief(withSite));
    for (const n of CH_DEPTS) assert.ok(!shows(withSite.text, n), `?site=CH does not leak ${n}`);
  });

  test("CH's manager gets 404 for site B's department", async () => {
    const id = await sqlOne(`SELECT id FROM departments WHERE name=${q(tbDeptName)}`);
    assertPage(await (await login('manager')).get(`/admin/departments/${id}`), 404, '页面不存在');
  });

  test("site B's manager gets 403 on /admin/users and /admin/sites", async () => {
    assertPage(await mgrB.get('/admin/users'), 403);
    assertPage(await mgrB.get('/admin/sites'), 403);
  });

  test('admin filters the user list by site', async () => {
    const onlyB = await admin.get(`/admin/users?site=${tb}`);
    assertPage(onlyB, 200, 'B经理');
    assert.ok(!/>\s*staff1\s*</.test(onlyB.text), 'CH user staff1 not in ?site=B');
    const onlyCH = await admin.get(`/admin/users?site=${ch}`);
    assert.ok(/>\s*staff1\s*</.test(onlyCH.text), 'staff1 in ?site=CH');
    assert.ok(!textOf(onlyCH.text).includes('B经理'), 'B manager not in ?site=CH');
  });

  test('admin sees departments of both sites and filters with ?site=', async () => {
    const all = (await admin.get('/admin/departments')).text;
    assert.ok(shows(all, tbDeptName) && shows(all, '安保部'), 'both sites listed');
    const onlyB = await admin.get(`/admin/departments?site=${tb}`);
    assert.ok(textOf(onlyB.text).includes(tbDeptName));
    for (const n of CH_DEPTS) assert.ok(!shows(onlyB.text, n), `?site=B hides ${n}`);
  });
});
