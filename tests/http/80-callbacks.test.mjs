// The callback desk (回访, dd-callback): the due list (overdue first, resident, unit, phone,
// request number, work done, the link to the request's callback form), plan callbacks
// recorded (reached / not reached, satisfaction 1–5), the records filed by category with
// search and CSV, callback plans (created by building, units or requests; refused dates,
// residents and units; approval by someone else; corrections once approved), the next-day
// report (a past day only, one per day, the writer's changes before review, the review by
// another supervisor or the manager, corrections as stamps, overdue days, the printed form),
// and another site's records.
//
// The request side (dd-req) is not this program's: done work orders and their due
// callbacks are inserted by SQL (tests/lib/callbacks.mjs).
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  login, csrfToken, fieldError, textOf, brief, sql, sqlOne, q, uniq, siteId, locPath, inputValue,
  serverNow,
} from '../lib/http.mjs';
import { spareDay, building, resident, doneOrderWithCallback, madeCallback } from '../lib/callbacks.mjs';

const T = { timeout: 180000 };
const count = (table, where) => sqlOne(`SELECT COUNT(*) FROM ${table} WHERE ${where}`);
const audits = (entity, id, action) => count('audit_log', `entity=${q(entity)} AND entity_id=${id}${action ? ` AND action=${q(action)}` : ''}`);

/** The plan form with `over` on top of good values (to_day a week ahead). */
async function planForm(over = {}) {
  const today = (await serverNow()).date;
  const inWeek = await sqlOne(`SELECT DATE_FORMAT(CURDATE() + INTERVAL 6 DAY, '%Y-%m-%d')`);
  return { kind: 'routine', title: '测试回访计划' + uniq(''), purpose: '了解住户对维修服务的意见', method: 'phone',
    from_day: today, to_day: inWeek, pick: 'building', ...over };
}

/** Creates a plan through the form; returns its id. */
async function createPlan(client, over) {
  const r = await client.post('/callbacks/plans/new', { ...(await planForm(over)), _csrf: await csrfToken(client) });
  assert.equal(r.status, 303, `create plan: ${brief(r)}`);
  const m = /^\/callbacks\/plans\/(\d+)$/.exec(locPath(r.location));
  assert.ok(m, `303 to the plan: ${r.location}`);
  return m[1];
}

describe('callbacks', T, () => {
  let ch, staff1, staff2, supervisor, manager, director;
  before(async () => {
    ch = await siteId('CH');
    [staff1, staff2, supervisor, manager, director] = await Promise.all(
      ['staff1', 'staff2', 'supervisor', 'manager', 'director'].map((u) => login(u)));
  });

  test('due list: overdue first, resident, unit, phone, request number and work done; a work order callback goes to its request', T, async () => {
    const b = await building(ch, 2);
    const day = await spareDay(ch);
    const late = await doneOrderWithCallback(ch, b.residents[1], { dueAt: `${day} 15:00:00`, result: '更换了门锁芯' });
    const early = await doneOrderWithCallback(ch, b.residents[0], { dueAt: `${day} 09:00:00`, result: '疏通了下水道' });
    const r = await staff1.get(`/callbacks?kind=order&from=${day}&to=${day}`);
    assert.equal(r.status, 200, brief(r));
    const t = textOf(r.text);
    for (const s of [b.residents[0].name, b.residents[0].phone, b.units[0].code, early.number, '疏通了下水道', late.number, '更换了门锁芯', '逾期']) {
      assert.ok(t.includes(s), `the list shows ${s}`);
    }
    assert.ok(t.indexOf(early.number) < t.indexOf(late.number), 'the longest overdue comes first');
    assert.ok(r.text.includes(`href="/requests/${early.requestId}#callback"`), 'links to the request\'s callback form');
    // The callback itself is recorded by dd-req: /callbacks/<id> goes there; a POST here is refused.
    const g = await staff1.get(`/callbacks/${early.callbackId}`);
    assert.equal(g.status, 303);
    assert.equal(locPath(g.location), `/requests/${early.requestId}#callback`);
    const p = await staff1.post(`/callbacks/${early.callbackId}`, { reached: 'yes', method: 'phone', satisfaction: '5', _csrf: await csrfToken(staff1) });
    assert.equal(p.status, 409, brief(p));
    assert.equal(await sqlOne(`SELECT status FROM callbacks WHERE id=${early.callbackId}`), 'due');
    // The manager reads; the director is not a reader of the desk.
    assert.equal((await manager.get(`/callbacks?kind=order&from=${day}&to=${day}`)).status, 200);
    assert.equal((await director.get('/callbacks')).status, 403);
    // The done list of the day: none yet; once made, it is there.
    await madeCallback(early.callbackId, `${day} 16:00:00`, { satisfaction: 4, words: '师傅很负责' });
    const d = await staff1.get(`/callbacks?status=done&from=${day}&to=${day}`);
    assert.ok(textOf(d.text).includes('师傅很负责'), 'the done list shows the words');
    assert.ok(!textOf(d.text).includes(late.number), 'the done list has only done ones');
  });

  test('plan: refused input beside the field, kept, nothing written (dates reversed, to_day past, no residents, unknown units)', T, async () => {
    const before = await count('callback_plans', `site_id=${ch}`);
    const empty = await building(ch, 2, { residents: false });
    const today = (await serverNow()).date;
    const yesterday = await sqlOne(`SELECT DATE_FORMAT(CURDATE() - INTERVAL 1 DAY, '%Y-%m-%d')`);
    const cases = [
      [{ from_day: today, to_day: yesterday, building: empty.id }, 'to_day', /早于开始日期/],
      [{ from_day: '2020-01-01', to_day: '2020-01-31', building: empty.id }, 'to_day', /早于今天/],
      [{ building: empty.id }, 'building', /没有符合条件的住户/],
      [{ pick: 'building' }, 'building', /选择楼栋/],
      [{ pick: 'units', units: `${empty.units[0].code} ZZ-9999` }, 'units', /ZZ-9999/],
      [{ pick: 'units', units: empty.units.map((u) => u.code).join('，') }, 'units', /没有符合条件的住户/],
      [{ pick: 'requests', req_from: '2019-01-01' }, 'req_to', /期间/],
      [{ title: '' , building: empty.id }, 'title', /请填写/],
    ];
    for (const [over, field, re] of cases) {
      const form = await planForm(over);
      const r = await staff1.post('/callbacks/plans/new', { ...form, _csrf: await csrfToken(staff1) });
      assert.equal(r.status, 200, `${JSON.stringify(over)}: ${brief(r)}`);
      assert.match(fieldError(r.text, field), re, `${JSON.stringify(over)}: message beside ${field}`);
      assert.equal(inputValue(r.text, 'purpose'), form.purpose, 'the input is kept');
      if (over.units) assert.equal(inputValue(r.text, 'units'), over.units, 'the units typed are kept');
    }
    assert.equal(await count('callback_plans', `site_id=${ch}`), before, 'no plan written');
  });

  test('plan by building: a draft with one callback per resident within the dates; approved by someone else; then fixed and corrected', T, async () => {
    const b = await building(ch, 3);
    const form = await planForm({ building: b.id, to_day: await sqlOne(`SELECT DATE_FORMAT(CURDATE() + INTERVAL 2 DAY, '%Y-%m-%d')`) });
    const r0 = await staff1.post('/callbacks/plans/new', { ...form, _csrf: await csrfToken(staff1) });
    assert.equal(r0.status, 303, brief(r0));
    const id = /(\d+)$/.exec(locPath(r0.location))[1];
    assert.equal(await sqlOne(`SELECT status FROM callback_plans WHERE id=${id}`), 'draft');
    assert.equal(await count('callbacks', `plan_id=${id} AND status='due'`), '3');
    assert.equal(await count('callbacks', `plan_id=${id} AND (due_at < ${q(form.from_day)} OR due_at >= ${q(form.to_day)} + INTERVAL 1 DAY)`), '0', 'due within the plan dates');
    assert.equal(await audits('callback_plan', id, 'create'), '1');
    // A draft is not due yet.
    let r = await staff1.get(`/callbacks?plan=${id}`);
    assert.ok(!textOf(r.text).includes(b.residents[0].name), 'a draft plan\'s residents are not due');
    const cb = await sqlOne(`SELECT id FROM callbacks WHERE plan_id=${id} ORDER BY id LIMIT 1`);
    r = await staff1.post(`/callbacks/${cb}`, { reached: 'yes', method: 'phone', satisfaction: '5', _csrf: await csrfToken(staff1) });
    assert.equal(r.status, 409, 'no call on a draft');
    // The draft changes directly (refusal kept beside the field first).
    r = await staff1.post(`/callbacks/plans/${id}`, { ...form, to_day: '2020-01-01', _csrf: await csrfToken(staff1) });
    assert.equal(r.status, 200);
    assert.match(fieldError(r.text, 'to_day'), /早于/);
    r = await staff1.post(`/callbacks/plans/${id}`, { ...form, title: form.title + '（改）', _csrf: await csrfToken(staff1) });
    assert.equal(r.status, 303, brief(r));
    assert.equal(await sqlOne(`SELECT title FROM callback_plans WHERE id=${id}`), form.title + '（改）');
    // Staff do not approve; the drafter does not approve their own.
    r = await staff1.post(`/callbacks/plans/${id}/approve`, { _csrf: await csrfToken(staff1) });
    assert.equal(r.status, 403);
    const own = await createPlan(supervisor, { building: b.id });
    r = await supervisor.post(`/callbacks/plans/${own}/approve`, { _csrf: await csrfToken(supervisor) });
    assert.equal(r.status, 409, 'the supervisor cannot approve a plan they drafted');
    assert.equal(await sqlOne(`SELECT status FROM callback_plans WHERE id=${own}`), 'draft');
    r = await manager.post(`/callbacks/plans/${own}/approve`, { _csrf: await csrfToken(manager) });
    assert.equal(r.status, 303, 'the manager approves it');
    r = await supervisor.post(`/callbacks/plans/${id}/approve`, { _csrf: await csrfToken(supervisor) });
    assert.equal(r.status, 303, brief(r));
    assert.equal(await sqlOne(`SELECT status FROM callback_plans WHERE id=${id}`), 'approved');
    assert.equal(await audits('callback_plan', id, 'approve'), '1');
    r = await staff1.get(`/callbacks?plan=${id}`);
    assert.ok(textOf(r.text).includes(b.residents[0].name), 'approved: its residents are due');
    // Fixed: no more changes in place, a correction instead.
    r = await staff1.post(`/callbacks/plans/${id}`, { ...form, title: '再改', _csrf: await csrfToken(staff1) });
    assert.equal(r.status, 409);
    r = await staff1.post(`/callbacks/plans/${id}/correct`, { field: 'purpose', text: '', reason: '', _csrf: await csrfToken(staff1) });
    assert.equal(r.status, 200);
    assert.ok(fieldError(r.text, 'reason'), 'a correction needs its reason');
    r = await staff1.post(`/callbacks/plans/${id}/correct`, { field: 'purpose', text: '了解住户对维修和保洁的意见', reason: '漏写保洁', _csrf: await csrfToken(staff1) });
    assert.equal(r.status, 303, brief(r));
    assert.equal(await sqlOne(`SELECT purpose FROM callback_plans WHERE id=${id}`), form.purpose, 'the original stays');
    assert.equal(await count('record_corrections', `entity='callback_plan' AND entity_id=${id}`), '1');
    assert.equal(await audits('callback_plan', id, 'correct'), '1');
    r = await staff1.get(`/callbacks/plans/${id}`);
    assert.match(r.text, /class="stamp"[\s\S]*<del class="pre">了解住户对维修服务的意见<\/del>[\s\S]*了解住户对维修和保洁的意见[\s\S]*漏写保洁/);
  });

  test('plan by units and by requests of a type in a period', T, async () => {
    const b = await building(ch, 4);
    let id = await createPlan(staff1, { pick: 'units', units: `${b.units[0].code}, ${b.units[2].code.toLowerCase()}` });
    assert.equal(await sqlOne(`SELECT GROUP_CONCAT(resident_id ORDER BY resident_id) FROM callbacks WHERE plan_id=${id}`),
      [b.residents[0].id, b.residents[2].id].join(','));
    const day = await spareDay(ch);
    const complaint = await doneOrderWithCallback(ch, b.residents[1], { type: 'complaint', at: `${day} 10:00:00` });
    await doneOrderWithCallback(ch, b.residents[3], { type: 'repair', at: `${day} 11:00:00` });
    id = await createPlan(staff1, { kind: 'special', pick: 'requests', req_type: 'complaint', req_from: day, req_to: day });
    assert.equal(await sqlOne(`SELECT GROUP_CONCAT(resident_id) FROM callbacks WHERE plan_id=${id}`), String(b.residents[1].id),
      'only the resident who complained in the period');
    // The call's page shows the resident's latest requests (to prepare the call).
    await supervisor.post(`/callbacks/plans/${id}/approve`, { _csrf: await csrfToken(supervisor) });
    const cb = await sqlOne(`SELECT id FROM callbacks WHERE plan_id=${id}`);
    const r = await staff1.get(`/callbacks/${cb}`);
    assert.ok(r.text.includes(`href="/requests/${complaint.requestId}"`) && textOf(r.text).includes(complaint.number), 'the resident\'s request listed');
  });

  test('plan callbacks recorded: satisfaction outside 1–5 refused, unreached keeps it due, reached is done; the last one finishes the plan', T, async () => {
    const b = await building(ch, 2);
    const id = await createPlan(staff1, { building: b.id });
    let r = await supervisor.post(`/callbacks/plans/${id}/approve`, { _csrf: await csrfToken(supervisor) });
    assert.equal(r.status, 303);
    const [a, c] = (await sql(`SELECT id FROM callbacks WHERE plan_id=${id} ORDER BY id`)).map((x) => x[0]);
    r = await staff1.get(`/callbacks/${a}`);
    assert.equal(r.status, 200);
    assert.ok(textOf(r.text).includes(b.residents[0].phone), 'the resident\'s phone');
    for (const sat of ['6', '0', 'x']) {
      r = await staff1.post(`/callbacks/${a}`, { reached: 'yes', method: 'phone', satisfaction: sat, words: '还可以', _csrf: await csrfToken(staff1) });
      assert.equal(r.status, 200, `satisfaction ${sat}: ${brief(r)}`);
      assert.ok(fieldError(r.text, 'satisfaction'), `satisfaction ${sat} refused beside the field`);
      assert.equal(inputValue(r.text, 'words'), '还可以', 'the words are kept');
    }
    r = await staff1.post(`/callbacks/${a}`, { reached: 'yes', method: 'phone', satisfaction: '', _csrf: await csrfToken(staff1) });
    assert.match(fieldError(r.text, 'satisfaction'), /满意度/);
    assert.equal(await sqlOne(`SELECT CONCAT(status, ' ', attempts) FROM callbacks WHERE id=${a}`), 'due 0', 'nothing changed');
    // Not reached: one attempt, still due.
    r = await staff1.post(`/callbacks/${a}`, { reached: 'no', method: 'phone', note: '无人接听', _csrf: await csrfToken(staff1) });
    assert.equal(r.status, 303, brief(r));
    assert.equal(await sqlOne(`SELECT CONCAT(status, ' ', attempts, ' ', last_attempt_at IS NOT NULL) FROM callbacks WHERE id=${a}`), 'due 1 1');
    assert.equal(await audits('callback', a, 'callback_attempt'), '1');
    r = await staff1.get(`/callbacks/${a}`);
    assert.ok(textOf(r.text).includes('未接通 ×1'));
    // The due list by who tried last.
    const s1 = await sqlOne(`SELECT id FROM users WHERE username='staff1'`);
    const s2 = await sqlOne(`SELECT id FROM users WHERE username='staff2'`);
    assert.ok(textOf((await staff1.get(`/callbacks?plan=${id}&staff=${s1}`)).text).includes(b.residents[0].name));
    assert.ok(!textOf((await staff1.get(`/callbacks?plan=${id}&staff=${s2}`)).text).includes(b.residents[0].name));
    // Reached.
    r = await staff1.post(`/callbacks/${a}`, { reached: 'yes', method: 'visit', satisfaction: '2', words: '维修太慢', note: '已转主管', _csrf: await csrfToken(staff1) });
    assert.equal(r.status, 303, brief(r));
    assert.equal(await sqlOne(`SELECT CONCAT_WS(' ', status, method, satisfaction, words, attempts) FROM callbacks WHERE id=${a}`), 'done visit 2 维修太慢 1');
    assert.equal(await audits('callback', a, 'callback'), '1');
    assert.equal(await sqlOne(`SELECT note FROM callbacks WHERE id=${a}`), '无人接听\n已转主管', 'the notes of both attempts kept');
    r = await staff1.post(`/callbacks/${a}`, { reached: 'yes', method: 'phone', satisfaction: '5', _csrf: await csrfToken(staff1) });
    assert.equal(r.status, 409, 'recorded once');
    assert.equal(await sqlOne(`SELECT satisfaction FROM callbacks WHERE id=${a}`), '2');
    // Progress, then the last one finishes the plan.
    r = await staff1.get(`/callbacks/plans/${id}`);
    assert.match(textOf(r.text), /已回访 1\/2 · 已接通 1 · 平均满意度 2\.0/);
    assert.equal(await sqlOne(`SELECT status FROM callback_plans WHERE id=${id}`), 'approved');
    r = await staff2.post(`/callbacks/${c}`, { reached: 'yes', method: 'phone', satisfaction: '5', words: '很满意', _csrf: await csrfToken(staff2) });
    assert.equal(r.status, 303);
    assert.equal(await sqlOne(`SELECT status FROM callback_plans WHERE id=${id}`), 'done');
    // The manager reads but does not record.
    r = await manager.post(`/callbacks/${c}`, { reached: 'yes', method: 'phone', satisfaction: '5', _csrf: await csrfToken(manager) });
    assert.equal(r.status, 403);
  });

  test('a plan\'s resident not to be called: cancelled with a reason (refused without), audited; the plan finishes without them', T, async () => {
    const b = await building(ch, 2);
    const id = await createPlan(staff1, { building: b.id });
    const [a, c] = (await sql(`SELECT id FROM callbacks WHERE plan_id=${id} ORDER BY id`)).map((x) => x[0]);
    // In the draft already (a resident taken off the list).
    let r = await staff1.post(`/callbacks/${a}/cancel`, { reason: '', _csrf: await csrfToken(staff1) });
    assert.equal(r.status, 200);
    assert.ok(fieldError(r.text, 'reason'), 'the reason is required');
    assert.equal(await sqlOne(`SELECT status FROM callbacks WHERE id=${a}`), 'due');
    r = await staff1.post(`/callbacks/${a}/cancel`, { reason: '已搬离', _csrf: await csrfToken(staff1) });
    assert.equal(r.status, 303, brief(r));
    assert.equal(await sqlOne(`SELECT CONCAT(status, ' ', note) FROM callbacks WHERE id=${a}`), 'cancelled 已搬离');
    assert.equal(await audits('callback', a, 'cancel'), '1');
    r = await staff1.post(`/callbacks/${a}/cancel`, { reason: '再取消', _csrf: await csrfToken(staff1) });
    assert.equal(r.status, 409, 'once');
    r = await manager.post(`/callbacks/${c}/cancel`, { reason: 'x', _csrf: await csrfToken(manager) });
    assert.equal(r.status, 403, 'the manager reads only');
    const o = await doneOrderWithCallback(ch, b.residents[0]);
    r = await staff1.post(`/callbacks/${o.callbackId}/cancel`, { reason: 'x', _csrf: await csrfToken(staff1) });
    assert.equal(r.status, 409, 'a work order\'s callback is not cancelled here');
    await supervisor.post(`/callbacks/plans/${id}/approve`, { _csrf: await csrfToken(supervisor) });
    r = await staff1.get(`/callbacks/plans/${id}`);
    assert.match(textOf(r.text), /已回访 0\/1/, 'the cancelled one does not count');
    assert.ok(textOf(r.text).includes('已取消'));
    r = await staff1.post(`/callbacks/${c}`, { reached: 'yes', method: 'phone', satisfaction: '4', _csrf: await csrfToken(staff1) });
    assert.equal(r.status, 303);
    assert.equal(await sqlOne(`SELECT status FROM callback_plans WHERE id=${id}`), 'done');
  });

  test('records: filed by category, searched, paged, CSV', T, async () => {
    const b = await building(ch, 2);
    const day = await spareDay(ch);
    const word = '记录检索' + uniq('');
    const o = await doneOrderWithCallback(ch, b.residents[0], { type: 'complaint' });
    await madeCallback(o.callbackId, `${day} 10:00:00`, { satisfaction: 1, words: word + '，噪音还在' });
    let r = await staff1.get(`/callbacks/records?cat=complaint&q=${encodeURIComponent(word)}`);
    assert.equal(r.status, 200);
    let t = textOf(r.text);
    assert.ok(t.includes(word) && t.includes(o.number) && t.includes('不满意'), 'found by its words, marked unsatisfied');
    assert.match(t, /共 1\b/);
    r = await staff1.get(`/callbacks/records?cat=repair&q=${encodeURIComponent(word)}`);
    assert.match(textOf(r.text), /共 0\b/, 'not filed under repairs');
    r = await staff1.get(`/callbacks/records?from=${day}&to=${day}&q=${encodeURIComponent(b.residents[0].phone)}`);
    assert.ok(textOf(r.text).includes(word), 'found by the phone in the day');
    r = await staff1.get(`/callbacks/records?q=${encodeURIComponent('%')}&from=${day}&to=${day}`);
    assert.match(textOf(r.text), /共 0\b/, 'a % typed is a literal');
    r = await staff1.get(`/callbacks/records?from=2020-13-45`);
    assert.equal(r.status, 200);
    assert.ok(fieldError(r.text, 'from'), 'a bad date is shown beside the filter');
    r = await staff1.get(`/callbacks/records.csv?cat=complaint&q=${encodeURIComponent(word)}`);
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type'), /text\/csv/);
    const lines = r.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    assert.equal(lines.length, 2, 'header and one record');
    assert.ok(lines[0].startsWith('回访时间,类别,住户'));
    assert.ok(lines[1].includes(word) && lines[1].includes('投诉'));
    // Paged: 20 a page.
    const many = await building(ch, 1);
    const tag = '分页' + uniq('');
    for (let i = 0; i < 21; i++) {
      const x = await doneOrderWithCallback(ch, many.residents[0]);
      await madeCallback(x.callbackId, `${day} 11:${String(i).padStart(2, '0')}:00`, { words: tag });
    }
    r = await staff1.get(`/callbacks/records?q=${encodeURIComponent(tag)}`);
    assert.match(textOf(r.text), /共 21\b/);
    assert.ok(r.text.includes('rel="next"'), 'a next page');
    r = await staff1.get(`/callbacks/records?q=${encodeURIComponent(tag)}&page=2`);
    assert.equal((r.text.match(new RegExp(tag, 'g')) || []).length >= 1, true);
    assert.ok(r.text.includes('rel="prev"'));
  });

  test('records: the tab counts and the pager take a new record at once, and equal a recount of the callbacks', T, async () => {
    /** The tabs' counts of /callbacks/records as { code: n }, and the pager's total. */
    async function tabs() {
      const r = await staff1.get('/callbacks/records');
      assert.equal(r.status, 200, brief(r));
      const n = {};
      for (const m of r.text.matchAll(/href="\/callbacks\/records\?cat=(\w+)"[^>]*>[^<]*<span class="muted">(\d+)<\/span>/g)) n[m[1]] = Number(m[2]);
      return { n, total: Number(/共 (\d+)/.exec(textOf(r.text))?.[1]) };
    }
    const b = await building(ch, 1);
    const before = await tabs();
    assert.ok(before.n.repair >= 0 && before.n.complaint >= 0, `tabs read: ${JSON.stringify(before.n)}`);
    const o = await doneOrderWithCallback(ch, b.residents[0], { type: 'repair' });
    await tabs();   // the due callback counts nowhere yet
    await madeCallback(o.callbackId, `${await spareDay(ch)} 09:30:00`);
    for (let i = 0; i < 4; i++) {   // every worker answers with the new count
      const after = await tabs();
      assert.equal(after.n.repair, before.n.repair + 1, 'the repair tab counts the new record');
      assert.equal(after.n.complaint, before.n.complaint, 'the complaint tab unchanged');
      assert.equal(after.total, before.total + 1, 'the pager counts it');
    }
    // The counts kept by the triggers are those of a recount.
    const snap = () => sql(`SELECT category, n FROM cb_stats_cat WHERE site_id = ${ch} AND n <> 0 ORDER BY 1`);
    const kept = await snap();
    assert.ok(kept.length >= 2, 'counts kept');
    await sql(`CALL cb_stats_cat_rebuild(${ch})`);
    assert.deepEqual(await snap(), kept);
  });

  test('next-day report: a past day only, once; the writer changes it before review; reviewed by another; then corrected as a stamp; printed', T, async () => {
    const b = await building(ch, 2);
    const day = await spareDay(ch);
    const bad = await doneOrderWithCallback(ch, b.residents[0], { type: 'complaint', description: '楼上噪音扰民' });
    await madeCallback(bad.callbackId, `${day} 10:30:00`, { satisfaction: 1, words: '问题没解决' });
    // What followed: a new work order after the callback (dd-req reopens).
    await sql(`INSERT INTO work_orders (site_id, request_id, department_id, status, instructions, due_at, dispatched_by, result)
      SELECT ${ch}, ${bad.requestId}, d.id, 'dispatched', '再次处理', NOW(), u.id, '' FROM departments d, users u WHERE d.site_id=${ch} AND d.name='安保部' AND u.username='staff1'`);
    const good = await doneOrderWithCallback(ch, b.residents[1]);
    await madeCallback(good.callbackId, `${day} 14:00:00`, { satisfaction: 5, words: '非常满意' });
    // The form lists the day's callbacks.
    let r = await staff1.get(`/callbacks/reports/new?day=${day}`);
    assert.equal(r.status, 200);
    let t = textOf(r.text);
    for (const s of [b.residents[0].name, bad.number, '问题没解决', '非常满意', '安保部']) assert.ok(t.includes(s), `lists ${s}`);
    assert.match(r.text, /class="cb-row cb-unsat"/, 'the unsatisfied one is highlighted');
    // Refusals: today, a missing summary.
    const today = (await serverNow()).date;
    const before = await count('callback_reports', `site_id=${ch}`);
    r = await staff1.post('/callbacks/reports/new', { day: today, summary: '今天的', _csrf: await csrfToken(staff1) });
    assert.equal(r.status, 200);
    assert.match(fieldError(r.text, 'day'), /已经过去/);
    assert.equal(inputValue(r.text, 'summary'), '今天的');
    r = await staff1.post('/callbacks/reports/new', { day, summary: '', _csrf: await csrfToken(staff1) });
    assert.ok(fieldError(r.text, 'summary'));
    assert.equal(await count('callback_reports', `site_id=${ch}`), before);
    // Written (by the supervisor here: the writer who could review, but not their own).
    r = await supervisor.post('/callbacks/reports/new', { day, summary: '回访 2 户，1 户不满意，已重新派单。', _csrf: await csrfToken(supervisor) });
    assert.equal(r.status, 303, brief(r));
    const id = /(\d+)$/.exec(locPath(r.location))[1];
    assert.equal(await audits('callback_report', id, 'create'), '1');
    r = await staff1.post('/callbacks/reports/new', { day, summary: '重复', _csrf: await csrfToken(staff1) });
    assert.match(fieldError(r.text, 'day'), /已经写过/);
    assert.equal((await staff1.get(`/callbacks/reports/new?day=${day}`)).status, 303, 'the day\'s report exists: go there');
    // Before review: the writer changes it; another writer does not.
    r = await staff1.post(`/callbacks/reports/${id}`, { summary: '别人改', _csrf: await csrfToken(staff1) });
    assert.equal(r.status, 403);
    r = await supervisor.post(`/callbacks/reports/${id}`, { summary: '回访 2 户，1 户不满意（噪音），已重新派单给安保部。', _csrf: await csrfToken(supervisor) });
    assert.equal(r.status, 303);
    assert.equal(await audits('callback_report', id, 'update'), '1');
    // Review: staff may not; the writer may not review their own (beside the comment, kept).
    r = await staff1.post(`/callbacks/reports/${id}/review`, { comment: 'x', _csrf: await csrfToken(staff1) });
    assert.equal(r.status, 403);
    r = await supervisor.post(`/callbacks/reports/${id}/review`, { comment: '自己审', _csrf: await csrfToken(supervisor) });
    assert.equal(r.status, 200);
    assert.match(fieldError(r.text, 'comment'), /不能审阅自己/);
    assert.equal(inputValue(r.text, 'comment'), '自己审');
    r = await manager.post(`/callbacks/reports/${id}/review`, { comment: '', _csrf: await csrfToken(manager) });
    assert.ok(fieldError(r.text, 'comment'), 'comments are required');
    assert.equal(await sqlOne(`SELECT reviewed_by IS NULL FROM callback_reports WHERE id=${id}`), '1');
    r = await manager.post(`/callbacks/reports/${id}/review`, { comment: '跟进噪音投诉，三天内再回访。', _csrf: await csrfToken(manager) });
    assert.equal(r.status, 303, brief(r));
    assert.equal(await audits('callback_report', id, 'review'), '1');
    r = await supervisor.post(`/callbacks/reports/${id}`, { summary: '改', _csrf: await csrfToken(supervisor) });
    assert.equal(r.status, 409, 'reviewed: no change in place');
    r = await manager.post(`/callbacks/reports/${id}/review`, { comment: '再审', _csrf: await csrfToken(manager) });
    assert.equal(r.status, 409, 'reviewed once');
    // Corrections: staff correct the summary, not the review's comments.
    r = await staff1.post(`/callbacks/reports/${id}/correct`, { field: 'review_comment', text: 'x', reason: 'y', _csrf: await csrfToken(staff1) });
    assert.equal(r.status, 200);
    assert.ok(fieldError(r.text, 'field'));
    r = await staff1.post(`/callbacks/reports/${id}/correct`, { field: 'summary', text: '回访 2 户，1 户不满意（噪音），已重新派单给安保部，次日复查。', reason: '补充复查安排', _csrf: await csrfToken(staff1) });
    assert.equal(r.status, 303, brief(r));
    assert.equal(await sqlOne(`SELECT summary FROM callback_reports WHERE id=${id}`), '回访 2 户，1 户不满意（噪音），已重新派单给安保部。', 'the original stays');
    assert.equal(await count('record_corrections', `entity='callback_report' AND entity_id=${id}`), '1');
    assert.equal(await audits('callback_report', id, 'correct'), '1');
    r = await staff1.get(`/callbacks/reports/${id}`);
    assert.match(r.text, /class="stamp"[\s\S]*<del class="pre">回访 2 户，1 户不满意（噪音），已重新派单给安保部。<\/del>[\s\S]*次日复查[\s\S]*补充复查安排/);
    t = textOf(r.text);
    assert.ok(t.includes('跟进噪音投诉') && t.includes('陈静'), 'the review and who');
    // Printed: HF number, QR code, the two signature boxes.
    r = await staff1.get(`/callbacks/reports/${id}/print`);
    assert.equal(r.status, 200);
    const number = await sqlOne(`SELECT number FROM form_numbers WHERE kind='callback_report' AND record_id=${id}`);
    assert.match(number, /^HF-/);
    t = textOf(r.text);
    for (const s of [number, '客户回访报告表', '填表人', '主管审阅', '问题没解决', '补充复查安排']) assert.ok(t.includes(s), `print shows ${s}`);
    assert.match(r.text, /<svg[^>]*>/);
    assert.ok(r.text.includes(`/r/${number}`));
    // The QR code's link opens the report; the number is kept for ever (shown on the report).
    r = await manager.get(`/r/${number}`);
    assert.equal(r.status, 303, brief(r));
    assert.equal(locPath(r.location), `/callbacks/reports/${id}`);
    assert.ok(textOf((await staff1.get(`/callbacks/reports/${id}`)).text).includes(number));
  });

  test('overdue: a day with callbacks and no report by the end of the next day is flagged; yesterday is not yet', T, async () => {
    // A site of its own (every recent day of CH may have its report already).
    const code = 'OD' + uniq('').toUpperCase().replace(/[^A-Z0-9]/g, '').slice(-6);
    const site = await sqlOne(`INSERT INTO sites (code, name) VALUES (${q(code)}, '回访测试处${code}'); SELECT LAST_INSERT_ID();`);
    await sql(`INSERT INTO req_settings (site_id) VALUES (${site}); INSERT INTO departments (site_id, name, phone) VALUES (${site}, '工程部', '1')`);
    const sup = uniq('ods');
    const st = uniq('odt');
    await sql(`INSERT INTO users (site_id, username, display_name, roles, pw_hash) SELECT ${site}, ${q(sup)}, '测试主管', 2, pw_hash FROM users WHERE username='staff1';
      INSERT INTO users (site_id, username, display_name, roles, pw_hash) SELECT ${site}, ${q(st)}, '测试值班员', 1, pw_hash FROM users WHERE username='staff1'`);
    const [supC, stC] = [await login(sup), await login(st)];
    assert.ok(!textOf((await supC.get('/')).text).includes('回访报告逾期未写'), 'nothing overdue yet');
    const [old, yesterday] = (await sql(`SELECT DATE_FORMAT(CURDATE() - INTERVAL 5 DAY, '%Y-%m-%d'), DATE_FORMAT(CURDATE() - INTERVAL 1 DAY, '%Y-%m-%d')`))[0];
    const b = await building(site, 2);
    const o1 = await doneOrderWithCallback(site, b.residents[0]);
    await madeCallback(o1.callbackId, `${old} 09:00:00`);
    const o2 = await doneOrderWithCallback(site, b.residents[1]);
    await madeCallback(o2.callbackId, `${yesterday} 09:00:00`);
    let r = await supC.get('/callbacks/reports');
    assert.equal(r.status, 200);
    assert.match(r.text, new RegExp(`<li class="cb-overdue"><span class="num">${old}</span>[\\s\\S]*?逾期未写`), `${old} is flagged overdue`);
    assert.match(r.text, new RegExp(`<li><span class="num">${yesterday}</span>`), 'yesterday is to write, not overdue');
    assert.match(textOf(r.text), /次日结束前未写报告的天数：\s*1\b/);
    // The supervisor's home page says so too; the duty staff's shows the overdue calls only.
    assert.match(textOf((await supC.get('/')).text), /回访报告逾期未写（天）：\s*1\b/);
    const o3 = await doneOrderWithCallback(site, b.residents[1]);
    const sh = textOf((await stC.get('/')).text);
    assert.ok(!sh.includes('回访报告逾期未写'), 'not on the staff home');
    assert.match(sh, /逾期未回访：\s*1\b/, `the due one (${o3.callbackId}) is overdue`);
    // Once written, the day is no longer missing.
    r = await stC.post('/callbacks/reports/new', { day: old, summary: '补写', _csrf: await csrfToken(stC) });
    assert.equal(r.status, 303, brief(r));
    assert.match(textOf((await supC.get('/')).text), /回访报告待审阅：\s*1\b/, 'waiting for the review');
    r = await supC.get('/callbacks/reports');
    assert.ok(!r.text.includes(`<span class="num">${old}</span>`), 'written: not missing any more');
    assert.ok(!textOf((await supC.get('/')).text).includes('回访报告逾期未写'));
  });

  test('another site: its callbacks, plans and reports are 404, its lists show none of CH', T, async () => {
    const b = await building(ch, 1);
    const planId = await createPlan(staff1, { building: b.id });
    const cb = await sqlOne(`SELECT id FROM callbacks WHERE plan_id=${planId}`);
    const day = await spareDay(ch);
    const o = await doneOrderWithCallback(ch, b.residents[0]);
    await madeCallback(o.callbackId, `${day} 10:00:00`, { words: '别处看不到' });
    let r = await staff1.post('/callbacks/reports/new', { day, summary: '本处报告', _csrf: await csrfToken(staff1) });
    const repId = /(\d+)$/.exec(locPath(r.location))[1];
    const code = 'CB' + uniq('').toUpperCase().replace(/[^A-Z0-9]/g, '').slice(-6);
    const other = await sqlOne(`INSERT INTO sites (code, name) VALUES (${q(code)}, '另一个管理处${code}'); SELECT LAST_INSERT_ID();`);
    await sql(`INSERT INTO req_settings (site_id) VALUES (${other})`);
    const name = uniq('cbs');
    await sql(`INSERT INTO users (site_id, username, display_name, roles, pw_hash) SELECT ${other}, ${q(name)}, '别处主管', 3, pw_hash FROM users WHERE username='staff1'`);
    const x = await login(name);
    for (const p of [`/callbacks/${cb}`, `/callbacks/${o.callbackId}`, `/callbacks/plans/${planId}`, `/callbacks/reports/${repId}`, `/callbacks/reports/${repId}/print`]) {
      assert.equal((await x.get(p)).status, 404, p);
    }
    const tok = await csrfToken(x);
    for (const [p, f] of [
      [`/callbacks/${cb}`, { reached: 'yes', method: 'phone', satisfaction: '5' }],
      [`/callbacks/${cb}`, { reached: 'yes', method: 'phone', satisfaction: '9' }],
      [`/callbacks/plans/${planId}/approve`, {}],
      [`/callbacks/plans/${planId}`, await planForm({ building: b.id })],
      [`/callbacks/plans/${planId}`, { title: '' }],
      [`/callbacks/reports/${repId}/review`, { comment: '越权审阅' }],
      [`/callbacks/reports/${repId}/review`, { comment: '' }],
      [`/callbacks/reports/${repId}/correct`, { field: 'summary', text: 'x', reason: 'y' }],
    ]) {
      r = await x.post(p, { ...f, _csrf: tok });
      assert.equal(r.status, 404, `POST ${p} ${JSON.stringify(f)}: ${brief(r)}`);
      assert.ok(!r.text.includes(b.residents[0].name), 'nothing of CH shown');
    }
    assert.equal(await sqlOne(`SELECT CONCAT(status, ' ', attempts) FROM callbacks WHERE id=${cb}`), 'due 0');
    assert.equal(await sqlOne(`SELECT status FROM callback_plans WHERE id=${planId}`), 'draft');
    assert.equal(await sqlOne(`SELECT reviewed_by IS NULL FROM callback_reports WHERE id=${repId}`), '1');
    // Its own lists: nothing of CH.
    r = await x.get('/callbacks/records?q=' + encodeURIComponent('别处看不到'));
    assert.match(textOf(r.text), /共 0\b/, 'the search finds nothing of CH');
    for (const p of ['/callbacks', '/callbacks?status=done', '/callbacks/records', '/callbacks/plans', '/callbacks/reports']) {
      r = await x.get(p);
      assert.equal(r.status, 200, p);
      assert.ok(!r.text.includes(b.residents[0].name) && !r.text.includes('别处看不到') && !r.text.includes('本处报告'), `${p} shows nothing of CH`);
    }
    // A plan of the other site cannot pick CH's building.
    r = await x.post('/callbacks/plans/new', { ...(await planForm({ building: b.id })), _csrf: tok });
    assert.equal(r.status, 200);
    assert.ok(fieldError(r.text, 'building'));
  });
});
