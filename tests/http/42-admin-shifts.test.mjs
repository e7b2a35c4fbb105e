// /admin/shifts (dd-admin): the shifts of a site, which the duty log, the roster and the
// handover follow. Supervisors, managers, directors of a site and admins; another site's
// shift is 404; a refused form keeps its input with the reason beside the field.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  login, fieldError, inputValue, textOf, brief, sql, sqlOne, q, uniq, siteId,
} from '../lib/http.mjs';
import { assertPage } from '../lib/checks.mjs';

const T = { timeout: 90000 };

describe('shifts of a site', T, () => {
  let supervisor, staff, admin, ch;
  before(async () => {
    supervisor = await login('supervisor');
    staff = await login('staff1');
    admin = await login('admin');
    ch = await siteId('CH');
  });

  test('the supervisor sees the demo shifts, the night one marked as crossing midnight', async () => {
    const r = await supervisor.get('/admin/shifts');
    assertPage(r, 200, '夜班');
    assert.ok(textOf(r.text).includes('22:00–06:00'), 'night shift times');
    assert.ok(textOf(r.text).includes('跨午夜'), 'overnight mark');
  });

  test('duty staff may not configure shifts (403)', async () => {
    assert.equal((await staff.get('/admin/shifts')).status, 403);
  });

  test('a bad time and no weekday are refused beside the fields, the name kept, nothing written', async () => {
    const name = uniq('班').slice(0, 12);
    const before = await sqlOne(`SELECT COUNT(*) FROM shifts WHERE site_id=${ch}`);
    const r = await supervisor.submit('/admin/shifts', {
      name, start_time: '25:00', end_time: '07:00', headcount: '1', holiday_headcount: '1',
    }, { action: '/admin/shifts/new' });
    assertPage(r, 200);
    assert.match(fieldError(r.text, 'start_time') || '', /24 小时制/);
    assert.ok(textOf(r.text).includes('请至少选择一项'), `weekday message: ${brief(r)}`);
    assert.equal(inputValue(r.text, 'name'), name);
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM shifts WHERE site_id=${ch}`), before);
  });

  test('a shift that ends when it starts is refused', async () => {
    const r = await supervisor.submit('/admin/shifts', {
      name: uniq('班').slice(0, 12), start_time: '08:00', end_time: '08:00', headcount: '1',
      holiday_headcount: '1', days: ['1', '2'],
    }, { action: '/admin/shifts/new' });
    assertPage(r, 200);
    assert.match(fieldError(r.text, 'end_time') || '', /不能与开始时间相同/);
  });

  test('the supervisor adds a weekday day shift; it is stored for the site with an audit row, then renamed', async () => {
    const name = uniq('日班').slice(0, 12);
    const r = await supervisor.submit('/admin/shifts', {
      name, start_time: '08:00', end_time: '17:00', headcount: '2', holiday_headcount: '3',
      needs_lead: '1', needs_deputy: '0', active: '1', sort_order: '5',
      days: ['1', '2', '3', '4', '5'],
    }, { action: '/admin/shifts/new' });
    assert.equal(r.status, 303, brief(r));
    const [row] = await sql(`SELECT id, site_id, TIME_FORMAT(start_time,'%H:%i'), TIME_FORMAT(end_time,'%H:%i'), headcount, holiday_headcount, days FROM shifts WHERE name=${q(name)}`);
    assert.deepEqual(row.slice(1), [String(ch), '08:00', '17:00', '2', '3', '31']);
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM audit_log WHERE entity='shift' AND entity_id=${row[0]} AND action='create'`), '1');
    const page = await supervisor.get(`/admin/shifts/${row[0]}`);
    assertPage(page, 200);
    assert.equal(inputValue(page.text, 'name'), name);
    const e = await supervisor.submit(`/admin/shifts/${row[0]}`, {
      name: name + 'x', start_time: '08:30', end_time: '17:30', headcount: '2', holiday_headcount: '3',
      needs_lead: '1', needs_deputy: '0', active: '0', sort_order: '5', days: ['6', '7'],
    });
    assert.equal(e.status, 303, brief(e));
    assert.deepEqual((await sql(`SELECT name, active, days FROM shifts WHERE id=${row[0]}`))[0], [name + 'x', '0', '96']);
    const [old, nw] = (await sql(`SELECT old_values, new_values FROM audit_log WHERE entity='shift' AND entity_id=${row[0]} AND action='update'`))[0];
    assert.match(old, /"start":"08:00"/);
    assert.match(nw, /"start":"08:30"/);
  });

  test("another site's shift is 404 for this site's supervisor, visible to the admin", async () => {
    const code = uniq('SH').toUpperCase().slice(0, 10);
    await admin.submit('/admin/sites/new', { code, name: '班次测试' + code, address: '', phone: '' });
    const other = await siteId(code);
    await sql(`INSERT INTO shifts (site_id, name, start_time, end_time) VALUES (${other}, '外站班', '08:00', '16:00')`);
    const id = await sqlOne(`SELECT id FROM shifts WHERE site_id=${other}`);
    assert.equal((await supervisor.get(`/admin/shifts/${id}`)).status, 404);
    const post = await supervisor.submit('/admin/shifts', {
      name: '改', start_time: '08:00', end_time: '16:00', headcount: '1', holiday_headcount: '1', days: ['1'],
    }, { action: `/admin/shifts/${id}` });
    assert.equal(post.status, 404);
    assert.equal(await sqlOne(`SELECT name FROM shifts WHERE id=${id}`), '外站班');
    assert.equal((await admin.get(`/admin/shifts/${id}`)).status, 200);
  });
});
