// Reports (/reports): the quarterly complaint analysis, the KPI dashboard, the sites view and
// the manager's digest, on a small hand-made data set in a site made by the test, whose right
// answers were worked out by hand (see the comments); CSV exports; the printed forms and their
// numbers; corrective actions; role and site refusals; the summaries kept by the triggers agree
// with a full rebuild.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  login, loginNew, createUser, csrfFrom, textOf, brief, sql, sqlOne, q, siteId, locPath, uniq, tags, BASE,
} from '../lib/http.mjs';
import { assertPage } from '../lib/checks.mjs';

const T = { timeout: 120000 };

/** A CSV answer as rows of fields (handles quotes); asserts the BOM and the content type. */
function csv(r) {
  assert.equal(r.status, 200, brief(r));
  assert.match(r.headers.get('content-type') || '', /^text\/csv; charset=utf-8/);
  assert.match(r.headers.get('content-disposition') || '', /^attachment; filename="[a-z0-9_-]+\.csv"$/i);
  // (fetch's text() drops the BOM; the bytes are checked in a test of their own)
  const rows = [];
  for (const line of r.text.replace(/^\uFEFF/, '').split('\r\n')) {
    if (!line) continue;
    const out = [];
    let cur = '', inq = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (inq) {
        if (ch === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (ch === '"') inq = false; else cur += ch;
      } else if (ch === '"') inq = true;
      else if (ch === ',') { out.push(cur); cur = ''; } else cur += ch;
    }
    out.push(cur);
    rows.push(out);
  }
  return rows;
}

/** The row of a CSV table whose first field is label. */
function row(rows, label) {
  const r = rows.find((x) => x[0] === label);
  assert.ok(r, `row "${label}" in ${JSON.stringify(rows)}`);
  return r;
}

/** The links (href) inside the table section id t-KEY of a page. */
function tableLinks(html, key) {
  const start = html.indexOf(`id="t-${key}"`);
  assert.ok(start >= 0, `table ${key} on the page`);
  const end = html.indexOf('</section>', start);
  return tags(html.slice(start, end), 'a').map((a) => a.attrs.href);
}

describe('reports', T, () => {
  let admin, mgr, sup, dir, staff, mgrCH;
  let site, code, ch, depEng, depDesk, chDept, catWater, catLift, bA, bB, uA1, uA2, staffId;
  const reqIds = {};

  before(async () => {
    admin = await login('admin');
    ch = await siteId('CH');
    code = 'RP' + uniq('').slice(-5).toUpperCase();
    const r = await admin.submit('/admin/sites/new', { code, name: '报表测试小区' + code, address: 'R路1号', phone: '' });
    assert.equal(r.status, 303, brief(r));
    site = await siteId(code);
    const mk = async (roles, name) => {
      const u = await createUser(admin, { site_id: site, roles, display_name: name });
      return { ...(await loginNew(u.username, u.password)), id: u.id };
    };
    mgr = (await mk(['manager'], '报表经理')).client;
    sup = (await mk(['supervisor'], '报表主管')).client;
    dir = (await mk(['director'], '报表主任')).client;
    const s = await mk(['staff'], '报表值班员');
    staff = s.client;
    staffId = s.id;
    mgrCH = await login('manager');

    // Settings, places, categories, departments of the test site.
    await sql(`INSERT IGNORE INTO req_settings (site_id) VALUES (${site});
      UPDATE req_settings SET ring_target = 3, repeat_days = 30 WHERE site_id = ${site};`);
    bA = await sqlOne(`INSERT INTO buildings (site_id, code, name) VALUES (${site}, 'A', 'A栋'); SELECT LAST_INSERT_ID();`);
    bB = await sqlOne(`INSERT INTO buildings (site_id, code, name) VALUES (${site}, 'B', 'B栋'); SELECT LAST_INSERT_ID();`);
    uA1 = await sqlOne(`INSERT INTO units (site_id, building_id, code) VALUES (${site}, ${bA}, 'A-101'); SELECT LAST_INSERT_ID();`);
    uA2 = await sqlOne(`INSERT INTO units (site_id, building_id, code) VALUES (${site}, ${bA}, 'A-102'); SELECT LAST_INSERT_ID();`);
    depEng = await sqlOne(`INSERT INTO departments (site_id, name) VALUES (${site}, '工程部'); SELECT LAST_INSERT_ID();`);
    depDesk = await sqlOne(`INSERT INTO departments (site_id, name) VALUES (${site}, '客服部'); SELECT LAST_INSERT_ID();`);
    chDept = await sqlOne(`SELECT id FROM departments WHERE site_id = ${ch} ORDER BY id LIMIT 1`);
    catWater = await sqlOne(`INSERT INTO req_categories (site_id, name, sort_order) VALUES (${site}, '水电', 1); SELECT LAST_INSERT_ID();`);
    catLift = await sqlOne(`INSERT INTO req_categories (site_id, name, sort_order) VALUES (${site}, '电梯', 2); SELECT LAST_INSERT_ID();`);

    // Requests, in the order received (the triggers mark repeats against earlier ones).
    //        channel  type        bldg unit cat    rings received            respond_due          first response       resolve_due          done
    const reqs = [
      ['P1', 'visit', 'complaint', bA, uA1, catWater, null, '2025-06-15 10:00', '2025-06-15 11:00', '2025-06-15 10:20', '2025-06-17 10:00', '2025-06-16 10:00'],
      ['R1', 'phone', 'complaint', bA, uA1, catWater, 2, '2025-07-01 09:00', '2025-07-01 10:00', '2025-07-01 09:30', '2025-07-03 09:00', '2025-07-02 09:00'],
      ['R2', 'phone', 'repair', bA, uA1, catWater, 5, '2025-07-10 09:00', '2025-07-10 10:00', '2025-07-10 11:00', '2025-07-12 09:00', '2025-07-13 09:00'],
      ['R3', 'visit', 'repair', bB, null, catLift, null, '2025-08-05 14:00', '2025-08-05 15:00', '2025-08-05 14:10', '2025-08-07 14:00', '2025-08-05 18:00'],
      ['R4', 'online', 'inquiry', null, null, null, null, '2025-09-20 10:00', '2025-09-20 11:00', '2025-09-20 10:05', '2025-09-22 10:00', null],
      ['R5', 'phone', 'complaint', bA, uA2, catWater, 3, '2025-09-30 23:00', '2025-10-01 00:00', '2025-10-01 00:30', '2025-10-02 23:00', '2025-10-02 23:00'],
    ];
    const n = (v) => (v === null ? 'NULL' : v);
    const s_ = (v) => (v === null ? 'NULL' : q(v));
    for (const [name, channel, type, b, u, cat, rings, at, rdue, first, ddue, done] of reqs) {
      reqIds[name] = await sqlOne(`INSERT INTO requests (site_id, number, channel, type, category_id, unit_id,
          building_id, description, answer, rings, received_by, received_at, respond_due, resolve_due,
          first_response_at, done_at, closed_at, status, form_key)
        VALUES (${site}, ${q(code + '-' + name)}, '${channel}', '${type}', ${n(cat)}, ${n(u)}, ${n(b)},
          ${q('测试事项 ' + name)}, '', ${n(rings)}, ${staffId}, '${at}', '${rdue}', '${ddue}', '${first}',
          ${s_(done)}, ${done ? q(done) : 'NULL'}, '${done ? 'closed' : 'dispatched'}',
          ${q((code + name + 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx').slice(0, 32))});
        SELECT LAST_INSERT_ID();`);
    }
    // Work orders: R1 to 客服部 first (reassigned: not counted), then to 工程部; R2 and R3 to
    // 工程部 (R2 done late); R5 to 客服部, dispatched in October (the next quarter).
    const wo = async (req, dept, status, at, due, done) => sqlOne(`INSERT INTO work_orders (site_id, request_id,
        department_id, status, instructions, due_at, dispatched_by, dispatched_at, done_at, result)
      VALUES (${site}, ${reqIds[req]}, ${dept}, '${status}', '', '${due}', ${staffId}, '${at}', ${done ? q(done) : 'NULL'}, '');
      SELECT LAST_INSERT_ID();`);
    await wo('R1', depDesk, 'reassigned', '2025-07-01 09:30', '2025-07-03 09:00', null);
    const w1 = await wo('R1', depEng, 'done', '2025-07-01 09:40', '2025-07-03 09:00', '2025-07-02 09:00');
    const w2 = await wo('R2', depEng, 'done', '2025-07-10 11:00', '2025-07-12 09:00', '2025-07-13 09:00');
    const w3 = await wo('R3', depEng, 'done', '2025-08-05 14:10', '2025-08-07 14:00', '2025-08-05 18:00');
    await wo('R5', depDesk, 'done', '2025-10-01 00:30', '2025-10-02 23:00', '2025-10-02 23:00');
    // Callbacks: scores 5, 2, 4 in the quarter; one still due.
    const cb = (req, w, status, at, score) => sql(`INSERT INTO callbacks (site_id, request_id, work_order_id, due_at,
        status, called_at, satisfaction, words, note)
      VALUES (${site}, ${reqIds[req]}, ${w}, '2025-09-01 00:00', '${status}', ${at ? q(at) : 'NULL'}, ${n(score)}, '', '')`);
    await cb('R1', w1, 'done', '2025-07-03 10:00', 5);
    await cb('R2', w2, 'done', '2025-07-14 10:00', 2);
    await cb('R3', w3, 'done', '2025-08-06 10:00', 4);
    await cb('R2', w2, 'due', null, null);

    // Duty log of 2025-08-01..03 with one shift: day 1 signed the next evening (on time),
    // day 2 signed two days later (late), day 3 never signed.
    const shift = await sqlOne(`INSERT INTO shifts (site_id, name, start_time, end_time) VALUES (${site}, '白班', '08:00', '20:00'); SELECT LAST_INSERT_ID();`);
    const lcat = await sqlOne(`INSERT INTO log_categories (site_id, name) VALUES (${site}, '其他'); SELECT LAST_INSERT_ID();`);
    const days = [['2025-08-01', "'signed'", "'2025-08-02 20:00'"], ['2025-08-02', "'signed'", "'2025-08-04 09:00'"], ['2025-08-03', "'open'", 'NULL']];
    const pages = {};
    for (const [d, st, at] of days) {
      const dayId = await sqlOne(`INSERT INTO log_days (site_id, day, status, signed_by, signed_at)
        VALUES (${site}, '${d}', ${st}, ${at === 'NULL' ? 'NULL' : staffId}, ${at}); SELECT LAST_INSERT_ID();`);
      pages[d] = { dayId, page: await sqlOne(`INSERT INTO log_pages (site_id, day_id, shift_id, status, opened_by, opened_at)
        VALUES (${site}, ${dayId}, ${shift}, 'closed', ${staffId}, '${d} 08:00'); SELECT LAST_INSERT_ID();`) };
    }
    // Handovers (shift ends 20:00; rule 10 minutes early): day 1 arrived 19:45 (on time), day 2
    // arrived 19:55 (not early enough), day 3 refused.
    const ho = (d, status, arrived, refused) => sql(`INSERT INTO handovers (site_id, page_id, day, shift_id, shift_end_at,
        early_minutes, status, outgoing_id, notes, repairs, major, incoming_id, arrived_at, incoming_signed_at,
        outgoing_signed_at, refused_by, refused_at, refuse_reason)
      VALUES (${site}, ${pages[d].page}, '${d}', ${shift}, '${d} 20:00', 10, '${status}', ${staffId}, '', '', '',
        ${staffId}, ${arrived ? q(d + ' ' + arrived) : 'NULL'}, ${status === 'accepted' ? q(d + ' 20:05') : 'NULL'},
        ${status === 'accepted' ? q(d + ' 20:06') : 'NULL'}, ${refused ? staffId : 'NULL'},
        ${refused ? q(d + ' 20:01') : 'NULL'}, ${refused ? "'对讲机少一台'" : "''"})`);
    await ho('2025-08-01', 'accepted', '19:45', false);
    await ho('2025-08-02', 'accepted', '19:55', false);
    await ho('2025-08-03', 'refused', '19:50', true);
    // Entries: 08-02 has two (one open major with an emergency whose report never came), 08-01
    // one with an emergency reported in time.
    const entry = (d, status, major, what) => sqlOne(`INSERT INTO log_entries (site_id, page_id, occurred_at, category_id,
        what, handling, followup, status, major, written_by, form_key)
      VALUES (${site}, ${pages[d].page}, '${d} 10:00', ${lcat}, ${q(what)}, '', '', '${status}', ${major}, ${staffId},
        ${q((code + d + what + 'yyyyyyyyyyyyyyyyyyyyyyyyyyyyyy').slice(0, 32))}); SELECT LAST_INSERT_ID();`);
    const e1 = await entry('2025-08-01', 'closed', 1, '水管爆裂');
    const e2 = await entry('2025-08-02', 'open', 1, '电梯困人');
    await entry('2025-08-02', 'closed', 0, '巡查');
    const em = (e, d, reportAt) => sql(`INSERT INTO emergencies (site_id, entry_id, occurred_at, place, what, people,
        actions, report_due, report_at, created_by)
      VALUES (${site}, ${e}, '${d} 10:00', '1栋', '', '', '', TIMESTAMP('${d}' + INTERVAL 1 DAY, '23:59:59'),
        ${reportAt ? q(reportAt) : 'NULL'}, ${staffId})`);
    await em(e1, '2025-08-01', '2025-08-02 15:00');
    await em(e2, '2025-08-02', null);
  });

  test('the quarter: counts by type, channel, building, category, month, against the previous quarter', async () => {
    const base = '/reports/complaints?year=2025&quarter=3';
    const page = await mgr.get(base);
    assertPage(page, 200, ['用户投诉分析报告', '报表测试小区']);
    // Five requests, two complaints; the previous quarter had one complaint (P1).
    const sum = csv(await mgr.get(base + '&csv=summary'));
    assert.deepEqual(sum[0], ['指标', '本季度', '上季度', '增减']);
    assert.deepEqual(row(sum, '受理事项').slice(1), ['5', '1', '+4']);
    assert.deepEqual(row(sum, '其中投诉').slice(1), ['2', '1', '+1']);
    const types = csv(await mgr.get(base + '&csv=types'));
    assert.deepEqual(row(types, '投诉').slice(1), ['2', '1', '+1', '40.0%']);
    assert.deepEqual(row(types, '报修').slice(1), ['2', '0', '+2', '40.0%']);
    assert.deepEqual(row(types, '咨询').slice(1), ['1', '0', '+1', '20.0%']);
    const ch_ = csv(await mgr.get(base + '&csv=channels'));
    assert.deepEqual(row(ch_, '电话').slice(1), ['3', '60.0%']);
    assert.deepEqual(row(ch_, '来访').slice(1), ['1', '20.0%']);
    assert.deepEqual(row(ch_, '网上').slice(1), ['1', '20.0%']);
    const bl = csv(await mgr.get(base + '&csv=buildings'));
    assert.deepEqual(bl.slice(1), [['A栋', '3', '60.0%'], ['B栋', '1', '20.0%'], ['未指定楼栋', '1', '20.0%']]);
    const cats = csv(await mgr.get(base + '&csv=categories'));
    assert.deepEqual(cats.slice(1), [['水电', '3', '60.0%'], ['电梯', '1', '20.0%'], ['未分类', '1', '20.0%']]);
    const months = csv(await mgr.get(base + '&csv=months'));
    assert.deepEqual(months.slice(1), [
      ['2025-07', '1', '1', '0', '0', '0', '2'],
      ['2025-08', '0', '1', '0', '0', '0', '1'],
      ['2025-09', '1', '0', '1', '0', '0', '2'],
    ]);
    // The building links to the /requests list with the quarter's dates.
    assert.ok(tableLinks(page.text, 'buildings').includes(`/requests?building=${bA}&from=2025-07-01&to=2025-09-30`));
    assert.ok(tableLinks(page.text, 'types').includes('/requests?type=complaint&from=2025-07-01&to=2025-09-30'));
    // Charts: SVG with a title, beside the table.
    assert.match(page.text, /<svg[^>]*class="chart"[^>]*role="img"/);
    assert.match(page.text, /<title id="chart-q-types-t">按类别<\/title>/);
  });

  test('the quarter: response and resolution times, SLA, rings, satisfaction, repeats, departments', async () => {
    const base = '/reports/complaints?year=2025&quarter=3';
    const sum = csv(await mgr.get(base + '&csv=summary'));
    // First responses 30, 120, 10, 5, 90 minutes: average 51, median 30, 90th percentile 120.
    assert.equal(row(sum, '平均首次响应')[1], '51 分钟');
    assert.equal(row(sum, '首次响应中位数')[1], '30 分钟');
    assert.equal(row(sum, '首次响应 90% 分位')[1], '2.0 小时');
    // Three of five within respond_due (R1, R3, R4).
    assert.equal(row(sum, '响应时限达标率')[1], '60.0%');
    // Done after 1440, 4320, 240, 2880 minutes: average 2220 (37.0 h), median 1440 (24 h),
    // 90th percentile 4320 (3 days); three of four within resolve_due (R2 late).
    assert.equal(row(sum, '平均处理完成时长')[1], '37.0 小时');
    assert.equal(row(sum, '处理完成中位数')[1], '24.0 小时');
    assert.equal(row(sum, '处理完成 90% 分位')[1], '3.0 天');
    assert.equal(row(sum, '处理时限达标率')[1], '75.0%');
    // Phone with rings 2, 5, 3: two of three within 3 rings.
    assert.equal(row(sum, '三声内接听率（电话）')[1], '66.7%');
    // Callback scores 5, 2, 4 (the due one does not count).
    assert.deepEqual(row(sum, '回访满意度（1–5）').slice(1, 3), ['3.67', '-']);
    assert.deepEqual(row(sum, '回访数').slice(1), ['3', '0', '+3']);
    const dist = csv(await mgr.get(base + '&csv=satisfaction'));
    assert.deepEqual(dist.slice(1).map((r) => r[1]), ['0', '1', '0', '1', '1']);
    // Repeats: R1 (P1 of unit A-101 and A栋/水电 16 days before) and R2 (R1, 9 days before);
    // R5 is 82 days after R2.
    assert.deepEqual(row(sum, '重复问题（同一房号）').slice(1), ['2', '0', '+2']);
    assert.deepEqual(row(sum, '重复问题（同楼栋同类）').slice(1), ['2', '0', '+2']);
    assert.deepEqual(csv(await mgr.get(base + '&csv=repeat_units')).slice(1), [['A栋', 'A-101', '2']]);
    assert.deepEqual(csv(await mgr.get(base + '&csv=repeat_categories')).slice(1), [['A栋', '水电', '2']]);
    // Work orders of the quarter: 工程部 3 (R2's late); the reassigned one and October's are out.
    assert.deepEqual(csv(await mgr.get(base + '&csv=departments')).slice(1), [['工程部', '3', '3', '1', '66.7%']]);
    const q4 = csv(await mgr.get('/reports/complaints?year=2025&quarter=4&csv=departments'));
    assert.deepEqual(q4.slice(1), [['客服部', '1', '1', '0', '100.0%']]);
    // Per type: complaints R1 (30 min) and R5 (90 min).
    const times = csv(await mgr.get(base + '&csv=times'));
    assert.deepEqual(row(times, '投诉').slice(1, 5), ['60 分钟', '30 分钟', '1.5 小时', '50.0%']);
  });

  test('a change of a request moves its figures (triggers), and they agree with a full rebuild', async () => {
    const base = '/reports/complaints?year=2025&quarter=3&csv=summary';
    // R4 done two hours after it came, within resolve_due: 4 of 5 done, 4 within the SLA.
    await sql(`UPDATE requests SET done_at = '2025-09-20 12:00' WHERE id = ${reqIds.R4}`);
    let sum = csv(await mgr.get(base));
    assert.equal(row(sum, '处理时限达标率')[1], '80.0%');
    await sql(`UPDATE requests SET done_at = NULL WHERE id = ${reqIds.R4}`);
    sum = csv(await mgr.get(base));
    assert.equal(row(sum, '处理时限达标率')[1], '75.0%');
    const snap = () => sql(`SELECT 'd', day, type, channel, n, responded, resp_sla, resp_met, resp_min, resolved, done_sla,
        done_met, done_min, rings_known, rings_le3 FROM req_stats_day WHERE site_id = ${site} AND n <> 0
      UNION ALL SELECT 'h', quarter, type, measure, bucket, n, 0, 0, 0, 0, 0, 0, 0, 0, 0 FROM req_stats_hist WHERE site_id = ${site} AND n <> 0
      UNION ALL SELECT 'r', quarter, kind, building_id, category_id, unit_id, n, 0, 0, 0, 0, 0, 0, 0, 0 FROM req_stats_repeat WHERE site_id = ${site} AND n <> 0
      UNION ALL SELECT 'p', quarter, building_id, category_id, n, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 FROM req_stats_place WHERE site_id = ${site} AND n <> 0
      UNION ALL SELECT 'm', month, type, channel, n, resp_met, done_met, done_min, rings_le3, 0, 0, 0, 0, 0, 0 FROM req_stats_mon WHERE site_id = ${site} AND n <> 0
      UNION ALL SELECT 'w', month, department_id, orders, done, done_late, 0, 0, 0, 0, 0, 0, 0, 0, 0 FROM req_stats_dept WHERE site_id = ${site} AND orders <> 0
      UNION ALL SELECT 'c', day, satisfaction, n, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 FROM cb_stats_day WHERE site_id = ${site} AND n <> 0
      ORDER BY 1, 2, 3, 4, 5, 6`);
    const before = await snap();
    assert.ok(before.length > 10, 'summaries written by the triggers');
    await sql(`CALL report_stats_rebuild(${site})`);
    assert.deepEqual(await snap(), before);
  });

  test('the KPI dashboard of the quarter: request figures and the log, handover and emergency figures', async () => {
    const base = '/reports/kpi?period=quarter&day=2025-08-15';
    const page = await mgr.get(base);
    assertPage(page, 200, ['关键指标', '2025-07-01 – 2025-09-30']);
    const k = csv(await mgr.get(base + '&csv=summary'));
    assert.deepEqual(k[0], ['指标', '数值', '依据']);
    assert.deepEqual(row(k, '受理事项').slice(1), ['5', '0.1 件/日']);
    assert.deepEqual(row(k, '平均首次响应').slice(1), ['51 分钟', '5']);
    assert.deepEqual(row(k, '响应时限达标率').slice(1), ['60.0%', '3 / 5']);
    assert.deepEqual(row(k, '处理时限达标率').slice(1), ['75.0%', '3 / 4']);
    assert.deepEqual(row(k, '三声内接听率（电话）').slice(1), ['66.7%', '2 / 3 (≤ 3)']);
    assert.deepEqual(row(k, '回访满意度（1–5）').slice(1), ['3.67', '3']);
    // Handovers: 08-01 on time, 08-02 arrived 5 minutes before (rule 10), 08-03 refused.
    assert.deepEqual(row(k, '按时交接班率').slice(1), ['33.3%', '1 / 3']);
    assert.deepEqual(row(k, '拒绝接班').slice(1), ['1', '3']);
    // Log days: 08-01 signed the next evening; 08-02 two days later; 08-03 never.
    assert.deepEqual(row(k, '日志按时签字率（次日内）').slice(1), ['33.3%', '1 / 3']);
    // Emergencies: 08-01's report in time, 08-02's never written.
    assert.deepEqual(row(k, '紧急情况报告按时率').slice(1), ['50.0%', '1 / 2']);
    // Each figure links to the records behind it.
    const links = tableLinks(page.text, 'summary');
    for (const l of ['/requests?from=2025-07-01&to=2025-09-30', '/requests?overdue=1&from=2025-07-01&to=2025-09-30',
      '/requests?channel=phone&from=2025-07-01&to=2025-09-30', '/handover', '/log/days', '/log/emergencies',
      '/callbacks/records?from=2025-07-01&to=2025-09-30']) {
      assert.ok(links.includes(l), `summary links to ${l}: ${links}`);
    }
    // The late and refused records, each linked.
    const exc = csv(await mgr.get(base + '&csv=exceptions'));
    assert.deepEqual(exc.slice(1).map((r) => `${r[0]} ${r[1]}`).sort(), [
      '交接班未按时 2025-08-02', '交接班未按时 2025-08-03', '拒绝接班 2025-08-03', '日志未按时签字 2025-08-02',
      '日志未按时签字 2025-08-03', '紧急报告未按时 2025-08-02'].sort());
    const excLinks = tableLinks(page.text, 'exceptions');
    assert.ok(excLinks.some((l) => /^\/log\/day\/\d+$/.test(l)) && excLinks.some((l) => /^\/handover\/\d+$/.test(l)) &&
      excLinks.some((l) => /^\/log\/emergency\/\d+$/.test(l)), excLinks.join(' '));
    // Per day: 2025-08-05 had R3 (repair).
    const daily = csv(await mgr.get(base + '&csv=daily'));
    assert.deepEqual(row(daily, '2025-08-05').slice(1), ['0', '1', '0', '0', '0', '1']);
    assert.equal(daily.length, 1 + 92);
    // Trends: 12 weeks and 12 months up to the end of the quarter.
    const tm = csv(await mgr.get(base + '&csv=trend_month'));
    assert.deepEqual(row(tm, '2025-07').slice(1), ['2', '50.0%', '50.0%']);   // R1 in time, R2 late
    assert.deepEqual(row(tm, '2025-06').slice(1), ['1', '100.0%', '100.0%']);
    assert.ok(tableLinks(page.text, 'trend_month').includes('/requests?from=2025-06-01&to=2025-06-30'));
    assert.ok(tableLinks(page.text, 'trend_week').includes('/requests?from=2025-09-29&to=2025-10-05'));
  });

  test('CSV: UTF-8 with a BOM so that Excel reads the Chinese; a formula-like text is defused', async () => {
    const res = await fetch(`${BASE}/reports/complaints?year=2025&quarter=3&csv=buildings`, {
      headers: { cookie: mgr.cookieHeader() }, redirect: 'manual' });
    const bytes = Buffer.from(await res.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.ok(bytes.subarray(3).toString('utf8').startsWith('楼栋,事项数,占比\r\nA栋,3,60.0%\r\n'));
    await sql(`UPDATE req_categories SET name = '=HYPERLINK("x")' WHERE id = ${catLift}`);
    try {
      const cats = await mgr.get('/reports/complaints?year=2025&quarter=3&csv=categories');
      assert.ok(cats.text.includes(`"'=HYPERLINK(""x"")",1,20.0%`), cats.text);
      // A name with markup: escaped in the chart (SVG text and tooltip) and in the table.
      await sql(`UPDATE req_categories SET name = '<img src=x onerror=alert(1)>' WHERE id = ${catLift}`);
      const html = (await mgr.get('/reports/complaints?year=2025&quarter=3')).text;
      assert.ok(!html.includes('<img src=x'), 'no markup from data');
      const chart = html.slice(html.indexOf('<title id="chart-categories-t">'), html.indexOf('</svg>', html.indexOf('<title id="chart-categories-t">')));
      assert.ok(chart.includes('&lt;img src=x onerror=alert(1)&gt;'), 'the name escaped inside the SVG');
    } finally {
      await sql(`UPDATE req_categories SET name = '电梯' WHERE id = ${catLift}`);
    }
  });

  test('a week and a month of the KPI dashboard; malformed periods are 404', async () => {
    const w = csv(await mgr.get('/reports/kpi?period=week&day=2025-07-02&csv=summary'));
    assert.deepEqual(row(w, '受理事项').slice(1), ['1', '0.1 件/日']);   // R1, Monday 2025-06-30 .. 07-06
    const m = csv(await mgr.get('/reports/kpi?period=month&day=2025-07-31&csv=types'));
    assert.deepEqual(row(m, '报修').slice(1, 3), ['1', '0']);   // R2 in July; none in June
    assert.deepEqual(row(m, '投诉').slice(1, 3), ['1', '1']);   // R1 in July, P1 in June
    assertPage(await mgr.get('/reports/kpi?period=year'), 404);
    assertPage(await mgr.get('/reports/kpi?day=2025-02-30'), 404);
    assertPage(await mgr.get('/reports/complaints?year=2025&quarter=5'), 404);
    assert.equal((await mgr.get('/reports/kpi?csv=nosuch')).status, 404);
  });

  test('the digest of a day: shifts, missing signatures, overdue reports; requests of another day', async () => {
    const page = await mgr.get('/reports/digest/2025-08-03');
    assertPage(page, 200, ['客服经理日报', '2025-08-03', '当天日志尚未签字。']);
    const sig = csv(await mgr.get('/reports/digest/2025-08-03?csv=signatures'));
    assert.deepEqual(sig.slice(1), [['值班日志', '2025-08-03', '客服经理签字'], ['交接班', '2025-08-03 白班', '交班人与接班人签字']]);
    const ov = csv(await mgr.get('/reports/digest/2025-08-03?csv=overdue'));
    assert.deepEqual(ov.slice(1).map((r) => [r[0], r[3]]), [['紧急情况书面报告', '未提交']]);
    const shifts = csv(await mgr.get('/reports/digest/2025-08-02?csv=shifts'));
    assert.deepEqual(shifts.slice(1), [['白班', '已结束', '报表值班员', '2', '1', '1']]);
    const reqs = csv(await mgr.get('/reports/digest?day=2025-08-05&csv=requests'));
    assert.deepEqual(row(reqs, '报修').slice(1), ['1', '0', '1']);   // R3 came and was closed
    assert.deepEqual(row(reqs, '合计').slice(1), ['1', '0', '1']);
    const closed = csv(await mgr.get('/reports/digest?day=2025-07-02&csv=requests'));
    assert.deepEqual(row(closed, '投诉').slice(1), ['0', '0', '1']);   // R1 closed that day
    assert.ok(tableLinks(page.text, 'signatures').some((l) => /^\/handover\/\d+$/.test(l)));
    assertPage(await mgr.get('/reports/digest/2025-13-01'), 404);
  });

  test('printing the quarter assigns its FX number once; the QR number opens the report', async () => {
    const qpage = await mgr.get('/reports/complaints?year=2025&quarter=3');
    assert.ok(qpage.text.includes('action="/reports/complaints/print?year=2025&amp;quarter=3"'), 'the print button');
    assert.equal((await mgr.get('/reports/complaints/print?year=2025&quarter=3')).status, 405, 'printing is a POST');
    assert.equal((await mgr.post('/reports/complaints/print?year=2025&quarter=3', {})).status, 403, 'with its _csrf');
    const r = await mgr.post('/reports/complaints/print?year=2025&quarter=3', { _csrf: csrfFrom(qpage.text) });
    assert.equal(r.status, 303, brief(r));
    const m = /^\/reports\/complaints\/(\d+)\/print$/.exec(locPath(r.location));
    assert.ok(m, r.location);
    const print = await mgr.get(locPath(r.location));
    assertPage(print, 200, ['用户投诉分析报告', '编制', '审核', '报表测试小区', '2025 第3']);
    const number = await sqlOne(`SELECT number FROM form_numbers WHERE kind = 'quarter_report' AND record_id = ${m[1]}`);
    assert.match(number, /^FX-\d{8}-\d{2}-[0-9A-Z]$/);
    assert.ok(print.text.includes(number));
    const spage = await sup.get('/reports/complaints?year=2025&quarter=3');
    const again = await sup.post('/reports/complaints/print?year=2025&quarter=3', { _csrf: csrfFrom(spage.text) });
    assert.equal(locPath(again.location), locPath(r.location), 'the same record the second time');
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM report_records WHERE site_id = ${site} AND kind = 'quarter_report'`), '1');
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM audit_log WHERE entity = 'report_record' AND entity_id = ${m[1]}`), '1');
    assertPage(await mgr.get(`/reports/complaints/${m[1]}`), 200, ['用户投诉分析报告', '2025']);
    const open = await mgr.get(`/r/${number}`);
    assert.equal(open.status, 303, brief(open));
    assert.equal(locPath(open.location), `/reports/complaints/${m[1]}`);
    // Another site's manager: not found.
    assertPage(await mgrCH.get(`/reports/complaints/${m[1]}`), 404);
    assertPage(await mgrCH.get(`/reports/complaints/${m[1]}/print`), 404);
  });

  test('printing the digest assigns its ZY number, pointing to /reports/digest/<id>', async () => {
    const dpage = await mgr.get('/reports/digest/2025-08-03');
    const r = await mgr.post('/reports/digest/print?day=2025-08-03', { _csrf: csrfFrom(dpage.text) });
    assert.equal(r.status, 303, brief(r));
    const m = /^\/reports\/digest\/(\d+)\/print$/.exec(locPath(r.location));
    assert.ok(m, r.location);
    const number = await sqlOne(`SELECT number FROM form_numbers WHERE kind = 'digest' AND record_id = ${m[1]}`);
    assert.match(number, /^ZY-20250803-\d{2}-[0-9A-Z]$/);
    assertPage(await mgr.get(locPath(r.location)), 200, [number, '客服经理']);
    const open = await mgr.get(`/r/${number}`);
    assert.equal(locPath(open.location), `/reports/digest/${m[1]}`);
    assertPage(await mgr.get(`/reports/digest/${m[1]}`), 200, '2025-08-03');
    assertPage(await mgrCH.get(`/reports/digest/${m[1]}`), 404);
  });

  test('corrective actions: the supervisor enters one; another site\'s department is refused; staff and director may not', async () => {
    const page = await sup.get('/reports/complaints?year=2025&quarter=3');
    const token = csrfFrom(page.text);
    assert.ok(token, 'the action form is on the page for the supervisor');
    const fields = { year: 2025, quarter: 3, department_id: depEng, category_id: catWater, problem: 'A栋水电重复报修',
      action: '更换A栋供水主阀，每月巡检', _csrf: token };
    const bad = await sup.post('/reports/complaints/actions', { ...fields, department_id: chDept });
    assertPage(bad, 200, '请选择本管理处的部门');
    const empty = await sup.post('/reports/complaints/actions', { ...fields, problem: '' });
    assert.equal(empty.status, 200);
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM req_actions WHERE site_id = ${site}`), '0');
    const ok = await sup.post('/reports/complaints/actions', fields);
    assert.equal(ok.status, 303, brief(ok));
    assert.equal(locPath(ok.location), '/reports/complaints?year=2025&quarter=3#actions');
    const id = await sqlOne(`SELECT id FROM req_actions WHERE site_id = ${site} AND year = 2025 AND quarter = 3`);
    assert.ok(id);
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM audit_log WHERE entity = 'req_action' AND entity_id = ${id}`), '1');
    const acts = csv(await mgr.get('/reports/complaints?year=2025&quarter=3&csv=actions'));
    assert.deepEqual(acts[1].slice(0, 4), ['工程部', '水电', 'A栋水电重复报修', '更换A栋供水主阀，每月巡检']);
    // Staff: no reports at all; the director reads but enters no actions.
    const st = await staff.get('/reports');
    assertPage(st, 403);
    const dpage = await dir.get('/reports/complaints?year=2025&quarter=3');
    assertPage(dpage, 200, 'A栋水电重复报修');
    assert.ok(!dpage.text.includes('/reports/complaints/actions'), 'no action form for the director');
    const r = await dir.post('/reports/complaints/actions', { ...fields, _csrf: csrfFrom(dpage.text) });
    assertPage(r, 403);
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM req_actions WHERE site_id = ${site}`), '1');
  });

  test('sites: the director sees every site side by side and another site\'s figures without its records', async () => {
    const r = await dir.get('/reports/sites?period=quarter&day=2025-08-15');
    assertPage(r, 200, ['各管理处对比', '报表测试小区' + code, '翠湖花园管理处']);
    const rows = csv(await dir.get('/reports/sites?period=quarter&day=2025-08-15&csv=sites'));
    const mine = row(rows, '报表测试小区' + code);
    assert.deepEqual(mine.slice(1, 5), ['5', '60.0%', '75.0%', '66.7%']);
    assert.deepEqual(mine.slice(7), ['33.3%', '1', '33.3%', '50.0%']);
    assert.ok(tableLinks(r.text, 'sites').includes(`/reports/kpi?period=quarter&day=2025-07-01&site=${ch}`));
    // CH's figures for the director of the test site: shown, but no links to CH's records.
    const other = await dir.get(`/reports/kpi?period=quarter&day=2025-08-15&site=${ch}`);
    assertPage(other, 200, '翠湖花园管理处');
    assert.ok(!tableLinks(other.text, 'summary').some((l) => l.startsWith('/requests')), 'no record links of another site');
    // A manager: no sites view, no other site.
    assertPage(await mgr.get('/reports/sites'), 403);
    assertPage(await mgr.get(`/reports/kpi?site=${ch}`), 404);
    assertPage(await mgr.get(`/reports/complaints?site=${ch}`), 404);
    assertPage(await mgrCH.get(`/reports/digest?site=${site}`), 404);
    assertPage(await mgr.get('/reports/kpi?site=abc'), 404);
    // CH's manager sees none of the test site's figures on their own pages.
    const chq = await mgrCH.get('/reports/complaints?year=2025&quarter=3');
    assert.ok(!textOf(chq.text).includes('A-101'));
  });

  test('signed out: sign-in page; staff: 403 everywhere', async () => {
    const { Client } = await import('../lib/http.mjs');
    const anon = new Client();
    for (const p of ['/reports', '/reports/kpi', '/reports/complaints', '/reports/digest', '/reports/sites']) {
      const r = await anon.get(p);
      assert.equal(r.status, 303, `${p}: ${brief(r)}`);
      assert.match(locPath(r.location), /^\/login/);
      assertPage(await staff.get(p), 403);
    }
  });
});
