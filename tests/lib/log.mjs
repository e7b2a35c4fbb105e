// The duty log's test helpers, shared by tests/http/45-47-log-*.test.mjs: pages of a day of
// their own (far in the past, made with SQL), entries written through the real forms,
// closing with carry-over, and the current shift moved aside for the tests that need it.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { Client, login, csrfToken, serverNow, fieldError, inputValue, tags, textOf, brief, sql, sqlOne, q,
  uniq, siteId, locPath } from './http.mjs';

export const formKey = () => crypto.randomBytes(16).toString('hex');

/** A date of the site that has no log day yet (far in the past, never "today"). */
export async function spareDay(site) {
  for (;;) {
    const d = new Date(Date.UTC(2000, 0, 1) + Math.floor(Math.random() * 7300) * 86400e3).toISOString().slice(0, 10);
    if ((await sqlOne(`SELECT COUNT(*) FROM log_days WHERE site_id=${site} AND day='${d}'`)) === '0') return d;
  }
}

/** A log day of its own and a page of shift `shiftName` on it, opened by `opener`. */
export async function makePage(site, shiftName, opener = 'staff1', dayId = null, openedAgo = 0) {
  let day;
  if (!dayId) {
    day = await spareDay(site);
    dayId = await sqlOne(`INSERT INTO log_days (site_id, day) VALUES (${site}, '${day}'); SELECT LAST_INSERT_ID();`);
  } else {
    day = await sqlOne(`SELECT DATE_FORMAT(day, '%Y-%m-%d') FROM log_days WHERE id=${dayId}`);
  }
  const id = await sqlOne(
    `INSERT INTO log_pages (site_id, day_id, shift_id, opened_by, lead_id, opened_at)
       SELECT ${site}, ${dayId}, s.id, u.id, u.id, NOW() - INTERVAL ${Number(openedAgo)} MINUTE FROM shifts s, users u
        WHERE s.site_id=${site} AND s.name=${q(shiftName)} AND u.username=${q(opener)};
     SELECT LAST_INSERT_ID();`);
  await sql(`INSERT INTO log_page_staff (page_id, user_id, is_lead) SELECT ${id}, id, 1 FROM users WHERE username=${q(opener)}`);
  return { id, dayId, day };
}

export async function entryFields(over = {}) {
  const now = await serverNow();
  return {
    occurred_date: now.date, occurred_time: now.time, category_id: over.category_id, location: '1 栋大堂',
    what: '测试记录 ' + uniq(''), handling: '', followup: '', status: 'open', form_key: formKey(), ...over,
  };
}

/** Makes entries look written `minutes` ago (a page of an earlier shift). */
export async function backdate(ids, minutes) {
  const m = Number(minutes);
  await sql(`UPDATE log_entries SET created_at = NOW() - INTERVAL ${m} MINUTE,
    closed_at = IF(closed_at IS NULL, NULL, NOW() - INTERVAL ${m} MINUTE) WHERE id IN (${ids.join(',')})`);
}

/** Writes an entry through the page's form; asserts 303 to the page; returns { id, fields }. */
export async function writeEntry(client, pageId, over = {}) {
  const fields = await entryFields(over);
  const r = await client.post(`/log/page/${pageId}/entries`, { ...fields, _csrf: await csrfToken(client) });
  assert.equal(r.status, 303, `write entry: ${brief(r)}`);
  const m = new RegExp(`^/log/page/${pageId}#entry-(\\d+)$`).exec(r.location.replace(/^https?:\/\/[^/]+/, ''));
  assert.ok(m, `303 to /log/page/${pageId}#entry-<id>: ${r.location}`);
  return { id: m[1], fields };
}

/** The entry ids the close form of a page offers (checkboxes named carry). */
export function carryBoxes(html) {
  return tags(html, 'input').filter((t) => t.attrs.name === 'carry').map((t) => t.attrs.value);
}

/** Closes a page ticking every open item it lists (but `except`). */
export async function closePage(client, pageId, { note = '', except = [] } = {}) {
  const page = await client.get(`/log/page/${pageId}`);
  assert.equal(page.status, 200, brief(page));
  const carry = carryBoxes(page.text).filter((v) => !except.includes(v));
  return client.post(`/log/page/${pageId}/close`, { note, carry, _csrf: await csrfToken(client) });
}

/** The <article class="entry" id="entry-N"> of a page, or ''. */
export function entryHtml(html, id) {
  const i = html.indexOf(`id="entry-${id}"`);
  if (i < 0) return '';
  const end = html.indexOf('</article>', i);
  return html.slice(html.lastIndexOf('<article', i), end + 10);
}

/** The carried-over section of a page, or ''. */
export function carriedHtml(html) {
  const m = /<section class="carried"[\s\S]*?<\/section>/.exec(html);
  return m ? m[0] : '';
}

/** Waits out the last minute before a shift of the site starts or ends. */
export async function awayFromShiftChange(site) {
  const s = Number(await sqlOne(
    `SELECT MIN(MOD(t - TIME_TO_SEC(CURTIME()) + 86400, 86400)) FROM
       (SELECT TIME_TO_SEC(start_time) t FROM shifts WHERE site_id=${site} AND active=1
        UNION ALL SELECT TIME_TO_SEC(end_time) FROM shifts WHERE site_id=${site} AND active=1) x`));
  if (s < 60) await new Promise((r) => setTimeout(r, (s + 2) * 1000));
}

/** Makes "no page yet" for the current shift: a page of it is moved to a spare date. */
export async function moveCurrentPageAside(client, site) {
  const r = await client.get('/log');
  if (r.status === 303) {
    const pid = /\/log\/page\/(\d+)/.exec(r.location)[1];
    const dayId = await sqlOne(`SELECT day_id FROM log_pages WHERE id=${pid}`);
    await sql(`UPDATE log_days SET day='${await spareDay(site)}' WHERE id=${dayId}`);
  }
  const again = await client.get('/log');
  assert.equal(again.status, 200, `GET /log shows the view to open the page: ${brief(again)}`);
  return again;
}

// ------------------------------------------------------------------- tests

