// Helpers for the callback desk's tests (dd-callback): what the request side (dd-req) would
// have made, inserted by SQL: a building of the test's own with units and residents, a done
// work order with its due callback; a day of the past of the test's own.
import crypto from 'node:crypto';
import { sql, sqlOne, q, uniq } from './http.mjs';

/** A day of 2000-2019 that has no callback report of the site yet. */
export async function spareDay(site) {
  for (;;) {
    const d = new Date(Date.UTC(2000, 0, 1) + Math.floor(Math.random() * 7300) * 86400e3).toISOString().slice(0, 10);
    if ((await sqlOne(`SELECT COUNT(*) FROM callback_reports WHERE site_id=${site} AND day='${d}'`)) === '0') return d;
  }
}

/**
 * A building of its own with `n` units (code <B>-01xx) and one resident in each:
 * { id, code, name, units: [{ id, code }], residents: [{ id, name, phone, unit }] }.
 */
export async function building(site, n = 3, { residents = true } = {}) {
  const code = 'T' + uniq('').toUpperCase().replace(/[^A-Z0-9]/g, '').slice(-6);
  const name = `测试楼${code}`;
  const id = await sqlOne(`INSERT INTO buildings (site_id, code, name, floors) VALUES (${site}, ${q(code)}, ${q(name)}, 1); SELECT LAST_INSERT_ID();`);
  const units = [];
  const people = [];
  for (let i = 1; i <= n; i++) {
    const ucode = `${code}-01${String(i).padStart(2, '0')}`;
    const uid = await sqlOne(`INSERT INTO units (site_id, building_id, code, floor) VALUES (${site}, ${id}, ${q(ucode)}, 1); SELECT LAST_INSERT_ID();`);
    units.push({ id: uid, code: ucode });
    if (residents) people.push(await resident(site, uid, ucode));
  }
  return { id, code, name, units, residents: people };
}

/** A resident of unit `unitId`: { id, name, phone, unit }. */
export async function resident(site, unitId, unitCode = '') {
  const name = '住户' + uniq('').slice(-5);
  const phone = '139' + String(Math.floor(Math.random() * 1e8)).padStart(8, '0');
  const id = await sqlOne(`INSERT INTO residents (site_id, unit_id, name, phone) VALUES (${site}, ${unitId ?? 'NULL'}, ${q(name)}, ${q(phone)}); SELECT LAST_INSERT_ID();`);
  return { id, name, phone, unit: unitCode };
}

/**
 * A request of `type` from resident `res` (received at `at`), whose work order is done with
 * `result`, and its callback due at `dueAt` (status 'due'): { requestId, number, orderId, callbackId }.
 */
export async function doneOrderWithCallback(site, res, { type = 'repair', at = null, dueAt = null, result = '已更换水龙头', description = '厨房水龙头漏水' } = {}) {
  const number = 'BX-T' + crypto.randomBytes(5).toString('hex').toUpperCase();
  const key = crypto.randomBytes(16).toString('hex');
  const when = at ? q(at) : 'NOW() - INTERVAL 2 DAY';
  const requestId = await sqlOne(
    `INSERT INTO requests (site_id, number, channel, type, resident_id, unit_id, caller_name, caller_phone, description, answer, received_by, received_at, done_at, status, form_key)
     SELECT ${site}, ${q(number)}, 'phone', ${q(type)}, r.id, r.unit_id, r.name, r.phone, ${q(description)}, '', u.id, ${when}, ${when} + INTERVAL 3 HOUR, 'done', ${q(key)}
       FROM residents r, users u WHERE r.id=${res.id} AND u.username='staff1';
     SELECT LAST_INSERT_ID();`);
  const orderId = await sqlOne(
    `INSERT INTO work_orders (site_id, request_id, department_id, status, instructions, due_at, dispatched_by, dispatched_at, done_at, done_by, technician, result)
     SELECT ${site}, ${requestId}, d.id, 'done', '请上门维修', ${when} + INTERVAL 1 DAY, u.id, ${when}, ${when} + INTERVAL 3 HOUR, u.id, '张师傅', ${q(result)}
       FROM departments d, users u WHERE d.site_id=${site} AND u.username='staff1' ORDER BY d.id LIMIT 1;
     SELECT LAST_INSERT_ID();`);
  const due = dueAt ? q(dueAt) : 'NOW() - INTERVAL 1 HOUR';
  const callbackId = await sqlOne(
    `INSERT INTO callbacks (site_id, request_id, work_order_id, resident_id, due_at, words, note)
     VALUES (${site}, ${requestId}, ${orderId}, ${res.id}, ${due}, '', ''); SELECT LAST_INSERT_ID();`);
  return { requestId, number, orderId, callbackId };
}

/** Marks callback `id` as made on `at` by `username` with `satisfaction` and `words`. */
export async function madeCallback(id, at, { username = 'staff1', satisfaction = 5, words = '满意' } = {}) {
  await sql(`UPDATE callbacks SET status='done', called_at=${q(at)}, method='phone', satisfaction=${Number(satisfaction)}, words=${q(words)},
     called_by=(SELECT id FROM users WHERE username=${q(username)}) WHERE id=${id}`);
}
