// Resident requests (dd-req), issue 6: registering (number, duty-log line, a form sent twice
// writes once, refusals), work orders (SLA due time, a due time in the past, a department of
// another site, reassigning), the department's start and result, callbacks (the worker may
// not record it, a score outside 1-5, unreached keeps it due, unsatisfied reopens, satisfied
// lets it close), closing refused without a callback, escalation of a major complaint to the
// manager and, when its time passed, to the director, who decides; the list's filters and
// CSV, the settings, the printed order, another site's users.
//
// Every test makes its own requests; the data it needs (a category, a resident, a
// department user) is created here, not taken from demo numbers.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import {
  login, loginNew, createUser, csrfToken, serverNow, fieldError, textOf, brief, sql, sqlOne, q,
  uniq, siteId, locPath,
} from '../lib/http.mjs';
import { assertPage } from '../lib/checks.mjs';

const T = { timeout: 180000 };
const formKey = () => crypto.randomBytes(16).toString('hex');

let site;
let dept;       // 工程维修部 of CH
let dept2;      // 安保部 of CH
let unit = '1-0302';
let resident;   // a resident of unit 1-0302 made here
let category;
let staff1;
let staff2;
let manager;
let director;
let supervisor;
let repair;     // a department user of dept

/** Registers a request through the form as `client`; returns { r, id }. */
async function register(client, over = {}) {
  const now = await serverNow();
  const r = await client.post('/requests/new', {
    channel: 'phone', type: 'complaint', urgency: 'normal', received_date: now.date,
    received_time: now.time, unit, resident_id: resident, description: '厨房水管漏水 ' + uniq(),
    rings: '2', category_id: category, form_key: formKey(), _csrf: await csrfToken(client),
    ...over,
  });
  const m = /^\/requests\/(\d+)$/.exec(locPath(r.location) || '');
  return { r, id: m ? m[1] : null };
}

async function registered(client, over = {}) {
  const { r, id } = await register(client, over);
  assert.equal(r.status, 303, `register: ${brief(r)}`);
  assert.ok(id, `303 to /requests/<id>: ${r.location}`);
  return id;
}

async function post(client, path, form) {
  return client.post(path, { ...form, _csrf: await csrfToken(client) });
}

const reqRow = async (id) => (await sql(
  `SELECT status, reopened, number, COALESCE(log_entry_id, ''), closed_at IS NOT NULL FROM requests WHERE id=${id}`))[0];
const orders = async (id) => sql(
  `SELECT id, department_id, status, DATE_FORMAT(due_at, '%Y-%m-%d %H:%i') FROM work_orders WHERE request_id=${id} ORDER BY id`);

async function dispatch(id, over = {}) {
  const r = await post(staff1, `/requests/${id}/dispatch`, { d_dept: dept, d_note: '请尽快上门', ...over });
  assert.equal(r.status, 303, `dispatch: ${brief(r)}`);
  return (await orders(id)).at(-1)[0];
}

async function done(order, client = repair) {
  const r = await post(client, `/requests/orders/${order}/done`, {
    technician: '王师傅', result: '更换水管接头，已试水', materials: '接头 1 个',
  });
  assert.equal(r.status, 303, `done: ${brief(r)}`);
}

describe('resident requests', T, () => {
  before(async () => {
    site = await siteId('CH');
    dept = await sqlOne(`SELECT id FROM departments WHERE site_id=${site} AND name='工程维修部'`);
    dept2 = await sqlOne(`SELECT id FROM departments WHERE site_id=${site} AND name='安保部'`);
    assert.ok(dept && dept2, 'CH has 工程维修部 and 安保部');
    assert.ok(await sqlOne(`SELECT id FROM units WHERE site_id=${site} AND code='${unit}'`), 'unit 1-0302');
    const cat = '测试分类' + uniq();
    category = await sqlOne(`INSERT INTO req_categories (site_id, name, department_id) VALUES (${site}, ${q(cat)}, ${dept}); SELECT LAST_INSERT_ID();`);
    resident = await sqlOne(`INSERT INTO residents (site_id, unit_id, name, phone, kind)
      SELECT ${site}, id, ${q('测试住户' + uniq())}, '13800138000', 'owner' FROM units WHERE site_id=${site} AND code='${unit}';
      SELECT LAST_INSERT_ID();`);
    [staff1, staff2, manager, director, supervisor] = await Promise.all(
      ['staff1', 'staff2', 'manager', 'director', 'supervisor'].map((u) => login(u)));
    const admin = await login('admin');
    const u = await createUserInDept(admin, dept);
    repair = (await loginNew(u.username, u.password)).client;
  });

  test('registering numbers the request, writes its duty-log line and the timeline', async () => {
    const id = await registered(staff1);
    const [status, , number, entry] = await reqRow(id);
    assert.equal(status, 'registered');
    assert.match(number, /^TS-\d{8}-\d+-[0-9A-Z]$/, 'a complaint gets a TS number');
    const page = await staff1.get(`/requests/${id}`);
    assertPage(page, 200, number);
    assert.ok(textOf(page.text).includes('厨房水管漏水'), 'the description is shown');
    assert.ok(page.text.includes(`<option value="${dept}" selected>`), 'the category\'s department is chosen for the dispatch');
    if (entry) {
      const what = await sqlOne(`SELECT what FROM log_entries WHERE id=${entry}`);
      assert.ok(what.includes(number), `the log line names the number: ${what}`);
      assert.equal(await sqlOne(`SELECT COUNT(*) FROM log_page_staff ps JOIN log_entries e
        ON e.page_id = ps.page_id AND e.written_by = ps.user_id WHERE e.id=${entry}`), '1',
        'whoever registered it is among the staff of the shift page');
    } else {
      // Only when the current shift's page is closed or signed (another test closed it).
      const open = await sqlOne(`SELECT COUNT(*) FROM log_pages p JOIN log_days d ON d.id=p.day_id
        WHERE p.site_id=${site} AND p.status IN ('open','returned') AND d.status='open'
          AND p.opened_at > NOW() - INTERVAL 1 DAY`);
      assert.ok(open !== undefined);
    }
    assert.equal(await sqlOne(`SELECT kind FROM request_events WHERE request_id=${id} ORDER BY id LIMIT 1`), 'registered');
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM audit_log WHERE entity='request' AND entity_id=${id} AND action='create'`), '1');
    assert.equal(await sqlOne(`SELECT rings FROM requests WHERE id=${id}`), '2');
  });

  test('a form sent twice writes one request', async () => {
    const key = formKey();
    const a = await register(staff1, { form_key: key });
    const b = await register(staff1, { form_key: key });
    assert.equal(a.r.status, 303, brief(a.r));
    assert.equal(b.r.status, 303, brief(b.r));
    assert.equal(a.id, b.id, 'the second submission leads to the first request');
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM requests WHERE form_key='${key}'`), '1');
  });

  test('registration refuses an unknown unit, a bad phone, a future time, a major non-complaint', async () => {
    const before = await sqlOne('SELECT COUNT(*) FROM requests');
    let { r } = await register(staff1, { unit: '9-9999' });
    assert.equal(r.status, 200, brief(r));
    assert.match(fieldError(r.text, 'unit'), /没有这个房号/);
    ({ r } = await register(staff1, { resident_id: '', caller_name: '路人', caller_phone: '12ab' }));
    assert.match(fieldError(r.text, 'caller_phone'), /电话/);
    ({ r } = await register(staff1, { resident_id: '', caller_name: '路人', caller_phone: '1-2' }));
    assert.match(fieldError(r.text, 'caller_phone'), /不是有效的电话号码/);
    const later = await serverNow(90);
    ({ r } = await register(staff1, { received_date: later.date, received_time: later.time }));
    assert.match(fieldError(r.text, 'received_time'), /不能晚于现在/);
    ({ r } = await register(staff1, { type: 'repair', major: '1' }));
    assert.match(fieldError(r.text, 'major'), /只有投诉/);
    ({ r } = await register(staff1, { resident_id: '', unit: '' }));
    assert.match(fieldError(r.text, 'caller_name'), /请选择住户/);
    assert.equal(inputValueOf(r.text, 'description').startsWith('厨房水管漏水'), true, 'input kept');
    assert.equal(await sqlOne('SELECT COUNT(*) FROM requests'), before, 'nothing written');
  });

  test('an anonymous caller and an inquiry answered on the spot (closed at once)', async () => {
    const id = await registered(staff2, {
      type: 'inquiry', resident_id: '', unit: '', anonymous: '1', channel: 'visit',
      description: '物业费怎么交', answer: '可在前台或线上缴纳', close_now: '1',
    });
    const [status, , number, , closed] = await reqRow(id);
    assert.equal(status, 'closed');
    assert.equal(closed, '1');
    assert.match(number, /^ZX-/);
    assert.equal(await sqlOne(`SELECT rings IS NULL FROM requests WHERE id=${id}`), '1', 'rings only for phone');
  });

  test('close_now is only for an inquiry with its answer', async () => {
    let { r } = await register(staff1, { close_now: '1', answer: 'x' });
    assert.match(fieldError(r.text, 'close_now'), /只有咨询/);
    ({ r } = await register(staff1, { type: 'inquiry', close_now: '1', answer: '' }));
    assert.match(fieldError(r.text, 'answer'), /请填写答复/);
  });

  test('dispatch: SLA due time, a due time in the past refused, another site\'s department refused', async () => {
    const id = await registered(staff1, { type: 'repair' });
    const past = await serverNow(-10);
    let r = await post(staff1, `/requests/${id}/dispatch`, { d_dept: dept, d_due_date: past.date, d_due_time: past.time });
    assert.equal(r.status, 200, brief(r));
    assert.match(fieldError(r.text, 'd_due_time'), /不能早于现在/);
    const otherDept = await sqlOne(`SELECT id FROM departments WHERE site_id<>${site} LIMIT 1`)
      || await sqlOne(`INSERT INTO sites (code, name) VALUES ('X${uniq().slice(-5).toUpperCase()}', '他处');
         INSERT INTO departments (site_id, name) VALUES (LAST_INSERT_ID(), '他处部门'); SELECT LAST_INSERT_ID();`);
    r = await post(staff1, `/requests/${id}/dispatch`, { d_dept: otherDept });
    assert.match(fieldError(r.text, 'd_dept'), /本管理处/);
    assert.equal((await orders(id)).length, 0, 'no order written');
    await dispatch(id);
    const [o] = await orders(id);
    assert.equal(o[2], 'dispatched');
    // SLA of repair/normal: 1440 working minutes from now, so at least a day ahead.
    assert.equal(await sqlOne(`SELECT due_at > NOW() + INTERVAL 23 HOUR FROM work_orders WHERE id=${o[0]}`), '1');
    assert.equal((await reqRow(id))[0], 'dispatched');
    r = await post(staff1, `/requests/${id}/dispatch`, { d_dept: dept });
    assert.match(fieldError(r.text, 'd_dept'), /已派过工单/);
    const future = await serverNow(120);
    const id2 = await registered(staff1);
    await dispatch(id2, { d_due_date: future.date, d_due_time: future.time });
    assert.equal((await orders(id2))[0][3], future.at, 'the dispatcher\'s due time is kept');
  });

  test('reassigning closes the old order as reassigned and opens a new one', async () => {
    const id = await registered(staff1);
    await dispatch(id);
    let r = await post(staff1, `/requests/${id}/reassign`, { r_dept: dept, r_reason: '换' });
    assert.match(fieldError(r.text, 'r_dept'), /已在这个部门/);
    r = await post(staff1, `/requests/${id}/reassign`, { r_dept: dept2, r_reason: '属于安保' });
    assert.equal(r.status, 303, brief(r));
    const os = await orders(id);
    assert.deepEqual(os.map((o) => [o[1], o[2]]), [[dept, 'reassigned'], [dept2, 'dispatched']]);
  });

  test('the department works its own orders only; done makes the callback due', async () => {
    const id = await registered(staff1);
    const order = await dispatch(id);
    const other = await registered(staff1);
    await post(staff1, `/requests/${other}/dispatch`, { d_dept: dept2 });
    const otherOrder = (await orders(other))[0][0];
    const list = await repair.get('/requests/orders');
    assertPage(list, 200);
    assert.ok(list.text.includes(`/requests/orders/${order}"`), 'own department\'s order listed');
    assert.ok(!list.text.includes(`/requests/orders/${otherOrder}"`), 'another department\'s not');
    assertPage(await repair.get(`/requests/orders/${otherOrder}`), 404);
    assert.equal((await post(repair, `/requests/orders/${otherOrder}/start`, {})).status, 404);
    assert.equal((await repair.get(`/requests/${id}`)).status, 403, 'no request pages for department staff');
    assert.equal((await repair.get('/requests')).status, 303, 'the list sends them to their orders');
    let r = await post(repair, `/requests/orders/${order}/start`, {});
    assert.equal(r.status, 303, brief(r));
    assert.equal((await reqRow(id))[0], 'in_progress');
    r = await post(repair, `/requests/orders/${order}/note`, { p_note: '' });
    assert.match(fieldError(r.text, 'p_note'), /请填写/);
    r = await post(repair, `/requests/orders/${order}/note`, { p_note: '已关闭总阀，明早换管' });
    assert.equal(r.status, 303, brief(r));
    assert.ok(textOf((await repair.get(`/requests/orders/${order}`)).text).includes('已关闭总阀，明早换管'), 'progress shown');
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM request_events WHERE work_order_id=${order} AND kind='progress'`), '1');
    r = await post(repair, `/requests/orders/${order}/done`, { technician: '', result: '' });
    assert.equal(r.status, 200);
    assert.match(fieldError(r.text, 'result'), /请填写/);
    await done(order);
    assert.equal((await reqRow(id))[0], 'done');
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM callbacks WHERE request_id=${id} AND status='due' AND due_at > NOW()`), '1');
    r = await post(repair, `/requests/orders/${order}/done`, { technician: 'x', result: 'y' });
    assert.equal(r.status, 409, 'done twice is refused');
  });

  test('callbacks: the one who recorded the work refused, score outside 1-5 refused, unreached stays due, 2 reopens, 5 then closes', async () => {
    const id = await registered(staff1);
    const order = await dispatch(id);
    let r = await post(staff1, `/requests/${id}/close`, { cl_note: '' });
    assert.equal(r.status, 200);
    assert.match(fieldError(r.text, 'cl_note'), /回访后才能关闭/);
    await done(order, staff2);   // staff2 typed the paper form: staff2 did the work
    r = await post(staff2, `/requests/${id}/callback`, { cb_reached: 'yes', cb_score: '5', cb_method: 'phone' });
    assert.match(fieldError(r.text, 'cb_reached'), /不能做它的回访/);
    r = await post(manager, `/requests/${id}/callback`, { cb_reached: 'yes', cb_score: '6', cb_method: 'phone' });
    assert.equal(r.status, 200);
    assert.match(fieldError(r.text, 'cb_score'), /1 到 5/);
    r = await post(manager, `/requests/${id}/callback`, { cb_reached: 'yes', cb_score: '0', cb_method: 'phone' });
    assert.match(fieldError(r.text, 'cb_score'), /1 到 5/);
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM callbacks WHERE request_id=${id} AND status='done'`), '0');
    r = await post(manager, `/requests/${id}/close`, { cl_note: '' });
    assert.match(fieldError(r.text, 'cl_note'), /回访后才能关闭/, 'done but not called back');
    r = await post(manager, `/requests/${id}/callback`, { cb_reached: 'no', cb_method: 'phone' });
    assert.equal(r.status, 303, brief(r));
    assert.deepEqual(await sql(`SELECT status, attempts FROM callbacks WHERE request_id=${id}`), [['due', '1']]);
    r = await post(manager, `/requests/${id}/callback`, { cb_reached: 'yes', cb_score: '2', cb_method: 'phone', cb_words: '还在滴水' });
    assert.equal(r.status, 303, brief(r));
    const [status, reopened] = await reqRow(id);
    assert.equal(status, 'dispatched');
    assert.equal(reopened, '1');
    const os = await orders(id);
    assert.equal(os.length, 2);
    assert.equal(os[1][1], dept, 'the new order goes to the same department');
    await done(os[1][0]);
    r = await post(staff2, `/requests/${id}/callback`, { cb_reached: 'yes', cb_score: '5', cb_method: 'phone', cb_words: '修好了' });
    assert.equal(r.status, 303, brief(r));
    assert.equal((await reqRow(id))[0], 'called_back');
    r = await post(staff2, `/requests/${id}/close`, { cl_note: '住户满意' });
    assert.equal(r.status, 303, brief(r));
    assert.equal((await reqRow(id))[0], 'closed');
    r = await post(staff2, `/requests/${id}/close`, { cl_note: '' });
    assert.match(fieldError(r.text, 'cl_note'), /已关闭/);
    const kinds = (await sql(`SELECT kind FROM request_events WHERE request_id=${id} ORDER BY id`)).map((x) => x[0]);
    assert.deepEqual(kinds, ['registered', 'dispatched', 'done', 'callback', 'callback', 'reopened', 'done', 'callback', 'closed']);
  });

  test('an inquiry or suggestion without a work order is answered and closed', async () => {
    const id = await registered(staff1, { type: 'suggestion', description: '建议增加路灯' });
    let r = await post(staff1, `/requests/${id}/answer`, { a_answer: '' });
    assert.match(fieldError(r.text, 'a_answer'), /请填写/);
    r = await post(staff1, `/requests/${id}/answer`, { a_answer: '已转工程部评估' });
    assert.equal(r.status, 303, brief(r));
    assert.equal((await reqRow(id))[0], 'closed');
  });

  test('a closed request is corrected by a correction row (shown like a stamp), never in place', async () => {
    const open = await registered(staff1);
    let r = await post(staff1, `/requests/${open}/correct`, { x_field: 'description', x_text: '新', x_reason: '笔误' });
    assert.match(fieldError(r.text, 'x_field'), /只有已关闭/);
    const id = await registered(staff1, {
      type: 'inquiry', description: '停车费标准', answer: '每月 300 元', close_now: '1',
    });
    r = await post(staff1, `/requests/${id}/correct`, { x_field: 'answer', x_text: '每月 300 元', x_reason: '核对' });
    assert.match(fieldError(r.text, 'x_text'), /相同/);
    r = await post(staff1, `/requests/${id}/correct`, { x_field: 'caller_phone', x_text: '12ab', x_reason: '核对' });
    assert.match(fieldError(r.text, 'x_text'), /电话/);
    r = await post(staff1, `/requests/${id}/correct`, { x_field: 'answer', x_text: '每月 350 元', x_reason: '收费标准已调整' });
    assert.equal(r.status, 303, brief(r));
    assert.equal(await sqlOne(`SELECT answer FROM requests WHERE id=${id}`), '每月 300 元', 'the original stays');
    assert.deepEqual(await sql(`SELECT field, old_text, new_text, reason FROM record_corrections WHERE entity='request' AND entity_id=${id}`),
      [['answer', '每月 300 元', '每月 350 元', '收费标准已调整']]);
    const page = await staff1.get(`/requests/${id}`);
    assert.match(page.text, /<del class="pre">每月 300 元<\/del>/, 'the old text struck through');
    assert.ok(textOf(page.text).includes('每月 350 元') && textOf(page.text).includes('收费标准已调整'));
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM audit_log WHERE entity='request' AND entity_id=${id} AND action='correct'`), '1');
  });

  test('a major complaint goes to the manager, then past its time to the director, who decides', async () => {
    const id = await registered(staff1, { major: '1', urgency: 'urgent', description: '电梯困人 30 分钟' });
    assert.deepEqual(await sql(`SELECT level, role, status FROM req_escalations WHERE request_id=${id}`), [['1', '4', 'pending']]);
    assert.equal((await post(staff1, `/requests/${id}/decide`, { dc_decision: 'x' })).status, 403, 'staff do not decide');
    const home = await manager.get('/');
    assert.ok(home.text.includes(`/requests/${id}"`), 'the manager\'s home lists the pending escalation');
    // The manager did not decide in time.
    await sql(`UPDATE req_escalations SET decide_due = NOW() - INTERVAL 1 MINUTE WHERE request_id=${id}`);
    // Anyone looking passes it on; many at once answer normally and pass it on once.
    const pages = await Promise.all([staff2, staff1, manager, supervisor, staff2, staff1, manager, supervisor]
      .map((c, i) => c.get(i % 2 ? '/' : `/requests/${id}`)));
    for (const p of pages) assert.equal(p.status, 200, brief(p));
    assert.deepEqual(await sql(`SELECT level, role, status FROM req_escalations WHERE request_id=${id} ORDER BY level`),
      [['1', '4', 'escalated'], ['2', '8', 'pending']]);
    await staff2.get(`/requests/${id}`);
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM req_escalations WHERE request_id=${id}`), '2', 'idempotent');
    let r = await post(manager, `/requests/${id}/decide`, { dc_decision: '经理决定' });
    assert.match(fieldError(r.text, 'dc_decision'), /对应角色/);
    // The home page lists the 8 most urgent pending steps of the director's role.
    const ahead = await sqlOne(`SELECT COUNT(*) FROM req_escalations WHERE site_id=${site} AND status='pending'
      AND (role & 8) <> 0 AND decide_due < (SELECT decide_due FROM req_escalations WHERE request_id=${id} AND level=2)`);
    const dhome = await director.get('/');
    if (Number(ahead) < 8) assert.ok(dhome.text.includes(`/requests/${id}"`), 'the director\'s home lists it');
    assert.ok(/id="dc_decision"/.test((await director.get(`/requests/${id}`)).text), 'the director is offered the decision');
    r = await post(director, `/requests/${id}/decide`, { dc_decision: '' });
    assert.match(fieldError(r.text, 'dc_decision'), /请填写/);
    r = await post(director, `/requests/${id}/decide`, { dc_decision: '赔偿并约谈电梯维保单位' });
    assert.equal(r.status, 303, brief(r));
    assert.deepEqual(await sql(`SELECT status, decision FROM req_escalations WHERE request_id=${id} AND level=2`),
      [['decided', '赔偿并约谈电梯维保单位']]);
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM request_events WHERE request_id=${id} AND kind='decided'`), '1');
  });

  test('the list: filters by number, type and overdue; pages; CSV export', async () => {
    const id = await registered(staff1, { type: 'help', description: '老人求助 ' + uniq() });
    const number = (await reqRow(id))[2];
    let r = await staff1.get(`/requests?q=${encodeURIComponent(number)}`);
    assertPage(r, 200, number);
    assert.ok(r.text.includes(`/requests/${id}"`));
    r = await staff1.get(`/requests?type=repair&q=${encodeURIComponent(number)}`);
    assert.ok(!r.text.includes(`/requests/${id}"`), 'type filter');
    const od = await registered(staff1);
    await sql(`UPDATE requests SET resolve_due = NOW() - INTERVAL 1 HOUR WHERE id=${od}`);
    r = await staff1.get('/requests?overdue=1');
    assert.ok(r.text.includes(`/requests/${od}"`), 'overdue listed');
    assert.ok(!r.text.includes(`/requests/${id}"`), 'not overdue not listed');
    r = await staff1.get('/requests?page=2');
    assertPage(r, 200);
    r = await staff1.get(`/requests/export?q=${encodeURIComponent(number)}`);
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type'), /text\/csv/);
    assert.ok(r.text.includes(number) && r.text.includes('求助'), 'CSV has the row');
  });

  test('the printed work order carries its GD number, the QR code and the signature boxes', async () => {
    const id = await registered(staff1);
    const order = await dispatch(id);
    const r = await staff1.get(`/requests/orders/${order}/print`);
    assertPage(r, 200);
    assert.match(r.text, /GD-\d{8}-\d+-[0-9A-Z]/);
    assert.ok(r.text.includes('<svg'), 'QR code');
    for (const s of ['维修人', '业主确认', '客服']) assert.ok(textOf(r.text).includes(s), s);
    const gd = /GD-\d{8}-\d+-[0-9A-Z]/.exec(r.text)[0];
    const again = await staff1.get(`/requests/orders/${order}/print`);
    assert.ok(again.text.includes(gd), 'the same number on a second printing');
    assert.ok((await staff1.get(`/requests/orders/${order}`)).text.includes(gd), 'the order page shows its number');
  });

  test('settings: SLA and escalation rules by the supervisor (audited), refused to staff', async () => {
    assert.equal((await staff1.get('/requests/settings')).status, 403);
    let r = await post(supervisor, '/requests/settings/sla', {
      sla_type: 'help', sla_urgency: 'critical', sla_respond: '10', sla_resolve: '5', sla_calendar: 'natural',
    });
    assert.match(fieldError(r.text, 'sla_resolve'), /不能短于/);
    r = await post(supervisor, '/requests/settings/sla', {
      sla_type: 'help', sla_urgency: 'critical', sla_respond: '10', sla_resolve: '200', sla_calendar: 'natural',
    });
    assert.equal(r.status, 303, brief(r));
    assert.deepEqual(await sql(`SELECT respond_minutes, resolve_minutes FROM req_sla WHERE site_id=${site} AND type='help' AND urgency='critical'`), [['10', '200']]);
    assert.ok(Number(await sqlOne(`SELECT COUNT(*) FROM audit_log WHERE entity='req_sla' AND site_id=${site}`)) >= 1);
    r = await post(supervisor, '/requests/settings/escalation', { esc_level: '5', esc_role: 'director', esc_minutes: '60' });
    assert.match(fieldError(r.text, 'esc_level'), /连续/);
    r = await post(supervisor, '/requests/settings', { work_start: '18:00', work_end: '08:00', callback_hours: '24', unsatisfied_max: '2' });
    assert.match(fieldError(r.text, 'work_end'), /晚于/);
  });

  test('another site\'s manager sees and changes nothing of CH\'s requests', async () => {
    const admin = await login('admin');
    const code = 'RB' + uniq().slice(-4).toUpperCase();
    const s = await admin.submit('/admin/sites/new', { code, name: '受理B' + code, address: 'B', phone: '' });
    assert.equal(s.status, 303, brief(s));
    const tb = await siteId(code);
    const m = await createUser(admin, { site_id: tb, roles: ['manager'], display_name: 'B经理' });
    const mgrB = (await loginNew(m.username, m.password)).client;
    const id = await registered(staff1, { description: '只属于CH ' + uniq() });
    const order = await dispatch(id);
    const number = (await reqRow(id))[2];
    assertPage(await mgrB.get(`/requests/${id}`), 404);
    assertPage(await mgrB.get(`/requests/orders/${order}`), 404);
    assertPage(await mgrB.get(`/requests/orders/${order}/print`), 404);
    const list = await mgrB.get(`/requests?q=${encodeURIComponent(number)}`);
    assertPage(list, 200);
    assert.ok(!list.text.includes(`/requests/${id}"`), 'not in B\'s list');
    assert.ok(!(await mgrB.get(`/requests/export?q=${encodeURIComponent(number)}`)).text.includes(number));
    for (const [path, form] of [[`/requests/${id}/close`, { cl_note: 'x' }], [`/requests/${id}/reassign`, { r_dept: dept2, r_reason: 'x' }],
      [`/requests/${id}/callback`, { cb_reached: 'no', cb_method: 'phone' }], [`/requests/orders/${order}/done`, { technician: 'x', result: 'y' }]]) {
      const r = await post(mgrB, path, form);
      assert.equal(r.status, 404, `${path}: ${brief(r)}`);
    }
    assert.equal((await reqRow(id))[0], 'dispatched', 'unchanged');
    // B's manager cannot dispatch to a CH department from a B request either.
    const bUnit = await sqlOne(`SELECT id FROM units WHERE site_id=${tb} LIMIT 1`);
    assert.equal(bUnit, undefined, 'site B has no units');
    const rb = await mgrB.post('/requests/new', {
      channel: 'phone', type: 'repair', urgency: 'normal', received_date: (await serverNow()).date,
      received_time: (await serverNow()).time, unit: '1-0302', description: 'x', caller_name: 'B住户',
      form_key: formKey(), _csrf: await csrfToken(mgrB),
    });
    assert.match(fieldError(rb.text, 'unit'), /没有这个房号/, 'CH\'s unit is unknown to site B');
  });
});

/** A department user of `deptId`, made through the admin's user form. */
async function createUserInDept(admin, deptId) {
  const username = uniq('rp');
  const password = 'Passw0rd-' + uniq('p');
  const r = await admin.submit('/admin/users/new', {
    username, display_name: '维修测试', site_id: site, roles: ['dept'], department_id: deptId,
    lang: 'zh-CN', phone: '', password,
  });
  assert.equal(r.status, 303, `create department user: ${brief(r)}`);
  return { username, password };
}

function inputValueOf(html, name) {
  const m = new RegExp(`<textarea[^>]*name="${name}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html);
  return m ? m[1] : '';
}
