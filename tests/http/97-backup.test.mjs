// Backups: `scripts/backup.sh backup` of the test instance (after an uploaded file and a change
// were added), restored into a fresh instance of its own (own DD_INSTANCE and port); the row
// counts, table checksums and uploaded files match, the restored instance serves the data,
// and a restore refuses to overwrite a running instance without FORCE=1.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { randomBytes, createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  Client, login, signIn, brief, sql, siteId, uniq, INSTANCE, PORT, REPO, locPath,
} from '../lib/http.mjs';

const execFileP = promisify(execFile);
const T = { timeout: 180000 };
const RESTORE = `${INSTANCE}-restore`;
const RESTORE_PORT = String(process.env.DD_RESTORE_PORT || Number(PORT) + 11);
const BACKUPS = `${INSTANCE}-backups`;

async function run(script, args, env = {}) {
  try {
    const { stdout, stderr } = await execFileP(path.join(REPO, 'scripts', script), args, {
      env: { ...process.env, ...env }, cwd: REPO, timeout: 120000, maxBuffer: 16 << 20,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    return { code: e.code ?? 1, stdout: e.stdout || '', stderr: e.stderr || '' };
  }
}

/** "table rows checksum" of every table of the instance whose socket is under inst/run. */
async function tableFigures(inst) {
  const sock = path.join(inst, 'run', 'mysqld.sock');
  const user = process.getuid() === 0 ? 'root' : process.env.USER;
  const q = async (s) => (await execFileP('mariadb', ['--no-defaults', `--socket=${sock}`, `-u${user}`, '-N', 'dutydesk', '-e', s])).stdout.trim();
  const tables = (await q("SELECT table_name FROM information_schema.tables WHERE table_schema='dutydesk' AND table_type='BASE TABLE' ORDER BY 1")).split('\n');
  const out = {};
  for (const t of tables) {
    const rows = await q(`SELECT COUNT(*) FROM \`${t}\``);
    const sum = (await q(`CHECKSUM TABLE \`${t}\` EXTENDED`)).split('\t')[1];
    out[t] = `${rows} ${sum}`;
  }
  return out;
}

const sha = (file) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('backup and restore', T, () => {
  let folder;
  let deptName;
  let uploadRel;

  before(async () => {
    // Something to back up: a department made through the form, and a file in uploads/.
    const admin = await login('admin');
    deptName = '备份测试' + uniq('');
    const r = await admin.submit('/admin/departments', { name: deptName, phone: '5', site_id: await siteId('CH') }, { action: '/admin/departments/new' });
    assert.equal(r.status, 303, brief(r));
    uploadRel = path.join('uploads', '2026', '11', randomBytes(16).toString('hex') + '.png');
    fs.mkdirSync(path.join(INSTANCE, path.dirname(uploadRel)), { recursive: true });
    fs.writeFileSync(path.join(INSTANCE, uploadRel), randomBytes(4096));
    await run('stack.sh', ['reset'], { DD_INSTANCE: RESTORE, DD_PORT: RESTORE_PORT });
    fs.rmSync(BACKUPS, { recursive: true, force: true });
  });

  after(async () => {
    await run('stack.sh', ['stop'], { DD_INSTANCE: RESTORE, DD_PORT: RESTORE_PORT });
  });

  test('make backup writes a dated folder with the dump, the uploads, a manifest and checksums', async () => {
    const b = await run('backup.sh', ['backup'], { DD_INSTANCE: INSTANCE, DD_BACKUP_ROOT: BACKUPS });
    assert.equal(b.code, 0, `backup: ${b.stdout}${b.stderr}`);
    folder = b.stdout.trim().split('\n').pop();
    assert.match(path.basename(folder), /^\d{4}-\d{2}-\d{2}T\d{4}(-\d+)?$/, `dated folder: ${folder}`);
    for (const f of ['dump.sql.gz', 'uploads.tar', 'uploads.sha256', 'manifest.txt', 'SHA256SUMS']) {
      assert.ok(fs.statSync(path.join(folder, f)).size > 0, `${f} in the backup`);
    }
    const manifest = fs.readFileSync(path.join(folder, 'manifest.txt'), 'utf8');
    assert.match(manifest, /^table departments rows \d+ checksum \d+$/m);
    assert.match(manifest, /^table audit_log rows \d+ checksum \d+$/m);
    assert.ok(fs.readFileSync(path.join(folder, 'uploads.sha256'), 'utf8').includes(uploadRel), 'the uploaded file is listed');
  });

  test('a restore into a fresh instance has the same row counts and table checksums, and every uploaded file', async () => {
    assert.ok(folder, 'a backup was made');
    const r = await run('backup.sh', ['restore', folder], { DD_INSTANCE: RESTORE, DD_PORT: RESTORE_PORT });
    assert.equal(r.code, 0, `restore: ${r.stdout}${r.stderr}`);
    assert.match(r.stdout, /verified: \d+ tables/);
    const [src, dst] = [await tableFigures(INSTANCE), await tableFigures(RESTORE)];
    assert.ok(Object.keys(src).length >= 8, `tables: ${Object.keys(src)}`);
    assert.deepEqual(dst, src, 'row counts and CHECKSUM TABLE of every table');
    const files = fs.readFileSync(path.join(folder, 'uploads.sha256'), 'utf8').trim().split('\n');
    for (const line of files) {
      const [sum, rel] = line.split(/\s+\*?/);
      assert.equal(sha(path.join(RESTORE, rel)), sum, `${rel} restored with the same bytes`);
    }
    assert.equal(sha(path.join(RESTORE, uploadRel)), sha(path.join(INSTANCE, uploadRel)));
  });

  test('the restored instance starts and serves the restored data to the demo admin', async () => {
    const s = await run('stack.sh', ['start'], { DD_INSTANCE: RESTORE, DD_PORT: RESTORE_PORT, DD_NO_DEMO: '1', DD_WORKERS: '1' });
    assert.equal(s.code, 0, `start: ${s.stdout}${s.stderr}`);
    const base = `http://127.0.0.1:${RESTORE_PORT}`;
    const c = new Client();
    const page = await c.get(`${base}/login`);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1];
    assert.ok(token, 'restored /login has _csrf');
    const r = await c.post(`${base}/login`, { username: 'admin', password: 'demo-password', _csrf: token });
    assert.equal(r.status, 303, brief(r));
    const list = await c.get(`${base}/admin/departments?site=${await siteId('CH')}`);
    assert.equal(list.status, 200, brief(list));
    assert.ok(list.text.includes(deptName), 'the department made before the backup is there');
  });

  test('a restore refuses to overwrite a running instance without FORCE=1', async () => {
    const r = await run('backup.sh', ['restore', folder], { DD_INSTANCE: RESTORE, DD_PORT: RESTORE_PORT });
    assert.notEqual(r.code, 0, 'refused');
    assert.match(r.stderr, /is running/);
    const c = await fetch(`http://127.0.0.1:${RESTORE_PORT}/login`);
    assert.equal(c.status, 200, 'the running instance is untouched');
  });
});
