// The handover in Chromium, as a new user would try it (issue 5, "Done when"): staff1 hands
// over with a missing radio and an open complaint; on the same browser staff2 refuses first;
// the supervisor decides from the alerts; then staff2 counts and both sign with their own
// passwords; the next shift's page shows the carried complaint; the printed form (A4 PDF)
// and the record at 390 px.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import crypto from 'node:crypto';
import { launch, newContext, shot, signInUI, submitAndWait, SCREENS } from '../lib/browser.mjs';
import { login, uniq, siteId, sql, sqlOne, q, csrfToken, serverNow } from '../lib/http.mjs';

const T = { timeout: 180000 };

/** A (day, shift) of the last week with no log page yet: its page, opened by staff1. */
async function recentPage(site, shift) {
  for (let back = 1; back <= 6; back++) {
    const day = await sqlOne(`SELECT DATE_FORMAT(CURDATE() - INTERVAL ${back} DAY, '%Y-%m-%d')`);
    let dayId = await sqlOne(`SELECT id FROM log_days WHERE site_id=${site} AND day='${day}'`);
    // Neither this shift nor the next (中班) has a page that day.
    if (dayId && (await sqlOne(`SELECT COUNT(*) FROM log_pages p JOIN shifts s ON s.id=p.shift_id WHERE p.day_id=${dayId} AND s.name IN (${q(shift)}, '中班')`)) !== '0') continue;
    if (!dayId) dayId = await sqlOne(`INSERT INTO log_days (site_id, day) VALUES (${site}, '${day}'); SELECT LAST_INSERT_ID();`);
    await sql(`UPDATE log_days SET status='open' WHERE id=${dayId}`);
    const id = await sqlOne(`INSERT INTO log_pages (site_id, day_id, shift_id, opened_by, lead_id, opened_at)
      SELECT ${site}, ${dayId}, s.id, u.id, u.id, NOW() - INTERVAL 300 MINUTE FROM shifts s, users u
       WHERE s.site_id=${site} AND s.name=${q(shift)} AND u.username='staff1'; SELECT LAST_INSERT_ID();`);
    return { id, dayId, day };
  }
  throw new Error('no free shift in the last week');
}

describe('handover in the browser', T, () => {
  let browser, ch, lp;
  const complaint = '5 栋业主投诉楼上漏水 ' + uniq('');

  before(async () => {
    browser = await launch();
    ch = await siteId('CH');
    lp = await recentPage(ch, '早班');
    // The open complaint, written through the log's form.
    const c = await login('staff1');
    const now = await serverNow();
    const cat = await sqlOne(`SELECT id FROM log_categories WHERE site_id=${ch} AND active=1 ORDER BY id LIMIT 1`);
    const r = await c.post(`/log/page/${lp.id}/entries`, {
      occurred_date: now.date, occurred_time: now.time, category_id: cat, location: '5 栋 302', what: complaint,
      handling: '已通知工程部', followup: '明日上门查看', status: 'open', form_key: crypto.randomBytes(16).toString('hex'),
      _csrf: await csrfToken(c),
    });
    assert.equal(r.status, 303);
  });
  after(async () => { await browser?.close(); });

  test('staff1 hands over; staff2 refuses; the supervisor decides; staff2 accepts; carried; printed', async () => {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await signInUI(page, 'staff1');
    await page.locator('nav a[href="/handover"]').first().click();
    await page.waitForURL((u) => u.pathname === '/handover');
    const row = page.locator('ul.ho-pages li', { has: page.locator(`a[href="/log/page/${lp.id}"]`) });
    await submitAndWait(page, () => row.getByRole('button', { name: '开始交接班' }).click());
    assert.match(new URL(page.url()).pathname, /^\/handover\/\d+$/);
    const id = new URL(page.url()).pathname.split('/').pop();
    let main = await page.locator('main').innerText();
    assert.ok(main.includes(complaint), 'the open complaint is listed without retyping');
    await page.fill('#notes', '对讲机少一台，保安队长借用未还；5 栋漏水投诉待工程部上门');
    await page.fill('#repairs', '1 栋大堂门禁维修中');
    await submitAndWait(page, () => page.getByRole('button', { name: '保存说明' }).click());
    // staff2 refuses on staff1's screen.
    await page.fill('#reason', '对讲机少一台，去向未说明');
    await page.fill('#r_incoming', 'staff2');
    await page.fill('#r_password', 'demo-password');
    await submitAndWait(page, () => page.getByRole('button', { name: '拒绝接班并报告主管' }).click());
    main = await page.locator('main').innerText();
    assert.ok(main.includes('接班人拒绝接班') && main.includes('等待主管处理'), 'refused, waiting for the supervisor');
    assert.equal(await page.locator('#accept').count(), 0, 'no accepting while refused');
    await shot(page, 'handover-refused');
    // The supervisor, elsewhere, decides from the alerts.
    const sctx = await newContext(browser);
    const sp = await sctx.newPage();
    await signInUI(sp, 'supervisor');
    await sp.goto('/handover/alerts');
    await sp.locator(`a[href="/handover/${id}#decide"]`).click();
    await sp.fill('#decision', '对讲机由保安队长借用，已电话确认，同意接班，明早归还');
    await submitAndWait(sp, () => sp.getByRole('button', { name: '记录处理意见' }).click());
    assert.ok((await sp.locator('main').innerText()).includes('主管已处理'));
    await sctx.close();
    // staff2 counts: one radio short, explained; both sign.
    await page.goto(`/handover/${id}`);
    const items = await sql(`SELECT id, name, expected FROM handover_items WHERE site_id=${ch} AND active=1 ORDER BY sort_order`);
    for (const [iid, name, expected] of items) {
      if (name === '对讲机') {
        await page.fill(`#count-${iid}`, String(Number(expected) - 1));
        await page.fill(`input[name="expl_${iid}"]`, '保安队长借用');
        await page.fill(`input[name="answer_${iid}"]`, '保安队长');
      } else {
        await page.fill(`#count-${iid}`, expected);
      }
    }
    await page.fill('#arrived', '12:48');
    await page.fill('#incoming', 'staff2');
    await page.fill('#in_password', 'demo-password');
    await page.fill('#out_password', 'demo-password');
    await shot(page, 'handover-accept-form');
    await submitAndWait(page, () => page.getByRole('button', { name: '确认接班并签字' }).click());
    main = await page.locator('main').innerText();
    assert.ok(main.includes('已接班'), 'accepted');
    assert.ok(main.includes('王芳') && main.includes('李明'), 'both names');
    assert.ok(main.includes('提前 12 分钟'), 'arrival against the rule');
    assert.equal(await sqlOne(`SELECT status FROM log_pages WHERE id=${lp.id}`), 'closed');
    // At 390 px the record fits.
    await page.setViewportSize({ width: 390, height: 800 });
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 392), 'no sideways scrolling at 390 px');
    await shot(page, 'handover-accepted-390');
    // The next shift's page shows the carried complaint.
    const next = await sqlOne(`INSERT INTO log_pages (site_id, day_id, shift_id, opened_by, lead_id, opened_at)
      SELECT ${ch}, ${lp.dayId}, s.id, u.id, u.id, NOW() FROM shifts s, users u
       WHERE s.site_id=${ch} AND s.name='中班' AND u.username='staff2'; SELECT LAST_INSERT_ID();`);
    await page.goto(`/log/page/${next}`);
    assert.ok((await page.locator('section.carried').innerText()).includes(complaint), 'carried to the next shift');
    // The printed form on A4.
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.goto(`/handover/${id}/print`);
    const sheet = await page.locator('article.sheet').innerText();
    for (const s of ['交接班记录表', 'JB-', '对讲机', '保安队长', complaint]) assert.ok(sheet.includes(s), `print shows ${s}`);
    const pdf = path.join(SCREENS, 'handover-print.pdf');
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    await ctx.close();
  });
});
