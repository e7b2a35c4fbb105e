// Faults under a write load: MariaDB killed with SIGKILL and restarted, FastCGI workers killed
// with SIGKILL. The load creates departments through the real POST form (each creation writes
// the department and its audit row in one transaction); every 303 the load saw is an
// acknowledged write. Afterwards every acknowledged write is in the database with its audit
// row, and no department of the load exists without its audit row (or the other way round).
// Only this instance's processes are signalled: the database pid from run/mysqld.pid, the
// workers among the children of this instance's ddsup (run/ddsup.pid).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readlinkSync, readdirSync } from 'node:fs';
import path from 'node:path';
import {
  Client, login, csrfFrom, brief, stack, sql, sqlOne, siteId, uniq, INSTANCE, poll,
} from '../lib/http.mjs';

const T = { timeout: 90000 };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function pidFrom(file) {
  try { return Number(readFileSync(path.join(INSTANCE, 'run', file), 'utf8').trim()) || 0; } catch { return 0; }
}

function alive(pid) {
  try { process.kill(pid, 0); return true; } catch { return false; }
}

/** Pids of this instance's workers of prog: children of its ddsup running build/bin/fcgi/prog. */
function instanceWorkers(prog) {
  const sup = pidFrom('ddsup.pid');
  if (!sup) return [];
  const out = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== sup) continue;
      if (readlinkSync(`/proc/${d}/exe`).replace(/ \(deleted\)$/, '').endsWith(`/fcgi/${prog}`)) out.push(Number(d));
    } catch { /* gone */ }
  }
  return out;
}

/**
 * A write load: `conns` loops creating departments named prefix-<n> in site ch until stop().
 * Returns { stop, acked: names answered 303, statuses: counts per status, errors }.
 */
function writeLoad(client, token, ch, prefix, conns = 4) {
  const st = { acked: [], statuses: {}, errors: 0, sent: 0, running: true };
  let n = 0;
  const loops = [];
  for (let i = 0; i < conns; i++) {
    loops.push((async () => {
      while (st.running) {
        const name = `${prefix}-${n++}`;
        st.sent++;
        try {
          const r = await client.post('/admin/departments/new', { name, phone: '1', site_id: ch, _csrf: token }, { timeout: 10000 });
          st.statuses[r.status] = (st.statuses[r.status] || 0) + 1;
          if (r.status === 303) st.acked.push(name);
          else await sleep(20);
        } catch {
          st.errors++;
          await sleep(20);
        }
      }
    })());
  }
  st.stop = async () => { st.running = false; await Promise.all(loops); };
  return st;
}

/** Checks the acknowledged names against the database; returns figures for the message. */
async function checkWrites(prefix, acked) {
  const rows = await sql(
    `SELECT d.name, d.id, (SELECT COUNT(*) FROM audit_log a WHERE a.entity='department' AND a.entity_id=d.id AND a.action='create') ` +
    `FROM departments d WHERE d.name LIKE '${prefix}-%'`);
  const byName = new Map(rows.map(([name, id, audits]) => [name, { id, audits: Number(audits) }]));
  const lost = acked.filter((n) => !byName.has(n));
  assert.deepEqual(lost, [], `acknowledged writes missing from the database: ${lost.length} of ${acked.length}`);
  const half = rows.filter(([, , audits]) => Number(audits) !== 1).map(([name]) => name);
  assert.deepEqual(half, [], 'departments of the load without exactly one audit row (half-written)');
  // No audit row of the load points to a department that does not exist.
  const orphans = await sqlOne(
    `SELECT COUNT(*) FROM audit_log a LEFT JOIN departments d ON d.id=a.entity_id ` +
    `WHERE a.entity='department' AND a.action='create' AND a.summary LIKE '%${prefix}-%' AND d.id IS NULL`);
  assert.equal(orphans, '0', 'audit rows of the load without their department');
  return { rows: rows.length, acked: acked.length };
}

describe('faults under a write load', T, () => {
  let admin;
  let token;
  let ch;

  before(async () => {
    admin = await login('admin');
    token = csrfFrom((await admin.get('/admin/departments')).text);
    assert.ok(token, 'the departments page carries _csrf');
    ch = await siteId('CH');
  });

  after(async () => {
    // Whatever happened, leave the database running for the tests after this file.
    if (!alive(pidFrom('mysqld.pid'))) await stack('db-start').catch(() => {});
  });

  test('MariaDB killed with SIGKILL during the load and restarted: no acknowledged write lost, none half-written', async (t) => {
    const prefix = uniq('kdb');
    const load = writeLoad(admin, token, ch, prefix);
    await sleep(1500);
    const ackedBefore = load.acked.length;
    const pid = pidFrom('mysqld.pid');
    assert.ok(pid && alive(pid), `mariadbd pid from ${INSTANCE}/run/mysqld.pid`);
    process.kill(pid, 'SIGKILL');
    const killedAt = Date.now();
    assert.ok(await poll(async () => !alive(pid), { ms: 5000, every: 50 }), 'mariadbd is gone');
    await sleep(1000);                       // the load meets a dead database
    await stack('db-start');                 // crash recovery, then ready
    const restartedMs = Date.now() - killedAt;
    const ackedAtRestart = load.acked.length;
    // The same workers reconnect on their own: the load gets 303s again.
    const recovered = await poll(async () => (load.acked.length > ackedAtRestart + 5 ? true : null), { ms: 15000, every: 100 });
    await load.stop();
    assert.ok(ackedBefore > 0, 'writes were acknowledged before the kill');
    assert.ok(recovered, `writes acknowledged again after the restart (statuses ${JSON.stringify(load.statuses)})`);
    const f = await checkWrites(prefix, load.acked);
    t.diagnostic(`db-kill: sent=${load.sent} acked=${f.acked} rows=${f.rows} statuses=${JSON.stringify(load.statuses)} neterrors=${load.errors} restart_ms=${restartedMs}`);
    // Answers while the database was down were 503 (or the write was acknowledged), never 500.
    assert.ok(!load.statuses[500], `no 500 during the outage: ${JSON.stringify(load.statuses)}`);
  });

  test('FastCGI workers killed with SIGKILL during the load: nginx keeps answering, no acknowledged write lost', async (t) => {
    const prefix = uniq('kfc');
    const load = writeLoad(admin, token, ch, prefix);
    const probe = { statuses: {}, errors: 0, running: true };
    const prober = (async () => {
      const c = new Client();
      while (probe.running) {
        try {
          const r = await c.get('/_ok', { timeout: 5000 });
          probe.statuses[r.status] = (probe.statuses[r.status] || 0) + 1;
        } catch { probe.errors++; }
        await sleep(25);
      }
    })();
    await sleep(800);
    let killed = 0;
    for (let round = 0; round < 3; round++) {
      const pids = [...instanceWorkers('dd-admin'), ...instanceWorkers('dd-auth').slice(0, 1)];
      assert.ok(pids.length >= 2, `this instance's workers found (round ${round})`);
      for (const pid of pids) { process.kill(pid, 'SIGKILL'); killed++; }
      await sleep(1200);
    }
    const ackedAfterKills = load.acked.length;
    const recovered = await poll(async () => (load.acked.length > ackedAfterKills + 5 ? true : null), { ms: 10000, every: 100 });
    await load.stop();
    probe.running = false;
    await prober;
    assert.ok(recovered, `writes acknowledged again after the kills (statuses ${JSON.stringify(load.statuses)})`);
    const f = await checkWrites(prefix, load.acked);
    t.diagnostic(`worker-kill: killed=${killed} sent=${load.sent} acked=${f.acked} rows=${f.rows} statuses=${JSON.stringify(load.statuses)} neterrors=${load.errors} probe=${JSON.stringify(probe.statuses)} probe_errors=${probe.errors}`);
    // nginx always answered: no connection failure, for the load and for the probe.
    assert.equal(load.errors, 0, 'every request of the load got an HTTP answer');
    assert.equal(probe.errors, 0, 'every /_ok probe got an HTTP answer');
    const probeTotal = Object.values(probe.statuses).reduce((a, b) => a + b, 0);
    assert.ok((probe.statuses[200] || 0) >= probeTotal * 0.8, `/_ok mostly 200 while workers died: ${JSON.stringify(probe.statuses)}`);
    // A write that was not acknowledged either did not happen or happened whole (checked above).
  });
});
