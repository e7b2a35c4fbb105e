// The duty log (值班日志, dd-log), issue 3 points 5 and 8: the manager's daily sign-off
// (经理签字) and returning a page, the lock that follows (a change is then only a correction,
// 勘误, shown as a stamp over the original), the printed day (A4, unified number, signature
// boxes, QR code) and /r/<number>. Refusals: signing with a page not closed, signing twice,
// anyone but the manager signing or returning, editing a signed entry.
//
// Each describe works on a day of its own (a date far in the past, made with SQL), so other
// tests' pages never stand in the way of signing; entries are written through the forms.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  Client, login, csrfToken, serverNow, fieldError, inputValue, tags, textOf, brief, sql, sqlOne, q,
  uniq, siteId, locPath, signIn,
} from '../lib/http.mjs';
import { formKey, spareDay, makePage, entryFields, backdate, writeEntry, carryBoxes, closePage, entryHtml, carriedHtml, awayFromShiftChange, moveCurrentPageAside } from '../lib/log.mjs';
import { assertPage, assertRedirect, assertSecurityHeaders } from '../lib/checks.mjs';

const T = { timeout: 120000 };

// ------------------------------------------------------------ duty-log helpers


// ------------------------------------------------------------------- tests

/** The day's number shown on its page (统一编号), or undefined. */
function numberOn(html) {
  return /<dd class="num">([A-Z]{2}-\d{8}-\d{2}-[0-9A-Z])<\/dd>/.exec(html)?.[1];
}

/** A day with two shift pages, entries on both (one item left open), both closed. */
async function closedDay(ch, CAT, staff1, staff2) {
  const p1 = await makePage(ch, '早班');
  const p2 = await makePage(ch, '中班', 'staff2', p1.dayId);
  const e1 = await writeEntry(staff1, p1.id, { category_id: CAT['失窃'], what: '业主报电动车电瓶被盗 ' + uniq(''), handling: '调看监控', followup: '已报警', status: 'closed' });
  const e2 = await writeEntry(staff2, p2.id, { category_id: CAT['巡查'], what: '地库照明巡查 ' + uniq(''), location: 'B1 地库', status: 'closed' });
  assertRedirect(await closePage(staff1, p1.id), '/log');
  assertRedirect(await closePage(staff2, p2.id), '/log');
  return { dayId: p1.dayId, day: p1.day, p1: p1.id, p2: p2.id, e1, e2 };
}

let ch;
const CAT = {};
let staff1; let staff2; let supervisor; let manager; let director;

before(async () => {
  ch = await siteId('CH');
  for (const [id, name] of await sql(`SELECT id, name FROM log_categories WHERE site_id=${ch}`)) CAT[name] = id;
  // One after another: parallel sign-ins once met a database deadlock (500).
  staff1 = await login('staff1');
  staff2 = await login('staff2');
  supervisor = await login('supervisor');
  manager = await login('manager');
  director = await login('director');
});

describe('signing a day', T, () => {
  test('a day with a page not closed cannot be signed (还有班次未结束); /log/days shows it as not ready', async () => {
    const p1 = await makePage(ch, '早班');
    const p2 = await makePage(ch, '中班', 'staff2', p1.dayId);
    await writeEntry(staff1, p1.id, { category_id: CAT['巡查'], status: 'closed' });
    assertRedirect(await closePage(staff1, p1.id), '/log');
    const days = await manager.get('/log/days');
    const row = days.text.slice(days.text.indexOf(`href="/log/day/${p1.dayId}"`));
    assert.ok(textOf(row.slice(0, row.indexOf('</tr>'))).includes('有班次未结束'), 'not ready');
    const r = await manager.post(`/log/day/${p1.dayId}/sign`, { comment: '同意', _csrf: await csrfToken(manager) });
    assertPage(r, 200);
    assert.match(fieldError(r.text, 'comment') || '', /还有班次未结束/);
    assert.equal(inputValue(r.text, 'comment'), '同意', 'the comment is kept');
    assert.equal(await sqlOne(`SELECT status FROM log_days WHERE id=${p1.dayId}`), 'open');
    assertRedirect(await closePage(staff2, p2.id), '/log');
    const ready = await manager.get('/log/days');
    const row2 = ready.text.slice(ready.text.indexOf(`href="/log/day/${p1.dayId}"`));
    assert.ok(textOf(row2.slice(0, row2.indexOf('</tr>'))).includes('可签字'), 'ready once every page is closed');
  });

  test('a day not over yet (a shift of it still to end) cannot be signed: 409 该日还有班次未结束, no sign form, nothing changed', async () => {
    // A day of its own ahead of today (the current day is the other tests'), its page closed.
    const day = await sqlOne(`SELECT DATE_FORMAT(CURDATE() + INTERVAL (400 + FLOOR(RAND() * 20000)) DAY, '%Y-%m-%d')`);
    const dayId = await sqlOne(`INSERT INTO log_days (site_id, day) VALUES (${ch}, '${day}'); SELECT LAST_INSERT_ID();`);
    await sql(`INSERT INTO log_pages (site_id, day_id, shift_id, opened_by, lead_id, status, closed_at, closed_by)
      SELECT ${ch}, ${dayId}, s.id, u.id, u.id, 'closed', NOW(), u.id FROM shifts s, users u
       WHERE s.site_id=${ch} AND s.name='早班' AND u.username='staff1'`);
    const show = await manager.get(`/log/day/${dayId}`);
    assertPage(show, 200, ['该日还有班次未结束', '进行中（班次未全部结束）']);
    assert.ok(!show.text.includes('待经理签字'), 'not waiting for the manager yet');
    assert.ok(!tags(show.text, 'form').some((f) => /\/sign$/.test(f.attrs.action || '')), 'no sign form');
    const r = await manager.post(`/log/day/${dayId}/sign`, { comment: '提前签字', _csrf: await csrfToken(manager) });
    assertPage(r, 409, '该日还有班次未结束');
    assert.equal(await sqlOne(`SELECT CONCAT(status, ' ', signed_by IS NULL) FROM log_days WHERE id=${dayId}`), 'open 1');
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM audit_log WHERE entity='log_day' AND entity_id=${dayId}`), '0');
  });

  test('staff, supervisor and director get 403 signing or returning; nothing changes', async () => {
    const d = await closedDay(ch, CAT, staff1, staff2);
    for (const c of [staff1, supervisor, director]) {
      assertPage(await c.post(`/log/day/${d.dayId}/sign`, { comment: '越权签字', _csrf: await csrfToken(c) }), 403);
      assertPage(await c.post(`/log/page/${d.p1}/return`, { reason: '越权退回', _csrf: await csrfToken(c) }), 403);
    }
    assert.deepEqual((await sql(`SELECT status, signed_by IS NULL FROM log_days WHERE id=${d.dayId}`))[0], ['open', '1']);
    assert.equal(await sqlOne(`SELECT status FROM log_pages WHERE id=${d.p1}`), 'closed');
    const page = await staff1.get(`/log/day/${d.dayId}`);
    assertPage(page, 200);
    assert.ok(!tags(page.text, 'form').some((f) => /\/sign$|\/return$/.test(f.attrs.action || '')), 'no sign or return form for staff');
  });

  test('the manager returns a closed page with a reason (required); the day cannot be signed until it is closed again', async () => {
    const d = await closedDay(ch, CAT, staff1, staff2);
    const token = await csrfToken(manager);
    const day = await manager.get(`/log/day/${d.dayId}`);
    assert.ok(tags(day.text, 'form').some((f) => f.attrs.action === `/log/page/${d.p2}/return`), 'a return form per closed page');
    const empty = await manager.post(`/log/page/${d.p2}/return`, { reason: '', _csrf: token });
    assertPage(empty, 200, '请填写原因');
    assert.equal(await sqlOne(`SELECT status FROM log_pages WHERE id=${d.p2}`), 'closed');
    const r = await manager.post(`/log/page/${d.p2}/return`, { reason: '地库巡查没有写具体时间', _csrf: token });
    assertRedirect(r, `/log/day/${d.dayId}`);
    assert.deepEqual((await sql(`SELECT p.status, u.username, p.return_reason FROM log_pages p JOIN users u ON u.id=p.returned_by WHERE p.id=${d.p2}`))[0],
      ['returned', 'manager', '地库巡查没有写具体时间']);
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM audit_log WHERE entity='log_page' AND entity_id=${d.p2} AND action='return'`), '1');
    const page = await staff2.get(`/log/page/${d.p2}`);
    assertPage(page, 200, ['被退回', '地库巡查没有写具体时间', '陈静']);
    const s = await manager.post(`/log/day/${d.dayId}/sign`, { comment: '', _csrf: token });
    assert.match(fieldError(s.text, 'comment') || '', /还有班次未结束/);
    // Returned: the staff completes it and closes it again.
    const fix = await staff2.post(`/log/entry/${d.e2.id}`, { ...d.e2.fields, what: d.e2.fields.what + '（22:40 巡查）', status: 'closed', _csrf: await csrfToken(staff2) });
    assertRedirect(fix, `/log/entry/${d.e2.id}`);
    await writeEntry(staff2, d.p2, { category_id: CAT['巡查'], what: '补记：22:50 复查 ' + uniq(''), status: 'closed' });
    assertRedirect(await closePage(staff2, d.p2), '/log');
    assert.equal(await sqlOne(`SELECT status FROM log_pages WHERE id=${d.p2}`), 'closed');
    assertRedirect(await manager.post(`/log/day/${d.dayId}/sign`, { comment: '', _csrf: token }), `/log/day/${d.dayId}`);
  });

  test('an open page cannot be returned (只能退回已结束…)', async () => {
    const p = await makePage(ch, '夜班');
    const r = await manager.post(`/log/page/${p.id}/return`, { reason: '还没结束', _csrf: await csrfToken(manager) });
    assert.ok([200, 409].includes(r.status), brief(r));
    assert.ok(textOf(r.text).includes('只能退回已结束、且该日尚未签字的班次'), brief(r));
    assert.equal(await sqlOne(`SELECT status FROM log_pages WHERE id=${p.id}`), 'open');
  });
});

describe('a signed day', T, () => {
  let d;
  let number;
  before(async () => {
    d = await closedDay(ch, CAT, staff1, staff2);
  });

  test('the manager signs with a comment: the day is signed, audited, numbered, and shows 经理已签字', async () => {
    const r = await manager.post(`/log/day/${d.dayId}/sign`, { comment: '记录完整，同意', _csrf: await csrfToken(manager) });
    assertRedirect(r, `/log/day/${d.dayId}`);
    const [[status, signer, comment, signedAt]] = await sql(`SELECT d.status, u.username, d.sign_comment, d.signed_at IS NOT NULL FROM log_days d JOIN users u ON u.id=d.signed_by WHERE d.id=${d.dayId}`);
    assert.deepEqual([status, signer, comment, signedAt], ['signed', 'manager', '记录完整，同意', '1']);
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM audit_log WHERE entity='log_day' AND entity_id=${d.dayId} AND action='sign'`), '1');
    const page = await staff1.get(`/log/day/${d.dayId}`);
    assertPage(page, 200, ['经理已签字', '陈静', '记录完整，同意', d.e1.fields.what, d.e2.fields.what]);
    assertSecurityHeaders(page);
    number = numberOn(page.text);
    assert.match(number || '', new RegExp(`^RZ-${d.day.replace(/-/g, '')}-\\d{2}-[0-9A-Z]$`), `unified number on the day: ${number}`);
    assert.equal(await sqlOne(`SELECT number FROM form_numbers WHERE kind='log_day' AND record_id=${d.dayId}`), number);
    const days = await manager.get('/log/days');
    assert.ok(!days.text.slice(0, days.text.indexOf('最近已签字')).includes(`href="/log/day/${d.dayId}"`), 'no longer waiting');
    assert.ok(days.text.slice(days.text.indexOf('最近已签字')).includes(`href="/log/day/${d.dayId}"`), 'listed as signed');
  });

  test('signing twice is refused and changes nothing (signer, time, comment, one audit row)', async () => {
    const before = await sql(`SELECT signed_by, signed_at, sign_comment FROM log_days WHERE id=${d.dayId}`);
    const token = await csrfToken(manager);
    const rs = await Promise.all([1, 2].map(() => manager.post(`/log/day/${d.dayId}/sign`, { comment: '第二次签字', _csrf: token })));
    for (const r of rs) assert.ok([200, 403, 409].includes(r.status), brief(r));
    assert.deepEqual(await sql(`SELECT signed_by, signed_at, sign_comment FROM log_days WHERE id=${d.dayId}`), before);
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM audit_log WHERE entity='log_day' AND entity_id=${d.dayId} AND action='sign'`), '1');
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM form_numbers WHERE kind='log_day' AND record_id=${d.dayId}`), '1');
  });

  test('signing twice says 该日日志已经签字', async () => {
    const r = await manager.post(`/log/day/${d.dayId}/sign`, { comment: '第二次签字', _csrf: await csrfToken(manager) });
    assert.ok([200, 409].includes(r.status), brief(r));
    assert.ok(textOf(r.text).includes('该日日志已经签字'), `the answer says 该日日志已经签字: ${brief(r)}`);
  });

  test('returning a page of a signed day says why it is refused', async () => {
    const r = await manager.post(`/log/page/${d.p1}/return`, { reason: '签字后退回', _csrf: await csrfToken(manager) });
    assert.ok([200, 409].includes(r.status), brief(r));
    assert.ok(textOf(r.text).includes('只能退回已结束、且该日尚未签字的班次'), brief(r));
  });

  test('a page of a signed day cannot be returned, written in or closed', async () => {
    const r = await manager.post(`/log/page/${d.p1}/return`, { reason: '签字后退回', _csrf: await csrfToken(manager) });
    assert.ok([200, 403, 409].includes(r.status), brief(r));
    assert.equal(await sqlOne(`SELECT status FROM log_pages WHERE id=${d.p1}`), 'closed');
    const f = { occurred_date: (await serverNow()).date, occurred_time: (await serverNow()).time, category_id: CAT['巡查'], what: '签字后补记', status: 'open', form_key: formKey() };
    assertPage(await staff1.post(`/log/page/${d.p1}/entries`, { ...f, _csrf: await csrfToken(staff1) }), 403);
    assertPage(await staff1.post(`/log/page/${d.p1}/close`, { note: '', _csrf: await csrfToken(staff1) }), 403);
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM log_entries WHERE what='签字后补记'`), '0');
  });

  test('POST /log/entry/:id on a signed day is refused with 403 该日日志已由经理签字 and nothing changes', async () => {
    const before = await sql(`SELECT * FROM log_entries WHERE id=${d.e1.id}`);
    const audits = await sqlOne(`SELECT COUNT(*) FROM audit_log WHERE entity='log_entry' AND entity_id=${d.e1.id}`);
    const r = await staff1.post(`/log/entry/${d.e1.id}`, { ...d.e1.fields, what: '签字后直接改', status: 'closed', _csrf: await csrfToken(staff1) });
    assertPage(r, 403, '该日日志已由经理签字');
    assert.deepEqual(await sql(`SELECT * FROM log_entries WHERE id=${d.e1.id}`), before);
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM audit_log WHERE entity='log_entry' AND entity_id=${d.e1.id}`), audits);
    const show = await staff1.get(`/log/entry/${d.e1.id}`);
    assertPage(show, 200, ['该日日志已签字，只能更正', '更正（勘误）']);
    assert.ok(!tags(show.text, 'form').some((f) => f.attrs.action === `/log/entry/${d.e1.id}`), 'no edit form');
  });

  test('a correction records old and new text with the reason; the entry shows the stamp with the original in <del>', async () => {
    const old = d.e1.fields.what;
    const newText = '业主报电动车电瓶被盗（更正：是 2 栋车棚）' + uniq('');
    const r = await staff1.post(`/log/entry/${d.e1.id}/correct`, { field: 'what', new_text: newText, reason: '地点记录有误', _csrf: await csrfToken(staff1) });
    assertRedirect(r, `/log/entry/${d.e1.id}`);
    const [row] = await sql(`SELECT k.field, k.old_text, k.new_text, k.reason, u.username FROM log_corrections k JOIN users u ON u.id=k.corrected_by WHERE k.entry_id=${d.e1.id}`);
    assert.deepEqual(row, ['what', old, newText, '地点记录有误', 'staff1']);
    assert.equal(await sqlOne(`SELECT what FROM log_entries WHERE id=${d.e1.id}`), old, 'the original stays in the entry');
    const page = await staff1.get(`/log/entry/${d.e1.id}`);
    assertPage(page, 200, '有更正');
    const stamp = /<aside class="stamp"[\s\S]*?<\/aside>/.exec(page.text)?.[0] || '';
    assert.ok(stamp, 'a .stamp');
    assert.equal(textOf(/<del[^>]*>([\s\S]*?)<\/del>/.exec(stamp)?.[1] || ''), old, 'the original in <del>');
    assert.ok(textOf(stamp).includes(newText), 'the new text');
    assert.ok(textOf(stamp).includes('地点记录有误') && textOf(stamp).includes('李明'), 'reason and who');
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM audit_log WHERE entity='log_entry' AND entity_id=${d.e1.id} AND action='correct'`), '1');
    // The day's page and its print show it too.
    const day = await manager.get(`/log/day/${d.dayId}`);
    assert.ok(day.text.includes('class="stamp"') && textOf(day.text).includes(newText), 'the day shows the stamp');
    // A second correction of the same field starts from the corrected text; the manager may correct too.
    const again = newText + '。';
    assertRedirect(await manager.post(`/log/entry/${d.e1.id}/correct`, { field: 'what', new_text: again, reason: '补句号', _csrf: await csrfToken(manager) }), `/log/entry/${d.e1.id}`);
    assert.deepEqual((await sql(`SELECT old_text, new_text FROM log_corrections WHERE entry_id=${d.e1.id} ORDER BY id DESC LIMIT 1`))[0], [newText, again]);
  });

  test('a correction is refused: same text, no reason, unknown field, not signed yet, by the director', async () => {
    const token = await csrfToken(staff1);
    const n = await sqlOne(`SELECT COUNT(*) FROM log_corrections WHERE entry_id=${d.e2.id}`);
    const same = await staff1.post(`/log/entry/${d.e2.id}/correct`, { field: 'location', new_text: 'B1 地库', reason: '无', _csrf: token });
    assertPage(same, 200);
    assert.match(fieldError(same.text, 'new_text') || '', /更正后的内容与现有内容相同/);
    const noReason = await staff1.post(`/log/entry/${d.e2.id}/correct`, { field: 'handling', new_text: '已通知工程部', reason: '', _csrf: token });
    assert.match(fieldError(noReason.text, 'reason') || '', /请填写原因/);
    assert.equal(inputValue(noReason.text, 'new_text'), '已通知工程部', 'the new text is kept');
    const bad = await staff1.post(`/log/entry/${d.e2.id}/correct`, { field: 'status', new_text: 'x', reason: 'y', _csrf: token });
    assert.match(fieldError(bad.text, 'field') || '', /请从列表中选择/);
    assertPage(await director.post(`/log/entry/${d.e2.id}/correct`, { field: 'what', new_text: 'x', reason: 'y', _csrf: await csrfToken(director) }), 403);
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM log_corrections WHERE entry_id=${d.e2.id}`), n);
    const open = await makePage(ch, '早班');
    const e = await writeEntry(staff1, open.id, { category_id: CAT['巡查'] });
    const ns = await staff1.post(`/log/entry/${e.id}/correct`, { field: 'what', new_text: '未签字也想更正', reason: 'x', _csrf: token });
    assert.ok([200, 403, 409].includes(ns.status), brief(ns));
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM log_corrections WHERE entry_id=${e.id}`), '0');
    assert.equal(await sqlOne(`SELECT what FROM log_entries WHERE id=${e.id}`), e.fields.what);
  });

  test('a correction of an entry whose day is not signed says 该日尚未签字', async () => {
    const open = await makePage(ch, '早班');
    const e = await writeEntry(staff1, open.id, { category_id: CAT['巡查'] });
    const ns = await staff1.post(`/log/entry/${e.id}/correct`, { field: 'what', new_text: '未签字也想更正', reason: 'x', _csrf: await csrfToken(staff1) });
    assert.ok([200, 409].includes(ns.status), brief(ns));
    assert.ok(textOf(ns.text).includes('该日尚未签字'), brief(ns));
  });

  test('the printed day: A4 sheet with the number, signature boxes, inline SVG QR code of <base>/r/<number>, entries and corrections', async () => {
    const r = await staff1.get(`/log/day/${d.dayId}/print`);
    assertPage(r, 200, ['值班日志', d.e2.fields.what, '经理已签字']);
    assert.ok(number, 'the day has its number');
    assert.equal(textOf(/<strong class="sheet-number">([\s\S]*?)<\/strong>/.exec(r.text)?.[1] || ''), number);
    assert.ok(/<svg[^>]*class="qr"/.test(r.text), 'an inline svg.qr');
    assert.ok((r.text.match(/class="sign-box"/g) || []).length >= 2, 'signature boxes for duty staff and manager');
    assert.ok(textOf(r.text).includes('值班员') && textOf(r.text).includes('客服经理签字'), 'sign-box labels');
    assert.ok(textOf(r.text).includes('翠湖花园管理处'), 'the site');
    const url = textOf(/<p class="sheet-foot">([\s\S]*?)<\/p>/.exec(r.text)?.[1] || '');
    assert.ok(url.endsWith(`/r/${number}`), `QR URL ends with /r/${number}: ${url}`);
    assert.ok(r.text.includes('href="/static/css/print.css"'), 'the print stylesheet');
    // Printing again keeps the number and marks a copy.
    const again = await staff1.get(`/log/day/${d.dayId}/print`);
    assert.equal(textOf(/<strong class="sheet-number">([\s\S]*?)<\/strong>/.exec(again.text)?.[1] || ''), number);
  });

  test('/r/<number>: signed in → the day; signed out → /login?next=/r/<number>; a mistyped check character → 404 编号有误', async () => {
    assertRedirect(await staff1.get(`/r/${number}`), `/log/day/${d.dayId}`);
    assertRedirect(await manager.get(`/r/${number.toLowerCase()}`), `/log/day/${d.dayId}`);
    const anon = new Client();
    const r = await anon.get(`/r/${number}`);
    assert.equal(r.status, 303, brief(r));
    const loc = new URL(r.location, 'http://x');
    assert.equal(loc.pathname, '/login');
    assert.equal(loc.searchParams.get('next'), `/r/${number}`);
    // Signing in from there comes back to the record.
    const form = await anon.get(loc.pathname + loc.search);
    const token = /name="_csrf" value="([^"]+)"/.exec(form.text)[1];
    const next = inputValue(form.text, 'next');
    const s = await anon.post('/login', { username: 'staff2', password: 'demo-password', next, _csrf: token });
    assert.equal(s.status, 303, brief(s));
    assert.equal(locPath(s.location), `/r/${number}`, 'back to /r/<number> after sign-in');
    assertRedirect(await anon.get(`/r/${number}`), `/log/day/${d.dayId}`);
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUVWXY';
    const last = number.slice(-1);
    const wrong = number.slice(0, -1) + alphabet[(alphabet.indexOf(last) + 1) % 31];
    assertPage(await staff1.get(`/r/${wrong}`), 404, '编号有误');
    assertPage(await staff1.get(`/r/RZ-19990101-01-${alphabet[0]}`), 404);
  });
});

describe('corrections on a page of many entries', T, () => {
  // Lists fetch the corrections of their entries 16 at a time (one query per 16 corrected
  // entries, not one per entry): 18 corrected entries cross that boundary.
  let p; const entries = []; let plain; const tag = uniq('');
  before(async () => {
    p = await makePage(ch, '早班');
    for (let i = 0; i < 19; i++) entries.push(await writeEntry(staff1, p.id, { category_id: CAT['巡查'], what: `巡查第 ${i + 1} 处 ${tag}`, status: 'closed' }));
    assertRedirect(await closePage(staff1, p.id), '/log');
    assertRedirect(await manager.post(`/log/day/${p.dayId}/sign`, { comment: '', _csrf: await csrfToken(manager) }), `/log/day/${p.dayId}`);
    plain = entries.pop();   // one entry stays uncorrected
    const token = await csrfToken(staff1);
    for (const [i, e] of entries.entries()) {
      e.newWhat = `更正后的第 ${i + 1} 处 ` + uniq('');
      assertRedirect(await staff1.post(`/log/entry/${e.id}/correct`, { field: 'what', new_text: e.newWhat, reason: `原因 ${i + 1}`, _csrf: token }), `/log/entry/${e.id}`);
    }
    // The 17th entry (the second batch) gets a second correction, of another field.
    entries[16].newLoc = '2 栋大堂 ' + uniq('');
    assertRedirect(await staff1.post(`/log/entry/${entries[16].id}/correct`, { field: 'location', new_text: entries[16].newLoc, reason: '位置', _csrf: token }), `/log/entry/${entries[16].id}`);
  });

  /** Each corrected entry carries its own stamp(s), the original struck through and the new
   * text in place; the uncorrected one has none. */
  function assertStamps(html, where) {
    for (const [i, e] of entries.entries()) {
      const a = entryHtml(html, e.id);
      assert.ok(a, `${where}: entry ${e.id} shown`);
      const stamps = a.match(/<aside class="stamp"[\s\S]*?<\/aside>/g) || [];
      assert.equal(stamps.length, i === 16 ? 2 : 1, `${where}: stamps on entry ${i + 1}`);
      assert.equal(textOf(/<del[^>]*>([\s\S]*?)<\/del>/.exec(stamps[0])[1]), e.fields.what, `${where}: the original of entry ${i + 1}`);
      assert.ok(textOf(stamps[0]).includes(`原因 ${i + 1}`), `${where}: the reason of entry ${i + 1}`);
      assert.equal(textOf(/<dd class="pre">([\s\S]*?)<\/dd>/.exec(a)[1]), e.newWhat, `${where}: the corrected text in place on entry ${i + 1}`);
    }
    assert.ok(textOf(entryHtml(html, entries[16].id)).includes(entries[16].newLoc), `${where}: the second correction in place`);
    const a = entryHtml(html, plain.id);
    assert.ok(a && !a.includes('class="stamp"'), `${where}: no stamp on the uncorrected entry`);
  }

  test('the shift page, the day and the list each show every stamp on its own entry', async () => {
    const page = await staff1.get(`/log/page/${p.id}`);
    assertPage(page, 200);
    assertStamps(page.text, 'page');
    const day = await manager.get(`/log/day/${p.dayId}`);
    assertPage(day, 200);
    assertStamps(day.text, 'day');
    const list = await manager.get(`/log/entries?q=${encodeURIComponent(tag)}`);
    assertPage(list, 200);
    assertStamps(list.text, 'list');
  });
});
