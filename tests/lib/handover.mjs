// Helpers for the shift handover (dd-handover), shared by its HTTP tests and by
// scripts/security-setup.mjs, which puts handovers into the states their forms hang on.
import assert from 'node:assert/strict';
import { csrfToken, sql, locPath, brief, PASSWORD } from './http.mjs';

/** Opens the handover of a page; returns its id. */
export async function openHandover(client, pageId) {
  const r = await client.post('/handover/open', { page_id: pageId, _csrf: await csrfToken(client) });
  assert.equal(r.status, 303, `open handover: ${brief(r)}`);
  const m = /^\/handover\/(\d+)$/.exec(locPath(r.location));
  assert.ok(m, `303 to /handover/<id>: ${r.location}`);
  return m[1];
}

/** The active items of a site: [{ id, name, expected }]. */
export async function items(site) {
  return (await sql(`SELECT id, name, expected FROM handover_items WHERE site_id=${site} AND active=1 ORDER BY sort_order`))
    .map(([id, name, expected]) => ({ id, name, expected: Number(expected) }));
}

/** The accept form: every item counted as expected, but `over` { name: { count, expl, answer } }. */
export async function acceptForm(site, { over = {}, incoming = 'staff2', inPw = PASSWORD, outPw = PASSWORD, arrived = '06:50' } = {}) {
  const f = { incoming, in_password: inPw, out_password: outPw, arrived };
  for (const it of await items(site)) {
    const o = over[it.name] || {};
    f[`count_${it.id}`] = o.count ?? it.expected;
    f[`expl_${it.id}`] = o.expl ?? '';
    f[`answer_${it.id}`] = o.answer ?? '';
  }
  return f;
}

