// The roster as a person uses it in Chromium: the supervisor creates and generates a month,
// fixes a cell by hand, publishes; the grid on a phone; the month printed on A4 landscape.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newContext, shot, signInUI, submitAndWait } from '../lib/browser.mjs';
import { sqlOne } from '../lib/http.mjs';

const T = { timeout: 120000 };

describe('roster in the browser', T, () => {
  let browser;
  let monthPath;

  before(async () => { browser = await launch(); });
  after(async () => { await browser?.close(); });

  test('the supervisor creates 2027-04, generates it, changes a cell by hand and publishes', async () => {
    const ctx = await newContext(browser, { viewport: { width: 1366, height: 900 } });
    const page = await ctx.newPage();
    await signInUI(page, 'supervisor');
    await page.getByRole('link', { name: '排班', exact: true }).first().click();
    await page.waitForURL('**/roster');
    await page.locator('input[name="month"]').fill('2027-04');
    await submitAndWait(page, () => page.getByRole('button', { name: '创建' }).click());
    monthPath = new URL(page.url()).pathname;
    assert.match(monthPath, /^\/roster\/month\/\d+$/);
    await submitAndWait(page, () => page.getByRole('button', { name: '自动排班' }).click());
    assert.ok(await page.getByText('没有违反任何硬性规则').isVisible());
    // A cell by hand: the first empty cell of the first person gets 夜班.
    await page.locator('tbody tr').first().locator('td a', { hasText: '·' }).first().click();
    await page.waitForURL('**/cell?**');
    await page.getByLabel(/夜班/).check();
    await submitAndWait(page, () => page.getByRole('button', { name: '保存' }).click());
    await shot(page, 'roster-month');
    await submitAndWait(page, () => page.getByRole('button', { name: '发布' }).click());
    const id = monthPath.split('/').pop();
    const status = await sqlOne(`SELECT status FROM roster_months WHERE id=${id}`);
    if (status !== 'published') {
      // The hand edit broke a rule: the page says why; generate again and publish.
      assert.ok(await page.getByText('不能发布').isVisible());
      await submitAndWait(page, () => page.getByRole('button', { name: '自动排班' }).click());
      await submitAndWait(page, () => page.getByRole('button', { name: '发布' }).click());
    }
    assert.equal(await sqlOne(`SELECT status FROM roster_months WHERE id=${id}`), 'published');
    assert.ok(await page.getByText('已发布').first().isVisible());
    await ctx.close();
  });

  test('on a phone the grid scrolls inside its box, the page does not', async () => {
    const ctx = await newContext(browser, { viewport: { width: 390, height: 844 } });
    const page = await ctx.newPage();
    await signInUI(page, 'staff1');
    await page.goto(monthPath);
    const sw = await page.evaluate(() => document.scrollingElement.scrollWidth);
    assert.ok(sw <= 390, `page scrollWidth ${sw}`);
    await shot(page, 'roster-phone');
    await page.goto('/roster');
    assert.ok(await page.getByText('正在值班').isVisible());
    await ctx.close();
  });

  test('the printed month fits one A4 landscape page with its number', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await signInUI(page, 'supervisor');
    await page.goto(`${monthPath}/print`);
    assert.match(await page.locator('.sheet-number').innerText(), /^PB-20270401-\d\d-/);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const text = pdf.toString('latin1');
    const pages = (text.match(/\/Type\s*\/Page[^s]/g) || []).length;
    assert.equal(pages, 1, 'one page');
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(text);
    assert.ok(box && Number(box[1]) > Number(box[2]), `landscape MediaBox ${box && box.slice(1)}`);
    await ctx.close();
  });
});
