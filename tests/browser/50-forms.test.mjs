// The paper round trip in Chromium, as a new user would try it (issue 7, "Done when"): the
// manager prints three days of the duty log to PDF (A4, print media); the PDFs are turned
// into "scans" (pdftoppm at 150 dpi greyscale, then turned a few degrees with noise by
// build/bin/forms-bench --distort; the third with its code blacked out); staff1 uploads the
// batch (a PDF as it came and the scans) from 表单扫描: each page lands on its record, the
// blacked-out one in triage, where a mistyped number is refused beside the field and the
// right one files it; the record's paper copy shows the page images; the same scan again
// is recognised as a duplicate.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { launch, newContext, shot, signInUI, submitAndWait, SCREENS } from '../lib/browser.mjs';
import { login, siteId, sql, sqlOne, REPO } from '../lib/http.mjs';

const execFileP = promisify(execFile);
const T = { timeout: 240000 };
const BENCH = path.join(REPO, 'build', 'bin', 'forms-bench');
const DIR = path.join(SCREENS, 'forms-scans');

async function spareDay(site) {
  for (;;) {
    const d = new Date(Date.UTC(2000, 0, 1) + Math.floor(Math.random() * 7300) * 86400e3).toISOString().slice(0, 10);
    if ((await sqlOne(`SELECT COUNT(*) FROM log_days WHERE site_id=${site} AND day='${d}'`)) === '0') return d;
  }
}

describe('paper round trip in the browser', T, () => {
  let browser;
  const days = [];
  const files = {};

  before(async () => {
    browser = await launch();
    const ch = await siteId('CH');
    rmSync(DIR, { recursive: true, force: true });
    mkdirSync(DIR, { recursive: true });
    for (let i = 0; i < 3; i++) {
      const day = await spareDay(ch);
      days.push({ id: await sqlOne(`INSERT INTO log_days (site_id, day) VALUES (${ch}, '${day}'); SELECT LAST_INSERT_ID();`) });
    }
  });
  after(async () => { await browser?.close(); });

  test('the manager prints three days to PDF; they become 150-dpi greyscale scans, turned, with noise', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await signInUI(page, 'manager');
    for (const [i, d] of days.entries()) {
      await page.goto(`/log/day/${d.id}/print`);
      d.number = (await page.locator('.sheet-number').innerText()).trim();
      assert.match(d.number, /^RZ-\d{8}-\d{2}-[0-9A-Z]$/);
      const pdf = path.join(DIR, `day${i + 1}.pdf`);
      await page.emulateMedia({ media: 'print' });
      await page.pdf({ path: pdf, format: 'A4', printBackground: true });
      await execFileP('pdftoppm', ['-r', '150', '-gray', '-png', '-f', '1', '-l', '1', pdf, path.join(DIR, `day${i + 1}`)]);
      const png = readdirSync(DIR).find((f) => f.startsWith(`day${i + 1}-`) && f.endsWith('.png'));
      const out = path.join(DIR, `scan-day${i + 1}.png`);
      const deg = [2.5, -3, 1.5][i];
      await execFileP(BENCH, ['--distort', path.join(DIR, png), out, String(deg), String(Date.now() % 100000 + i), ...(i === 2 ? ['blackout'] : [])]);
      files[`day${i + 1}`] = { pdf, scan: out };
    }
    await ctx.close();
  });

  test('staff1 uploads the batch from 表单扫描: each page lands on its record, the blacked-out one in triage', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await signInUI(page, 'staff1');
    await page.locator('nav a[href="/forms"]').first().click();
    await page.waitForURL((u) => u.pathname === '/forms');
    await page.setInputFiles('#files', [files.day1.pdf, files.day2.scan, files.day3.scan]);
    await submitAndWait(page, () => page.getByRole('button', { name: '上传并归档' }).click());
    assert.match(new URL(page.url()).pathname, /^\/forms\/batch\/\d+$/);
    // The batch page shows the progress and reloads itself (no script) until it is filed.
    await page.locator('table.forms-result').waitFor({ timeout: 60000 });
    const rows = page.locator('table.forms-result tbody tr');
    assert.equal(await rows.count(), 3);
    const text = await page.locator('main').innerText();
    assert.ok(text.includes(days[0].number) && text.includes(days[1].number), 'the first two are filed on their numbers');
    assert.equal(await page.locator('tr.out-filed').count(), 2);
    assert.equal(await page.locator('tr.out-triage').count(), 1);
    assert.ok((await page.locator('tr.out-triage').innerText()).includes('未能识别二维码'));
    await shot(page, 'forms-batch');
    assert.deepEqual(await sql(`SELECT number, page_no FROM form_scans WHERE number IN ('${days[0].number}','${days[1].number}') ORDER BY number`),
      [[days[0].number, '1'], [days[1].number, '1']].sort());
    // The triage page: a mistyped number is refused beside the field; the right one files it.
    await page.locator('tr.out-triage a[href^="/forms/triage/"]').click();
    await page.waitForURL((u) => /^\/forms\/triage\/\d+$/.test(u.pathname));
    assert.ok(await page.locator('.forms-triage-image img').evaluate((i) => i.complete && i.naturalWidth > 1000), 'the page image shows');
    const typo = days[2].number.slice(0, -1) + (days[2].number.endsWith('7') ? '8' : '7');
    await page.fill('#number', typo);
    await submitAndWait(page, () => page.getByRole('button', { name: '归档', exact: true }).click());
    assert.ok((await page.locator('.field.invalid .field-error').innerText()).includes('校验位不符'));
    await shot(page, 'forms-triage-refused');
    await page.fill('#number', days[2].number);
    await submitAndWait(page, () => page.getByRole('button', { name: '归档', exact: true }).click());
    assert.equal(new URL(page.url()).pathname, `/forms/archive/${days[2].number}`);
    assert.ok((await page.locator('main').innerText()).includes('纸质件已归档'));
    await page.waitForFunction(() => { const i = document.querySelector('.forms-scans img'); return i && i.complete && i.naturalWidth > 1000; });
    await shot(page, 'forms-archive');
    await ctx.close();
  });

  test('the same scan again is recognised as a duplicate; the archive of day 1 opens from /r/<number> to the day', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await signInUI(page, 'staff1');
    await page.goto('/forms');
    await page.setInputFiles('#files', [files.day2.scan]);
    await submitAndWait(page, () => page.getByRole('button', { name: '上传并归档' }).click());
    await page.locator('table.forms-result').waitFor({ timeout: 60000 });
    assert.equal(await page.locator('tr.out-duplicate').count(), 1);
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM form_scans WHERE number='${days[1].number}'`), '1');
    await page.goto(`/forms/archive/${days[0].number}`);
    await page.locator('p > a', { hasText: '返回记录' }).click();
    await page.waitForURL((u) => u.pathname === `/log/day/${days[0].id}`);
    await ctx.close();
  });
});
