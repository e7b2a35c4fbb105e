// Reports in Chromium on the demo data (issue 8): the manager opens the KPI dashboard from the
// navigation, switches to the quarter, opens the quarterly complaint analysis of the last full
// quarter, prints it to an A4 PDF (number, QR code, the 编制 / 审核 boxes, charts), and the
// dashboard fits a phone.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { launch, newContext, shot, signInUI, SCREENS } from '../lib/browser.mjs';
import { sqlOne } from '../lib/http.mjs';

const T = { timeout: 180000 };

describe('reports in the browser', T, () => {
  let browser, year, quarter;

  before(async () => {
    browser = await launch();
    const yq = await sqlOne("SELECT CONCAT(YEAR(CURDATE() - INTERVAL 1 QUARTER), ' ', QUARTER(CURDATE() - INTERVAL 1 QUARTER))");
    [year, quarter] = yq.split(' ');
  });
  after(async () => { await browser?.close(); });

  test('the manager reads the KPI dashboard and prints the quarterly report', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await signInUI(page, 'manager');
    await page.locator('nav a[href="/reports"]').first().click();
    await page.waitForURL((u) => u.pathname === '/reports');
    await page.getByRole('link', { name: '关键指标' }).click();
    await page.waitForURL((u) => u.pathname === '/reports/kpi');
    // The figures table, each figure a link to its records, and the charts as SVG.
    const summary = page.locator('#t-summary table');
    await assert.doesNotReject(summary.waitFor());
    const received = summary.locator('tbody tr', { hasText: '受理事项' }).locator('a');
    assert.match(await received.getAttribute('href'), /^\/requests\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);
    assert.ok(Number(await received.innerText()) > 0, 'the demo site has requests this month');
    assert.ok(await page.locator('svg.chart').count() >= 3, 'charts drawn');
    assert.equal(await page.locator('svg.chart title').first().count(), 1);
    // The quarter, through the period form.
    await page.locator('select[name="period"]').selectOption('quarter');
    await Promise.all([page.waitForURL((u) => u.searchParams.get('period') === 'quarter'),
      page.getByRole('button', { name: '查看' }).click()]);
    assert.ok(Number(await page.locator('#t-summary tbody tr', { hasText: '受理事项' }).locator('a').innerText()) > 0);
    await shot(page, 'reports-kpi');
    // At 390 px the page scrolls down, not sideways (wide tables scroll in their own box).
    await page.setViewportSize({ width: 390, height: 800 });
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 392), 'no sideways scrolling at 390 px');
    await shot(page, 'reports-kpi-390');
    await page.setViewportSize({ width: 1200, height: 900 });

    // The quarterly report of the last full quarter.
    await page.goto('/reports');
    await page.getByRole('link', { name: '用户投诉分析报告' }).click();
    await page.locator('#year').fill(year);
    await page.locator('select#quarter').selectOption(quarter);
    await Promise.all([page.waitForURL((u) => u.searchParams.get('quarter') === quarter),
      page.getByRole('button', { name: '查看' }).click()]);
    const types = page.locator('#t-types tbody tr', { hasText: '投诉' }).locator('td').first();
    assert.ok(Number(await types.innerText()) > 0, 'complaints in the demo quarter');
    for (const key of ['summary', 'channels', 'departments', 'buildings', 'categories', 'times', 'satisfaction', 'repeat_units', 'actions']) {
      assert.equal(await page.locator(`#t-${key}`).count(), 1, `table ${key}`);
    }
    await shot(page, 'reports-quarter');
    await Promise.all([page.waitForURL((u) => /^\/reports\/complaints\/\d+\/print$/.test(u.pathname)),
      page.getByRole('button', { name: '打印' }).click()]);
    const number = (await page.locator('.sheet-number').innerText()).trim();
    assert.match(number, /^FX-\d{8}-\d{2}-[0-9A-Z]$/);
    const pdf = path.join(SCREENS, 'reports-quarter.pdf');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    assert.ok(statSync(pdf).size > 20000, 'a PDF with content');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const t of ['用户投诉分析报告', number, '编制', '审核', '按类别', '按渠道', '重复问题最多的房号']) {
      assert.ok(text.includes(t), `the PDF shows ${t}`);
    }
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))[1]);
    assert.ok(pages >= 2 && pages <= 12, `A4 pages: ${pages}`);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdf, path.join(SCREENS, 'reports-quarter-page')]);
    await ctx.close();
  });
});
