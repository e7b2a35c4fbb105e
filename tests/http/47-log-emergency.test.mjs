// The duty log's emergency register (紧急情况处理登记表), issue 3 point 6: a major entry
// opens a record; who was told and when; photos of the scene (JPEG/PNG checked by content,
// 8 MB each, the same picture kept once, served only to users of the record's site); the
// written report due by the end of the next day, flagged when overdue; the printed record;
// and cross-site isolation of every duty-log record (a second site's staff gets 404).
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  Client, login, loginNew, createUser, csrfToken, serverNow, fieldError, inputValue, tags, textOf, brief, sql, sqlOne, q,
  uniq, siteId, locPath, postMultipart, pngBytes, INSTANCE, REPO,
} from '../lib/http.mjs';
import { formKey, spareDay, makePage, entryFields, backdate, writeEntry, carryBoxes, closePage, entryHtml, carriedHtml, awayFromShiftChange, moveCurrentPageAside } from '../lib/log.mjs';
import { assertPage, assertRedirect } from '../lib/checks.mjs';

const T = { timeout: 120000 };
// A 1x1 JFIF JPEG.
const JPEG = Buffer.from('/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=', 'base64');
const png = (seed, opts = {}) => ({ field: 'photos', name: `scene-${seed}.png`, type: 'image/png', data: pngBytes({ width: 12, height: 8, seed, ...opts }) });

// ------------------------------------------------------------ duty-log helpers


// ------------------------------------------------------------------- tests

let ch;
const CAT = {};
let staff1; let staff2; let manager; let director;

before(async () => {
  ch = await siteId('CH');
  for (const [id, name] of await sql(`SELECT id, name FROM log_categories WHERE site_id=${ch}`)) CAT[name] = id;
  // One after another: parallel sign-ins once met a database deadlock (500).
  staff1 = await login('staff1');
  staff2 = await login('staff2');
  manager = await login('manager');
  director = await login('director');
});

/** A major entry on a page of its own; returns { page, entry, em } (em = emergency id). */
async function majorEntry(over = {}) {
  const page = await makePage(ch, '中班');
  const entry = await writeEntry(staff1, page.id, { category_id: CAT['风/火/水/电意外'], location: '3 栋 12 楼', what: '12 楼电井冒烟 ' + uniq(''), major: '1', ...over });
  const em = await sqlOne(`SELECT id FROM emergencies WHERE entry_id=${entry.id}`);
  assert.ok(em, 'an emergency record for the major entry');
  return { page, entry, em };
}

describe('a major entry opens an emergency record', T, () => {
  test('major=1 creates the record (what, where, when) linked from the entry; a normal entry does not', async () => {
    const { page, entry, em } = await majorEntry();
    const [row] = await sql(`SELECT place, what, DATE_FORMAT(occurred_at,'%Y-%m-%d %H:%i'), u.username FROM emergencies m JOIN users u ON u.id=m.created_by WHERE m.id=${em}`);
    assert.deepEqual(row, ['3 栋 12 楼', entry.fields.what, `${entry.fields.occurred_date} ${entry.fields.occurred_time}`, 'staff1']);
    const p = await staff1.get(`/log/page/${page.id}`);
    const art = p.text.slice(p.text.indexOf(`id="entry-${entry.id}"`));
    assert.ok(art.slice(0, art.indexOf('</article>')).includes(`href="/log/emergency/${em}"`), 'the entry links to its record');
    assert.ok(textOf(art.slice(0, art.indexOf('</article>'))).includes('重大事件'), 'marked 重大事件');
    const r = await staff1.get(`/log/emergency/${em}`);
    assertPage(r, 200, ['紧急情况处理登记表', entry.fields.what, '3 栋 12 楼', '尚未记录通知了谁', '还没有照片']);
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM audit_log WHERE entity='emergency' AND entity_id=${em} AND action='create'`), '1');
    const plain = await writeEntry(staff1, page.id, { category_id: CAT['巡查'] });
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM emergencies WHERE entry_id=${plain.id}`), '0');
    // Marked major later (update): the record is opened then, once.
    await staff1.post(`/log/entry/${plain.id}`, { ...plain.fields, major: '1', _csrf: await csrfToken(staff1) });
    await staff1.post(`/log/entry/${plain.id}`, { ...plain.fields, major: '1', what: plain.fields.what + '。', _csrf: await csrfToken(staff1) });
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM emergencies WHERE entry_id=${plain.id}`), '1');
  });

  test('the report is due by the end of the next day', async () => {
    const { entry, em } = await majorEntry();
    const next = new Date(Date.parse(entry.fields.occurred_date + 'T00:00:00Z') + 86400e3).toISOString().slice(0, 10);
    const r = await staff1.get(`/log/emergency/${em}`);
    assert.ok(textOf(r.text).includes(`截止 ${next} 23:59`), `截止 ${next} 23:59: ${brief(r)}`);
  });
});

describe('notices, photos and the report', T, () => {
  let em;
  before(async () => { ({ em } = await majorEntry()); });

  test('who was told and when: police, the manager; refusals beside the field', async () => {
    const now = await serverNow(-5);
    const token = await csrfToken(staff1);
    assertRedirect(await staff1.post(`/log/emergency/${em}/notices`, { party: 'police', who: '翠湖派出所 王警官', notified_date: now.date, notified_time: now.time, _csrf: token }), `/log/emergency/${em}`);
    assertRedirect(await manager.post(`/log/emergency/${em}/notices`, { party: 'manager', who: '陈静', notified_date: now.date, notified_time: now.time, _csrf: await csrfToken(manager) }), `/log/emergency/${em}`);
    const rows = await sql(`SELECT party, who, DATE_FORMAT(notified_at,'%Y-%m-%d %H:%i') FROM emergency_notices WHERE emergency_id=${em} ORDER BY id`);
    assert.deepEqual(rows, [['police', '翠湖派出所 王警官', now.at], ['manager', '陈静', now.at]]);
    const r = await staff2.get(`/log/emergency/${em}`);
    assertPage(r, 200, ['公安（110）', '翠湖派出所 王警官', '客服经理']);
    const bad = await staff1.post(`/log/emergency/${em}/notices`, { party: 'army', who: 'x', notified_date: now.date, notified_time: now.time, _csrf: token });
    assertPage(bad, 200);
    assert.match(fieldError(bad.text, 'party') || '', /请从列表中选择/);
    const later = await serverNow(30);
    const fut = await staff1.post(`/log/emergency/${em}/notices`, { party: 'fire', who: '消防队', notified_date: later.date, notified_time: later.time, _csrf: token });
    assert.match(fieldError(fut.text, 'notified_time') || '', /时间不能晚于现在/);
    assert.equal(inputValue(fut.text, 'who'), '消防队', 'input kept');
    const nodate = await staff1.post(`/log/emergency/${em}/notices`, { party: 'fire', who: '', notified_date: '', notified_time: now.time, _csrf: token });
    assert.ok(fieldError(nodate.text, 'notified_date'), 'the date is required');
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM emergency_notices WHERE emergency_id=${em}`), '2');
    assertPage(await director.post(`/log/emergency/${em}/notices`, { party: 'other', who: 'x', notified_date: now.date, notified_time: now.time, _csrf: await csrfToken(director) }), 403);
  });

  test('photos: several PNG/JPEG at once are stored outside the web root and served (image/png) to users of the site', async () => {
    const a = png(1);
    const r = await postMultipart(staff1, `/log/emergency/${em}/photos`, { caption: '电井现场', _csrf: await csrfToken(staff1) },
      [a, { field: 'photos', name: 'door.jpg', type: 'image/jpeg', data: JPEG }]);
    assert.equal(r.status, 303, brief(r));
    assert.ok(r.location.includes(`/log/emergency/${em}`), r.location);
    const rows = await sql(`SELECT id, kind, width, height, bytes, path, sha256 FROM emergency_photos WHERE emergency_id=${em} ORDER BY id`);
    assert.deepEqual(rows.map((x) => x.slice(1, 5)), [['png', '12', '8', String(a.data.length)], ['jpeg', '1', '1', String(JPEG.length)]]);
    assert.equal(rows[0][6], crypto.createHash('sha256').update(a.data).digest('hex'));
    const stored = path.join(INSTANCE, 'uploads', rows[0][5]);
    assert.ok(existsSync(stored) || existsSync(rows[0][5]), `stored under the instance's uploads: ${rows[0][5]}`);
    assert.ok(!path.resolve(stored).startsWith(path.join(REPO, 'static')), 'not under the web root');
    const img = await staff2.get(`/log/emergency/${em}/photo/${rows[0][0]}`);
    assert.equal(img.status, 200, brief(img));
    assert.match(img.headers.get('content-type') || '', /^image\/png/);
    assert.equal(img.headers.get('x-content-type-options'), 'nosniff');
    const bytes = Buffer.from(await (await fetch(img.url, { headers: { cookie: staff2.cookieHeader() } })).arrayBuffer());
    assert.ok(bytes.equals(a.data), 'the same bytes come back');
    const jpg = await manager.get(`/log/emergency/${em}/photo/${rows[1][0]}`);
    assert.match(jpg.headers.get('content-type') || '', /^image\/jpeg/);
    const page = await director.get(`/log/emergency/${em}`);
    assert.ok(tags(page.text, 'img').some((t) => t.attrs.src === `/log/emergency/${em}/photo/${rows[0][0]}`), 'a thumbnail in the page');
    assert.ok(textOf(page.text).includes('电井现场'), 'the caption');
    // Signed out: to the sign-in page. A photo id under another record: 404.
    const anon = await new Client().get(`/log/emergency/${em}/photo/${rows[0][0]}`);
    assert.equal(anon.status, 303, brief(anon));
    assert.equal(new URL(anon.location, 'http://x').pathname, '/login');
    assertPage(await staff1.get(`/log/emergency/${Number(em) + 100000}/photo/${rows[0][0]}`), 404);
    assertPage(await staff1.get(`/log/emergency/${em}/photo/99999999`), 404);
  });

  test('the same picture twice is stored once', async () => {
    const b = png(2);
    const token = await csrfToken(staff1);
    assert.equal((await postMultipart(staff1, `/log/emergency/${em}/photos`, { _csrf: token }, [b])).status, 303);
    const n = await sqlOne(`SELECT COUNT(*) FROM emergency_photos WHERE emergency_id=${em}`);
    const again = await postMultipart(staff1, `/log/emergency/${em}/photos`, { _csrf: token }, [b, b]);
    assert.equal(again.status, 303, brief(again));
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM emergency_photos WHERE emergency_id=${em}`), n, 'no new row');
    const page = await staff1.get(locPath(again.location));
    assert.ok(textOf(page.text).includes('这些照片已在记录中'), 'says they are already in the record');
  });

  test('a duplicate upload leaves no extra file in the upload directory', async () => {
    const { readdirSync, statSync } = await import('node:fs');
    const count = (dir) => readdirSync(dir).reduce((n, f) => n + (statSync(path.join(dir, f)).isDirectory() ? count(path.join(dir, f)) : 1), 0);
    const up = path.join(INSTANCE, 'uploads');
    const c = png(3);
    const token = await csrfToken(staff1);
    await postMultipart(staff1, `/log/emergency/${em}/photos`, { _csrf: token }, [c]);
    const before = count(up);
    await postMultipart(staff1, `/log/emergency/${em}/photos`, { _csrf: token }, [c]);
    assert.equal(count(up), before, 'files in uploads/');
  });

  test('refused uploads: a text file named .png, over 8 MB, none, more than 10; nothing is stored', async () => {
    const token = await csrfToken(staff1);
    const n = await sqlOne(`SELECT COUNT(*) FROM emergency_photos WHERE emergency_id=${em}`);
    const fake = { field: 'photos', name: 'notes.png', type: 'image/png', data: Buffer.from('这不是图片，只是文字。\n'.repeat(20)) };
    const r1 = await postMultipart(staff1, `/log/emergency/${em}/photos`, { caption: '保留的说明', _csrf: token }, [fake]);
    assertPage(r1, 200, '只能上传 JPEG 或 PNG');
    assert.equal(inputValue(r1.text, 'caption'), '保留的说明', 'the caption is kept');
    const mixed = await postMultipart(staff1, `/log/emergency/${em}/photos`, { _csrf: token }, [png(40), fake]);
    assertPage(mixed, 200, '只能上传 JPEG 或 PNG');
    const big = await postMultipart(staff1, `/log/emergency/${em}/photos`, { _csrf: token }, [png(41, { pad: 8 * 1024 * 1024 })]);
    assertPage(big, 200, '照片不能超过 8 MB');
    const none = await postMultipart(staff1, `/log/emergency/${em}/photos`, { caption: 'x', _csrf: token }, []);
    assertPage(none, 200, '请选择要上传的照片');
    const eleven = await postMultipart(staff1, `/log/emergency/${em}/photos`, { _csrf: token }, Array.from({ length: 11 }, (_, i) => png(100 + i)));
    assertPage(eleven, 200, '一次最多上传 10 张照片');
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM emergency_photos WHERE emergency_id=${em}`), n, 'nothing stored');
    // Just under 8 MB is fine.
    const okBig = png(42, { pad: 8 * 1024 * 1024 - 2048 });
    assert.ok(okBig.data.length <= 8 * 1024 * 1024);
    assert.equal((await postMultipart(staff1, `/log/emergency/${em}/photos`, { _csrf: token }, [okBig])).status, 303);
    assertPage(await postMultipart(director, `/log/emergency/${em}/photos`, { _csrf: await csrfToken(director) }, [png(43)]), 403);
  });

  test('the written report: required; once written the record shows 已提交, who and when', async () => {
    const token = await csrfToken(staff1);
    const empty = await staff1.post(`/log/emergency/${em}/report`, { report: '', _csrf: token });
    assertPage(empty, 200);
    assert.match(fieldError(empty.text, 'report') || '', /请填写报告内容/);
    const text = '23:05 发现 12 楼电井冒烟，切断电源，通知工程部与消防。' + uniq('');
    assertRedirect(await staff1.post(`/log/emergency/${em}/report`, { report: text, _csrf: token }), `/log/emergency/${em}`);
    const [row] = await sql(`SELECT m.report, u.username, m.report_at IS NOT NULL FROM emergencies m JOIN users u ON u.id=m.report_by WHERE m.id=${em}`);
    assert.deepEqual(row, [text, 'staff1', '1']);
    const r = await manager.get(`/log/emergency/${em}`);
    assertPage(r, 200, ['已提交', '李明', text]);
    const list = await manager.get('/log/emergencies');
    const line = list.text.slice(list.text.indexOf(`href="/log/emergency/${em}"`));
    assert.ok(textOf(line.slice(0, line.indexOf('</tr>'))).includes('已提交'), 'the list shows 已提交');
  });
});

describe('overdue reports and the printed record', T, () => {
  test('a report not written by its due time is 已逾期 in the list, on the record and on the manager\'s home page', async () => {
    const { em } = await majorEntry();
    const list0 = await manager.get('/log/emergencies');
    const row0 = list0.text.slice(list0.text.indexOf(`href="/log/emergency/${em}"`));
    assert.ok(!textOf(row0.slice(0, row0.indexOf('</tr>'))).includes('已逾期'), 'not overdue before its time');
    await sql(`UPDATE emergencies SET report_due = NOW() - INTERVAL 1 HOUR WHERE id=${em}`);
    const list = await manager.get('/log/emergencies');
    assertPage(list, 200, '已逾期');
    const row = list.text.slice(list.text.indexOf(`href="/log/emergency/${em}"`));
    assert.ok(textOf(row.slice(0, row.indexOf('</tr>'))).includes('已逾期'), 'its row says 已逾期');
    assertPage(await staff1.get(`/log/emergency/${em}`), 200, ['已逾期', '书面报告已逾期']);
    const home = await manager.get('/');
    assertPage(home, 200, '紧急情况书面报告已逾期');
    assertRedirect(await manager.post(`/log/emergency/${em}/report`, { report: '迟交的报告', _csrf: await csrfToken(manager) }), `/log/emergency/${em}`);
    const after = await manager.get('/log/emergencies');
    const row2 = after.text.slice(after.text.indexOf(`href="/log/emergency/${em}"`));
    assert.ok(textOf(row2.slice(0, row2.indexOf('</tr>'))).includes('已提交'), 'written: 已提交');
  });

  test('the printed record: JJ number, QR code, signature boxes; /r/<number> opens the record', async () => {
    const { entry, em } = await majorEntry();
    const r = await staff1.get(`/log/emergency/${em}/print`);
    assertPage(r, 200, ['紧急情况处理登记表', entry.fields.what]);
    const number = textOf(/<strong class="sheet-number">([\s\S]*?)<\/strong>/.exec(r.text)?.[1] || '');
    assert.match(number, new RegExp(`^JJ-${entry.fields.occurred_date.replace(/-/g, '')}-\\d{2}-[0-9A-Z]$`));
    assert.ok(/<svg[^>]*class="qr"/.test(r.text), 'svg.qr');
    assert.ok((r.text.match(/class="sign-box"/g) || []).length >= 2, 'signature boxes');
    assert.ok(textOf(/<p class="sheet-foot">([\s\S]*?)<\/p>/.exec(r.text)?.[1] || '').endsWith(`/r/${number}`));
    assertRedirect(await manager.get(`/r/${number}`), `/log/emergency/${em}`);
  });
});

describe('another site sees nothing of CH\'s duty log', T, () => {
  let other; // client of a staff user of site B
  let rec;   // CH records
  before(async () => {
    const admin = await login('admin');
    const code = 'LB' + Date.now().toString(36).slice(-5).toUpperCase();
    const s = await admin.submit('/admin/sites/new', { code, name: '测试乙小区' + code, address: '乙路 1 号', phone: '' });
    assert.equal(s.status, 303, brief(s));
    const tb = await siteId(code);
    const u = await createUser(admin, { site_id: tb, roles: ['staff'], display_name: '乙站值班员' });
    other = (await loginNew(u.username, u.password)).client;
    const { page, entry, em } = await majorEntry();
    assert.equal((await postMultipart(staff1, `/log/emergency/${em}/photos`, { _csrf: await csrfToken(staff1) }, [png(77)])).status, 303);
    const photo = await sqlOne(`SELECT id FROM emergency_photos WHERE emergency_id=${em}`);
    const print = await staff1.get(`/log/emergency/${em}/print`);
    const number = textOf(/<strong class="sheet-number">([\s\S]*?)<\/strong>/.exec(print.text)?.[1] || '');
    rec = { page: page.id, day: page.dayId, entry: entry.id, fields: entry.fields, em, photo, number };
  });

  test('GET of a CH page, entry, day, its print, emergency, its print and photo, and /r/<number>: 404 with no CH data', async () => {
    for (const p of [`/log/page/${rec.page}`, `/log/entry/${rec.entry}`, `/log/day/${rec.day}`, `/log/day/${rec.day}/print`,
      `/log/emergency/${rec.em}`, `/log/emergency/${rec.em}/print`, `/log/emergency/${rec.em}/photo/${rec.photo}`, `/r/${rec.number}`]) {
      const r = await other.get(p);
      assertPage(r, 404);
      assert.ok(!textOf(r.text).includes(rec.fields.what), `no CH text on ${p}`);
    }
  });

  test('POSTs to CH records are 404 and change nothing', async () => {
    const token = await csrfToken(other);
    const now = await serverNow();
    const before = await sql(`SELECT what, status FROM log_entries WHERE id=${rec.entry}`);
    const n = await sqlOne('SELECT COUNT(*) FROM log_entries');
    for (const [p, f] of [
      [`/log/page/${rec.page}/entries`, { ...rec.fields, form_key: formKey(), what: '乙站写入' }],
      [`/log/entry/${rec.entry}`, { ...rec.fields, what: '乙站修改' }],
      [`/log/page/${rec.page}/close`, { note: '' }],
      [`/log/emergency/${rec.em}/notices`, { party: 'other', who: '乙', notified_date: now.date, notified_time: now.time }],
      [`/log/emergency/${rec.em}/report`, { report: '乙站报告' }],
    ]) {
      const r = await other.post(p, { ...f, _csrf: token });
      assert.ok([404, 200].includes(r.status) && (r.status === 404 || /请从列表中选择/.test(textOf(r.text))), `${p}: ${brief(r)}`);
    }
    assertPage(await postMultipart(other, `/log/emergency/${rec.em}/photos`, { _csrf: token }, [png(78)]), 404);
    assert.deepEqual(await sql(`SELECT what, status FROM log_entries WHERE id=${rec.entry}`), before);
    assert.equal(await sqlOne('SELECT COUNT(*) FROM log_entries'), n);
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM emergency_notices WHERE emergency_id=${rec.em} AND who='乙'`), '0');
    assert.equal(await sqlOne(`SELECT report IS NULL FROM emergencies WHERE id=${rec.em}`), '1');
  });

  test("site B's lists show none of CH's entries, days or emergencies; without shifts /log says so", async () => {
    const list = await other.get(`/log/entries?q=${encodeURIComponent(rec.fields.what)}`);
    assertPage(list, 200);
    assert.ok(!list.text.includes(`id="entry-${rec.entry}"`), 'CH entry not found');
    assert.ok(!(await other.get('/log/emergencies')).text.includes(`/log/emergency/${rec.em}"`));
    assert.ok(!(await other.get('/log/days')).text.includes(`/log/day/${rec.day}"`));
    assertPage(await other.get('/log'), 200, '当前时间没有排定的班次');
  });
});
