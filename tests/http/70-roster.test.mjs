// /roster (dd-roster): drawing up, generating, fixing by hand and publishing a month; versioned
// changes; swap and leave requests with approval and each refusal; access by role and site.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  Client, login, loginNew, createUser, csrfFrom, fieldError, textOf, brief, sql, sqlOne, q, uniq,
  siteId, locPath,
} from '../lib/http.mjs';
import { assertPage, assertRedirect, assertSecurityHeaders } from '../lib/checks.mjs';

const T = { timeout: 120000 };

let ch;
let shift; // name -> id
let uid;   // username -> id

async function setup() {
  ch = await siteId('CH');
  shift = Object.fromEntries((await sql(`SELECT name, id FROM shifts WHERE site_id=${ch}`)));
  uid = Object.fromEntries(await sql(`SELECT username, id FROM users WHERE site_id=${ch}`));
}

/** Creates the draft of month YYYY-MM as `sup`; returns its id. */
async function newMonth(sup, month) {
  const r = await sup.submit('/roster', { month }, { action: '/roster/months/new' });
  assert.equal(r.status, 303, brief(r));
  const m = /^\/roster\/month\/(\d+)$/.exec(locPath(r.location));
  assert.ok(m, `redirect to the month: ${r.location}`);
  return m[1];
}

async function post(client, page, action, fields = {}) {
  return client.submit(page, fields, { action });
}

const entries = (mid, extra = '') => sqlOne(
  `SELECT COUNT(*) FROM roster_entries WHERE month_id=${mid} AND version_to IS NULL ${extra}`);

/** Date of day index i (0-based) of the month starting `start` (YYYY-MM-01). */
const dayOf = (start, i) => `${start.slice(0, 8)}${String(i + 1).padStart(2, '0')}`;

describe('the supervisor draws up, generates, fixes and publishes a month', T, () => {
  let sup;
  let mid;
  before(async () => {
    await setup();
    sup = await login('supervisor');
    mid = await newMonth(sup, '2027-01');
  });

  test('a new month is a draft with every shift uncovered; bad or taken months are refused beside the field', async () => {
    const r = await sup.get(`/roster/month/${mid}`);
    assertPage(r, 200, ['排班表 2027-01', '草稿', '只有 0 人，需要 2 人']);
    assertSecurityHeaders(r);
    const before = await sqlOne('SELECT COUNT(*) FROM roster_months');
    let bad = await sup.submit('/roster', { month: '2027-13' }, { action: '/roster/months/new' });
    assertPage(bad, 200);
    assert.match(fieldError(bad.text, 'month'), /2026-12/);
    bad = await sup.submit('/roster', { month: '2027-01' }, { action: '/roster/months/new' });
    assert.match(fieldError(bad.text, 'month'), /已经存在/);
    assert.equal(await sqlOne('SELECT COUNT(*) FROM roster_months'), before, 'nothing written');
  });

  test('generate fills every shift at its headcount and breaks no rule; counters per person', async () => {
    const r = await post(sup, `/roster/month/${mid}`, `/roster/month/${mid}/generate`);
    assertRedirect(r, `/roster/month/${mid}`);
    assert.equal(await entries(mid), String(31 * 5));
    const page = await sup.get(`/roster/month/${mid}`);
    assertPage(page, 200, ['没有违反任何硬性规则', '夜', '工时', '合同工时']);
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM audit_log WHERE entity='roster' AND entity_id=${mid} AND action='generate'`), '1');
  });

  test('a cell that breaks the rest rule is highlighted with why, and the month cannot be published', async () => {
    const [[who]] = await sql(`SELECT e.user_id FROM roster_entries e WHERE e.month_id=${mid} AND e.day='2027-01-10' AND e.shift_id=${shift['中班']} ORDER BY e.user_id LIMIT 1`);
    const page = `/roster/month/${mid}/cell?user_id=${who}&day=2027-01-11`;
    const c = await sup.get(page);
    assertPage(c, 200, ['修改班次']);
    let r = await sup.submit(page, { user_id: who, day: '2027-01-11', shift_id: shift['早班'] }, { action: `/roster/month/${mid}/cell` });
    assert.equal(r.status, 303, brief(r));
    const m = await sup.get(`/roster/month/${mid}`);
    assert.ok(textOf(m.text).includes('之间只休息 8 小时（至少 11 小时）'), 'the reason is listed');
    assert.match(m.text, /class="[^"]*bad[^"]*" title="[^"]*只休息 8 小时/, 'the cell is marked with why');
    r = await post(sup, `/roster/month/${mid}`, `/roster/month/${mid}/publish`);
    assert.equal(r.status, 303, brief(r));
    assert.equal(await sqlOne(`SELECT status FROM roster_months WHERE id=${mid}`), 'draft', 'still a draft');
    const after = await sup.get(locPath(r.location));
    assert.ok(textOf(after.text).includes('不能发布'), 'refusal shown');
    // Back as it was: off that day.
    r = await sup.submit(page, { user_id: who, day: '2027-01-11', shift_id: 0 }, { action: `/roster/month/${mid}/cell` });
    assert.equal(r.status, 303, brief(r));
  });

  test('a day outside the month or a shift of no one is refused without a 500', async () => {
    const who = uid.staff1;
    let r = await sup.get(`/roster/month/${mid}/cell?user_id=${who}&day=2027-02-01`);
    assert.equal(r.status, 404, brief(r));
    r = await sup.get(`/roster/month/${mid}/cell?user_id=${who}&day=not-a-day`);
    assert.ok([200, 404].includes(r.status), brief(r));
    const before = await entries(mid);
    r = await sup.submit(`/roster/month/${mid}/cell?user_id=${who}&day=2027-01-05`,
      { user_id: who, day: '2027-01-05', shift_id: 999999 }, { action: `/roster/month/${mid}/cell` });
    assertPage(r, 200);
    assert.ok(fieldError(r.text, 'shift_id'), 'error beside the shift');
    assert.equal(await entries(mid), before, 'nothing changed');
  });

  test('publish locks the month; a later change needs a reason and becomes a new version', async () => {
    // Fill whatever the hand edit above left uncovered, then publish.
    await post(sup, `/roster/month/${mid}`, `/roster/month/${mid}/generate`);
    let r = await post(sup, `/roster/month/${mid}`, `/roster/month/${mid}/publish`);
    assertRedirect(r, `/roster/month/${mid}`);
    assert.deepEqual((await sql(`SELECT status, version FROM roster_months WHERE id=${mid}`))[0], ['published', '1']);
    r = await post(sup, `/roster/month/${mid}`, `/roster/month/${mid}/generate`);
    assert.equal(r.status, 409, 'a published month is not generated again');
    const [[who, sid]] = await sql(`SELECT user_id, shift_id FROM roster_entries WHERE month_id=${mid} AND day='2027-01-20' AND version_to IS NULL ORDER BY id LIMIT 1`);
    const page = `/roster/month/${mid}/cell?user_id=${who}&day=2027-01-20`;
    r = await sup.submit(page, { user_id: who, day: '2027-01-20', shift_id: 0, reason: '' }, { action: `/roster/month/${mid}/cell` });
    assertPage(r, 200);
    assert.match(fieldError(r.text, 'reason'), /请填写原因/);
    assert.equal(await sqlOne(`SELECT version FROM roster_months WHERE id=${mid}`), '1', 'unchanged');
    r = await sup.submit(page, { user_id: who, day: '2027-01-20', shift_id: 0, reason: '临时培训' }, { action: `/roster/month/${mid}/cell` });
    assert.equal(r.status, 303, brief(r));
    assert.equal(await sqlOne(`SELECT version FROM roster_months WHERE id=${mid}`), '2');
    assert.equal(await sqlOne(`SELECT version_to FROM roster_entries WHERE month_id=${mid} AND user_id=${who} AND day='2027-01-20' AND shift_id=${sid}`), '2', 'the old row is kept, ended at version 2');
    assert.deepEqual((await sql(`SELECT c.reason, u.username FROM roster_changes c JOIN users u ON u.id=c.user_id WHERE c.month_id=${mid} AND c.version=2`))[0], ['临时培训', 'supervisor']);
    const m = await sup.get(`/roster/month/${mid}`);
    assertPage(m, 200, ['临时培训', '已发布']);
  });

  test('print (A4, unified number PB-...), CSV and the staff view of a published month', async () => {
    const p = await sup.get(`/roster/month/${mid}/print`);
    assert.equal(p.status, 200, brief(p));
    assert.match(p.text, /PB-20270101-\d\d-[0-9A-Y]/);
    assert.ok(p.text.includes('roster-print'));
    const csv = await sup.get(`/roster/month/${mid}/csv`);
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type'), /text\/csv/);
    assert.ok(csv.text.includes('2027-01-01,五,'), csv.text.slice(0, 200));
    const staff = await login('staff2');
    assertPage(await staff.get(`/roster/month/${mid}`), 200, ['排班表 2027-01']);
  });
});

describe('who may do what', T, () => {
  let staff;
  let draft;
  before(async () => {
    await setup();
    staff = await login('staff1');
    const sup = await login('supervisor');
    draft = await newMonth(sup, '2027-02');
  });

  test('duty staff do not see drafts and cannot generate, publish or edit cells', async () => {
    assert.equal((await staff.get(`/roster/month/${draft}`)).status, 404);
    const home = await staff.get('/roster');
    const token = csrfFrom(home.text);
    for (const a of ['generate', 'publish']) {
      const r = await staff.post(`/roster/month/${draft}/${a}`, { _csrf: token });
      assert.equal(r.status, 403, `${a}: ${brief(r)}`);
    }
    assert.equal((await staff.get(`/roster/month/${draft}/cell?user_id=${uid.staff1}&day=2027-02-01`)).status, 403);
    assert.equal((await staff.post('/roster/months/new', { _csrf: token, month: '2027-05' })).status, 403);
    assert.equal((await staff.post('/roster/holidays/new', { _csrf: token, day: '2027-05-01', kind: 'holiday', name: 'x' })).status, 403);
  });

  test('a POST without _csrf is refused', async () => {
    const sup = await login('supervisor');
    const r = await sup.post(`/roster/month/${draft}/generate`, {});
    assert.equal(r.status, 403);
    assert.equal(await entries(draft), '0');
  });

  test('a supervisor of another site gets 404 for this site\'s month and requests', async () => {
    const admin = await login('admin');
    const code = uniq('R').toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 10);
    const s = await admin.submit('/admin/sites/new', { code, name: '别的小区' + code, address: '', phone: '' });
    assert.equal(s.status, 303, brief(s));
    const other = await sqlOne(`SELECT id FROM sites WHERE code=${q(code)}`);
    const u = await createUser(admin, { site_id: other, roles: ['supervisor'] });
    const { client } = await loginNew(u.username, u.password);
    assert.equal((await client.get(`/roster/month/${draft}`)).status, 404);
    assert.equal((await client.get(`/roster/month/${draft}/print`)).status, 404);
    const anyReq = await sqlOne(`SELECT COALESCE(MAX(id), 1) FROM roster_requests`);
    assert.equal((await client.get(`/roster/requests/${anyReq}`)).status, 404);
    const home = await client.get(`/roster/month/${draft}/cell?user_id=${uid.staff1}&day=2027-02-01`);
    assert.equal(home.status, 404);
  });

  test('holidays: the 2026 notice is loaded; the admin adds a later year, a duplicate is refused beside the field', async () => {
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM holidays WHERE YEAR(day)=2026`), '39');
    const admin = await login('admin');
    const page = await admin.get('/roster/holidays?year=2026');
    assertPage(page, 200, ['国庆节', '调休上班']);
    let r = await admin.submit('/roster/holidays?year=2027', { day: '2027-01-01', kind: 'holiday', name: '元旦', statutory: '1' }, { action: '/roster/holidays/new' });
    assert.equal(r.status, 303, brief(r));
    r = await admin.submit('/roster/holidays?year=2027', { day: '2027-01-01', kind: 'holiday', name: '元旦' }, { action: '/roster/holidays/new' });
    assertPage(r, 200);
    assert.match(fieldError(r.text, 'day'), /已有记录/);
    r = await admin.submit('/roster/holidays?year=2027', { day: '2027-01-01' }, { action: '/roster/holidays/delete' });
    assert.equal(r.status, 303, brief(r));
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM holidays WHERE day='2027-01-01'`), '0');
  });
});

describe('a month with public holidays is staffed at the holiday headcount', T, () => {
  test('October 2026: 国庆 1-7 get 3 + 3 + 2, the worked Saturday 10-10 is no weekend', async () => {
    await setup();
    const sup = await login('supervisor');
    const mid = await newMonth(sup, '2026-10');
    const r = await post(sup, `/roster/month/${mid}`, `/roster/month/${mid}/generate`);
    assert.equal(r.status, 303, brief(r));
    const per = Object.fromEntries(await sql(`SELECT s.name, COUNT(*) FROM roster_entries e JOIN shifts s ON s.id=e.shift_id WHERE e.month_id=${mid} AND e.day='2026-10-01' GROUP BY s.name`));
    assert.deepEqual(per, { '早班': '3', '中班': '3', '夜班': '2' });
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM roster_entries WHERE month_id=${mid} AND day='2026-10-08'`), '5');
    const page = await sup.get(`/roster/month/${mid}`);
    assertPage(page, 200, ['节日']);
    assert.match(page.text, /class="hol" title="2026-10-01 国庆节"/);
  });
});

describe('swap and leave requests', T, () => {
  let staff1;
  let sup;
  let mid;
  let start;
  before(async () => {
    await setup();
    staff1 = await login('staff1');
    sup = await login('supervisor');
    // The demo's published current month: a ten-day rotation 早 早 中 中 夜 then five days off,
    // staff1 first, staff6 five days later.
    [[mid, start]] = await sql(`SELECT id, DATE_FORMAT(month, '%Y-%m-%d') FROM roster_months WHERE site_id=${ch} AND month=DATE_FORMAT(CURDATE(), '%Y-%m-01')`);
  });

  const ask = (client, fields) => client.submit('/roster/requests/new', fields, { action: '/roster/requests/new' });
  const swap = (over = {}) => ({
    kind: 'swap', day: dayOf(start, 11), shift_id: shift['早班'], partner_id: uid.staff6,
    other_day: dayOf(start, 7), other_shift_id: shift['中班'], reason: '家中有事', ...over,
  });

  test('each refusal is shown beside its field and writes nothing', async () => {
    const before = await sqlOne('SELECT COUNT(*) FROM roster_requests');
    const cases = [
      [{ partner_id: uid.staff1 }, 'partner_id', /不能与自己调班/],
      [{ partner_id: uid.staff2, other_day: dayOf(start, 10), other_shift_id: shift['早班'] }, 'other_shift_id', /已经在对方的班次上/],
      [{ other_day: '2031-01-01' }, 'other_day', /不在该月/],
      [{ shift_id: shift['夜班'] }, 'shift_id', /没有这个班次/],
      [{ reason: '' }, 'reason', /请填写原因/],
      [{ day: '2031-01-05' }, 'day', /还没有排班表/],
    ];
    for (const [over, field, msg] of cases) {
      const r = await ask(staff1, swap(over));
      assertPage(r, 200);
      assert.match(fieldError(r.text, field), msg, `${JSON.stringify(over)}: ${fieldError(r.text, field)}`);
    }
    assert.equal(await sqlOne('SELECT COUNT(*) FROM roster_requests'), before, 'nothing written');
  });

  test('staff1 asks for a swap; nothing changes until the supervisor approves; then the roster and the people affected see it', async () => {
    const v0 = await sqlOne(`SELECT version FROM roster_months WHERE id=${mid}`);
    const r = await ask(staff1, swap());
    assert.equal(r.status, 303, brief(r));
    const rid = /\/roster\/requests\/(\d+)$/.exec(locPath(r.location))[1];
    assert.equal(await sqlOne(`SELECT status FROM roster_requests WHERE id=${rid}`), 'pending');
    assert.equal(await sqlOne(`SELECT version FROM roster_months WHERE id=${mid}`), v0, 'roster unchanged');
    // staff1 cannot approve their own request.
    const own = await staff1.get(`/roster/requests/${rid}`);
    assertPage(own, 200, ['待审批']);
    assert.ok(!own.text.includes('/approve'), 'no approval form for staff');
    assert.equal((await staff1.post(`/roster/requests/${rid}/approve`, { _csrf: csrfFrom(own.text) })).status, 403);
    // The supervisor sees the rule check and approves.
    const page = await sup.get(`/roster/requests/${rid}`);
    assertPage(page, 200, ['不违反任何规则']);
    const a = await sup.submit(`/roster/requests/${rid}`, { decision_reason: '同意' }, { action: `/roster/requests/${rid}/approve` });
    assertRedirect(a, `/roster/requests/${rid}`);
    assert.equal(await sqlOne(`SELECT status FROM roster_requests WHERE id=${rid}`), 'approved');
    assert.equal(await sqlOne(`SELECT version FROM roster_months WHERE id=${mid}`), String(Number(v0) + 1));
    const on = (u, d, s) => sqlOne(`SELECT COUNT(*) FROM roster_entries WHERE month_id=${mid} AND version_to IS NULL AND user_id=${uid[u]} AND day='${d}' AND shift_id=${shift[s]}`);
    assert.equal(await on('staff1', dayOf(start, 7), '中班'), '1');
    assert.equal(await on('staff6', dayOf(start, 11), '早班'), '1');
    assert.equal(await on('staff1', dayOf(start, 11), '早班'), '0');
    assert.equal(await sqlOne(`SELECT request_id FROM roster_changes WHERE month_id=${mid} AND version=${Number(v0) + 1}`), rid);
    const home = await (await login('staff6')).get('/roster');
    assertPage(home, 200, ['与我有关的排班变更', '新增']);
    // Approving again changes nothing.
    const again = await sup.submit(`/roster/requests/${rid}`, {}, { action: `/roster/requests/${rid}/approve` });
    assert.equal(again.status, 303);
    assert.equal(await sqlOne(`SELECT version FROM roster_months WHERE id=${mid}`), String(Number(v0) + 1));
  });

  test('leave: overlapping leave is refused; approval needs a substitute who breaks no rule; the roster changes then', async () => {
    // Days 20-21 of the rotation: staff1 on 早 both days.
    let r = await ask(staff1, { kind: 'leave', day: dayOf(start, 20), to_day: dayOf(start, 21), reason: '病假' });
    assert.equal(r.status, 303, brief(r));
    const rid = /\/roster\/requests\/(\d+)$/.exec(locPath(r.location))[1];
    r = await ask(staff1, { kind: 'leave', day: dayOf(start, 21), to_day: dayOf(start, 22), reason: '再请一天' });
    assertPage(r, 200);
    assert.match(fieldError(r.text, 'day'), /重叠/);
    r = await ask(staff1, { kind: 'leave', day: dayOf(start, 22), to_day: dayOf(start, 21), reason: '倒过来' });
    assert.match(fieldError(r.text, 'to_day'), /不能早于/);
    // No substitute: refused, nothing changed.
    const v0 = await sqlOne(`SELECT version FROM roster_months WHERE id=${mid}`);
    r = await sup.submit(`/roster/requests/${rid}`, { substitute_id: '' }, { action: `/roster/requests/${rid}/approve` });
    assertPage(r, 200);
    assert.match(fieldError(r.text, 'substitute_id'), /顶班/);
    assert.equal(await sqlOne(`SELECT version FROM roster_months WHERE id=${mid}`), v0);
    // The page suggests substitutes who break no rule; the first is taken.
    const page = await sup.get(`/roster/requests/${rid}`);
    const group = /<optgroup label="不违反规则[^"]*">(.*?)<\/optgroup>/s.exec(page.text);
    assert.ok(group, 'suggestions shown');
    const sub = /value="(\d+)"/.exec(group[1])[1];
    r = await sup.submit(`/roster/requests/${rid}`, { substitute_id: sub }, { action: `/roster/requests/${rid}/approve` });
    assertRedirect(r, `/roster/requests/${rid}`);
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM roster_entries WHERE month_id=${mid} AND version_to IS NULL AND user_id=${uid.staff1} AND day BETWEEN '${dayOf(start, 20)}' AND '${dayOf(start, 21)}'`), '0');
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM roster_entries WHERE month_id=${mid} AND version_to IS NULL AND user_id=${sub} AND day BETWEEN '${dayOf(start, 20)}' AND '${dayOf(start, 21)}' AND shift_id=${shift['早班']}`), '2');
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM roster_absences WHERE request_id=${rid} AND kind='leave'`), '1');
  });

  test('reject needs a reason and leaves the roster as it is', async () => {
    let r = await ask(staff1, swap({ day: dayOf(start, 12), shift_id: shift['中班'], other_day: dayOf(start, 8), other_shift_id: shift['中班'] }));
    assert.equal(r.status, 303, brief(r));
    const rid = /\/roster\/requests\/(\d+)$/.exec(locPath(r.location))[1];
    const v0 = await sqlOne(`SELECT version FROM roster_months WHERE id=${mid}`);
    r = await sup.submit(`/roster/requests/${rid}`, { decision_reason: '' }, { action: `/roster/requests/${rid}/reject` });
    assertPage(r, 200);
    assert.match(fieldError(r.text, 'decision_reason'), /请填写原因/);
    r = await sup.submit(`/roster/requests/${rid}`, { decision_reason: '人手不足' }, { action: `/roster/requests/${rid}/reject` });
    assertRedirect(r, `/roster/requests/${rid}`);
    assert.equal(await sqlOne(`SELECT status FROM roster_requests WHERE id=${rid}`), 'rejected');
    assert.equal(await sqlOne(`SELECT version FROM roster_months WHERE id=${mid}`), v0);
  });

  test('the supervisor asks on someone\'s behalf; my shifts as iCalendar; on duty now on the roster page', async () => {
    const r = await ask(sup, { ...swap({ day: dayOf(start, 0), shift_id: shift['早班'], other_day: dayOf(start, 5), other_shift_id: shift['早班'] }), requester_id: uid.staff1 });
    assert.equal(r.status, 303, brief(r));
    const rid = /\/roster\/requests\/(\d+)$/.exec(locPath(r.location))[1];
    assert.deepEqual((await sql(`SELECT requester_id, created_by FROM roster_requests WHERE id=${rid}`))[0], [uid.staff1, uid.supervisor]);
    const ics = await staff1.get('/roster/me.ics');
    assert.equal(ics.status, 200);
    assert.match(ics.headers.get('content-type'), /text\/calendar/);
    assert.ok(ics.text.startsWith('BEGIN:VCALENDAR'));
    const home = await staff1.get('/roster');
    assertPage(home, 200, ['正在值班', '下一班', '我的班次']);
  });
});
