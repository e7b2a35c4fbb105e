// Failure handling: a killed FastCGI worker, MariaDB stopped and started again.
// Runs last among the HTTP tests: it stops the database of the test instance.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync, readlinkSync } from 'node:fs';
import {
  Client, login, csrfFrom, textOf, brief, stack, sqlOne, q, uniq, siteId, poll,
} from '../lib/http.mjs';
import { assertPage, assertSecurityHeaders } from '../lib/checks.mjs';

const execFileP = promisify(execFile);
const T = { timeout: 120000 };

/** Pids of processes whose executable is build/bin/fcgi/<prog>. */
/** The pids of this instance's workers of prog: the children of its ddsup (other instances
 * of DutyDesk may run on the same machine). */
async function workerPids(prog) {
  const instance = process.env.DD_INSTANCE;
  let sup;
  try {
    sup = readFileSync(`${instance}/run/ddsup.pid`, 'utf8').trim();
  } catch { return []; }
  let out = '';
  try {
    out = (await execFileP('pgrep', ['-P', sup])).stdout;
  } catch { return []; }
  return out.split('\n').filter(Boolean).map(Number).filter((pid) => {
    try {
      return readlinkSync(`/proc/${pid}/exe`).replace(/ \(deleted\)$/, '').endsWith(`/build/bin/fcgi/${prog}`);
    } catch { return false; }
  });
}

async function loginStatus() {
  try { return (await new Client().get('/login', { timeout: 5000 })).status; } catch { return 0; }
}

describe('a killed FastCGI worker is replaced', T, () => {
  test('SIGKILL of one dd-auth worker: /login keeps answering 200 and the worker count comes back', async () => {
    const pids = await workerPids('dd-auth');
    assert.ok(pids.length >= 1, 'dd-auth workers of this instance are running (children of its ddsup)');
    // Kill the newest worker.
    const victim = pids.sort((a, b) => b - a)[0];
    const statuses = [];
    process.kill(victim, 'SIGKILL');
    for (let i = 0; i < 8; i++) statuses.push(await loginStatus());
    assert.deepEqual(statuses.filter((s) => s !== 200), [], `statuses during the kill: ${statuses}`);
    const back = await poll(async () => {
      const now = await workerPids('dd-auth');
      return now.length >= pids.length && !now.includes(victim) ? now : null;
    }, { ms: 10000 });
    assert.ok(back, `worker count back to ${pids.length} without pid ${victim}`);
    assert.equal(await loginStatus(), 200);
  });

  test('SIGKILL of every dd-auth worker at once: /login answers 200 again within 5 s', async () => {
    const pids = await workerPids('dd-auth');
    assert.ok(pids.length >= 1);
    for (const pid of pids) process.kill(pid, 'SIGKILL');
    const t0 = Date.now();
    const ok = await poll(async () => (await loginStatus()) === 200, { ms: 8000, every: 100 });
    assert.ok(ok, '/login answers 200 again');
    assert.ok(Date.now() - t0 < 5000, `back after ${Date.now() - t0} ms`);
    const back = await poll(async () => ((await workerPids('dd-auth')).length >= pids.length ? true : null), { ms: 8000 });
    assert.ok(back, `all ${pids.length} dd-auth workers replaced`);
  });

  test('SIGKILL of one dd-admin worker: /admin/users keeps answering 200 for admin', async () => {
    const admin = await login('admin');
    const pids = await workerPids('dd-admin');
    assert.ok(pids.length >= 1, 'dd-admin workers are running');
    process.kill(pids.sort((a, b) => b - a)[0], 'SIGKILL');
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await admin.get('/admin/users')).status);
    assert.deepEqual(statuses.filter((s) => s !== 200), [], `statuses: ${statuses}`);
  });

  test('dd-log and dd-req run their own worker count (DD_WRITE_WORKERS, twice the others), kept after a kill', async () => {
    const base = Number(process.env.DD_WORKERS) || 4;
    const want = Number(process.env.DD_WRITE_WORKERS) || 2 * base;
    assert.equal((await workerPids('dd-auth')).length, base, 'dd-auth: DD_WORKERS');
    assert.equal((await workerPids('dd-req')).length, want, 'dd-req: DD_WRITE_WORKERS');
    const pids = await workerPids('dd-log');
    assert.equal(pids.length, want, 'dd-log: DD_WRITE_WORKERS');
    const victim = pids.sort((a, b) => b - a)[0];
    process.kill(victim, 'SIGKILL');
    const back = await poll(async () => {
      const now = await workerPids('dd-log');
      return now.length === want && !now.includes(victim) ? now : null;
    }, { ms: 10000 });
    assert.ok(back, `dd-log back to ${want} workers without pid ${victim}`);
    assert.equal((await workerPids('dd-auth')).length, base, 'no other program got the slot');
  });
});

describe('database stopped and started', T, () => {
  let dbStopped = false;
  let admin;
  let tok;
  let ch;
  let authBefore;
  const name = uniq('down');
  before(async () => {
    admin = await login('admin');
    tok = csrfFrom((await admin.get('/admin/users/new')).text);
    ch = await siteId('CH');
    authBefore = (await workerPids('dd-auth')).sort();
    await stack('db-stop');
    dbStopped = true;
  });
  after(async () => {
    if (dbStopped) { try { await stack('db-start'); } catch { /* reported by the tests */ } }
  });

  test('with MariaDB stopped GET /login answers 503 系统暂时无法访问数据库', async () => {
    const r = await poll(async () => {
      const x = await new Client().get('/login');
      return x.status === 503 ? x : null;
    }, { ms: 5000 });
    const last = r || await new Client().get('/login');
    assertPage(last, 503, '系统暂时无法访问数据库');
  });

  test('with MariaDB stopped a signed-in page and POST /login answer 503 系统暂时无法访问数据库', async () => {
    const home = await admin.get('/');
    assertPage(home, 503, '系统暂时无法访问数据库');
    assertSecurityHeaders(home);
    const li = await new Client().post('/login', { username: 'staff1', password: 'demo-password', _csrf: 'x' });
    assert.ok([503, 403].includes(li.status), brief(li));
  });

  test('a write attempted while MariaDB is down answers 503 and leaves nothing after the restart', async () => {
    const w = await admin.post('/admin/users/new', {
      username: name, display_name: '停库写入', site_id: ch, roles: ['staff'], lang: 'zh-CN', password: 'long-enough-password', _csrf: tok,
    });
    assertPage(w, 503, '系统暂时无法访问数据库');
    await stack('db-start');
    dbStopped = false;
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM users WHERE username=${q(name)}`), '0', 'the write left no user');
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM audit_log WHERE summary LIKE ${q('%' + name + '%')} OR new_values LIKE ${q('%' + name + '%')}`), '0', 'and no audit row');
  });

  test('after db-start the same workers answer 200 again within a few seconds', async () => {
    if (dbStopped) { await stack('db-start'); dbStopped = false; }
    const t0 = Date.now();
    const ok = await poll(async () => (await admin.get('/')).status === 200, { ms: 15000, every: 200 });
    assert.ok(ok, 'the signed-in home page answers 200 again within 15 s of db-start');
    const took = Date.now() - t0;
    assert.ok(took < 10000, `recovered in ${took} ms`);
    const statuses = [];
    for (let i = 0; i < 8; i++) statuses.push((await admin.get('/')).status, await loginStatus());
    assert.deepEqual(statuses.filter((s) => s !== 200), [], `after restart: ${statuses}`);
    assert.deepEqual((await workerPids('dd-auth')).sort(), authBefore, 'the same dd-auth workers (not restarted)');
  });
});
