// `make security`, before the crawl: puts records into the states that the forms of the duty
// log and the handover hang on (a page open with an open item and a major event, a day closed
// and waiting for the manager, a day signed, a handover opened), through the real forms and
// the HTTP tests' own helpers (a handover refused and one accepted, a suggestion and a major
// complaint registered, a leave request waiting, a draft roster month and evaluation, a new
// evaluation item), and prints one page path per line for the crawler to start from,
// together with pages of records the demo data already holds in each state (requests
// registered, dispatched, done and closed; work orders).
//
// usage: DD_BASE=http://127.0.0.1:18320 DD_INSTANCE=var/security node scripts/security-setup.mjs
import { login, csrfToken, sql, sqlOne, siteId, locPath, serverNow, PASSWORD } from '../tests/lib/http.mjs';
import { makePage, writeEntry, closePage, formKey, moveCurrentPageAside } from '../tests/lib/log.mjs';
import { openHandover, acceptForm } from '../tests/lib/handover.mjs';

const ch = await siteId('CH');
const CAT = {};
for (const [id, name] of await sql(`SELECT id, name FROM log_categories WHERE site_id=${ch}`)) CAT[name] = id;
const staff1 = await login('staff1');
const staff2 = await login('staff2');
const manager = await login('manager');
const supervisor = await login('supervisor');
const seeds = [];

/** A day of two closed pages (entries written and closed through the forms). */
async function closedDay() {
  const p1 = await makePage(ch, '早班');
  const p2 = await makePage(ch, '中班', 'staff2', p1.dayId);
  const e1 = await writeEntry(staff1, p1.id, { category_id: CAT['巡查'], what: '地库照明巡查', status: 'closed' });
  await writeEntry(staff2, p2.id, { category_id: CAT['来电来访'], what: '业主来访咨询停车', status: 'closed' });
  for (const [c, p] of [[staff1, p1.id], [staff2, p2.id]]) {
    const r = await closePage(c, p);
    if (r.status !== 303) throw new Error(`closing page ${p}: ${r.status}`);
  }
  return { dayId: p1.dayId, p1: p1.id, e1: e1.id };
}

// Waiting for the manager: the sign and return forms.
const waiting = await closedDay();
seeds.push(`/log/day/${waiting.dayId}`, `/log/page/${waiting.p1}`);

// Signed: its entries take corrections only.
const signed = await closedDay();
const s = await manager.post(`/log/day/${signed.dayId}/sign`, { comment: '同意', _csrf: await csrfToken(manager) });
if (s.status !== 303) throw new Error(`signing day ${signed.dayId}: ${s.status}`);
seeds.push(`/log/day/${signed.dayId}`, `/log/entry/${signed.e1}`);

// Open, opened ten hours ago: an open item, a major event with its emergency record, the
// close form, and the handover opened from it.
const open = await makePage(ch, '夜班', 'staff1', null, 600);
const item = await writeEntry(staff1, open.id, { category_id: CAT['设备/照明'], what: '5 栋电梯异响', status: 'open' });
const major = await writeEntry(staff1, open.id, {
  category_id: CAT['风/火/水/电意外'], location: '3 栋 12 楼', what: '12 楼电井冒烟', major: '1',
});
const em = await sqlOne(`SELECT id FROM emergencies WHERE entry_id=${major.id}`);
seeds.push(`/log/page/${open.id}`, `/log/entry/${item.id}`, `/log/emergency/${em}`);
seeds.push(`/handover/${await openHandover(staff1, open.id)}`);

// A handover the incoming refused (the supervisor's decision form) and one accepted, so
// signed (its correction form). Each on a page of its own.
async function handover(shiftName) {
  const p = await makePage(ch, shiftName, 'staff1', null, 600);
  return `/handover/${await openHandover(staff1, p.id)}`;
}
{
  const refused = await handover('早班');
  const r = await staff1.post(`${refused}/refuse`, {
    r_incoming: 'staff2', r_password: PASSWORD, reason: '对讲机少一台', _csrf: await csrfToken(staff1),
  });
  if (r.status !== 303) throw new Error(`refusing the handover: ${r.status}`);
  seeds.push(refused);
  const accepted = await handover('中班');
  const a = await staff1.post(`${accepted}/accept`, { ...(await acceptForm(ch, { arrived: '12:50' })), _csrf: await csrfToken(staff1) });
  if (a.status !== 303) throw new Error(`accepting the handover: ${a.status}`);
  seeds.push(accepted);
}

// Requests waiting for an answer (a suggestion) and for the manager's decision (a major
// complaint), registered through the form.
{
  const now = await serverNow();
  const cat = await sqlOne(`SELECT MIN(id) FROM req_categories WHERE site_id=${ch}`);
  const unit = '1-0302';   // a demo unit (building 1, room 0302)
  for (const over of [{ type: 'suggestion', description: '建议增加路灯' },
    { type: 'complaint', major: '1', urgency: 'urgent', description: '电梯困人 30 分钟' }]) {
    const r = await staff1.post('/requests/new', {
      channel: 'phone', type: 'complaint', urgency: 'normal', received_date: now.date,
      received_time: now.time, unit, caller_name: '王先生', description: '', rings: '2', category_id: cat,
      form_key: formKey(), _csrf: await csrfToken(staff1), ...over,
    });
    if (r.status !== 303) throw new Error(`registering a request (${over.type}): ${r.status} ${(r.text.match(/class="field-error"[^>]*>[^<]*/g) || []).join(" ")}`);
    seeds.push(locPath(r.location));
  }
}

// A leave request of staff1 waiting for the supervisor (approve and reject forms), in the
// published current month.
{
  const now = await serverNow();
  const [y, m] = now.date.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  for (let d = last; d > Number(now.date.slice(8)) + 1; d--) {
    const day = `${now.date.slice(0, 8)}${String(d).padStart(2, '0')}`;
    const r = await staff1.post('/roster/requests/new', {
      kind: 'leave', day, to_day: day, reason: '家中有事', _csrf: await csrfToken(staff1),
    });
    if (r.status === 303) { seeds.push(locPath(r.location)); break; }
  }
}

// A draft roster month (settings, generate, publish) and a draft evaluation (scores, sign).
for (let k = 2; k < 24; k++) {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + k);
  const month = d.toISOString().slice(0, 7);
  const r = await supervisor.post('/roster/months/new', { month, _csrf: await csrfToken(supervisor) });
  if (r.status === 303) { seeds.push(locPath(r.location)); break; }
}
{
  const staff = await sqlOne("SELECT id FROM users WHERE username='staff2'");
  const d = new Date();
  const from = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1)).toISOString().slice(0, 10);
  const to = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 0)).toISOString().slice(0, 10);
  const r = await supervisor.post('/evaluations/new', { user: staff, from, to, _csrf: await csrfToken(supervisor) });
  if (r.status !== 303) throw new Error(`a draft evaluation: ${r.status}`);
  seeds.push(locPath(r.location));
}

// An evaluation item no evaluation has scored yet (its delete form).
{
  const r = await supervisor.post('/evaluations/items/new', { name: '交接班记录完整', max_score: '10', _csrf: await csrfToken(supervisor) });
  if (r.status !== 303) throw new Error(`a new evaluation item: ${r.status}`);
  seeds.push('/evaluations/items');
}

// Records of the demo data in the states whose pages carry their own forms.
for (const st of ['registered', 'dispatched', 'in_progress', 'done', 'called_back', 'closed']) {
  const id = await sqlOne(`SELECT MAX(id) FROM requests WHERE site_id=${ch} AND status='${st}'`);
  if (id && id !== 'NULL') seeds.push(`/requests/${id}`);
}
for (const [table, path, cond] of [
  ['roster_months', '/roster/month/', "status='draft'"],
  ['evaluations', '/evaluations/', "status='draft'"],
  ['work_orders', '/requests/orders/', "status IN ('dispatched','in_progress')"],
]) {
  const id = await sqlOne(`SELECT MAX(id) FROM ${table} WHERE site_id=${ch} AND ${cond}`).catch(() => null);
  if (id && id !== 'NULL') seeds.push(path + id);
}
// An open page of five days ago without a handover: the handover list's "open" form (it
// lists the open pages of the last seven days). Five: the demo's duty log (sql/demo/014)
// holds the three days before today (before 06:00, the three before yesterday).
{
  const day = await sqlOne(`INSERT INTO log_days (site_id, day) VALUES (${ch}, CURDATE() - INTERVAL 5 DAY)
    ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id); SELECT LAST_INSERT_ID();`);
  await makePage(ch, '中班', 'staff2', day, 5 * 1440);
  seeds.push('/handover');
}

// Registering a request wrote its line into the current shift's page, opening it: move that
// page aside so that the duty log offers its "open the current page" forms again.
await moveCurrentPageAside(staff1, ch);
console.log(seeds.join('\n'));
