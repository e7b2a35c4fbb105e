// Staff evaluation (值班表现评估, dd-eval), issue 8 part 2: the figures of a person and period
// checked one by one on a hand-made data set of a site of its own (answers worked out by hand
// below), the checklist, the draft and its scores, signing (figures frozen), the staff
// member's remark, corrections as stamps with the total following them, the list, CSV,
// history, the printed form, every refusal (input kept, nothing changed) and other sites.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  login, csrfToken, fieldError, inputValue, textOf, brief, sql, sqlOne, q, uniq, locPath,
} from '../lib/http.mjs';

const T = { timeout: 180000 };
const FROM = '2026-09-01';
const TO = '2026-09-30';

/** The figures shown on a page: data-fig key -> text of the value. */
function figures(html) {
  const out = {};
  const re = /<strong class="ev-fig" data-fig="([a-z_]+)">([^<]*)<\/strong>/g;
  let m;
  while ((m = re.exec(html))) out[m[1]] = m[2].trim();
  return out;
}

/** The scores column of a signed evaluation, in checklist order. */
function scores(html) {
  return [...html.matchAll(/<strong class="ev-score">([^<]*)<\/strong>/g)].map((m) => m[1]);
}

const total = (html) => /<strong id="ev-total">(\d+)<\/strong>/.exec(html)?.[1];

async function count(table, where) {
  return Number(await sqlOne(`SELECT COUNT(*) FROM ${table} WHERE ${where}`));
}

describe('staff evaluation', T, () => {
  const u = {};      // username -> id
  const cl = {};     // role name -> signed-in client
  let site, other, code, items, evalId;
  let shiftE, shiftN;

  /** A user of site s with role bits, password demo-password (the demo hash). */
  async function user(name, roles, s = site) {
    const id = await sqlOne(`INSERT INTO users (site_id, username, display_name, roles, pw_hash)
      SELECT ${s}, ${q(name)}, ${q('评' + name)}, ${roles}, pw_hash FROM users WHERE username='staff1';
      SELECT LAST_INSERT_ID();`);
    u[name] = id;
    return id;
  }

  /** A log page of the site on day d (shift id sh), opened by who; closed by closer if given. */
  async function page(d, sh, who, closer = null) {
    let day = await sqlOne(`SELECT id FROM log_days WHERE site_id=${site} AND day='${d}'`);
    if (!day) day = await sqlOne(`INSERT INTO log_days (site_id, day) VALUES (${site}, '${d}'); SELECT LAST_INSERT_ID();`);
    return sqlOne(`INSERT INTO log_pages (site_id, day_id, shift_id, opened_by, opened_at, status, closed_by, closed_at)
      VALUES (${site}, ${day}, ${sh}, ${who}, '${d} 08:00', ${closer ? "'closed'" : "'open'"}, ${closer || 'NULL'},
              ${closer ? `'${d} 15:50'` : 'NULL'}); SELECT LAST_INSERT_ID();`);
  }

  let A, B, SUP; // the staff member evaluated, another staff member, the supervisor
  before(async () => {
    code = 'EV' + uniq('').slice(-5).toUpperCase().replace(/[^A-Z0-9]/g, 'X');
    site = await sqlOne(`INSERT INTO sites (code, name) VALUES (${q(code)}, ${q('评估测试小区' + code)}); SELECT LAST_INSERT_ID();`);
    // Another site of its own (nothing is added to the demo site the other tests count on).
    other = await sqlOne(`INSERT INTO sites (code, name) VALUES (${q(code + 'O')}, ${q('评估测试隔壁' + code)}); SELECT LAST_INSERT_ID();`);
    const sfx = code.toLowerCase();
    A = await user('eva' + sfx, 1);
    B = await user('evb' + sfx, 1);
    SUP = await user('evs' + sfx, 2);
    await user('evm' + sfx, 4);
    await user('evd' + sfx, 8);
    await user('evc' + sfx, 1, other); // duty staff of another site
    for (const [k, n] of [['A', 'eva'], ['B', 'evb'], ['sup', 'evs'], ['mgr', 'evm'], ['dir', 'evd']]) {
      cl[k] = await login(n + sfx);
    }
    cl.chManager = await login('manager');
    shiftE = await sqlOne(`INSERT INTO shifts (site_id, name, start_time, end_time, sort_order) VALUES (${site}, '早班', '08:00', '16:00', 1); SELECT LAST_INSERT_ID();`);
    shiftN = await sqlOne(`INSERT INTO shifts (site_id, name, start_time, end_time, sort_order) VALUES (${site}, '夜班', '16:00', '08:00', 2); SELECT LAST_INSERT_ID();`);
    const cat = await sqlOne(`INSERT INTO log_categories (site_id, name) VALUES (${site}, '其他'); SELECT LAST_INSERT_ID();`);

    // Roster: September published (A: 09-01 早, 09-02 早, 09-03 夜 current; 09-04 superseded by
    // version 2; B on 09-01), August published (A on 08-31: outside).   => shifts 3
    const sep = await sqlOne(`INSERT INTO roster_months (site_id, month, status, version, created_by) VALUES (${site}, '2026-09-01', 'published', 2, ${SUP}); SELECT LAST_INSERT_ID();`);
    const aug = await sqlOne(`INSERT INTO roster_months (site_id, month, status, version, created_by) VALUES (${site}, '2026-08-01', 'published', 1, ${SUP}); SELECT LAST_INSERT_ID();`);
    await sql(`INSERT INTO roster_entries (month_id, day, shift_id, user_id, version_from, version_to) VALUES
      (${sep}, '2026-09-01', ${shiftE}, ${A}, 0, NULL), (${sep}, '2026-09-02', ${shiftE}, ${A}, 0, NULL),
      (${sep}, '2026-09-03', ${shiftN}, ${A}, 0, NULL), (${sep}, '2026-09-04', ${shiftE}, ${A}, 0, 2),
      (${sep}, '2026-09-01', ${shiftN}, ${B}, 0, NULL), (${aug}, '2026-08-31', ${shiftE}, ${A}, 0, NULL)`);

    // Log: A writes on 09-01 10:00, 09-02 23:59, 09-30 23:30 (in), 10-01 00:10 and 08-31 23:59
    // (out); B writes on 09-01.   => entries 3. Pages closed by A: 09-01 (in), 10-01 (out);
    // by B: 09-02.   => pages 1
    const p1 = await page('2026-09-01', shiftE, A, A);
    const p2 = await page('2026-09-02', shiftE, A, B);
    const p3 = await page('2026-09-30', shiftN, A);
    const p4 = await page('2026-10-01', shiftE, A, A);
    const p5 = await page('2026-08-31', shiftN, A);
    let k = 0;
    const entry = (p, at, who) => `(${site}, ${p}, '${at}', ${cat}, '记录${++k}', '', '', ${who}, '${code}${k}${'x'.repeat(20)}')`;
    await sql(`INSERT INTO log_entries (site_id, page_id, occurred_at, category_id, what, handling, followup, written_by, form_key) VALUES
      ${entry(p1, '2026-09-01 10:00', A)}, ${entry(p2, '2026-09-02 23:59', A)}, ${entry(p3, '2026-09-30 23:30', A)},
      ${entry(p4, '2026-10-01 00:10', A)}, ${entry(p5, '2026-08-31 23:59', A)}, ${entry(p1, '2026-09-01 11:00', B)}`);

    // Handovers (each on a page of its own). As incoming: 09-01 arrived 15 min early (rule 10:
    // on time), 09-02 5 min early (late by the rule), 09-03 5 min after the change (late),
    // 09-04 still open (not counted), 10-02 on time (out). As outgoing: 09-05 refused by the
    // incoming, 09-06 accepted.   => on time 1, late 2, refused 1
    const ho = async (d, status, out, inc, arrivedMin, refused = false) => {
      const pg = await page(d, shiftN, out); // 夜班 pages: the 早班 ones above are taken
      await sql(`INSERT INTO handovers (site_id, page_id, day, shift_id, shift_end_at, early_minutes, status, outgoing_id,
          notes, repairs, major, incoming_id, arrived_at, refused_by, refused_at, refuse_reason)
        VALUES (${site}, ${pg}, '${d}', ${shiftN}, '${d} 16:00', 10, '${status}', ${out}, '', '', '',
          ${inc || 'NULL'}, ${arrivedMin === null ? 'NULL' : `'${d} 16:00' - INTERVAL ${arrivedMin} MINUTE`},
          ${refused ? inc : 'NULL'}, ${refused ? `'${d} 15:58'` : 'NULL'}, ${refused ? "'钥匙少一把'" : "''"})`);
    };
    await ho('2026-09-01', 'accepted', B, A, 15);
    await ho('2026-09-02', 'accepted', B, A, 5);
    await ho('2026-09-03', 'accepted', B, A, -5);
    await ho('2026-09-04', 'open', B, null, null);
    await ho('2026-10-02', 'accepted', B, A, 20);
    await ho('2026-09-05', 'refused', A, B, null, true);
    await ho('2026-09-06', 'accepted', A, B, 12);

    // Requests received by A: phone with 2, 3, 5 rings, phone with rings unknown, a visit (in);
    // phone on 10-01 (out); B's phone call. The site's ring target is 2 (not the default 3).
    // Complaints: the 5-ring call (in), the 10-01 call and B's (out).
    //   => requests 5, complaints 1, phone known 3, within 1 (33%)
    await sql(`INSERT INTO req_settings (site_id, ring_target) VALUES (${site}, 2)`);
    let n = 0;
    const rq = (ch, rings, who, at, type = 'inquiry') => `(${site}, '${code}-R${++n}', '${ch}', '${type}', '问询${n}', '', ${rings}, ${who}, '${at}', '${code}r${n}${'y'.repeat(20)}')`;
    await sql(`INSERT INTO requests (site_id, number, channel, type, description, answer, rings, received_by, received_at, form_key) VALUES
      ${rq('phone', 2, A, '2026-09-01 09:00')}, ${rq('phone', 3, A, '2026-09-10 09:00')}, ${rq('phone', 5, A, '2026-09-11 09:00', 'complaint')},
      ${rq('phone', 'NULL', A, '2026-09-12 09:00')}, ${rq('visit', 'NULL', A, '2026-09-30 23:00', 'repair')},
      ${rq('phone', 1, A, '2026-10-01 00:30', 'complaint')}, ${rq('phone', 1, B, '2026-09-05 09:00', 'complaint')}`);

    // Callbacks made by A: done with 5 and 4, done without a rating, due (not done), done on
    // 10-01 with 1 (out); B's done with 1.   => callbacks 3, satisfaction 4.5 of 2 ratings
    const cb = (status, who, at, sat) => `(${site}, '${at}', '${status}', ${who}, ${at ? `'${at}'` : 'NULL'}, ${sat}, '', '')`;
    await sql(`INSERT INTO callbacks (site_id, due_at, status, called_by, called_at, satisfaction, words, note) VALUES
      ${cb('done', A, '2026-09-05 10:00', 5)}, ${cb('done', A, '2026-09-06 10:00', 4)}, ${cb('done', A, '2026-09-07 10:00', 'NULL')},
      ${cb('done', A, '2026-10-01 10:00', 1)}, ${cb('done', B, '2026-09-08 10:00', 1)}`.replace(/'(NULL)'/g, 'NULL'));
    await sql(`INSERT INTO callbacks (site_id, due_at, status, called_by, words, note) VALUES (${site}, '2026-09-09 10:00', 'due', ${A}, '', '')`);
  });

  const EXPECTED = {
    shifts: '3', entries: '3', pages_closed: '1', ho_on_time: '1', ho_late: '2', ho_refused: '1',
    requests: '5', complaints: '1', phone_within: '1 / 3', callbacks: '3', sat_sum: '4.5',
  };

  test('a new site has no checklist; the supervisor adds the default one (7 items, 100 points)', async () => {
    assert.equal(await count('eval_items', `site_id=${site}`), 0);
    const page = await cl.sup.get('/evaluations/items');
    assert.equal(page.status, 200, brief(page));
    assert.ok(textOf(page.text).includes('还没有考核项目'), 'says there are none');
    const r = await cl.sup.post('/evaluations/items/defaults', { _csrf: await csrfToken(cl.sup) });
    assert.equal(r.status, 303, brief(r));
    assert.equal(await sqlOne(`SELECT CONCAT(COUNT(*), '/', SUM(max_score)) FROM eval_items WHERE site_id=${site}`), '7/100');
    items = (await sql(`SELECT id, name, max_score FROM eval_items WHERE site_id=${site} ORDER BY sort_order`))
      .map(([id, name, max]) => ({ id, name, max: Number(max) }));
    assert.equal(items[4].name, '电话接听(三声内)');
    assert.equal(await count('audit_log', `site_id=${site} AND entity='eval_item'`), 1);
  });

  test('the checklist: a new item, a duplicate name refused beside the field with the input kept', async () => {
    const r = await cl.sup.post('/evaluations/items/new', { name: '应急处置', max_score: '5', sort_order: '9', _csrf: await csrfToken(cl.sup) });
    assert.equal(r.status, 303, brief(r));
    const dup = await cl.sup.post('/evaluations/items/new', { name: '应急处置', max_score: '7', sort_order: '9', _csrf: await csrfToken(cl.sup) });
    assert.equal(dup.status, 200, brief(dup));
    assert.match(fieldError(dup.text.slice(dup.text.indexOf('/evaluations/items/new')), 'name'), /同名/);
    const bad = await cl.sup.post('/evaluations/items/new', { name: '过大', max_score: '101', _csrf: await csrfToken(cl.sup) });
    assert.equal(bad.status, 200);
    assert.ok(fieldError(bad.text.slice(bad.text.indexOf('/evaluations/items/new')), 'max_score'), 'max 101 refused');
    assert.equal(await count('eval_items', `site_id=${site} AND name IN ('过大')`), 0);
    // Out of use: the draft below is scored on the seven default items only.
    const id = await sqlOne(`SELECT id FROM eval_items WHERE site_id=${site} AND name='应急处置'`);
    const off = await cl.sup.post(`/evaluations/items/${id}`, { name: '应急处置', max_score: '5', sort_order: '9', active: '0', _csrf: await csrfToken(cl.sup) });
    assert.equal(off.status, 303, brief(off));
    assert.equal(await sqlOne(`SELECT active FROM eval_items WHERE id=${id}`), '0');
  });

  test('the preview shows each figure of the hand-made records', async () => {
    const r = await cl.sup.get(`/evaluations/new?user=${A}&from=${FROM}&to=${TO}`);
    assert.equal(r.status, 200, brief(r));
    assert.deepEqual(figures(r.text), EXPECTED);
    assert.ok(textOf(r.text).includes('33%'), '1 of 3 calls within 2 rings is 33%');
    assert.ok(textOf(r.text).includes('2 次评分'), 'two ratings');
    assert.ok(r.text.includes('method="post" action="/evaluations/new"'), 'the button to create the draft');
    // A month by default: the one before this one.
    const d = await cl.sup.get('/evaluations/new');
    const [[from, to]] = await sql(`SELECT DATE_FORMAT(CURDATE() - INTERVAL 1 MONTH, '%Y-%m-01'), DATE_FORMAT(LAST_DAY(CURDATE() - INTERVAL 1 MONTH), '%Y-%m-%d')`);
    assert.equal(inputValue(d.text, 'from'), from);
    assert.equal(inputValue(d.text, 'to'), to);
  });

  test('a new evaluation is refused beside the field, the input kept, nothing written', async () => {
    const before = await count('evaluations', `site_id=${site}`);
    const post = async (f) => cl.sup.post('/evaluations/new', { ...f, _csrf: await csrfToken(cl.sup) });
    let r = await post({ user: A, from: TO, to: FROM });
    assert.equal(r.status, 200, brief(r));
    assert.match(fieldError(r.text, 'to'), /不能早于/);
    assert.equal(inputValue(r.text, 'from'), TO);
    assert.equal(inputValue(r.text, 'to'), FROM);
    r = await post({ user: u['evc' + code.toLowerCase()], from: FROM, to: TO });
    assert.match(fieldError(r.text, 'user'), /本管理处的值班员/, 'a person of another site');
    r = await post({ user: u['evd' + code.toLowerCase()], from: FROM, to: TO });
    assert.match(fieldError(r.text, 'user'), /本管理处的值班员/, 'the director is not duty staff');
    r = await post({ user: A, from: '2026-09-31', to: TO });
    assert.ok(fieldError(r.text, 'from'), 'not a date');
    r = await post({ user: A, from: '2025-01-01', to: TO });
    assert.match(fieldError(r.text, 'to'), /一年/);
    assert.equal(await count('evaluations', `site_id=${site}`), before);
  });

  test('the supervisor creates the draft; a second one of the same or an overlapping period is refused', async () => {
    const r = await cl.sup.post('/evaluations/new', { user: A, from: FROM, to: TO, _csrf: await csrfToken(cl.sup) });
    assert.equal(r.status, 303, brief(r));
    evalId = /^\/evaluations\/(\d+)$/.exec(locPath(r.location))[1];
    assert.equal(await sqlOne(`SELECT CONCAT(status, ' ', user_id, ' ', evaluator_id) FROM evaluations WHERE id=${evalId}`), `draft ${A} ${SUP}`);
    assert.equal(await count('audit_log', `entity='evaluation' AND entity_id=${evalId} AND action='create'`), 1);
    for (const [from, to] of [[FROM, TO], ['2026-09-15', '2026-10-15']]) {
      const d = await cl.sup.post('/evaluations/new', { user: A, from, to, _csrf: await csrfToken(cl.sup) });
      assert.equal(d.status, 200, brief(d));
      assert.match(fieldError(d.text, 'from'), /已有评估/);
    }
    assert.equal(await count('evaluations', `user_id=${A}`), 1);
    const pv = await cl.sup.get(`/evaluations/new?user=${A}&from=2026-09-20&to=2026-10-10`);
    assert.ok(pv.text.includes(`<a href="/evaluations/${evalId}">`), 'the preview links the evaluation already there');
    assert.ok(!pv.text.includes('method="post" action="/evaluations/new"'), 'and offers no create button');
  });

  test('overlapping evaluations of one person created at once: exactly one is made', async () => {
    const who = await user('evz' + code.toLowerCase(), 1);
    const token = await csrfToken(cl.sup);
    // Every period holds 2026-03-15: any two overlap.
    const periods = [['2026-03-01', '2026-03-31'], ['2026-03-10', '2026-04-09'], ['2026-02-15', '2026-03-15'],
      ['2026-03-15', '2026-04-30'], ['2026-01-01', '2026-03-20'], ['2026-03-14', '2026-03-16']];
    const rs = await Promise.all(periods.map(([from, to]) => cl.sup.post('/evaluations/new', { user: who, from, to, _csrf: token })));
    assert.equal(rs.filter((r) => r.status === 303).length, 1, rs.map((r) => r.status).join(','));
    assert.equal(rs.filter((r) => r.status === 200).length, periods.length - 1);
    assert.equal(await count('evaluations', `user_id=${who}`), 1);
  });

  test('the draft shows the live figures, each linking to its records', async () => {
    const r = await cl.sup.get(`/evaluations/${evalId}`);
    assert.equal(r.status, 200, brief(r));
    assert.deepEqual(figures(r.text), EXPECTED);
    const lists = { shifts: 3, entries: 3, pages: 1, ho_on_time: 1, ho_late: 2, ho_refused: 1, requests: 5, complaints: 1, phone: 3, callbacks: 3 };
    for (const [name, n] of Object.entries(lists)) {
      assert.ok(r.text.includes(`/evaluations/${evalId}/records/${name}"`), `link to ${name}`);
      const l = await cl.sup.get(`/evaluations/${evalId}/records/${name}`);
      assert.equal(l.status, 200, brief(l));
      assert.equal((l.text.match(/<tr><td>/g) || []).length, n, `${name}: ${n} records`);
    }
    const e = await cl.sup.get(`/evaluations/${evalId}/records/entries`);
    assert.match(e.text, /href="\/log\/entry\/\d+"/, 'entries link to the log');
    assert.equal((await cl.sup.get(`/evaluations/${evalId}/records/nothing`)).status, 404);
  });

  test('the duty staff member does not see the draft; another staff member never does', async () => {
    assert.equal((await cl.A.get(`/evaluations/${evalId}`)).status, 404);
    assert.equal((await cl.B.get(`/evaluations/${evalId}`)).status, 404);
    assert.ok(!(await cl.A.get('/evaluations')).text.includes(`/evaluations/${evalId}"`));
  });

  test('scores above the maximum, negative or not numbers are refused beside the item, input kept', async () => {
    const form = { comment: '总体不错' };
    items.forEach((it, i) => { form[`score_${it.id}`] = String(it.max - 1); form[`note_${it.id}`] = `评语${i}`; });
    form[`score_${items[0].id}`] = '11';
    form[`score_${items[1].id}`] = '-1';
    form[`score_${items[2].id}`] = 'abc';
    const r = await cl.sup.post(`/evaluations/${evalId}`, { ...form, _csrf: await csrfToken(cl.sup) });
    assert.equal(r.status, 200, brief(r));
    assert.match(fieldError(r.text, `score_${items[0].id}`), /0 到满分/);
    assert.match(fieldError(r.text, `score_${items[1].id}`), /0 到满分/);
    assert.match(fieldError(r.text, `score_${items[2].id}`), /整数/);
    assert.equal(fieldError(r.text, `score_${items[3].id}`), '');
    assert.equal(inputValue(r.text, `score_${items[0].id}`), '11');
    assert.equal(inputValue(r.text, `note_${items[0].id}`), '评语0');
    assert.equal(inputValue(r.text, 'comment'), '总体不错');
    assert.equal(await count('eval_scores', `evaluation_id=${evalId}`), 0);
    assert.equal(await sqlOne(`SELECT CONCAT('[', comment, ']') FROM evaluations WHERE id=${evalId}`), '[]');
  });

  test('a comment without its score, and an overall comment too long, are refused with the input kept', async () => {
    const form = { comment: '评' };
    form[`note_${items[0].id}`] = '只写评语';
    let r = await cl.sup.post(`/evaluations/${evalId}`, { ...form, _csrf: await csrfToken(cl.sup) });
    assert.equal(r.status, 200, brief(r));
    assert.match(fieldError(r.text, `score_${items[0].id}`), /同时评分/);
    const long = '长'.repeat(2001);
    const f2 = { comment: long };
    f2[`score_${items[0].id}`] = '12'; // also above the maximum of 10
    r = await cl.sup.post(`/evaluations/${evalId}`, { ...f2, _csrf: await csrfToken(cl.sup) });
    assert.equal(r.status, 200, brief(r));
    assert.ok(fieldError(r.text, 'comment'), 'comment too long');
    assert.match(fieldError(r.text, `score_${items[0].id}`), /0 到满分/, 'the scores checked too');
    assert.equal(inputValue(r.text, 'comment'), long);
    assert.equal(await count('eval_scores', `evaluation_id=${evalId}`), 0);
  });

  test('a draft partly scored is saved but not signed; fully scored it signs and freezes its figures', async () => {
    const form = { comment: '服务态度好，交接需按规定提前到岗。' };
    items.slice(0, 3).forEach((it) => { form[`score_${it.id}`] = String(it.max); });
    let r = await cl.sup.post(`/evaluations/${evalId}`, { ...form, _csrf: await csrfToken(cl.sup) });
    assert.equal(r.status, 303, brief(r));
    assert.equal(await sqlOne(`SELECT total FROM evaluations WHERE id=${evalId}`), '45'); // 10 + 20 + 15
    r = await cl.sup.post(`/evaluations/${evalId}/sign`, { _csrf: await csrfToken(cl.sup) });
    assert.equal(r.status, 200, brief(r));
    assert.ok(textOf(r.text).includes('还有项目没有评分'), 'incomplete refused');
    assert.equal(await sqlOne(`SELECT status FROM evaluations WHERE id=${evalId}`), 'draft');
    // 9, 18, 13, 12, 10, 14, 8 = 84
    const sc = [9, 18, 13, 12, 10, 14, 8];
    items.forEach((it, i) => { form[`score_${it.id}`] = String(sc[i]); form[`note_${it.id}`] = i === 3 ? '接班两次迟到' : ''; });
    r = await cl.sup.post(`/evaluations/${evalId}`, { ...form, _csrf: await csrfToken(cl.sup) });
    assert.equal(r.status, 303, brief(r));
    assert.equal(await sqlOne(`SELECT total FROM evaluations WHERE id=${evalId}`), '84');
    r = await cl.sup.post(`/evaluations/${evalId}/sign`, { _csrf: await csrfToken(cl.sup) });
    assert.equal(r.status, 303, brief(r));
    const [[status, signedAt, figs]] = await sql(`SELECT status, signed_at IS NOT NULL, figures FROM evaluations WHERE id=${evalId}`);
    assert.equal(status, 'signed');
    assert.equal(signedAt, '1');
    const j = JSON.parse(figs);
    assert.deepEqual([j.shifts, j.entries, j.pages_closed, j.ho_on_time, j.ho_late, j.ho_refused, j.requests, j.phone_known, j.phone_within, j.ring_target, j.callbacks, j.sat_count, j.sat_sum],
      [3, 3, 1, 1, 2, 1, 5, 3, 1, 2, 3, 2, 9]);
    assert.equal(j.complaints, 1);
    const number = await sqlOne(`SELECT number FROM form_numbers WHERE kind='evaluation' AND record_id=${evalId}`);
    assert.match(number, /^PG-\d{8}-\d{2,}-[0-9A-Z]$/);
    assert.equal(await count('audit_log', `entity='evaluation' AND entity_id=${evalId} AND action='sign'`), 1);
    // Frozen: a record added afterwards changes the records list but not the signed figures.
    const pg = await sqlOne(`SELECT id FROM log_pages WHERE site_id=${site} ORDER BY id LIMIT 1`);
    const cat = await sqlOne(`SELECT id FROM log_categories WHERE site_id=${site}`);
    await sql(`INSERT INTO log_entries (site_id, page_id, occurred_at, category_id, what, handling, followup, written_by, form_key)
      VALUES (${site}, ${pg}, '2026-09-15 12:00', ${cat}, '补记', '', '', ${A}, '${code}late${'z'.repeat(20)}')`);
    const s = await cl.sup.get(`/evaluations/${evalId}`);
    assert.equal(figures(s.text).entries, '3', 'frozen at 3');
    assert.ok(textOf(s.text).includes(number), 'the signed evaluation shows its number');
    const r2 = await cl.sup.get(`/r/${number}`);
    assert.equal(r2.status, 303, brief(r2));
    assert.equal(locPath(r2.location), `/evaluations/${evalId}`, 'the QR code\'s /r/<number> opens it');
    assert.deepEqual(scores(s.text), sc.map(String));
    assert.equal(total(s.text), '84');
  });

  test('a signed evaluation is not edited in place nor signed again (409, nothing changed)', async () => {
    const form = { comment: '改掉', _csrf: await csrfToken(cl.sup) };
    items.forEach((it) => { form[`score_${it.id}`] = '0'; });
    const before = await sql(`SELECT item_id, score FROM eval_scores WHERE evaluation_id=${evalId} ORDER BY item_id`);
    assert.equal((await cl.sup.post(`/evaluations/${evalId}`, form)).status, 409);
    assert.equal((await cl.sup.post(`/evaluations/${evalId}/sign`, { _csrf: await csrfToken(cl.sup) })).status, 409);
    assert.deepEqual(await sql(`SELECT item_id, score FROM eval_scores WHERE evaluation_id=${evalId} ORDER BY item_id`), before);
    assert.equal(await sqlOne(`SELECT comment FROM evaluations WHERE id=${evalId}`), '服务态度好，交接需按规定提前到岗。');
  });

  test('the staff member sees their own signed evaluation and only theirs', async () => {
    const list = await cl.A.get('/evaluations');
    assert.equal(list.status, 200);
    assert.ok(list.text.includes(`/evaluations/${evalId}"`));
    const r = await cl.A.get(`/evaluations/${evalId}`);
    assert.equal(r.status, 200, brief(r));
    assert.equal(total(r.text), '84');
    assert.ok(!r.text.includes('/correct"'), 'no correction form for the staff member');
    assert.equal((await cl.B.get(`/evaluations/${evalId}`)).status, 404);
    assert.ok(!(await cl.B.get('/evaluations')).text.includes(`/evaluations/${evalId}"`));
    assert.equal((await cl.B.get(`/evaluations/person/${A}`)).status, 404);
    assert.equal((await cl.A.get(`/evaluations/person/${A}`)).status, 200);
    assert.equal((await cl.A.get('/evaluations/new')).status, 403);
    const rec = await cl.A.get(`/evaluations/${evalId}/records/requests`);
    assert.equal(rec.status, 200, 'the records behind their own figures');
    assert.equal((await cl.B.get(`/evaluations/${evalId}/records/requests`)).status, 404);
    assert.equal((await cl.B.get(`/evaluations/${evalId}/print`)).status, 404);
  });

  test('the remark: refused on someone else\'s, required, then added once', async () => {
    let r = await cl.B.post(`/evaluations/${evalId}/remark`, { remark: '不是我的', _csrf: await csrfToken(cl.B) });
    assert.equal(r.status, 404, brief(r));
    r = await cl.sup.post(`/evaluations/${evalId}/remark`, { remark: '主管代填', _csrf: await csrfToken(cl.sup) });
    assert.equal(r.status, 403, 'the supervisor has no remark to make');
    r = await cl.A.post(`/evaluations/${evalId}/remark`, { remark: '  ', _csrf: await csrfToken(cl.A) });
    assert.equal(r.status, 200);
    assert.ok(fieldError(r.text, 'remark'), 'a remark is required');
    assert.equal(await sqlOne(`SELECT remark_at IS NULL FROM evaluations WHERE id=${evalId}`), '1');
    r = await cl.A.post(`/evaluations/${evalId}/remark`, { remark: '接受评估，下月按时接班。', _csrf: await csrfToken(cl.A) });
    assert.equal(r.status, 303, brief(r));
    assert.equal(await sqlOne(`SELECT staff_remark FROM evaluations WHERE id=${evalId}`), '接受评估，下月按时接班。');
    r = await cl.A.post(`/evaluations/${evalId}/remark`, { remark: '再改一次', _csrf: await csrfToken(cl.A) });
    assert.equal(r.status, 409);
    assert.equal(await sqlOne(`SELECT staff_remark FROM evaluations WHERE id=${evalId}`), '接受评估，下月按时接班。');
    assert.equal(await count('audit_log', `entity='evaluation' AND entity_id=${evalId} AND action='remark'`), 1);
  });

  test('corrections: refused beside the field with the input kept; recorded as a stamp; the total follows', async () => {
    const it = items[3]; // 交接规范 12 of 15
    const post = async (f) => cl.sup.post(`/evaluations/${evalId}/correct`, { ...f, _csrf: await csrfToken(cl.sup) });
    let r = await post({ field: `score:${it.id}`, new_text: '16', reason: '复核' });
    assert.equal(r.status, 200);
    assert.match(fieldError(r.text, 'new_text'), /0 到满分/);
    assert.equal(inputValue(r.text, 'new_text'), '16');
    assert.equal(inputValue(r.text, 'field'), `score:${it.id}`);
    r = await post({ field: `score:${it.id}`, new_text: '-2', reason: '复核' });
    assert.match(fieldError(r.text, 'new_text'), /0 到满分/);
    r = await post({ field: `score:${it.id}`, new_text: '14', reason: '' });
    assert.ok(fieldError(r.text, 'reason'), 'a reason is required');
    assert.equal(inputValue(r.text, 'new_text'), '14');
    r = await post({ field: `score:${it.id}`, new_text: '12', reason: '不变' });
    assert.match(fieldError(r.text, 'new_text'), /相同/);
    r = await post({ field: 'score:999999999', new_text: '1', reason: '无此项' });
    assert.ok(fieldError(r.text, 'field'));
    assert.equal(await count('record_corrections', `entity='evaluation' AND entity_id=${evalId}`), 0);
    r = await cl.A.post(`/evaluations/${evalId}/correct`, { field: `score:${it.id}`, new_text: '15', reason: '我想', _csrf: await csrfToken(cl.A) });
    assert.equal(r.status, 403, 'duty staff cannot correct');

    r = await post({ field: `score:${it.id}`, new_text: '14', reason: '第二次迟到系交通管制，经核实不扣分' });
    assert.equal(r.status, 303, brief(r));
    r = await post({ field: 'comment', new_text: '服务态度好，交接规范。', reason: '与更正后的评分一致' });
    assert.equal(r.status, 303, brief(r));
    assert.deepEqual(await sql(`SELECT field, old_text, new_text, corrected_by FROM record_corrections WHERE entity='evaluation' AND entity_id=${evalId} ORDER BY id`),
      [[`score:${it.id}`, '12', '14', SUP], ['comment', '服务态度好，交接需按规定提前到岗。', '服务态度好，交接规范。', SUP]]);
    assert.equal(await sqlOne(`SELECT total FROM evaluations WHERE id=${evalId}`), '84', 'the signed row is not touched');
    const s = await cl.A.get(`/evaluations/${evalId}`);
    assert.equal(total(s.text), '86', 'the total shown follows the correction');
    assert.equal(scores(s.text)[3], '14');
    const t = textOf(s.text);
    assert.ok(t.includes('更正 · 交接规范 得分') && t.includes('12 → 14') && t.includes('交通管制'), 'score stamp');
    assert.ok(t.includes('签署时总分 84'), 'the signed total stays readable');
    assert.match(s.text, /class="tag ev-grade-good">良好</, 'grade of 86 of 100');
    assert.match(s.text, /<del class="pre">服务态度好，交接需按规定提前到岗。<\/del>/, 'the comment stamp keeps the original');
    // A further correction starts from the corrected value.
    r = await post({ field: `score:${it.id}`, new_text: '13', reason: '再复核' });
    assert.equal(r.status, 303);
    assert.equal(await sqlOne(`SELECT old_text FROM record_corrections WHERE entity='evaluation' AND entity_id=${evalId} ORDER BY id DESC LIMIT 1`), '14');
    assert.equal(total((await cl.sup.get(`/evaluations/${evalId}`)).text), '85');
    assert.equal(await count('audit_log', `entity='evaluation' AND entity_id=${evalId} AND action='correct'`), 3);
    // Two corrections of one score at once: both recorded, chained (each replaces the other's value).
    const token = await csrfToken(cl.sup);
    const both = await Promise.all(['11', '10'].map((v) => cl.sup.post(`/evaluations/${evalId}/correct`, { field: `score:${it.id}`, new_text: v, reason: '并发' + v, _csrf: token })));
    assert.deepEqual(both.map((x) => x.status), [303, 303]);
    const chain = await sql(`SELECT old_text, new_text FROM record_corrections WHERE entity='evaluation' AND entity_id=${evalId} AND field='score:${it.id}' ORDER BY id`);
    for (let i = 1; i < chain.length; i++) assert.equal(chain[i][0], chain[i - 1][1], `correction ${i} replaces the value before it`);
    const last = chain[chain.length - 1][1];
    assert.equal(total((await cl.sup.get(`/evaluations/${evalId}`)).text), String(85 - 13 + Number(last)));
    await cl.sup.post(`/evaluations/${evalId}/correct`, { field: `score:${it.id}`, new_text: '13', reason: '还原', _csrf: token });
    assert.equal(total((await cl.sup.get(`/evaluations/${evalId}`)).text), '85');
  });

  test('a used item keeps its name and maximum; taken out of use it still shows in the signed evaluation', async () => {
    const it = items[6];
    let r = await cl.sup.post(`/evaluations/items/${it.id}`, { name: it.name, max_score: '20', sort_order: '7', active: '1', _csrf: await csrfToken(cl.sup) });
    assert.equal(r.status, 200, brief(r));
    assert.match(r.text, /满分不能修改/);
    assert.equal((r.text.match(/class="field-error"/g) || []).length, 1, 'the message only beside that item, not in the new-item form');
    assert.equal(await sqlOne(`SELECT max_score FROM eval_items WHERE id=${it.id}`), '10');
    r = await cl.sup.post(`/evaluations/items/${it.id}`, { name: '纪律', max_score: '10', sort_order: '7', active: '1', _csrf: await csrfToken(cl.sup) });
    assert.equal(r.status, 200, brief(r));
    assert.match(fieldError(r.text.slice(r.text.indexOf(`/evaluations/items/${it.id}"`)), 'name'), /名称不能修改/);
    assert.equal(inputValue(r.text.slice(r.text.indexOf(`/evaluations/items/${it.id}"`)), 'name'), '纪律', 'the input kept');
    assert.equal(await sqlOne(`SELECT name FROM eval_items WHERE id=${it.id}`), it.name);
    r = await cl.sup.post(`/evaluations/items/${it.id}`, { name: it.name, max_score: '10', sort_order: '7', active: '0', _csrf: await csrfToken(cl.sup) });
    assert.equal(r.status, 303, brief(r));
    const s = await cl.sup.get(`/evaluations/${evalId}`);
    assert.equal(scores(s.text).length, 7, 'all seven lines still there');
    // Back in use for the rest of the tests.
    await sql(`UPDATE eval_items SET active=1 WHERE id=${it.id}`);
  });

  test('an unused item may be deleted; one in use is refused beside it and stays', async () => {
    let r = await cl.sup.post('/evaluations/items/new', { name: '临时项目', max_score: '5', sort_order: '20', _csrf: await csrfToken(cl.sup) });
    assert.equal(r.status, 303, brief(r));
    const tmp = await sqlOne(`SELECT id FROM eval_items WHERE site_id=${site} AND name='临时项目'`);
    const page = await cl.sup.get('/evaluations/items');
    assert.ok(page.text.includes(`action="/evaluations/items/${tmp}/delete"`), 'a delete button for the unused item');
    assert.ok(!page.text.includes(`action="/evaluations/items/${items[0].id}/delete"`), 'none for one in use');
    r = await cl.sup.post(`/evaluations/items/${tmp}/delete`, { _csrf: await csrfToken(cl.sup) });
    assert.equal(r.status, 303, brief(r));
    assert.equal(await count('eval_items', `id=${tmp}`), 0);
    assert.equal(await count('audit_log', `entity='eval_item' AND entity_id=${tmp} AND action='delete'`), 1);
    r = await cl.sup.post(`/evaluations/items/${items[0].id}/delete`, { _csrf: await csrfToken(cl.sup) });
    assert.equal(r.status, 200, brief(r));
    assert.match(textOf(r.text), /已用于评估，不能删除/);
    assert.equal(await count('eval_items', `id=${items[0].id}`), 1);
    assert.equal((await cl.chManager.post(`/evaluations/items/${items[1].id}/delete`, { _csrf: await csrfToken(cl.chManager) })).status, 404);
    assert.equal((await cl.dir.post(`/evaluations/items/${items[1].id}/delete`, { _csrf: await csrfToken(cl.dir) })).status, 403);
    assert.equal(await count('eval_items', `id=${items[1].id}`), 1);
  });

  test('a correction of a draft is refused: drafts are edited', async () => {
    const r0 = await cl.sup.post('/evaluations/new', { user: B, from: FROM, to: TO, _csrf: await csrfToken(cl.sup) });
    assert.equal(r0.status, 303, brief(r0));
    const id = /(\d+)$/.exec(locPath(r0.location))[1];
    const r = await cl.sup.post(`/evaluations/${id}/correct`, { field: 'comment', new_text: 'x', reason: 'y', _csrf: await csrfToken(cl.sup) });
    assert.equal(r.status, 409);
    assert.equal(await count('record_corrections', `entity='evaluation' AND entity_id=${id}`), 0);
  });

  test('the list filters by month, person and status, pages, and the CSV carries the corrected total', async () => {
    let r = await cl.mgr.get(`/evaluations?month=2026-09&user=${A}`);
    assert.equal(r.status, 200, brief(r));
    assert.ok(r.text.includes(`/evaluations/${evalId}"`));
    assert.ok(textOf(r.text).includes('85 / 100 85% 良好'), 'corrected total and its grade in the list');
    r = await cl.mgr.get('/evaluations?month=2026-10');
    assert.ok(!r.text.includes(`/evaluations/${evalId}"`), 'October does not list September');
    r = await cl.mgr.get('/evaluations?status=draft&month=2026-09');
    assert.ok(!r.text.includes(`/evaluations/${evalId}"`), 'not among drafts');
    r = await cl.mgr.get('/evaluations?month=2026-13');
    assert.equal(r.status, 200);
    assert.ok(fieldError(r.text, 'month'), 'a wrong month is pointed out');
    const csv = await cl.dir.get('/evaluations/csv?month=2026-09');
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type'), /text\/csv/);
    const line = csv.text.split('\r\n').find((l) => l.includes('评eva' + code.toLowerCase() + ','));
    assert.ok(line, csv.text.slice(0, 300));
    assert.match(line, /^2026-09-01,2026-09-30,.*,已签署,85,100,良好,/);
    // Paging: 25 more signed evaluations of other people -> 2 pages (20 a page).
    for (let i = 0; i < 25; i++) {
      const id = await user(`evp${i}${code.toLowerCase()}`, 1);
      await sql(`INSERT INTO evaluations (site_id, user_id, period_from, period_to, status, evaluator_id, comment, figures, staff_remark)
        VALUES (${site}, ${id}, '2026-07-01', '2026-07-31', 'signed', ${SUP}, '', '{}', '')`);
    }
    r = await cl.mgr.get('/evaluations?month=2026-07');
    assert.equal((r.text.match(/<tr><td><a href="\/evaluations\/\d+">/g) || []).length, 20);
    assert.match(textOf(r.text), /第 1 \/ 2/);
    r = await cl.mgr.get('/evaluations?month=2026-07&page=2');
    assert.equal((r.text.match(/<tr><td><a href="\/evaluations\/\d+">/g) || []).length, 5);
  });

  test("a person's history lists the totals over the months", async () => {
    await sql(`INSERT INTO evaluations (site_id, user_id, period_from, period_to, status, evaluator_id, comment, figures, total, staff_remark)
      VALUES (${site}, ${A}, '2026-08-01', '2026-08-31', 'signed', ${SUP}, '', '{}', 80, '')`);
    const r = await cl.dir.get(`/evaluations/person/${A}`);
    assert.equal(r.status, 200, brief(r));
    const t = textOf(r.text);
    assert.ok(t.indexOf('2026-09-01') < t.indexOf('2026-08-01'), 'newest first');
    assert.ok(t.includes('▲ 5'), '85 after 80');
  });

  test('the printed form: A4 with its PG number, QR code, the three signature boxes and the stamp', async () => {
    const r = await cl.sup.get(`/evaluations/${evalId}/print`);
    assert.equal(r.status, 200, brief(r));
    const number = await sqlOne(`SELECT number FROM form_numbers WHERE kind='evaluation' AND record_id=${evalId}`);
    const t = textOf(r.text);
    assert.ok(t.includes(number), 'number');
    assert.match(r.text, /<svg/, 'QR code');
    for (const s of ['被评估人', '评估人', '客服经理', '值班表现评估表', '更正']) assert.ok(t.includes(s), s);
    assert.equal((await cl.A.get(`/evaluations/${evalId}/print`)).status, 200, 'the staff member prints their own');
    assert.equal((await cl.B.get(`/evaluations/${evalId}/print`)).status, 404);
  });

  test('the director reads but does not evaluate', async () => {
    assert.equal((await cl.dir.get(`/evaluations/${evalId}`)).status, 200);
    const n = await count('evaluations', `site_id=${site}`);
    const r = await cl.dir.post('/evaluations/new', { user: B, from: '2026-06-01', to: '2026-06-30', _csrf: await csrfToken(cl.dir) });
    assert.equal(r.status, 403);
    assert.equal((await cl.dir.get('/evaluations/items')).status, 403);
    assert.equal(await count('evaluations', `site_id=${site}`), n);
  });

  test("another site's manager: 404 for the evaluation, its records, print and changes; not in their list", async () => {
    const m = cl.chManager;
    for (const p of [`/evaluations/${evalId}`, `/evaluations/${evalId}/print`, `/evaluations/${evalId}/records/entries`, `/evaluations/person/${A}`]) {
      const r = await m.get(p);
      assert.equal(r.status, 404, `${p}: ${brief(r)}`);
      assert.ok(!r.text.includes('接受评估'), 'nothing of it shown');
    }
    const n = await count('record_corrections', `entity_id=${evalId} AND entity='evaluation'`);
    const r = await m.post(`/evaluations/${evalId}/correct`, { field: 'comment', new_text: '外站', reason: '外站', _csrf: await csrfToken(m) });
    assert.equal(r.status, 404);
    assert.equal(await count('record_corrections', `entity_id=${evalId} AND entity='evaluation'`), n);
    const item = items[0].id;
    const ri = await m.post(`/evaluations/items/${item}`, { name: '外站改', max_score: '10', sort_order: '1', active: '1', _csrf: await csrfToken(m) });
    assert.equal(ri.status, 404);
    const bad = await m.post(`/evaluations/items/${item}`, { name: '', max_score: 'x', _csrf: await csrfToken(m) });
    assert.equal(bad.status, 404, 'also with a refused form');
    assert.equal(await sqlOne(`SELECT name FROM eval_items WHERE id=${item}`), '仪容仪表');
    assert.ok(!(await m.get('/evaluations?month=2026-09')).text.includes(`/evaluations/${evalId}"`));
    // CH's supervisor cannot evaluate this site's staff member either.
    const sup = await login('supervisor');
    const e = await sup.post('/evaluations/new', { user: A, from: '2026-05-01', to: '2026-05-31', _csrf: await csrfToken(sup) });
    assert.equal(e.status, 200);
    assert.match(fieldError(e.text, 'user'), /本管理处的值班员/);
  });

  test('a supervisor who is also duty staff is evaluated by another, never by themselves', async () => {
    const both = await user('evx' + code.toLowerCase(), 3);
    const me = await login('evx' + code.toLowerCase());
    let r = await me.post('/evaluations/new', { user: both, from: FROM, to: TO, _csrf: await csrfToken(me) });
    assert.equal(r.status, 200);
    assert.match(fieldError(r.text, 'user'), /不能评估自己/);
    r = await cl.sup.post('/evaluations/new', { user: both, from: FROM, to: TO, _csrf: await csrfToken(cl.sup) });
    assert.equal(r.status, 303, brief(r));
    const id = /(\d+)$/.exec(locPath(r.location))[1];
    const page = await me.get(`/evaluations/${id}`);
    assert.equal(page.status, 200);
    assert.ok(!page.text.includes(`action="/evaluations/${id}/sign"`), 'no sign form on one\'s own');
    const form = { comment: '自评', _csrf: await csrfToken(me) };
    items.forEach((it) => { form[`score_${it.id}`] = String(it.max); });
    assert.equal((await me.post(`/evaluations/${id}`, form)).status, 403);
    assert.equal((await me.post(`/evaluations/${id}/sign`, { _csrf: await csrfToken(me) })).status, 403);
    assert.equal(await count('eval_scores', `evaluation_id=${id}`), 0);
    assert.equal(await sqlOne(`SELECT status FROM evaluations WHERE id=${id}`), 'draft');
  });

  test('/digest is not this program\'s page (404)', async () => {
    assert.equal((await cl.mgr.get('/digest')).status, 404);
  });
});
