// The duty log in Chromium, as a new user would try it (issue 3, "Done when"): staff1 writes
// an entry and a major one, adds a photo of the scene and the report, closes the shift page
// ticking every item handed over; the manager signs the day; a correction after signing
// shows the stamp with the original; the printed day (page.pdf, A4) carries a QR code that
// zbarimg decodes to <base>/r/<number>, which leads to the day (after sign-in when needed).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { launch, newContext, shot, signInUI, submitAndWait, SCREENS } from '../lib/browser.mjs';
import { login, uniq, siteId, sql, sqlOne } from '../lib/http.mjs';

const execFileP = promisify(execFile);
const T = { timeout: 180000 };

/** A date of the site with no log day yet (far in the past). */
async function spareDay(site) {
  for (;;) {
    const d = new Date(Date.UTC(2000, 0, 1) + Math.floor(Math.random() * 7300) * 86400e3).toISOString().slice(0, 10);
    if ((await sqlOne(`SELECT COUNT(*) FROM log_days WHERE site_id=${site} AND day='${d}'`)) === '0') return d;
  }
}

/** Waits out the last minute before a shift of the site starts or ends. */
async function awayFromShiftChange(site) {
  const s = Number(await sqlOne(
    `SELECT MIN(MOD(t - TIME_TO_SEC(CURTIME()) + 86400, 86400)) FROM
       (SELECT TIME_TO_SEC(start_time) t FROM shifts WHERE site_id=${site} AND active=1
        UNION ALL SELECT TIME_TO_SEC(end_time) FROM shifts WHERE site_id=${site} AND active=1) x`));
  if (s < 60) await new Promise((r) => setTimeout(r, (s + 2) * 1000));
}

describe('duty log in the browser', T, () => {
  let browser;
  let ch;
  const what1 = '1 栋大堂玻璃门闭门器损坏 ' + uniq('');
  const what2 = '3 栋 12 楼电井冒烟 ' + uniq('');
  const state = {};

  before(async () => {
    browser = await launch();
    ch = await siteId('CH');
    await awayFromShiftChange(ch);
    // Start from "no page yet" for the current shift: a page of it (an earlier run on the same
    // instance) is moved, with its day, to a spare date.
    const c = await login('staff1');
    const r = await c.get('/log');
    if (r.status === 303) {
      const pid = /\/log\/page\/(\d+)/.exec(r.location)[1];
      await sql(`UPDATE log_days SET day='${await spareDay(ch)}' WHERE id=(SELECT day_id FROM log_pages WHERE id=${pid})`);
    }
  });
  after(async () => { await browser?.close(); });

  test('staff1 writes an entry from the 值班日志 link: the page opens by itself and shows it', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await signInUI(page, 'staff1');
    await page.locator('nav a[href="/log"]').first().click();
    await page.waitForURL((u) => u.pathname === '/log');
    const body = await page.locator('main').innerText();
    assert.ok(body.includes('本班日志页尚未开启'), 'no page yet for this shift');
    await page.selectOption('#category_id', { label: '设备/照明' });
    await page.fill('#location', '1 栋大堂');
    await page.fill('#what', what1);
    await page.fill('#handling', '已报工程部');
    await submitAndWait(page, () => page.getByRole('button', { name: '保存记录' }).click());
    assert.match(new URL(page.url()).pathname, /^\/log\/page\/\d+$/);
    state.pageId = new URL(page.url()).pathname.split('/').pop();
    const entry = page.locator('article.entry', { hasText: what1 });
    assert.equal(await entry.count(), 1, 'the entry is on the page');
    assert.ok((await entry.innerText()).includes('未完成'), 'open');
    assert.ok((await page.locator('main').innerText()).includes('李明（带班）'), 'staff on duty with the lead');
    await shot(page, 'log-page-entry');
    await ctx.close();
  });

  test('staff1 writes a major entry, adds a photo (a screenshot), tells the manager and writes the report', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await signInUI(page, 'staff1');
    await page.goto('/log');
    assert.equal(new URL(page.url()).pathname, `/log/page/${state.pageId}`, '/log leads to the open page');
    const form = page.locator('#new-entry form');
    await form.locator('#category_id').selectOption({ label: '风/火/水/电意外' });
    await form.locator('#location').fill('3 栋 12 楼');
    await form.locator('#what').fill(what2);
    await form.locator('#handling').fill('切断电源，通知工程部');
    await form.locator('input[name="major"]').check();
    await submitAndWait(page, () => form.getByRole('button', { name: '保存记录' }).click());
    const entry = page.locator('article.entry', { hasText: what2 });
    assert.ok((await entry.innerText()).includes('重大事件'), 'marked 重大事件');
    await entry.locator('a[href^="/log/emergency/"]').click();
    await page.waitForURL((u) => /^\/log\/emergency\/\d+$/.test(u.pathname));
    state.em = new URL(page.url()).pathname.split('/').pop();
    assert.ok((await page.locator('main').innerText()).includes('紧急情况处理登记表'));
    // The photo: a screenshot taken by Playwright.
    const photo = path.join(SCREENS, 'log-scene.png');
    await page.screenshot({ path: photo });
    await page.setInputFiles('#photo-files', photo);
    await page.fill('#caption', '电井现场');
    await submitAndWait(page, () => page.getByRole('button', { name: '上传', exact: true }).click());
    const img = page.locator('ul.photos img').first();
    await img.waitFor();
    await page.waitForFunction(() => { const i = document.querySelector('ul.photos img'); return i && i.complete && i.naturalWidth > 0; });
    assert.ok(await img.evaluate((i) => i.naturalWidth > 100), 'the thumbnail shows the picture');
    // Who was told.
    await page.selectOption('#party', 'manager');
    await page.fill('#who', '陈静');
    const now = (await sql(`SELECT DATE_FORMAT(NOW(), '%Y-%m-%d'), DATE_FORMAT(NOW(), '%H:%i')`))[0];
    await page.fill('#notified_date', now[0]);
    await page.fill('#notified_time', now[1]);
    await submitAndWait(page, () => page.getByRole('button', { name: '添加通知记录' }).click());
    assert.ok((await page.locator('main').innerText()).includes('客服经理'), 'the notice is listed');
    await page.fill('#report', '23 时发现电井冒烟，已断电并通知工程部，无人员受伤。');
    await submitAndWait(page, () => page.getByRole('button', { name: '提交报告' }).click());
    assert.ok((await page.locator('main').innerText()).includes('已提交'), 'report 已提交');
    await shot(page, 'log-emergency');
    await ctx.close();
  });

  test('staff1 closes the page: refused until every handed-over item is ticked', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await signInUI(page, 'staff1');
    await page.goto(`/log/page/${state.pageId}`);
    const close = page.locator('#close form');
    assert.ok((await close.locator('input[name="carry"]').count()) >= 2, 'both open items are listed to hand over');
    await close.locator('#note').fill('电井待工程部检修');
    await submitAndWait(page, () => close.getByRole('button', { name: '结束本班日志' }).click());
    assert.ok((await page.locator('main').innerText()).includes('还有未完成事项没有勾选移交'), 'refused with the reason');
    const boxes = page.locator('#close input[name="carry"]');
    for (let i = 0; i < await boxes.count(); i++) await boxes.nth(i).check();
    await Promise.all([
      page.waitForURL((u) => u.pathname === `/log/page/${state.pageId}`, { waitUntil: 'domcontentloaded' }),
      page.locator('#close').getByRole('button', { name: '结束本班日志' }).click(),
    ]);
    const text = await page.locator('main').innerText();
    assert.ok(text.includes('已结束'), 'the page is closed');
    assert.equal(await page.locator('#new-entry').count(), 0, 'no entry form on a closed page');
    state.dayId = await sqlOne(`SELECT day_id FROM log_pages WHERE id=${state.pageId}`);
    await shot(page, 'log-page-closed');
    await ctx.close();
  });

  test('the manager finds the day waiting, signs it, and it shows 经理已签字 with its number', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await signInUI(page, 'manager');
    // Today cannot be signed before its shifts are over (the night shift ends tomorrow): the
    // manager signs the next day, so the day is moved into the past first.
    await page.goto(`/log/day/${state.dayId}`);
    assert.ok((await page.locator('main').innerText()).includes('该日还有班次未结束'), 'not over yet: no sign form');
    assert.equal(await page.getByRole('button', { name: '签字确认' }).count(), 0);
    await sql(`UPDATE log_days SET day='${await spareDay(ch)}' WHERE id=${state.dayId}`);
    await page.goto('/log/days');
    await page.locator(`a[href="/log/day/${state.dayId}"]`).first().click();
    await page.waitForURL((u) => u.pathname === `/log/day/${state.dayId}`);
    await page.fill('#comment', '记录完整');
    await submitAndWait(page, () => page.getByRole('button', { name: '签字确认' }).click());
    const text = await page.locator('main').innerText();
    assert.ok(text.includes('经理已签字') && text.includes('陈静'), 'signed by 陈静');
    state.number = (await page.locator('dd.num').first().innerText()).trim();
    assert.match(state.number, /^RZ-\d{8}-\d{2}-[0-9A-Z]$/);
    await shot(page, 'log-day-signed');
    await ctx.close();
  });

  test('after signing, staff1 corrects an entry: the stamp shows the original struck through and the new text', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await signInUI(page, 'staff1');
    const id = await sqlOne(`SELECT id FROM log_entries WHERE page_id=${state.pageId} AND what='${what1}'`);
    await page.goto(`/log/entry/${id}`);
    assert.equal(await page.locator('form[action$="/log/entry/' + id + '"]').count(), 0, 'no direct edit form');
    await page.selectOption('#field', 'what');
    await page.fill('#new_text', what1 + '（更正：是 2 栋）');
    await page.fill('#reason', '楼栋记错');
    await submitAndWait(page, () => page.getByRole('button', { name: '提交更正' }).click());
    const stamp = page.locator('.stamp').first();
    assert.ok(await stamp.isVisible(), 'a visible stamp');
    assert.equal((await stamp.locator('del').innerText()).trim(), what1, 'the original, struck through');
    assert.ok((await stamp.innerText()).includes('（更正：是 2 栋）'), 'the new text');
    assert.equal(await stamp.locator('del').evaluate((e) => getComputedStyle(e).textDecorationLine), 'line-through');
    await shot(page, 'log-correction');
    await ctx.close();
  });

  test('the printed day (A4 PDF) has a QR code that zbarimg decodes to /r/<number>, which opens the day', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await signInUI(page, 'manager');
    await page.goto(`/log/day/${state.dayId}/print`);
    assert.equal((await page.locator('.sheet-number').innerText()).trim(), state.number);
    assert.ok(await page.locator('svg.qr').isVisible(), 'svg.qr');
    assert.ok((await page.locator('.sign-box').count()) >= 2, 'signature boxes');
    const pdf = path.join(SCREENS, 'log-day.pdf');
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    const prefix = path.join(SCREENS, 'log-day-page');
    for (const f of readdirSync(SCREENS)) if (f.startsWith('log-day-page')) rmSync(path.join(SCREENS, f));
    await execFileP('pdftoppm', ['-r', '150', '-gray', '-png', pdf, prefix]);
    const pages = readdirSync(SCREENS).filter((f) => f.startsWith('log-day-page') && f.endsWith('.png')).sort();
    assert.ok(pages.length >= 1, 'pdftoppm made at least one page image');
    const { stdout } = await execFileP('zbarimg', ['-q', path.join(SCREENS, pages[0])]).catch((e) => ({ stdout: e.stdout || '' }));
    const m = /QR-Code:(\S+)/.exec(stdout);
    assert.ok(m, `zbarimg finds a QR code on the first page: "${stdout}"`);
    const url = m[1];
    assert.ok(url.endsWith(`/r/${state.number}`), `decoded ${url} ends with /r/${state.number}`);
    // Opened by the manager: the day.
    await page.goto(url);
    assert.equal(new URL(page.url()).pathname, `/log/day/${state.dayId}`);
    // Opened signed out: the sign-in page, then back to the day.
    const anon = await (await newContext(browser)).newPage();
    await anon.goto(url);
    assert.equal(new URL(anon.url()).pathname, '/login');
    await anon.locator('input[name="username"]').fill('staff2');
    await anon.locator('input[name="password"]').fill('demo-password');
    await Promise.all([
      anon.waitForURL((u) => u.pathname === `/log/day/${state.dayId}`),
      anon.getByRole('button', { name: '登录' }).click(),
    ]);
    assert.ok((await anon.locator('main').innerText()).includes('经理已签字'));
    await anon.context().close();
    await ctx.close();
  });
});
