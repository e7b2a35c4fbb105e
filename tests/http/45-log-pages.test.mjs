// The duty log (值班日志, dd-log), issue 3 points 1-4, 7 and their refusals: the current
// shift's page (opened by hand or by the first entry), entries (written once per form,
// checked: time, category, lengths), updating with an audit row, carry-over of open items,
// closing (every open item ticked), categories, lists and search.
//
// Most tests work on pages of their own: a day far in the past (log_days + log_pages made
// with SQL) so that no other test's closing or signing gets in the way. Entries are always
// written through the forms. The "current shift" tests move an existing page of the current
// shift aside first (its day gets another date), so they start from "no page yet".
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  Client, login, csrfToken, serverNow, fieldError, inputValue, tags, textOf, brief, sql, sqlOne, q,
  uniq, siteId, locPath,
} from '../lib/http.mjs';
import { formKey, spareDay, makePage, entryFields, backdate, writeEntry, carryBoxes, closePage, entryHtml, carriedHtml, awayFromShiftChange, moveCurrentPageAside } from '../lib/log.mjs';
import { assertPage, assertRedirect, assertSecurityHeaders } from '../lib/checks.mjs';

const T = { timeout: 180000 };

// ------------------------------------------------------------ duty-log helpers


// ------------------------------------------------------------------- tests

let ch;
const CAT = {}; // CH category name -> id
let staff1; let staff2; let supervisor; let manager; let director;

before(async () => {
  ch = await siteId('CH');
  for (const [id, name] of await sql(`SELECT id, name FROM log_categories WHERE site_id=${ch}`)) CAT[name] = id;
  assert.ok(CAT['巡查'] && CAT['失窃'], 'demo categories 巡查 and 失窃');
  // One after another: parallel sign-ins once met a database deadlock (500).
  staff1 = await login('staff1');
  staff2 = await login('staff2');
  supervisor = await login('supervisor');
  manager = await login('manager');
  director = await login('director');
});

describe('the current shift page', T, () => {
  before(async () => { await awayFromShiftChange(ch); });

  test('the demo site has 早班 06:00–13:00, 中班 13:00–22:00, 夜班 22:00–06:00 and 11 categories', async () => {
    const rows = await sql(`SELECT name, TIME_FORMAT(start_time,'%H:%i'), TIME_FORMAT(end_time,'%H:%i') FROM shifts WHERE site_id=${ch} AND active=1 ORDER BY sort_order`);
    assert.deepEqual(rows, [['早班', '06:00', '13:00'], ['中班', '13:00', '22:00'], ['夜班', '22:00', '06:00']]);
    const page = await staff1.get('/log/entries');
    const opts = tags(page.text.slice(page.text.indexOf('name="category"')), 'option').map((o) => o.attrs.value).filter(Boolean);
    assert.ok(opts.length >= 11, `at least 11 categories in the filter: ${opts.length}`);
  });

  test('GET /log without a page shows the shift the server computes, 开启本班日志 and an entry form defaulting to now', async () => {
    const r = await moveCurrentPageAside(staff1, ch);
    assertPage(r, 200, ['本班日志页尚未开启', '开启本班日志']);
    assertSecurityHeaders(r);
    const [[shift, day]] = await sql(
      `SELECT name, DATE_FORMAT(IF(end_time > start_time OR CURTIME() >= start_time, CURDATE(), CURDATE() - INTERVAL 1 DAY), '%Y-%m-%d')
         FROM shifts WHERE site_id=${ch} AND active=1 AND ((end_time > start_time AND CURTIME() >= start_time AND CURTIME() < end_time)
           OR (end_time <= start_time AND (CURTIME() >= start_time OR CURTIME() < end_time)))`);
    assert.ok(textOf(r.text).includes(`${day} ${shift}`), `shows "${day} ${shift}": ${brief(r)}`);
    assert.match(inputValue(r.text, 'form_key'), /^[0-9a-f]{32}$/, 'a 32-hex form key');
    const now = await serverNow();
    assert.equal(inputValue(r.text, 'occurred_date'), now.date, 'date defaults to today (server clock)');
    const [h, m] = inputValue(r.text, 'occurred_time').split(':').map(Number);
    const [nh, nm] = now.time.split(':').map(Number);
    assert.ok(Math.abs((nh * 60 + nm) - (h * 60 + m)) <= 2 || Math.abs((nh * 60 + nm) - (h * 60 + m)) >= 1438, `time defaults to now: ${h}:${m} vs ${now.time}`);
    assert.ok(/name="status" value="open" checked/.test(r.text), 'status defaults to open (未完成)');
    assert.ok(tags(r.text, 'form').some((f) => f.attrs.action === '/log/open/entry'), 'the entry form posts to /log/open/entry');
  });

  test('the first entry opens the page automatically (POST /log/open/entry), and GET /log then leads to it', async () => {
    await moveCurrentPageAside(staff1, ch);
    const f = await entryFields({ category_id: CAT['巡查'], what: '自动开页 ' + uniq('') });
    const r = await staff1.post('/log/open/entry', { ...f, _csrf: await csrfToken(staff1) });
    assert.equal(r.status, 303, brief(r));
    const m = /^\/log\/page\/(\d+)#entry-(\d+)$/.exec(r.location.replace(/^https?:\/\/[^/]+/, ''));
    assert.ok(m, `303 to /log/page/<id>#entry-<id>: ${r.location}`);
    const [pageId, entryId] = [m[1], m[2]];
    const [row] = await sql(`SELECT p.status, u.username, e.what FROM log_pages p JOIN users u ON u.id=p.opened_by JOIN log_entries e ON e.page_id=p.id WHERE e.id=${entryId}`);
    assert.deepEqual(row, ['open', 'staff1', f.what]);
    assertRedirect(await staff1.get('/log'), `/log/page/${pageId}`);
    const page = await staff1.get(`/log/page/${pageId}`);
    assertPage(page, 200, [f.what, '李明', '进行中']);
  });

  test('POST /log/open opens the page once: the page shows date, shift, staff with the lead; a second POST finds the same page', async () => {
    await moveCurrentPageAside(staff2, ch);
    const token = await csrfToken(staff2);
    const r = await staff2.post('/log/open', { _csrf: token });
    assert.equal(r.status, 303, brief(r));
    const pageId = /^\/log\/page\/(\d+)$/.exec(locPath(r.location))?.[1];
    assert.ok(pageId, `303 to /log/page/<id>: ${r.location}`);
    const [[status, opener, day, shift]] = await sql(
      `SELECT p.status, u.username, DATE_FORMAT(d.day,'%Y-%m-%d'), s.name FROM log_pages p JOIN users u ON u.id=p.opened_by
         JOIN log_days d ON d.id=p.day_id JOIN shifts s ON s.id=p.shift_id WHERE p.id=${pageId}`);
    assert.equal(status, 'open');
    assert.equal(opener, 'staff2');
    const page = await staff2.get(`/log/page/${pageId}`);
    assertPage(page, 200, [`${day} ${shift}`, '王芳（带班）', '本班还没有记录', '结束本班']);
    assertSecurityHeaders(page);
    assertRedirect(await staff2.post('/log/open', { _csrf: token }), `/log/page/${pageId}`);
    assertRedirect(await staff1.post('/log/open', { _csrf: await csrfToken(staff1) }), `/log/page/${pageId}`);
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM log_pages WHERE day_id=(SELECT day_id FROM log_pages WHERE id=${pageId}) AND shift_id=(SELECT shift_id FROM log_pages WHERE id=${pageId})`), '1');
    assertRedirect(await staff1.get('/log'), `/log/page/${pageId}`);
    // staff1 writes in it: staff1 joins the staff on duty.
    await writeEntry(staff1, pageId, { category_id: CAT['来电来访'] });
    assertPage(await staff1.get(`/log/page/${pageId}`), 200, ['李明', '王芳（带班）']);
  });

  test('once the current page is closed, /log/open/entry and /log/page/:id/entries are refused with 403 and nothing is written', async () => {
    const r0 = await staff1.get('/log');
    assert.equal(r0.status, 303, brief(r0));
    const pageId = /\/log\/page\/(\d+)/.exec(r0.location)[1];
    assertRedirect(await closePage(staff1, pageId, { note: '交接完毕' }), '/log');
    assert.equal(await sqlOne(`SELECT status FROM log_pages WHERE id=${pageId}`), 'closed');
    const before = await sqlOne('SELECT COUNT(*) FROM log_entries');
    const f = await entryFields({ category_id: CAT['巡查'] });
    const a = await staff1.post('/log/open/entry', { ...f, _csrf: await csrfToken(staff1) });
    assertPage(a, 403, '这一班的日志已结束或已签字');
    const b = await staff1.post(`/log/page/${pageId}/entries`, { ...f, form_key: formKey(), _csrf: await csrfToken(staff1) });
    assertPage(b, 403, '这一班的日志已结束或已签字');
    assert.equal(await sqlOne('SELECT COUNT(*) FROM log_entries'), before, 'nothing written');
    const page = await staff1.get(`/log/page/${pageId}`);
    assertPage(page, 200, '已结束');
    assert.ok(!tags(page.text, 'form').some((t) => /\/entries$|\/close$/.test(t.attrs.action || '')), 'a closed page has no entry or close form');
    assertRedirect(await staff1.post('/log/open', { _csrf: await csrfToken(staff1) }), `/log/page/${pageId}`);
  });

  test('who may write: director reads but gets 403 posting; admin gets 403; signed out goes to /login?next=/log', async () => {
    const { id } = await makePage(ch, '早班');
    assertPage(await director.get(`/log/page/${id}`), 200);
    const f = await entryFields({ category_id: CAT['巡查'] });
    assertPage(await director.post(`/log/page/${id}/entries`, { ...f, _csrf: await csrfToken(director) }), 403);
    assertPage(await director.post('/log/open', { _csrf: await csrfToken(director) }), 403);
    assertPage(await manager.post(`/log/page/${id}/entries`, { ...f, _csrf: await csrfToken(manager) }), 403);
    const admin = await login('admin');
    assertPage(await admin.get('/log'), 403);
    assertPage(await admin.get(`/log/page/${id}`), 403);
    const anon = await new Client().get('/log');
    assert.equal(anon.status, 303, brief(anon));
    assert.equal(new URL(anon.location, 'http://x').searchParams.get('next'), '/log');
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM log_entries WHERE page_id=${id}`), '0');
    assertPage(await staff1.get('/log/page/99999999'), 404, '页面不存在');
  });
});

describe('entries', T, () => {
  let page;
  before(async () => { page = await makePage(ch, '中班'); });

  test('a valid entry is written with every field, shown on the page, and audited (create)', async () => {
    const e = await writeEntry(staff1, page.id, {
      category_id: CAT['失窃'], location: '2-0301', what: '业主报自行车被盗 ' + uniq(''),
      handling: '调看监控，报派出所', followup: '等待派出所回复', status: 'open',
    });
    const [row] = await sql(`SELECT c.name, e.location, e.what, e.handling, e.followup, e.status, e.major, u.username,
      DATE_FORMAT(e.occurred_at,'%Y-%m-%d %H:%i') FROM log_entries e JOIN log_categories c ON c.id=e.category_id JOIN users u ON u.id=e.written_by WHERE e.id=${e.id}`);
    assert.deepEqual(row, ['失窃', '2-0301', e.fields.what, '调看监控，报派出所', '等待派出所回复', 'open', '0', 'staff1',
      `${e.fields.occurred_date} ${e.fields.occurred_time}`]);
    const r = await staff1.get(`/log/page/${page.id}`);
    const art = textOf(entryHtml(r.text, e.id));
    for (const t of ['失窃', '2-0301', e.fields.what, '调看监控，报派出所', '等待派出所回复', '未完成', '李明']) {
      assert.ok(art.includes(t), `entry shows ${t}: ${art}`);
    }
    const audit = await sql(`SELECT action, new_values FROM audit_log WHERE entity='log_entry' AND entity_id=${e.id}`);
    assert.equal(audit.length, 1);
    assert.equal(audit[0][0], 'create');
    assert.equal(JSON.parse(audit[0][1]).what, e.fields.what);
  });

  test('the same form submitted twice (same form_key) writes one entry; the second answer leads to it', async () => {
    const f = await entryFields({ category_id: CAT['巡查'], what: '双击测试 ' + uniq('') });
    const token = await csrfToken(staff1);
    const a = await staff1.post(`/log/page/${page.id}/entries`, { ...f, _csrf: token });
    assert.equal(a.status, 303, brief(a));
    const b = await staff1.post(`/log/page/${page.id}/entries`, { ...f, _csrf: token });
    const id = await sqlOne(`SELECT id FROM log_entries WHERE what=${q(f.what)}`);
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM log_entries WHERE what=${q(f.what)}`), '1', 'one entry');
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM log_entries WHERE form_key=${q(f.form_key)}`), '1');
    assert.equal(b.status, 303, brief(b));
    assert.ok(/\/log\/(entry\/|page\/\d+#entry-)/.test(b.location) && b.location.includes(id), `the second POST leads to entry ${id}: ${b.location}`);
    // At once, in parallel (a double click): still one.
    const g = await entryFields({ category_id: CAT['巡查'], what: '并发双击 ' + uniq('') });
    const rs = await Promise.all([1, 2, 3].map(() => staff1.post(`/log/page/${page.id}/entries`, { ...g, _csrf: token })));
    for (const r of rs) assert.equal(r.status, 303, brief(r));
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM log_entries WHERE what=${q(g.what)}`), '1', 'one entry from three parallel posts');
  });

  test('a refused form shows the reason beside the field, keeps the input and writes nothing', async () => {
    const before = await sqlOne(`SELECT COUNT(*) FROM log_entries WHERE page_id=${page.id}`);
    const f = await entryFields({ category_id: CAT['巡查'], what: '', location: '3 栋地库', handling: '已通知工程部', followup: '明早复查' });
    const r = await staff1.post(`/log/page/${page.id}/entries`, { ...f, _csrf: await csrfToken(staff1) });
    assertPage(r, 200);
    assert.match(fieldError(r.text, 'what'), /请填写事情情况/, brief(r));
    assert.equal(fieldError(r.text, 'location'), '');
    assert.equal(inputValue(r.text, 'location'), '3 栋地库');
    assert.equal(inputValue(r.text, 'handling'), '已通知工程部');
    assert.equal(inputValue(r.text, 'followup'), '明早复查');
    assert.equal(inputValue(r.text, 'category_id'), CAT['巡查'], 'category kept');
    assert.equal(inputValue(r.text, 'form_key'), f.form_key, 'the same form key (the fixed form is still one entry)');
    for (const [name, value, msg] of [
      ['what', '长'.repeat(2001), /最多 2000 个字/],
      ['location', '地'.repeat(101), /最多 100 个字/],
      ['handling', '处'.repeat(2001), /最多 2000 个字/],
      ['followup', '善'.repeat(2001), /最多 2000 个字/],
      ['status', 'maybe', /请从列表中选择/],
      ['occurred_date', '2026-13-45', /日期格式/],
      ['occurred_time', '25:61', /时间格式/],
      ['category_id', '', /请填写分类|请从列表中选择|请输入/],
    ]) {
      const g = await entryFields({ category_id: CAT['巡查'], [name]: value });
      const x = await staff1.post(`/log/page/${page.id}/entries`, { ...g, _csrf: await csrfToken(staff1) });
      assert.equal(x.status, 200, `${name}=${String(value).slice(0, 20)}: ${brief(x)}`);
      assert.match(fieldError(x.text, name) || '', msg, `message beside ${name}: ${brief(x)}`);
    }
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM log_entries WHERE page_id=${page.id}`), before, 'nothing written');
    // Exactly 2000 characters and 100 for the location are accepted.
    const ok = await writeEntry(staff1, page.id, { category_id: CAT['巡查'], what: '字'.repeat(1990) + uniq('').padEnd(10, 'x').slice(0, 10), location: '位'.repeat(100) });
    assert.equal(await sqlOne(`SELECT CHAR_LENGTH(what) FROM log_entries WHERE id=${ok.id}`), '2000');
  });

  test('a time more than 10 minutes ahead or more than two days old is refused beside the time; 5 minutes ahead and 47 hours ago are fine', async () => {
    for (const [minutes, msg] of [[15, '时间不能晚于现在'], [-(2 * 24 * 60 + 10), '时间不能早于两天前']]) {
      const t = await serverNow(minutes);
      const f = await entryFields({ category_id: CAT['巡查'], occurred_date: t.date, occurred_time: t.time, location: '保留的地点' });
      const r = await staff1.post(`/log/page/${page.id}/entries`, { ...f, _csrf: await csrfToken(staff1) });
      assertPage(r, 200);
      assert.ok((fieldError(r.text, 'occurred_time') || '').includes(msg), `${minutes} min: "${msg}" beside occurred_time: ${fieldError(r.text, 'occurred_time')}`);
      assert.equal(inputValue(r.text, 'occurred_time'), t.time, 'time kept');
      assert.equal(inputValue(r.text, 'location'), '保留的地点', 'location kept');
      assert.equal(await sqlOne(`SELECT COUNT(*) FROM log_entries WHERE what=${q(f.what)}`), '0');
    }
    for (const minutes of [5, -(47 * 60)]) {
      const t = await serverNow(minutes);
      const e = await writeEntry(staff1, page.id, { category_id: CAT['巡查'], occurred_date: t.date, occurred_time: t.time });
      assert.equal(await sqlOne(`SELECT DATE_FORMAT(occurred_at,'%Y-%m-%d %H:%i') FROM log_entries WHERE id=${e.id}`), t.at);
    }
  });

  test("a category of another site (or none at all) is refused beside the category", async () => {
    const code = 'LX' + uniq('').toUpperCase().slice(-6);
    const other = await sqlOne(`INSERT INTO sites (code, name) VALUES (${q(code)}, '另一个管理处${code}'); SELECT LAST_INSERT_ID();`);
    const cat = await sqlOne(`INSERT INTO log_categories (site_id, name) VALUES (${other}, '外站分类'); SELECT LAST_INSERT_ID();`);
    for (const id of [cat, '999999999']) {
      const f = await entryFields({ category_id: id });
      const r = await staff1.post(`/log/page/${page.id}/entries`, { ...f, _csrf: await csrfToken(staff1) });
      assertPage(r, 200);
      assert.match(fieldError(r.text, 'category_id') || '', /请从列表中选择/, brief(r));
      assert.ok(!textOf(r.text).includes('外站分类'), 'the other site\'s category is not offered');
      assert.equal(await sqlOne(`SELECT COUNT(*) FROM log_entries WHERE what=${q(f.what)}`), '0');
    }
  });

  test('a form without its key (or with a bad one) is refused with 表单已失效 and a fresh key', async () => {
    for (const k of [undefined, 'not-a-key', 'A'.repeat(32)]) {
      const f = await entryFields({ category_id: CAT['巡查'], form_key: k });
      const r = await staff1.post(`/log/page/${page.id}/entries`, { ...f, _csrf: await csrfToken(staff1) });
      assertPage(r, 200, '表单已失效');
      assert.match(inputValue(r.text, 'form_key'), /^[0-9a-f]{32}$/);
      assert.equal(inputValue(r.text, 'what'), f.what, 'what kept');
      assert.equal(await sqlOne(`SELECT COUNT(*) FROM log_entries WHERE what=${q(f.what)}`), '0');
    }
  });

  test('text is shown escaped, never as markup', async () => {
    const e = await writeEntry(staff1, page.id, { category_id: CAT['其他'], what: '<script>alert(1)</script><b>粗</b> ' + uniq('') });
    const r = await staff1.get(`/log/entry/${e.id}`);
    assert.ok(!r.text.includes('<script>alert(1)'), 'no raw script');
    assert.ok(r.text.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'escaped');
  });

  test('a closed status records who closed it and when; a closed page refuses new entries with 403', async () => {
    const { id: pid } = await makePage(ch, '夜班');
    const e = await writeEntry(staff1, pid, { category_id: CAT['巡查'], status: 'closed' });
    const [row] = await sql(`SELECT e.status, u.username, e.closed_at IS NOT NULL FROM log_entries e JOIN users u ON u.id=e.closed_by WHERE e.id=${e.id}`);
    assert.deepEqual(row, ['closed', 'staff1', '1']);
    assertRedirect(await closePage(staff1, pid), '/log');
    const before = await sqlOne('SELECT COUNT(*) FROM log_entries');
    const f = await entryFields({ category_id: CAT['巡查'] });
    assertPage(await staff1.post(`/log/page/${pid}/entries`, { ...f, _csrf: await csrfToken(staff1) }), 403, '这一班的日志已结束或已签字');
    assert.equal(await sqlOne('SELECT COUNT(*) FROM log_entries'), before);
  });
});

describe('updating an entry', T, () => {
  let page;
  before(async () => { page = await makePage(ch, '早班'); });

  test('POST /log/entry/:id changes it while its page is open and writes an audit row (update, old and new values)', async () => {
    const e = await writeEntry(staff1, page.id, { category_id: CAT['设备/照明'], what: '3 栋电梯困人 ' + uniq(''), handling: '' });
    const show = await staff1.get(`/log/entry/${e.id}`);
    assertPage(show, 200, '修改记录');
    assert.equal(inputValue(show.text, 'what'), e.fields.what, 'the edit form holds the entry');
    const newWhat = e.fields.what + '（已救出）';
    const r = await staff1.post(`/log/entry/${e.id}`, {
      ...e.fields, what: newWhat, handling: '通知电梯公司，10 分钟后救出', status: 'closed', _csrf: await csrfToken(staff1),
    });
    assertRedirect(r, `/log/entry/${e.id}`);
    const [row] = await sql(`SELECT what, handling, status, closed_by IS NOT NULL FROM log_entries WHERE id=${e.id}`);
    assert.deepEqual(row, [newWhat, '通知电梯公司，10 分钟后救出', 'closed', '1']);
    const audit = await sql(`SELECT old_values, new_values, user_id FROM audit_log WHERE entity='log_entry' AND entity_id=${e.id} AND action='update'`);
    assert.equal(audit.length, 1, 'one update audit row');
    const [oldV, newV] = audit[0].slice(0, 2).map((s) => JSON.parse(s));
    assert.equal(oldV.what, e.fields.what);
    assert.equal(oldV.status, 'open');
    assert.equal(newV.what, newWhat);
    assert.equal(newV.status, 'closed');
    assert.equal(audit[0][2], await sqlOne(`SELECT id FROM users WHERE username='staff1'`));
    // Two updates: two rows.
    await staff1.post(`/log/entry/${e.id}`, { ...e.fields, what: newWhat + '。', status: 'closed', _csrf: await csrfToken(staff1) });
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM audit_log WHERE entity='log_entry' AND entity_id=${e.id} AND action='update'`), '2');
  });

  test('a refused update shows the reason beside the field and changes nothing', async () => {
    const e = await writeEntry(staff1, page.id, { category_id: CAT['巡查'] });
    const t = await serverNow(30);
    const r = await staff1.post(`/log/entry/${e.id}`, { ...e.fields, occurred_date: t.date, occurred_time: t.time, what: '不应保存', _csrf: await csrfToken(staff1) });
    assertPage(r, 200);
    assert.match(fieldError(r.text, 'occurred_time') || '', /时间不能晚于现在/);
    assert.equal(inputValue(r.text, 'what'), '不应保存', 'input kept');
    const r2 = await staff1.post(`/log/entry/${e.id}`, { ...e.fields, what: '', _csrf: await csrfToken(staff1) });
    assert.match(fieldError(r2.text, 'what') || '', /请填写事情情况/);
    assert.equal(await sqlOne(`SELECT what FROM log_entries WHERE id=${e.id}`), e.fields.what);
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM audit_log WHERE entity='log_entry' AND entity_id=${e.id} AND action='update'`), '0');
  });

  test('on a closed page, a closed entry is refused (403) but an open (carried) one can still be updated', async () => {
    const { id: pid } = await makePage(ch, '中班');
    const done = await writeEntry(staff1, pid, { category_id: CAT['巡查'], status: 'closed' });
    const open = await writeEntry(staff1, pid, { category_id: CAT['巡查'], status: 'open' });
    assertRedirect(await closePage(staff1, pid), '/log');
    const r = await staff1.post(`/log/entry/${done.id}`, { ...done.fields, status: 'closed', what: '改不了', _csrf: await csrfToken(staff1) });
    assertPage(r, 403, '这一班的日志已结束或已签字');
    assert.equal(await sqlOne(`SELECT what FROM log_entries WHERE id=${done.id}`), done.fields.what);
    const ok = await staff2.post(`/log/entry/${open.id}`, { ...open.fields, status: 'closed', followup: '已处理完毕', _csrf: await csrfToken(staff2) });
    assertRedirect(ok, `/log/entry/${open.id}`);
    assert.deepEqual((await sql(`SELECT e.status, u.username FROM log_entries e JOIN users u ON u.id=e.closed_by WHERE e.id=${open.id}`))[0], ['closed', 'staff2']);
  });

  test("another site's category is refused on update too; director and manager may not update (403)", async () => {
    const e = await writeEntry(staff1, page.id, { category_id: CAT['巡查'] });
    const cat = await sqlOne(`SELECT c.id FROM log_categories c WHERE c.site_id<>${ch} LIMIT 1`);
    if (cat) {
      const r = await staff1.post(`/log/entry/${e.id}`, { ...e.fields, category_id: cat, _csrf: await csrfToken(staff1) });
      assert.equal(r.status, 200, brief(r));
      assert.match(fieldError(r.text, 'category_id') || '', /请从列表中选择/);
    }
    for (const c of [director, manager]) {
      assertPage(await c.post(`/log/entry/${e.id}`, { ...e.fields, what: '越权', _csrf: await csrfToken(c) }), 403);
    }
    assert.equal(await sqlOne(`SELECT category_id FROM log_entries WHERE id=${e.id}`), CAT['巡查']);
    assert.equal(await sqlOne(`SELECT what FROM log_entries WHERE id=${e.id}`), e.fields.what);
  });
});

describe('carry-over and closing a page', T, () => {
  test('closing with an open item not ticked shows 还有未完成事项没有勾选移交 and the page stays open', async () => {
    const p = await makePage(ch, '早班');
    const a = await writeEntry(staff1, p.id, { category_id: CAT['施工'], what: '5 栋装修噪音 ' + uniq('') });
    const b = await writeEntry(staff1, p.id, { category_id: CAT['巡查'], what: '车库灯坏 ' + uniq('') });
    const page = await staff1.get(`/log/page/${p.id}`);
    const boxes = carryBoxes(page.text);
    assert.ok(boxes.includes(a.id) && boxes.includes(b.id), 'each open item has a carry checkbox');
    const none = await staff1.post(`/log/page/${p.id}/close`, { note: '交接', _csrf: await csrfToken(staff1) });
    assertPage(none, 200, '还有未完成事项没有勾选移交');
    const one = await closePage(staff1, p.id, { note: '只勾一项', except: [b.id] });
    assertPage(one, 200);
    assert.match(fieldError(one.text, 'note') || textOf(one.text), /还有未完成事项没有勾选移交/);
    assert.equal(inputValue(one.text, 'note'), '只勾一项', 'the note is kept');
    assert.ok(tags(one.text, 'input').some((t) => t.attrs.name === 'carry' && t.attrs.value === a.id && 'checked' in t.attrs), 'the ticked box stays ticked');
    assert.equal(await sqlOne(`SELECT status FROM log_pages WHERE id=${p.id}`), 'open');
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM log_carryovers WHERE from_page_id=${p.id}`), '0');
  });

  test('open items appear on later pages as carried items with their age until closed; a closed one shows who closed it', async () => {
    // The earlier shift: opened 3 hours ago, its entries written 2 hours ago.
    const p1 = await makePage(ch, '早班', 'staff1', null, 180);
    const open1 = await writeEntry(staff1, p1.id, { category_id: CAT['客户投诉电话'], what: '3-0502 投诉楼上漏水 ' + uniq('') });
    const done1 = await writeEntry(staff1, p1.id, { category_id: CAT['巡查'], what: '巡查正常 ' + uniq(''), status: 'closed' });
    await backdate([open1.id, done1.id], 120);
    const r = await closePage(staff1, p1.id, { note: '漏水待工程部处理' });
    assertRedirect(r, '/log');
    const [[st, closer, note]] = await sql(`SELECT p.status, u.username, p.close_note FROM log_pages p JOIN users u ON u.id=p.closed_by WHERE p.id=${p1.id}`);
    assert.deepEqual([st, closer, note], ['closed', 'staff1', '漏水待工程部处理']);
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM log_carryovers WHERE from_page_id=${p1.id} AND entry_id=${open1.id}`), '1', 'carry-over recorded');
    // The next shift's page, opened an hour ago.
    const p2 = await makePage(ch, '中班', 'staff2', p1.dayId, 60);
    const page2 = await staff2.get(`/log/page/${p2.id}`);
    assertPage(page2, 200, '上一班移交的未完成事项');
    const carried = carriedHtml(page2.text);
    assert.ok(carried.includes(`id="entry-${open1.id}"`), 'the open item is carried');
    assert.ok(!carried.includes(`id="entry-${done1.id}"`), 'the closed item is not');
    assert.match(textOf(entryHtml(carried, open1.id)), /未完成[\s\S]*已过 \d+ (分钟|小时)/, 'open, with its age');
    assert.ok(carryBoxes(page2.text).includes(open1.id), 'the next page must hand it on again');
    // Closed on the next shift: still shown there, with who closed it and when.
    const ok = await staff2.post(`/log/entry/${open1.id}`, { ...open1.fields, status: 'closed', followup: '工程部已修复', _csrf: await csrfToken(staff2) });
    assertRedirect(ok, `/log/entry/${open1.id}`);
    const after = await staff2.get(`/log/page/${p2.id}`);
    const art = textOf(entryHtml(carriedHtml(after.text), open1.id));
    assert.ok(art.includes('已完成') && /已由 王芳 \d{4}-\d\d-\d\d \d\d:\d\d/.test(art), `closed item shows 已由 王芳 <time>: ${art}`);
    assert.ok(!carryBoxes(after.text).includes(open1.id), 'no longer to be handed on');
  });

  test('a carried open item stays on every later page until closed (nothing is lost between shifts)', async () => {
    const p1 = await makePage(ch, '早班', 'staff1', null, 300);
    const e = await writeEntry(staff1, p1.id, { category_id: CAT['迁入迁出'], what: '4-1101 搬家未完 ' + uniq('') });
    await backdate([e.id], 280);
    assertRedirect(await closePage(staff1, p1.id), '/log');
    const p2 = await makePage(ch, '中班', 'staff2', p1.dayId, 200);
    const none = await staff2.post(`/log/page/${p2.id}/close`, { note: '', _csrf: await csrfToken(staff2) });
    assertPage(none, 200, '还有未完成事项没有勾选移交');
    assertRedirect(await closePage(staff2, p2.id), '/log');
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM log_carryovers WHERE entry_id=${e.id}`), '2', 'handed on twice');
    const p3 = await makePage(ch, '夜班', 'staff1', p1.dayId, 100);
    const page3 = await staff1.get(`/log/page/${p3.id}`);
    assert.ok(carriedHtml(page3.text).includes(`id="entry-${e.id}"`), 'still carried on the third page');
    assert.ok(carryBoxes(page3.text).includes(e.id), 'and to be handed on by it');
  });

  test('an open item written on the previous page after the next page was opened (handover overlap) is carried to the next page', async () => {
      const p1 = await makePage(ch, '早班', 'staff1', null, 120);
      const p2 = await makePage(ch, '中班', 'staff2', p1.dayId, 5);
      const e = await writeEntry(staff1, p1.id, { category_id: CAT['巡查'], what: '交接时发现的漏水 ' + uniq('') });
      assertRedirect(await closePage(staff1, p1.id), '/log');
      assert.equal(await sqlOne(`SELECT COUNT(*) FROM log_carryovers WHERE entry_id=${e.id}`), '1', 'ticked as carried');
      const page2 = await staff2.get(`/log/page/${p2.id}`);
      assert.ok(carriedHtml(page2.text).includes(`id="entry-${e.id}"`), `entry ${e.id} shown as carried on the next page`);
    });
});

describe('categories of a site', T, () => {
  test('supervisor adds a category (offered in the entry form), a duplicate is refused, a category taken out of use is no longer offered or accepted', async () => {
    const name = '测试分类' + uniq('').slice(-5);
    const token = await csrfToken(supervisor);
    assertRedirect(await supervisor.post('/log/categories/new', { name, _csrf: token }), '/log/categories');
    const id = await sqlOne(`SELECT id FROM log_categories WHERE site_id=${ch} AND name=${q(name)}`);
    assert.ok(id, 'category written for CH');
    const p = await makePage(ch, '早班');
    const form = await staff1.get(`/log/page/${p.id}`);
    assert.ok(tags(form.text, 'option').some((o) => o.attrs.value === id), 'offered in the entry form');
    const dup = await supervisor.post('/log/categories/new', { name, _csrf: token });
    assertPage(dup, 200);
    const newForm = dup.text.slice(dup.text.indexOf('action="/log/categories/new"'));
    assert.match(fieldError(newForm, 'name') || '', /已有同名分类/);
    assert.equal(inputValue(newForm, 'name'), name, 'the name is kept');
    const e = await writeEntry(staff1, p.id, { category_id: id });
    assertRedirect(await supervisor.post(`/log/categories/${id}`, { name, active: '0', _csrf: token }), '/log/categories');
    const form2 = await staff1.get(`/log/page/${p.id}`);
    const entryForm = form2.text.slice(form2.text.indexOf('id="new-entry"'));
    assert.ok(!tags(entryForm, 'option').some((o) => o.attrs.value === id), 'no longer offered');
    const f = await entryFields({ category_id: id });
    const r = await staff1.post(`/log/page/${p.id}/entries`, { ...f, _csrf: await csrfToken(staff1) });
    assert.equal(r.status, 200, brief(r));
    assert.match(fieldError(r.text, 'category_id') || '', /请从列表中选择/);
    assert.equal(await sqlOne(`SELECT category_id FROM log_entries WHERE id=${e.id}`), id, 'the earlier entry keeps it');
    assertPage(await staff1.get('/log/categories'), 403);
    assertPage(await staff1.post('/log/categories/new', { name: name + 'x', _csrf: await csrfToken(staff1) }), 403);
  });
});

describe('lists and search', T, () => {
  const token = 'SRCH' + uniq('');
  let ids;
  let shiftMid;
  before(async () => {
    const p1 = await makePage(ch, '早班');
    const p2 = await makePage(ch, '中班', 'staff2');
    shiftMid = await sqlOne(`SELECT id FROM shifts WHERE site_id=${ch} AND name='中班'`);
    const a = await writeEntry(staff1, p1.id, { category_id: CAT['失窃'], what: `${token} 电动车被盗`, status: 'open' });
    const b = await writeEntry(staff1, p1.id, { category_id: CAT['巡查'], what: `${token} 夜间巡查`, status: 'closed' });
    const c = await writeEntry(staff2, p2.id, { category_id: CAT['巡查'], what: '访客登记', location: `${token}-大门`, status: 'open' });
    ids = { a: a.id, b: b.id, c: c.id };
  });

  const found = (html) => Object.entries(ids).filter(([, id]) => html.includes(`id="entry-${id}"`)).map(([k]) => k).sort().join('');

  test('GET /log/entries filters by text (what and location), category, status, staff, shift and date range', async () => {
    const today = (await serverNow()).date;
    const staff2Id = await sqlOne(`SELECT id FROM users WHERE username='staff2'`);
    const cases = [
      [`q=${token}`, 'abc'],
      [`q=${token}&category=${CAT['巡查']}`, 'bc'],
      [`q=${token}&status=open`, 'ac'],
      [`q=${token}&status=closed`, 'b'],
      [`q=${token}&staff=${staff2Id}`, 'c'],
      [`q=${token}&shift=${shiftMid}`, 'c'],
      [`q=${token}&from=${today}&to=${today}`, 'abc'],
      [`q=${token}&from=${(await serverNow(24 * 60)).date}`, ''],
      [`q=${token}&to=${(await serverNow(-24 * 60)).date}`, ''],
      [`q=${encodeURIComponent(token + ' 电动车')}`, 'a'],
    ];
    for (const [qs, want] of cases) {
      const r = await staff1.get(`/log/entries?${qs}`);
      assertPage(r, 200);
      assert.equal(found(r.text), want, `?${qs}`);
    }
    const r = await manager.get(`/log/entries?q=${token}&status=open`);
    assert.equal(r.status, 200);
    assert.equal(inputValue(r.text, 'q'), token, 'the filter keeps its values');
    assert.equal(inputValue(r.text, 'status'), 'open');
    assert.equal(found(r.text), 'ac', 'manager searches too');
    assertPage(await staff1.get('/log/entries?from=2026-02-31&q=x'), 200);
  });

  test('20 entries a page with a rel=next link; the last page has rel=prev and no next', async () => {
    const t = 'PAGE' + uniq('');
    const p = await makePage(ch, '夜班');
    const writer = await sqlOne(`SELECT id FROM users WHERE username='staff1'`);
    await sql(`INSERT INTO log_entries (site_id, page_id, occurred_at, category_id, what, handling, followup, written_by, form_key)
      SELECT ${ch}, ${p.id}, NOW() - INTERVAL seq MINUTE, ${CAT['巡查']}, CONCAT('${t} 第', seq, '条'), '', '', ${writer}, MD5(CONCAT('${t}', seq))
        FROM seq_1_to_23`);
    const r1 = await staff1.get(`/log/entries?q=${t}`);
    const n1 = (r1.text.match(/<article class="entry/g) || []).length;
    assert.equal(n1, 20, '20 on the first page');
    const next = tags(r1.text, 'a').find((a) => a.attrs.rel === 'next');
    assert.ok(next, 'a rel=next link');
    assert.ok(!tags(r1.text, 'a').some((a) => a.attrs.rel === 'prev'), 'no rel=prev on page 1');
    const u = new URL(next.attrs.href, 'http://x/log/entries');
    assert.equal(u.searchParams.get('page'), '2');
    assert.equal(u.searchParams.get('q'), t, 'the next link keeps the filter');
    const r2 = await staff1.get(`/log/entries${u.search}`);
    assert.equal((r2.text.match(/<article class="entry/g) || []).length, 3, '3 on the second page');
    assert.ok(tags(r2.text, 'a').some((a) => a.attrs.rel === 'prev'), 'rel=prev on page 2');
    assert.ok(!tags(r2.text, 'a').some((a) => a.attrs.rel === 'next'), 'no rel=next on the last page');
    assert.ok(r1.text.indexOf(`${t} 第1条`) < r1.text.indexOf(`${t} 第2条`), 'newest first');
  });

  test('/log/days lists a day with pages waiting for sign-off, with its counts', async () => {
    const p = await makePage(ch, '早班');
    await writeEntry(staff1, p.id, { category_id: CAT['巡查'] });
    const r = await manager.get('/log/days');
    assertPage(r, 200, ['待签字的日期', p.day]);
    const row = r.text.slice(r.text.indexOf(`/log/day/${p.dayId}"`));
    assert.ok(row, 'the day links to /log/day/<id>');
    assert.ok(textOf(row.slice(0, row.indexOf('</tr>'))).includes('有班次未结束'), 'not ready while a page is open');
    assertPage(await staff1.get('/log/days'), 200, p.day);
  });
});
