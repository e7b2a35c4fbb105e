// The residents directory (dd-req, /residents): add, search by name, phone and unit, edit,
// deactivate, refusals (unknown unit, bad phone), another site's residents; the CSV import:
// a good file, a file with bad lines (every error by its line number, nothing imported),
// a file that is not text, a header without the needed columns.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  login, loginNew, createUser, csrfToken, postMultipart, fieldError, textOf, brief, sql, sqlOne,
  q, uniq, siteId, locPath, pngBytes,
} from '../lib/http.mjs';
import { assertPage } from '../lib/checks.mjs';

const T = { timeout: 120000 };
let site;
let staff;

async function post(client, path, form) {
  return client.post(path, { ...form, _csrf: await csrfToken(client) });
}

async function importCsv(client, text, name = 'residents.csv') {
  return postMultipart(client, '/residents/import', { _csrf: await csrfToken(client) },
    [{ field: 'file', name, type: 'text/csv', data: Buffer.from(text, 'utf8') }]);
}

describe('residents directory', T, () => {
  before(async () => {
    site = await siteId('CH');
    staff = await login('staff1');
  });

  test('add, find by name, phone and unit, edit and deactivate (audited)', async () => {
    const name = '住户' + uniq();
    let r = await post(staff, '/residents/new', { name, phone: '139 1234 5678', kind: 'tenant', unit: '2-0501', note: '' });
    assert.equal(r.status, 303, brief(r));
    const id = /\/residents\/(\d+)/.exec(locPath(r.location))[1];
    for (const qs of [name, '139 1234', '2-0501']) {
      const l = await staff.get(`/residents?q=${encodeURIComponent(qs)}`);
      assertPage(l, 200);
      assert.ok(l.text.includes(`/residents/${id}"`), `found by ${qs}`);
    }
    r = await post(staff, `/residents/${id}`, { name, phone: '13912345678', kind: 'owner', unit: '2-0501', note: '已购房', active: '1' });
    assert.equal(r.status, 303, brief(r));
    assert.deepEqual(await sql(`SELECT kind, note, active FROM residents WHERE id=${id}`), [['owner', '已购房', '1']]);
    r = await post(staff, `/residents/${id}`, { name, phone: '13912345678', kind: 'owner', unit: '2-0501', note: '已迁出' });
    assert.equal(r.status, 303, brief(r));
    assert.equal(await sqlOne(`SELECT active FROM residents WHERE id=${id}`), '0');
    let l = await staff.get(`/residents?q=${encodeURIComponent(name)}`);
    assert.ok(!l.text.includes(`/residents/${id}"`), 'a deactivated resident is not listed');
    l = await staff.get(`/residents?q=${encodeURIComponent(name)}&inactive=1`);
    assert.ok(l.text.includes(`/residents/${id}"`), 'unless asked for');
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM audit_log WHERE entity='resident' AND entity_id=${id}`), '3');
  });

  test('an unknown unit and a bad phone are refused, nothing written', async () => {
    const before = await sqlOne('SELECT COUNT(*) FROM residents');
    let r = await post(staff, '/residents/new', { name: '错', phone: '', kind: 'owner', unit: '7-7777' });
    assert.equal(r.status, 200);
    assert.match(fieldError(r.text, 'unit'), /没有这个房号/);
    r = await post(staff, '/residents/new', { name: '错', phone: '12-', kind: 'owner', unit: '' });
    assert.match(fieldError(r.text, 'phone'), /电话/);
    assert.equal(await sqlOne('SELECT COUNT(*) FROM residents'), before);
  });

  test('the import page documents the format', async () => {
    const r = await staff.get('/residents/import');
    assertPage(r, 200, '楼栋');
    for (const s of ['房号', '姓名', '电话', '身份', 'UTF-8']) assert.ok(textOf(r.text).includes(s), s);
  });

  test('a good file is imported in full; a room not yet known is added to its building', async () => {
    const tag = uniq();
    const room = String(1700 + Math.floor(Math.random() * 99)).padStart(4, '0');
    const csv = '\ufeff楼栋,房号,姓名,电话,身份,备注\r\n'
      + `1,0302,甲${tag},13800000001,业主,\r\n`
      + `1,1-0302,"乙,${tag}",,家属,"说""明"""\r\n`
      + `2,${room},丙${tag},0755-8888 1234,租户,新房号\r\n`;
    const r = await importCsv(staff, csv);
    assert.equal(r.status, 303, brief(r));
    const rows = await sql(`SELECT r.name, COALESCE(u.code, ''), r.kind, r.note FROM residents r LEFT JOIN units u ON u.id=r.unit_id
      WHERE r.site_id=${site} AND r.name LIKE '%${tag}' ORDER BY r.id`);
    assert.deepEqual(rows, [[`甲${tag}`, '1-0302', 'owner', ''], [`乙,${tag}`, '1-0302', 'other', '说"明"'],
      [`丙${tag}`, `2-${room}`, 'tenant', '新房号']]);
    assert.equal(await sqlOne(`SELECT floor FROM units WHERE site_id=${site} AND code='2-${room}'`), String(Number(room.slice(0, 2))));
  });

  test('a file with bad lines imports nothing and names each line', async () => {
    const tag = uniq();
    const before = await sqlOne('SELECT COUNT(*) FROM residents');
    const csv = '楼栋,房号,姓名,电话,身份\n'
      + `1,0302,好${tag},13800000001,业主\n`
      + `9,0101,坏楼${tag},,业主\n`
      + `1,0303,,13800000002,业主\n`
      + `1,0304,坏电话${tag},12ab,业主\n`
      + `1,0305,坏身份${tag},,房东\n`
      + `1,2-0101,别楼${tag},,业主\n`;
    const r = await importCsv(staff, csv);
    assert.equal(r.status, 200, brief(r));
    assert.match(fieldError(r.text, 'file'), /没有导入任何一行/);
    const text = textOf(r.text);
    for (const [line, msg] of [[3, '没有这个楼栋'], [4, '姓名为空'], [5, '不是有效的电话号码'], [6, '身份只能是'], [7, '房号不对']]) {
      assert.match(text, new RegExp(`第 ${line} 行： ${msg}`), `line ${line}: ${msg}`);
    }
    assert.ok(!/第 2 行/.test(text), 'the good line is not reported');
    assert.equal(await sqlOne('SELECT COUNT(*) FROM residents'), before, 'nothing imported');
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM residents WHERE name=${q('好' + tag)}`), '0');
    for (let i = 0; i < 8; i++) {
      // The next plain visit (whichever worker answers) shows the empty form, no old errors.
      const again = await staff.get('/residents/import');
      assert.ok(!/第 3 行/.test(textOf(again.text)), 'no errors of an earlier request');
    }
  });

  test('a file that is not text, or without the needed header, is refused', async () => {
    let r = await postMultipart(staff, '/residents/import', { _csrf: await csrfToken(staff) },
      [{ field: 'file', name: 'residents.csv', type: 'text/csv', data: pngBytes() }]);
    assert.equal(r.status, 200);
    assert.match(fieldError(r.text, 'file'), /不是 UTF-8 文本文件/);
    r = await importCsv(staff, 'name,phone\n张三,13800000000\n');
    assert.match(fieldError(r.text, 'file'), /表头/);
    r = await importCsv(staff, '楼栋,房号,姓名\n1,"0302,张三\n');
    assert.match(textOf(r.text), /第 2 行： 引号没有结束/);
    r = await postMultipart(staff, '/residents/import', { _csrf: await csrfToken(staff) }, []);
    assert.match(fieldError(r.text, 'file'), /请选择/);
  });

  test('buildings and units: listed with their residents, added by the supervisor (audited), refused to staff', async () => {
    const sup = await login('supervisor');
    const code = 'T' + uniq().slice(-4).toUpperCase().replace(/[^A-Z0-9]/g, '9');
    let r = await post(staff, '/residents/buildings', { b_code: code, b_name: '测试楼', b_floors: '6' });
    assert.equal(r.status, 403, 'staff do not add buildings');
    r = await post(sup, '/residents/buildings', { b_code: code, b_name: '测试楼' + code, b_floors: '6' });
    assert.equal(r.status, 303, brief(r));
    r = await post(sup, '/residents/buildings', { b_code: code, b_name: '重复', b_floors: '6' });
    assert.match(fieldError(r.text, 'b_code'), /已有这个楼栋代码/);
    const b = await sqlOne(`SELECT id FROM buildings WHERE site_id=${site} AND code=${q(code)}`);
    r = await post(sup, `/residents/buildings/${b}/units`, { u_room: '0101', u_floor: '1' });
    assert.equal(r.status, 303, brief(r));
    r = await post(sup, `/residents/buildings/${b}/units`, { u_room: '0101', u_floor: '1' });
    assert.match(fieldError(r.text, 'u_room'), /已有这个房号/);
    r = await post(sup, `/residents/buildings/${b}/units`, { u_room: 'X-0101', u_floor: '1' });
    assert.match(fieldError(r.text, 'u_room'), /房号不对/);
    assert.equal(await sqlOne(`SELECT code FROM units WHERE building_id=${b}`), `${code}-0101`);
    r = await post(staff, '/residents/new', { name: '新楼住户', phone: '', kind: 'owner', unit: `${code}-0101` });
    assert.equal(r.status, 303, brief(r));
    const page = await staff.get(`/residents/buildings/${b}`);
    assertPage(page, 200, `${code}-0101`);
    assert.ok(textOf(page.text).includes('新楼住户'), 'the unit lists its resident');
    const list = await staff.get('/residents/buildings');
    assert.ok(list.text.includes(`/residents/buildings/${b}"`));
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM audit_log WHERE entity IN ('building','unit') AND site_id=${site} AND summary LIKE ${q('%' + code + '%')}`), '2');
  });

  test("another site's manager sees none of CH's residents", async () => {
    const admin = await login('admin');
    const code = 'RS' + uniq().slice(-4).toUpperCase();
    const s = await admin.submit('/admin/sites/new', { code, name: '住户B' + code, address: 'B', phone: '' });
    assert.equal(s.status, 303, brief(s));
    const m = await createUser(admin, { site_id: await siteId(code), roles: ['manager'] });
    const mgrB = (await loginNew(m.username, m.password)).client;
    const id = await sqlOne(`SELECT id FROM residents WHERE site_id=${site} AND active=1 LIMIT 1`);
    const name = await sqlOne(`SELECT name FROM residents WHERE id=${id}`);
    assertPage(await mgrB.get(`/residents/${id}`), 404);
    const r = await post(mgrB, `/residents/${id}`, { name: '改', phone: '', kind: 'owner', unit: '', active: '1' });
    assert.equal(r.status, 404, brief(r));
    assert.equal(await sqlOne(`SELECT name FROM residents WHERE id=${id}`), name);
    const l = await mgrB.get(`/residents?q=${encodeURIComponent(name)}`);
    assert.ok(!l.text.includes(`/residents/${id}"`), 'not listed');
    const b = await sqlOne(`SELECT id FROM buildings WHERE site_id=${site} LIMIT 1`);
    assertPage(await mgrB.get(`/residents/buildings/${b}`), 404);
    assert.equal((await post(mgrB, `/residents/buildings/${b}/units`, { u_room: '9901', u_floor: '99' })).status, 404);
  });
});
