// The shift handover (交接班, dd-handover), issue 5: opening for a log page, notes and
// anomalies, the incoming's count and both signatures on one session (the outgoing's), the
// refusals (count without explanation, wrong password, same person, accepting twice), the
// incoming's refusal and the supervisor's decision, the page closed with its open items
// carried, corrections after signing, the daily review lock, the printed form, other sites.
//
// Each test works on pages of its own: a day far in the past (log_days + log_pages by SQL).
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  login, csrfToken, fieldError, textOf, brief, sql, sqlOne, q, uniq, siteId,
  locPath, signIn, PASSWORD,
} from '../lib/http.mjs';
import { openHandover, items, acceptForm } from '../lib/handover.mjs';
import { makePage as makeLogPage, writeEntry as writeLogEntry } from '../lib/log.mjs';

const T = { timeout: 180000 };

/** A page of its own, opened ten hours ago (openedAgo minutes): a shift ready to hand over. */
const makePage = (site, shiftName, opener = 'staff1', dayId = null, openedAgo = 600) =>
  makeLogPage(site, shiftName, opener, dayId, openedAgo);

/** Writes an open entry on a page through the log's form; returns its id. */
async function writeEntry(client, pageId, what) {
  const cat = await sqlOne(`SELECT id FROM log_categories WHERE site_id=(SELECT site_id FROM log_pages WHERE id=${pageId}) AND active=1 ORDER BY id LIMIT 1`);
  return (await writeLogEntry(client, pageId, { category_id: cat, location: '前台', what, followup: '待维修' })).id;
}

const status = (id) => sqlOne(`SELECT status FROM handovers WHERE id=${id}`);

describe('handover', T, () => {
  let ch, staff1, staff2, supervisor, manager;
  before(async () => {
    ch = await siteId('CH');
    [staff1, supervisor, manager] = await Promise.all([login('staff1'), login('supervisor'), login('manager')]);
  });

  test('the outgoing opens the handover of a page once; notes and an anomaly are kept', T, async () => {
    const page = await makePage(ch, '早班');
    const id = await openHandover(staff1, page.id);
    assert.equal(await openHandover(staff1, page.id), id, 'opening again finds the same record');
    let r = await staff1.post(`/handover/${id}/notes`, { notes: '3 栋电梯困人已处理，需回访', repairs: '1 栋大堂门禁维修中', major: '', _csrf: await csrfToken(staff1) });
    assert.equal(r.status, 303, brief(r));
    r = await staff1.post(`/handover/${id}/anomalies`, { what: '', explanation: '', _csrf: await csrfToken(staff1) });
    assert.equal(r.status, 200);
    assert.ok(fieldError(r.text, 'what'), 'an anomaly needs a description');
    r = await staff1.post(`/handover/${id}/anomalies`, { what: '前台抽屉锁坏', explanation: '昨晚已报修', _csrf: await csrfToken(staff1) });
    assert.equal(r.status, 303, brief(r));
    r = await staff1.get(`/handover/${id}`);
    assert.equal(r.status, 200);
    const t = textOf(r.text);
    for (const s of ['3 栋电梯困人已处理，需回访', '1 栋大堂门禁维修中', '前台抽屉锁坏', '昨晚已报修', '对讲机']) assert.ok(t.includes(s), `shows ${s}`);
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM audit_log WHERE entity='handover' AND entity_id=${id} AND action='open'`), '1');
  });

  test('refusals beside the field, nothing written: unexplained count, wrong password, same person', T, async () => {
    const page = await makePage(ch, '早班');
    const id = await openHandover(staff1, page.id);
    const radio = (await items(ch)).find((i) => i.name === '对讲机');
    // A count that differs with no explanation.
    let r = await staff1.post(`/handover/${id}/accept`, { ...(await acceptForm(ch, { over: { 对讲机: { count: 3 } } })), _csrf: await csrfToken(staff1) });
    assert.equal(r.status, 200, brief(r));
    assert.match(fieldError(r.text, `count_${radio.id}`), /说明/);
    // The explanation but not who answers.
    r = await staff1.post(`/handover/${id}/accept`, { ...(await acceptForm(ch, { over: { 对讲机: { count: 3, expl: '借给保安' } } })), _csrf: await csrfToken(staff1) });
    assert.match(fieldError(r.text, `count_${radio.id}`), /责任人/);
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM handover_counts WHERE handover_id=${id}`), '0');
    // The incoming's wrong password: refused, recorded as a failed attempt and audited.
    const before = Number(await sqlOne(`SELECT COUNT(*) FROM login_attempts WHERE username='staff2' AND success=0`));
    r = await staff1.post(`/handover/${id}/accept`, { ...(await acceptForm(ch, { inPw: 'wrong-password' })), _csrf: await csrfToken(staff1) });
    assert.equal(r.status, 200);
    assert.match(fieldError(r.text, 'in_password'), /密码不正确/);
    assert.equal(Number(await sqlOne(`SELECT COUNT(*) FROM login_attempts WHERE username='staff2' AND success=0`)), before + 1);
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM audit_log WHERE entity='handover' AND entity_id=${id} AND action='sign_failed'`), '1');
    // The outgoing's wrong password.
    r = await staff1.post(`/handover/${id}/accept`, { ...(await acceptForm(ch, { outPw: 'nope-nope' })), _csrf: await csrfToken(staff1) });
    assert.match(fieldError(r.text, 'out_password'), /密码不正确/);
    assert.equal(fieldError(r.text, 'in_password'), '');
    // The same person on both sides.
    r = await staff1.post(`/handover/${id}/accept`, { ...(await acceptForm(ch, { incoming: 'staff1' })), _csrf: await csrfToken(staff1) });
    assert.match(fieldError(r.text, 'incoming'), /同一个人/);
    // Someone who is not duty staff of the site.
    r = await staff1.post(`/handover/${id}/accept`, { ...(await acceptForm(ch, { incoming: 'nosuchuser' })), _csrf: await csrfToken(staff1) });
    assert.ok(fieldError(r.text, 'incoming'));
    assert.equal(await status(id), 'open');
    assert.equal(await sqlOne(`SELECT status FROM log_pages WHERE id=${page.id}`), 'open');
    // Nobody was signed in: the session is still staff1's.
    r = await staff1.get('/me');
    assert.ok(textOf(r.text).includes('李明'));
  });

  test('staff2 refuses, the supervisor is alerted and decides, staff2 accepts; page closed, items carried', T, async () => {
    const page = await makePage(ch, '早班');
    const item = '对讲机借出未还 ' + uniq('');
    const entry = await writeEntry(staff1, page.id, item);
    const id = await openHandover(staff1, page.id);
    let r = await staff1.get(`/handover/${id}`);
    assert.ok(textOf(r.text).includes(item), 'the open log item is listed without retyping');
    // Refusal: a reason is required; then it is recorded.
    r = await staff1.post(`/handover/${id}/refuse`, { r_incoming: 'staff2', r_password: PASSWORD, reason: '', _csrf: await csrfToken(staff1) });
    assert.ok(fieldError(r.text, 'reason'));
    r = await staff1.post(`/handover/${id}/refuse`, { r_incoming: 'staff2', r_password: PASSWORD, reason: '对讲机少一台，交班人说不清去向', _csrf: await csrfToken(staff1) });
    assert.equal(r.status, 303, brief(r));
    assert.equal(await status(id), 'refused');
    // While refused, accepting waits for the supervisor (409).
    r = await staff1.post(`/handover/${id}/accept`, { ...(await acceptForm(ch)), _csrf: await csrfToken(staff1) });
    assert.equal(r.status, 409);
    // Staff cannot decide; the supervisor sees the alert and decides.
    r = await staff1.post(`/handover/${id}/decide`, { decision: 'x', _csrf: await csrfToken(staff1) });
    assert.equal(r.status, 403);
    r = await supervisor.get('/handover/alerts');
    assert.equal(r.status, 200);
    assert.ok(r.text.includes(`/handover/${id}#decide`), 'the refusal is on the supervisor\'s alerts');
    r = await supervisor.post(`/handover/${id}/decide`, { decision: '对讲机由保安队长借用，已确认，同意接班', _csrf: await csrfToken(supervisor) });
    assert.equal(r.status, 303, brief(r));
    assert.equal(await status(id), 'decided');
    r = await supervisor.post(`/handover/${id}/decide`, { decision: 'again', _csrf: await csrfToken(supervisor) });
    assert.equal(r.status, 409);
    // staff2 accepts on staff1's session: radio 3 explained, arrived 5 minutes before 13:00.
    r = await staff1.post(`/handover/${id}/accept`, {
      ...(await acceptForm(ch, { arrived: '12:55', over: { 对讲机: { count: 3, expl: '保安队长借用', answer: '保安队长' } } })),
      _csrf: await csrfToken(staff1),
    });
    assert.equal(r.status, 303, brief(r));
    assert.equal(await status(id), 'accepted');
    const [[inc, early, signedIn, signedOut]] = await sql(`SELECT u.username, TIMESTAMPDIFF(MINUTE, h.arrived_at, h.shift_end_at),
      h.incoming_signed_at IS NOT NULL, h.outgoing_signed_at IS NOT NULL FROM handovers h JOIN users u ON u.id=h.incoming_id WHERE h.id=${id}`);
    assert.deepEqual([inc, early, signedIn, signedOut], ['staff2', '5', '1', '1']);
    assert.equal(await sqlOne(`SELECT CONCAT(counted, '|', answerable) FROM handover_counts k JOIN handover_items i ON i.id=k.item_id WHERE k.handover_id=${id} AND i.name='对讲机'`), '3|保安队长');
    assert.equal(await sqlOne(`SELECT status FROM log_pages WHERE id=${page.id}`), 'closed');
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM log_carryovers WHERE entry_id=${entry} AND from_page_id=${page.id}`), '1');
    assert.match(await sqlOne(`SELECT number FROM form_numbers WHERE kind='handover' AND record_id=${id}`), /^JB-/);
    r = await staff1.get(`/handover/${id}`);
    const t = textOf(r.text);
    for (const s of ['王芳', '李明', '保安队长', '未达规定提前', '对讲机由保安队长借用']) assert.ok(t.includes(s), `record shows ${s}`);
    // Accepting or refusing an accepted handover: 409, nothing written.
    r = await staff1.post(`/handover/${id}/accept`, { ...(await acceptForm(ch)), _csrf: await csrfToken(staff1) });
    assert.equal(r.status, 409);
    assert.match(textOf(r.text), /已接班签字/);
    r = await staff1.post(`/handover/${id}/refuse`, { r_incoming: 'staff2', r_password: PASSWORD, reason: 'x', _csrf: await csrfToken(staff1) });
    assert.equal(r.status, 409);
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM handover_counts WHERE handover_id=${id}`), String((await items(ch)).length));
    // The next shift's page shows the carried item.
    const next = await makePage(ch, '中班', 'staff2', page.dayId, 1);
    r = await staff1.get(`/log/page/${next.id}`);
    const m = /<section class="carried"[\s\S]*?<\/section>/.exec(r.text);
    assert.ok(m && m[0].includes(item), 'the next page lists the carried item');
    // The printed form.
    r = await staff1.get(`/handover/${id}/print`);
    assert.equal(r.status, 200);
    const p = textOf(r.text);
    for (const s of ['交接班记录表', 'JB-', '对讲机', '保安队长', item, '交班人', '接班人']) assert.ok(p.includes(s), `print shows ${s}`);
    assert.ok(r.text.includes('<svg'), 'QR code');
  });

  test('signed: notes only by correction (stamp, original readable); the daily review locks the day', T, async () => {
    const page = await makePage(ch, '夜班');
    const id = await openHandover(staff1, page.id);
    let r = await staff1.post(`/handover/${id}/notes`, { notes: '原始说明', repairs: '', major: '', _csrf: await csrfToken(staff1) });
    assert.equal(r.status, 303);
    // Review refused while a handover of the day is open.
    r = await manager.post(`/handover/day/${page.day}/review`, { comment: '', _csrf: await csrfToken(manager) });
    assert.equal(r.status, 200);
    assert.ok(fieldError(r.text, 'comment'));
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM handover_reviews WHERE site_id=${ch} AND day='${page.day}'`), '0');
    r = await staff1.post(`/handover/${id}/accept`, { ...(await acceptForm(ch, { arrived: '21:45' })), _csrf: await csrfToken(staff1) });
    assert.equal(r.status, 303, brief(r));
    r = await staff1.post(`/handover/${id}/notes`, { notes: '改写', repairs: '', major: '', _csrf: await csrfToken(staff1) });
    assert.equal(r.status, 409);
    r = await staff1.post(`/handover/${id}/anomalies`, { what: '晚了', explanation: '', _csrf: await csrfToken(staff1) });
    assert.equal(r.status, 409);
    // Staff cannot review; the manager does, once.
    r = await staff1.post(`/handover/day/${page.day}/review`, { comment: '', _csrf: await csrfToken(staff1) });
    assert.equal(r.status, 403);
    r = await manager.post(`/handover/day/${page.day}/review`, { comment: '已阅', _csrf: await csrfToken(manager) });
    assert.equal(r.status, 303, brief(r));
    r = await manager.post(`/handover/day/${page.day}/review`, { comment: '再签', _csrf: await csrfToken(manager) });
    assert.equal(r.status, 409);
    r = await staff1.post(`/handover/${id}/correct`, { field: 'notes', new_text: '', reason: '', _csrf: await csrfToken(staff1) });
    assert.ok(fieldError(r.text, 'new_text'));
    r = await staff1.post(`/handover/${id}/correct`, { field: 'notes', new_text: '更正后的说明', reason: '写错了楼栋', _csrf: await csrfToken(staff1) });
    assert.equal(r.status, 303, brief(r));
    assert.equal(await sqlOne(`SELECT notes FROM handovers WHERE id=${id}`), '原始说明');
    r = await staff1.get(`/handover/${id}`);
    const stamp = /<aside class="stamp"[\s\S]*?<\/aside>/.exec(r.text);
    assert.ok(stamp && stamp[0].includes('<del') && stamp[0].includes('原始说明') && stamp[0].includes('更正后的说明'));
    assert.ok(textOf(r.text).includes('已审阅签字'));
  });

  test('another site: its records are 404, its items its own', T, async () => {
    const page = await makePage(ch, '早班');
    const id = await openHandover(staff1, page.id);
    const code = 'HO' + uniq('').toUpperCase().slice(-6);
    const other = await sqlOne(`INSERT INTO sites (code, name) VALUES (${q(code)}, '另一个管理处${code}'); SELECT LAST_INSERT_ID();`);
    const name = uniq('hsv');
    await sql(`INSERT INTO users (site_id, username, display_name, roles, pw_hash) SELECT ${other}, ${q(name)}, '别处主管', 3, pw_hash FROM users WHERE username='staff1'`);
    const o = await login(name);
    for (const p of [`/handover/${id}`, `/handover/${id}/print`]) assert.equal((await o.get(p)).status, 404, p);
    let r = await o.post(`/handover/${id}/decide`, { decision: 'x', _csrf: await csrfToken(o) });
    assert.equal(r.status, 404);
    r = await o.post('/handover/open', { page_id: page.id, _csrf: await csrfToken(o) });
    assert.equal(r.status, 404);
    r = await o.post(`/handover/${id}/accept`, { ...(await acceptForm(ch, { incoming: name })), _csrf: await csrfToken(o) });
    assert.equal(r.status, 404);
    // Items are per site: the other site's supervisor adds one; CH's are untouched.
    r = await o.post('/handover/items/new', { name: '钥匙', expected: '3', _csrf: await csrfToken(o) });
    assert.equal(r.status, 303, brief(r));
    r = await o.post('/handover/items/new', { name: '钥匙', expected: '3', _csrf: await csrfToken(o) });
    assert.equal(r.status, 200);
    assert.ok(textOf(r.text).includes('已有同名物品'), 'a duplicate name is refused');
    r = await o.post('/handover/rule', { early_minutes: '15', _csrf: await csrfToken(o) });
    assert.equal(r.status, 303);
    assert.equal(await sqlOne(`SELECT early_minutes FROM handover_rules WHERE site_id=${other}`), '15');
    assert.equal(await sqlOne(`SELECT expected FROM handover_items WHERE site_id=${ch} AND name='钥匙'`), '12');
    // CH's incoming cannot be someone of another site.
    r = await staff1.post(`/handover/${id}/accept`, { ...(await acceptForm(ch, { incoming: name })), _csrf: await csrfToken(staff1) });
    assert.match(fieldError(r.text, 'incoming'), /不是本管理处/);
  });

  test('not relieved at shift end: the record says so and the supervisor sees it', T, async () => {
    // A page of yesterday's night shift (ended this morning), left open with its handover open.
    const day = await sqlOne(`SELECT DATE_FORMAT(CURDATE() - INTERVAL 2 DAY, '%Y-%m-%d')`);
    let dayId = await sqlOne(`SELECT id FROM log_days WHERE site_id=${ch} AND day='${day}'`);
    if (!dayId) dayId = await sqlOne(`INSERT INTO log_days (site_id, day) VALUES (${ch}, '${day}'); SELECT LAST_INSERT_ID();`);
    let pageId = await sqlOne(`SELECT p.id FROM log_pages p JOIN shifts s ON s.id=p.shift_id WHERE p.day_id=${dayId} AND s.name='夜班'`);
    if (!pageId) pageId = (await makePage(ch, '夜班', 'staff1', dayId)).id;
    await sql(`UPDATE log_pages SET status='open' WHERE id=${pageId}`);
    await sql(`UPDATE log_days SET status='open' WHERE id=${dayId}`);
    const id = await openHandover(staff1, pageId);
    let r = await staff1.get(`/handover/${id}`);
    assert.ok(textOf(r.text).includes('无人接班'), 'the record says not relieved');
    r = await supervisor.get('/handover/alerts');
    assert.ok(r.text.includes(`/log/page/${pageId}`), 'listed for the supervisor');
  });
});
