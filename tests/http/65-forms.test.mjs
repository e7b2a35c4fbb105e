// The scan inbox (issue 7, points 3-6): generated scans (A4 pages with the printed form's QR
// code, turned a few degrees, with noise; made by build/bin/forms-bench --page) are uploaded
// several at once; each page lands on its record in page order; a page without a readable
// code goes to triage and is filed by typing the number (checked by the check character;
// unknown and other sites' numbers refused); the same page twice is recognised; files that
// are not PDF/JPEG/PNG are refused; scans are served only to the site, never as HTML.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  mkdtempSync, readFileSync, writeFileSync, mkdirSync, readdirSync, existsSync, statSync, chownSync,
} from 'node:fs';
import os from 'node:os';
import crypto from 'node:crypto';
import path from 'node:path';
import {
  Client, login, loginNew, createUser, csrfToken, fieldError, textOf, brief, sql, sqlOne,
  siteId, locPath, postMultipart, poll, BASE, REPO, INSTANCE,
} from '../lib/http.mjs';

const execFileP = promisify(execFile);
const T = { timeout: 180000 };
const BENCH = path.join(REPO, 'build', 'bin', 'forms-bench');
const TMP = mkdtempSync(path.join(os.tmpdir(), 'dd-forms-'));
// Seeds differ per run, so that a second run on one instance makes new (not duplicate) pages.
const RUN = Math.floor(Math.random() * 1e6) * 100;

/** A generated 150-dpi scan of a page whose QR code holds text. */
async function scan(name, text, { deg = 0, seed = 1, blackout = false, dpi = 150 } = {}) {
  const out = path.join(TMP, name);
  await execFileP(BENCH, ['--page', String(dpi), text, out, String(deg), String(RUN + seed), ...(blackout ? ['blackout'] : [])]);
  return { field: 'files', name, type: 'image/png', data: readFileSync(out) };
}

async function spareDay(site) {
  for (;;) {
    const d = new Date(Date.UTC(2000, 0, 1) + Math.floor(Math.random() * 7300) * 86400e3).toISOString().slice(0, 10);
    if ((await sqlOne(`SELECT COUNT(*) FROM log_days WHERE site_id=${site} AND day='${d}'`)) === '0') return d;
  }
}

/** A log day of site with its unified number (assigned by printing it). */
async function numberedDay(client, site) {
  const day = await spareDay(site);
  const id = await sqlOne(`INSERT INTO log_days (site_id, day) VALUES (${site}, '${day}'); SELECT LAST_INSERT_ID();`);
  const r = await client.get(`/log/day/${id}/print`);
  assert.equal(r.status, 200, `print day ${id}: ${brief(r)}`);
  const number = await sqlOne(`SELECT number FROM form_numbers WHERE kind='log_day' AND record_id=${id}`);
  assert.match(number, /^RZ-\d{8}-\d{2}-[0-9A-Z]$/);
  return { id, number };
}

async function upload(client, files) {
  const r = await postMultipart(client, '/forms/upload', { _csrf: await csrfToken(client, '/forms') }, files);
  assert.equal(r.status, 303, `upload: ${brief(r)}`);
  const m = /^\/forms\/batch\/(\d+)$/.exec(locPath(r.location));
  assert.ok(m, `upload leads to the batch: ${r.location}`);
  // Processed after the answer: wait until it is filed.
  await poll(async () => (await sqlOne(`SELECT status FROM form_scan_batches WHERE id=${m[1]}`)) === 'done',
    { ms: 60000 });
  return m[1];
}

/** body-C with its check character (number.c: weighted sum modulo 31). */
function withCheck(body) {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUVWXY';
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    const v = c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c === '-' ? 36 : c.charCodeAt(0) - 55;
    sum += (i % 30 + 1) * v;
  }
  return `${body}-${alphabet[sum % 31]}`;
}

/** A check character that is not the right one. */
function wrongCheck(number) {
  const last = number.at(-1);
  return number.slice(0, -1) + (last === '7' ? '8' : '7');
}

describe('scan inbox', T, () => {
  let ch, staff1, manager, d1, d2, other, otherSite, bUser;
  const st = {};

  before(async () => {
    ch = await siteId('CH');
    staff1 = await login('staff1');
    manager = await login('manager');
    d1 = await numberedDay(manager, ch);
    d2 = await numberedDay(manager, ch);
    // A second site with a numbered day and a staff member of its own.
    const admin = await login('admin');
    const code = 'FS' + Date.now().toString(36).slice(-5).toUpperCase();
    const r = await admin.submit('/admin/sites/new', { code, name: '扫描测试小区', address: '', phone: '' });
    assert.equal(r.status, 303, brief(r));
    otherSite = await siteId(code);
    const u = await createUser(admin, { site_id: otherSite, roles: ['staff', 'manager'] });
    bUser = (await loginNew(u.username, u.password)).client;
    other = await numberedDay(bUser, otherSite);
  });

  test('a batch of several files: each page lands on its record, in page order; an unreadable one goes to triage', async () => {
    const base = BASE;
    const files = [
      await scan('day1-p1.png', `${base}/r/${d1.number}`, { deg: 2.5, seed: 11 }),
      await scan('day1-p2.png', `${base}/r/${d1.number}`, { deg: -3, seed: 12 }),
      await scan('day2.png', `${base}/r/${d2.number}`, { deg: 1.5, seed: 13 }),
      await scan('blacked.png', `${base}/r/${d2.number}`, { deg: 2, seed: 14, blackout: true }),
    ];
    st.files = files;
    const batch = await upload(staff1, files);
    const rows = await sql(`SELECT file_name, status, COALESCE(number,''), COALESCE(page_no,0), reason, id FROM form_scans WHERE batch_id=${batch} ORDER BY id`);
    assert.deepEqual(rows.map((r) => r.slice(0, 5)), [
      ['day1-p1.png', 'filed', d1.number, '1', ''],
      ['day1-p2.png', 'filed', d1.number, '2', ''],
      ['day2.png', 'filed', d2.number, '1', ''],
      ['blacked.png', 'triage', '', '0', 'no_code'],
    ]);
    st.triageId = rows[3][5];
    st.scanId = rows[0][5];
    const page = await staff1.get(`/forms/batch/${batch}`);
    assert.equal(page.status, 200);
    const text = textOf(page.text);
    assert.ok(text.includes('已归档') && text.includes('待分拣') && text.includes('未能识别二维码'), text.slice(0, 400));
    assert.ok(page.text.includes(`href="/forms/archive/${d1.number}"`));
    assert.ok(page.text.includes(`href="/forms/triage/${st.triageId}"`));
    // Stored outside the web root, under upload_dir.
    const p = await sqlOne(`SELECT path FROM form_scans WHERE id=${st.scanId}`);
    assert.ok(existsSync(path.join(INSTANCE, 'uploads', p)), 'the page file is in upload_dir');
    assert.ok(!existsSync(path.join(REPO, 'static', p)));
    // Audited.
    assert.ok(Number(await sqlOne(`SELECT COUNT(*) FROM audit_log WHERE entity='form_scan' AND entity_id=${st.scanId} AND action='scan_filed'`)) === 1);
  });

  test('the archive of a record lists its pages; a page is served as image/png, inline, nosniff, only to its site', async () => {
    const r = await manager.get(`/forms/archive/${d1.number}`);
    assert.equal(r.status, 200);
    assert.ok(textOf(r.text).includes('纸质件已归档'));
    const imgs = [...r.text.matchAll(/<img src="\/forms\/scan\/(\d+)"/g)].map((m) => m[1]);
    assert.equal(imgs.length, 2, 'two pages');
    assert.ok(r.text.includes(`href="/log/day/${d1.id}"`), 'a link back to the record');
    const img = await manager.get(`/forms/scan/${st.scanId}`);
    assert.equal(img.status, 200);
    assert.equal(img.headers.get('content-type'), 'image/png');
    assert.match(img.headers.get('content-disposition') || '', /^inline/);
    assert.equal(img.headers.get('x-content-type-options'), 'nosniff');
    // Lower-case number in the address is fine; a wrong check character is 404.
    assert.equal((await manager.get(`/forms/archive/${d1.number.toLowerCase()}`)).status, 200);
    assert.equal((await manager.get(`/forms/archive/${wrongCheck(d1.number)}`)).status, 404);
    // Another site's user: 404 for the archive, the image and the triage page.
    assert.equal((await bUser.get(`/forms/archive/${d1.number}`)).status, 404);
    assert.equal((await bUser.get(`/forms/scan/${st.scanId}`)).status, 404);
    assert.equal((await bUser.get(`/forms/triage/${st.triageId}`)).status, 404);
    // Signed out: the sign-in page.
    const anon = new Client();
    const a = await anon.get(`/forms/scan/${st.scanId}`);
    assert.equal(a.status, 303);
    assert.match(locPath(a.location), /^\/login/);
  });

  test('the same page uploaded again is recognised and not attached twice', async () => {
    const before = await sqlOne(`SELECT COUNT(*) FROM form_scans WHERE number='${d1.number}'`);
    const batch = await upload(staff1, [st.files[0]]);
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM form_scans WHERE number='${d1.number}'`), before, 'no new page');
    assert.equal(await sqlOne(`SELECT duplicates FROM form_scan_batches WHERE id=${batch}`), '1');
    const page = await staff1.get(`/forms/batch/${batch}`);
    assert.ok(textOf(page.text).includes('重复'), 'shown as a duplicate');
    // Twice in one upload: kept once.
    const again = await scan('twice.png', `${BASE}/r/${d2.number}`, { deg: -1, seed: 99 });
    const b2 = await upload(staff1, [again, { ...again, name: 'twice-copy.png' }]);
    assert.equal(await sqlOne(`SELECT CONCAT(filed, '/', duplicates) FROM form_scan_batches WHERE id=${b2}`), '1/1');
  });

  test('refused: no files, a file that is not PDF/JPEG/PNG (whatever its name), a broken PDF, CSRF missing, the director', async () => {
    const none = await postMultipart(staff1, '/forms/upload', { _csrf: await csrfToken(staff1, '/forms') }, []);
    assert.equal(none.status, 200);
    assert.ok(fieldError(none.text, 'files'), 'message beside the file field');
    const html = { field: 'files', name: 'scan.pdf', type: 'application/pdf', data: Buffer.from('<html><script>alert(1)</script></html>') };
    const pdf = { field: 'files', name: 'broken.pdf', type: 'application/pdf', data: Buffer.from('%PDF-1.7\nnot really a pdf\n') };
    const batch = await upload(staff1, [html, pdf]);
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM form_scans WHERE batch_id=${batch}`), '0', 'nothing stored');
    assert.equal(await sqlOne(`SELECT refused FROM form_scan_batches WHERE id=${batch}`), '2');
    const t = textOf((await staff1.get(`/forms/batch/${batch}`)).text);
    assert.ok(t.includes('不是 PDF、JPEG 或 PNG 文件') && t.includes('PDF 无法读取'), t.slice(0, 600));
    const noCsrf = await postMultipart(staff1, '/forms/upload', {}, [st.files[0]]);
    assert.equal(noCsrf.status, 403);
    const director = await login('director');
    assert.equal((await director.get('/forms')).status, 403);
  });

  test('codes that name no record of the site go to triage with the reason', async () => {
    const files = [
      await scan('foreign-url.png', 'https://example.com/other', { seed: 21 }),
      await scan('bad-check.png', `${BASE}/r/${wrongCheck(d1.number)}`, { seed: 22 }),
      await scan('other-site.png', `${BASE}/r/${other.number}`, { seed: 23 }),
    ];
    const batch = await upload(staff1, files);
    const rows = await sql(`SELECT file_name, status, reason FROM form_scans WHERE batch_id=${batch} ORDER BY id`);
    assert.deepEqual(rows, [
      ['foreign-url.png', 'triage', 'not_ours'],
      ['bad-check.png', 'triage', 'bad_check'],
      ['other-site.png', 'triage', 'unknown'],
    ]);
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM form_scans WHERE number='${other.number}'`), '0', 'nothing on the other site');
  });

  test('triage: typed numbers are checked (check character, unknown, other site); the right one files the page', async () => {
    const list = await staff1.get('/forms/triage');
    assert.equal(list.status, 200);
    assert.ok(list.text.includes(`href="/forms/triage/${st.triageId}"`));
    const url = `/forms/triage/${st.triageId}`;
    const bad = await staff1.submit(url, { number: wrongCheck(d2.number), pick: '' });
    assert.equal(bad.status, 200);
    assert.match(fieldError(bad.text, 'number') || '', /校验位/);
    // A well-formed number (right check character) that is not in the register.
    const unknownNo = withCheck(d2.number.replace(/-(\d{2})-.$/, '-99'));
    const unknown = await staff1.submit(url, { number: unknownNo, pick: '' });
    assert.equal(unknown.status, 200, brief(unknown));
    assert.match(fieldError(unknown.text, 'number') || '', /不存在或不属于本管理处/);
    const foreign = await staff1.submit(url, { number: other.number, pick: '' });
    assert.match(fieldError(foreign.text, 'number') || '', /不存在或不属于本管理处/);
    const empty = await staff1.submit(url, { number: '', pick: '' });
    assert.match(fieldError(empty.text, 'number') || '', /请输入表单编号/);
    assert.equal(await sqlOne(`SELECT status FROM form_scans WHERE id=${st.triageId}`), 'triage', 'still waiting');
    // Typed with spaces and in lower case: filed as the next page of the record.
    const ok = await staff1.submit(url, { number: ` ${d2.number.toLowerCase()} `, pick: '' });
    assert.equal(ok.status, 303, brief(ok));
    assert.equal(locPath(ok.location), `/forms/archive/${d2.number}`);
    assert.deepEqual(await sql(`SELECT status, number, page_no FROM form_scans WHERE id=${st.triageId}`), [['filed', d2.number, '3']]);
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM audit_log WHERE entity='form_scan' AND entity_id=${st.triageId} AND action='scan_filed'`), '1');
    // Picking the record from the list works too (the bad-check page of the last test).
    const pickId = await sqlOne(`SELECT id FROM form_scans WHERE file_name='bad-check.png' AND status='triage' ORDER BY id DESC LIMIT 1`);
    const form = await staff1.get(`/forms/triage/${pickId}`);
    assert.ok(form.text.includes(`<option value="${d1.number}"`), 'the record is in the list');
    const picked = await staff1.submit(`/forms/triage/${pickId}`, { number: '', pick: d1.number });
    assert.equal(picked.status, 303, brief(picked));
    assert.equal(await sqlOne(`SELECT number FROM form_scans WHERE id=${pickId}`), d1.number);
  });

  test('batch print lists the site\'s days and emergency records of a period with their print links', async () => {
    const day = await sqlOne(`SELECT DATE_FORMAT(day, '%Y-%m-%d') FROM log_days WHERE id=${d1.id}`);
    const r = await manager.get(`/forms/print?from=${day}&to=${day}`);
    assert.equal(r.status, 200);
    assert.ok(r.text.includes(`href="/log/day/${d1.id}/print"`));
    assert.ok(r.text.includes(`href="/forms/archive/${d1.number}"`), 'archived pages are linked');
    const bad = await manager.get(`/forms/print?from=2026-13-01`);
    assert.equal(bad.status, 200);
  });

  test('batch print as one document: the sheets of the period in one HTML document, included by nginx SSI', async () => {
    const day = await sqlOne(`SELECT DATE_FORMAT(day, '%Y-%m-%d') FROM log_days WHERE id=${d1.id}`);
    const list = await manager.get(`/forms/print?from=${day}&to=${day}`);
    assert.ok(list.text.includes(`href="/forms/print/document?from=${day}&amp;to=${day}"`), 'the list links to the document');
    const r = await manager.get(`/forms/print/document?from=${day}&to=${day}`);
    assert.equal(r.status, 200);
    assert.equal(r.text.match(/<html/g).length, 1, 'one HTML document around every sheet');
    assert.ok(!r.text.includes('<!--#'), 'every SSI include was carried out');
    assert.ok(r.text.includes(`<strong class="sheet-number">${d1.number}</strong>`), 'the day sheet is in it');
    const sheets = (r.text.match(/<article class="sheet">/g) || []).length;
    const forms = Number(await sqlOne(`SELECT (SELECT COUNT(*) FROM log_days WHERE site_id=(SELECT site_id FROM log_days WHERE id=${d1.id}) AND day='${day}')
      + (SELECT COUNT(*) FROM handovers WHERE site_id=(SELECT site_id FROM log_days WHERE id=${d1.id}) AND day='${day}')
      + (SELECT COUNT(*) FROM emergencies WHERE site_id=(SELECT site_id FROM log_days WHERE id=${d1.id}) AND DATE(occurred_at)='${day}')`));
    assert.equal(sheets, forms, 'one sheet per form of the period');
    const only = await manager.get(`/forms/print/document?from=${day}&to=${day}&kinds=emergency`);
    assert.ok(!only.text.includes(`<strong class="sheet-number">${d1.number}</strong>`), 'kinds filter the document');
    const embed = await manager.get(`/log/day/${d1.id}/print?embed=1`);
    assert.ok(!embed.text.includes('<html') && embed.text.includes('<article class="sheet">'), 'embed=1 is the sheet alone');
    const long = await manager.get(`/forms/print?from=2026-01-01&to=2026-03-01`);
    assert.match(fieldError(long.text, 'to') || '', /31/);
  });

  test('make import: a folder is imported; each file moves to done/ or failed/ with a reason file', async () => {
    const dir = path.join(TMP, 'scanner');
    mkdirSync(dir, { recursive: true });
    const page = await scan('x.png', `${BASE}/r/${d2.number}`, { deg: 2, seed: 31 });
    writeFileSync(path.join(dir, 'scan-0001.png'), page.data);
    writeFileSync(path.join(dir, 'notes.txt'), 'not a scan');
    writeFileSync(path.join(dir, 'again.png'), st.files[2].data);   // already archived
    const before = Number(await sqlOne(`SELECT COUNT(*) FROM form_scans WHERE number='${d2.number}'`));
    const { stdout } = await execFileP('make', ['-s', '-C', REPO, 'import', `DIR=${dir}`, 'AS=staff1'],
      { env: { ...process.env, DUTYDESK_CONF: path.join(INSTANCE, 'dutydesk.conf') } });
    assert.match(stdout, /done scan-0001\.png: pages=1 filed=1/);
    assert.deepEqual(readdirSync(path.join(dir, 'done')), ['scan-0001.png']);
    assert.deepEqual(readdirSync(path.join(dir, 'failed')).sort(), ['again.png', 'again.png.reason.txt', 'notes.txt', 'notes.txt.reason.txt']);
    assert.match(readFileSync(path.join(dir, 'failed', 'notes.txt.reason.txt'), 'utf8'), /^not_scan\n/);
    assert.match(readFileSync(path.join(dir, 'failed', 'again.png.reason.txt'), 'utf8'), /^duplicate\n/);
    assert.equal(Number(await sqlOne(`SELECT COUNT(*) FROM form_scans WHERE number='${d2.number}'`)), before + 1);
    assert.equal(readdirSync(dir).filter((f) => !['done', 'failed'].includes(f)).length, 0, 'nothing left behind');
  });
  test('a queued batch shows its progress (reloading itself); an interrupted one is processed again from the spool', async () => {
    const site = await sqlOne(`SELECT site_id FROM users WHERE username='staff1'`);
    const uid = await sqlOne(`SELECT id FROM users WHERE username='staff1'`);
    // A batch as a worker leaves it when it is killed while decoding: queued, its file in the spool.
    const page = await scan('resumed.png', `${BASE}/r/${d2.number}`, { deg: 1, seed: 77 });
    // In this month's folder, owned like the app's own files (the worker removes it after):
    // a folder this test made as root would keep the worker from removing the file.
    const month = new Date().toISOString().slice(0, 7).replace('-', '/');
    const rel = `${month}/${crypto.randomBytes(16).toString('hex')}.bin`;
    const up = statSync(path.join(INSTANCE, 'uploads'));
    let dir = path.join(INSTANCE, 'uploads');
    for (const part of month.split('/')) {
      dir = path.join(dir, part);
      mkdirSync(dir, { recursive: true });
      chownSync(dir, up.uid, up.gid);
    }
    writeFileSync(path.join(INSTANCE, 'uploads', rel), page.data);
    chownSync(path.join(INSTANCE, 'uploads', rel), up.uid, up.gid);
    await sql(`INSERT INTO form_scan_batches (site_id, user_id, source, status, claimed_at, files, report)
      VALUES (${site}, ${uid}, 'web', 'queued', NOW(), 1, '')`);
    const id = await sqlOne(`SELECT MAX(id) FROM form_scan_batches`);
    await sql(`INSERT INTO form_scan_spool (batch_id, seq, file_name, path, bytes) VALUES (${id}, 1, 'resumed.png', '${rel}', ${page.data.length})`);
    // Waiting: the page says so and reloads itself every second (no script needed).
    let r = await staff1.get(`/forms/batch/${id}`);
    assert.equal(r.status, 200);
    assert.match(r.text, /<meta http-equiv="refresh" content="1">/);
    assert.ok(textOf(r.text).includes('排队处理'), 'waiting');
    // Progress as the worker writes it: file 2 of 3, page 2 of 4 of it.
    mkdirSync(path.join(INSTANCE, 'uploads', 'progress'), { recursive: true });
    chownSync(path.join(INSTANCE, 'uploads', 'progress'), up.uid, up.gid);
    writeFileSync(path.join(INSTANCE, 'uploads', 'progress', String(id)), '1 3 2 4\n');
    chownSync(path.join(INSTANCE, 'uploads', 'progress', String(id)), up.uid, up.gid);
    r = await staff1.get(`/forms/batch/${id}`);
    assert.match(r.text, /<progress id="batch-bar" max="300" value="150">50%<\/progress>/);
    assert.ok(textOf(r.text).includes('文件 2 / 3 · 页 2 / 4'), textOf(r.text).slice(0, 400));
    // A fresh worker is still on it: retrying does nothing.
    const retry = async () => staff1.submit(`/forms/batch/${id}`, {}, { action: `/forms/batch/${id}/retry` });
    let p = await retry();
    assert.equal(p.status, 303, brief(p));
    assert.equal(await sqlOne(`SELECT status FROM form_scan_batches WHERE id=${id}`), 'queued');
    // Its worker went silent two minutes ago: the page offers to process it again, and that files it.
    await sql(`UPDATE form_scan_batches SET claimed_at = NOW() - INTERVAL 3 MINUTE WHERE id=${id}`);
    r = await staff1.get(`/forms/batch/${id}`);
    assert.ok(!/http-equiv="refresh"/.test(r.text), 'a stalled batch does not reload');
    assert.ok(r.text.includes(`action="/forms/batch/${id}/retry"`), 'the retry button');
    p = await retry();
    assert.equal(p.status, 303, brief(p));
    await poll(async () => (await sqlOne(`SELECT status FROM form_scan_batches WHERE id=${id}`)) === 'done', { ms: 60000 });
    assert.equal(await sqlOne(`SELECT CONCAT(filed, '/', triage) FROM form_scan_batches WHERE id=${id}`), '1/0');
    assert.equal(await sqlOne(`SELECT number FROM form_scans WHERE batch_id=${id}`), d2.number);
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM form_scan_spool WHERE batch_id=${id}`), '0', 'the spool is emptied');
    assert.ok(!existsSync(path.join(INSTANCE, 'uploads', rel)), 'the spooled file is removed');
    assert.ok(!existsSync(path.join(INSTANCE, 'uploads', 'progress', String(id))), 'the progress file is removed');
    r = await staff1.get(`/forms/batch/${id}`);
    assert.ok(r.text.includes('forms-result') && r.text.includes(d2.number), 'the result shows');
    // Another site's user does not see it.
    assert.equal((await bUser.get(`/forms/batch/${id}`)).status, 404);
  });

});
