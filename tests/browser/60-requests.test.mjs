// Resident requests in Chromium, the story (issue 6): staff1 registers a phone
// complaint about a leaking pipe and dispatches it to 工程维修部; the department's user sees
// it on their home page and marks it done; staff2 calls back with score 2, which reopens it;
// done again, a callback with 5 lets staff2 close it. A major complaint goes to the manager
// and, once its time passed, to the director, who decides. The printed work order as an A4
// PDF whose QR code reads /r/<GD number>; the request page at 390 px.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readdirSync, rmSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { launch, newContext, shot, signInUI, submitAndWait, SCREENS } from '../lib/browser.mjs';
import { login, loginNew, uniq, siteId, sql, sqlOne, q, brief } from '../lib/http.mjs';

const execFileP = promisify(execFile);
const T = { timeout: 240000 };

describe('resident requests in the browser', T, () => {
  let browser, ch, dept, deptUser, reqId, orderId;
  const leak = '厨房水管漏水，楼下天花板渗水 ' + uniq('');

  before(async () => {
    browser = await launch();
    ch = await siteId('CH');
    dept = await sqlOne(`SELECT id FROM departments WHERE site_id=${ch} AND name='工程维修部'`);
    // The department's user, made by the admin (its first password changed over HTTP).
    const admin = await login('admin');
    const username = uniq('wx');
    const password = 'Passw0rd-' + uniq('p');
    const r = await admin.submit('/admin/users/new', {
      username, display_name: '维修工' + username.slice(-3), site_id: ch, roles: ['dept'],
      department_id: dept, lang: 'zh-CN', phone: '', password,
    });
    assert.equal(r.status, 303, brief(r));
    deptUser = { username, password: (await loginNew(username, password)).password };
    // A resident of 1-0302 to find by the unit.
    await sql(`INSERT INTO residents (site_id, unit_id, name, phone, kind)
      SELECT ${ch}, id, ${q('赵业主' + uniq('').slice(-3))}, '13700001111', 'owner' FROM units WHERE site_id=${ch} AND code='1-0302'`);
  });

  after(async () => { await browser?.close(); });

  async function as(username, password) {
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await signInUI(page, username, password);
    return { ctx, page };
  }

  test('staff1 registers a phone complaint and dispatches it to 工程维修部', async () => {
    const { ctx, page } = await as('staff1');
    await page.goto('/requests');
    await page.getByRole('link', { name: '来人来电来访登记' }).first().click();
    await page.fill('#find', '1-0302');
    await page.getByRole('button', { name: '查找' }).click();
    await page.locator('input[name="resident_id"]').nth(1).check();
    await page.selectOption('#channel', 'phone');
    await page.selectOption('#type', 'complaint');
    await page.fill('#rings', '2');
    await page.fill('#unit', '1-0302');
    await page.fill('#description', leak);
    await shot(page, 'requests-new');
    await submitAndWait(page, () => page.getByRole('button', { name: '登记' }).click());
    reqId = /\/requests\/(\d+)$/.exec(new URL(page.url()).pathname)[1];
    let main = await page.locator('main').innerText();
    assert.ok(main.includes('已登记') && main.includes(leak), 'registered, with the description');
    const number = await sqlOne(`SELECT number FROM requests WHERE id=${reqId}`);
    assert.ok(main.includes(number), `the page shows ${number}`);
    await page.selectOption('#d_dept', { label: '工程维修部' });
    await page.fill('#d_note', '请今天上门查看');
    await submitAndWait(page, () => page.getByRole('button', { name: '派单' }).last().click());
    main = await page.locator('main').innerText();
    assert.ok(main.includes('已派单') && main.includes('工程维修部'), 'dispatched to 工程维修部');
    orderId = await sqlOne(`SELECT id FROM work_orders WHERE request_id=${reqId}`);
    await shot(page, 'requests-dispatched');
    await ctx.close();
  });

  async function deptMarksDone(result) {
    const { ctx, page } = await as(deptUser.username, deptUser.password);
    // The home page lists the department's open orders, soonest due first.
    assert.ok(await page.locator('#panel-req-dept').isVisible(), 'the department\'s panel');
    const open = await sqlOne(`SELECT id FROM work_orders WHERE request_id=${reqId} AND status IN ('dispatched','in_progress') ORDER BY id DESC LIMIT 1`);
    await page.getByRole('link', { name: '全部工单' }).click();
    await page.click(`a[href="/requests/orders/${open}"]`);
    await submitAndWait(page, () => page.getByRole('button', { name: '开始处理' }).click());
    await page.fill('#technician', '钱师傅');
    await page.fill('#result', result);
    await page.fill('#materials', '水管接头 1 个');
    await submitAndWait(page, () => page.getByRole('button', { name: '完成' }).click());
    assert.ok((await page.locator('main').innerText()).includes('已完成'));
    await ctx.close();
  }

  async function callBack(score, words) {
    const { ctx, page } = await as('staff2');
    await page.goto(`/requests/${reqId}`);
    await page.check('input[name="cb_reached"][value="yes"]');
    await page.fill('#cb_score', String(score));
    await page.fill('#cb_words', words);
    await submitAndWait(page, () => page.getByRole('button', { name: '记录回访' }).last().click());
    return { ctx, page };
  }

  test('the department marks it done; staff2 calls back with 2, which reopens it', async () => {
    await deptMarksDone('更换接头');
    const { ctx, page } = await callBack(2, '还在滴水');
    const main = await page.locator('main').innerText();
    assert.ok(main.includes('重新处理') && main.includes('已派单'), 'reopened and dispatched again');
    assert.equal(await sqlOne(`SELECT COUNT(*) FROM work_orders WHERE request_id=${reqId} AND department_id=${dept}`), '2');
    await shot(page, 'requests-reopened');
    await ctx.close();
  });

  test('done again, a callback with 5; staff2 closes it', async () => {
    await deptMarksDone('更换整段水管，已试水');
    const { ctx, page } = await callBack(5, '修好了，谢谢');
    assert.ok((await page.locator('main').innerText()).includes('已回访'));
    await page.fill('#cl_note', '住户满意');
    await submitAndWait(page, () => page.getByRole('button', { name: '关闭', exact: true }).click());
    const main = await page.locator('main').innerText();
    await shot(page, 'requests-close-attempt');
    assert.ok(main.includes('已关闭'), 'closed');
    assert.equal(await sqlOne(`SELECT status FROM requests WHERE id=${reqId}`), 'closed');
    await page.setViewportSize({ width: 390, height: 800 });
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 392), 'no sideways scrolling at 390 px');
    await shot(page, 'requests-closed-390');
    await ctx.close();
  });

  test('a major complaint goes to the manager, then to the director, who decides', async () => {
    const s = await as('staff1');
    await s.page.goto('/requests/new');
    await s.page.selectOption('#type', 'complaint');
    await s.page.fill('#unit', '1-0302');
    await s.page.fill('#caller_name', '孙先生');
    await s.page.fill('#caller_phone', '138 0013 8000');
    await s.page.fill('#description', '电梯困人半小时无人处理 ' + uniq(''));
    await s.page.check('input[name="major"]');
    await submitAndWait(s.page, () => s.page.getByRole('button', { name: '登记' }).click());
    const id = /\/requests\/(\d+)$/.exec(new URL(s.page.url()).pathname)[1];
    await s.ctx.close();
    const m = await as('manager');
    assert.ok(await m.page.locator(`#panel-requests a[href="/requests/${id}"]`).count() > 0, 'on the manager\'s home page');
    await m.ctx.close();
    // The manager let the time pass.
    await sql(`UPDATE req_escalations SET decide_due = NOW() - INTERVAL 1 MINUTE WHERE request_id=${id} AND level=1`);
    const d = await as('director');
    const link = d.page.locator(`#panel-requests a[href="/requests/${id}"]`);
    const ahead = await sqlOne(`SELECT COUNT(*) FROM req_escalations WHERE site_id=${ch} AND status='pending'
      AND (role & 8) <> 0 AND decide_due < (SELECT decide_due FROM req_escalations WHERE request_id=${id} AND level=2)`);
    if (Number(ahead) < 8) {
      // The home page lists the 8 most urgent steps waiting for the director.
      assert.ok(await link.count() > 0, 'on the director\'s home page as soon as they look');
      await link.first().click();
    } else {
      await d.page.goto(`/requests/${id}`);
    }
    await d.page.fill('#dc_decision', '立即约谈电梯维保单位，向业主致歉');
    await submitAndWait(d.page, () => d.page.getByRole('button', { name: '记录决定' }).click());
    const main = await d.page.locator('main').innerText();
    assert.ok(main.includes('已决定') && main.includes('立即约谈电梯维保单位'), 'decided');
    assert.deepEqual(await sql(`SELECT level, status FROM req_escalations WHERE request_id=${id} ORDER BY level`),
      [['1', 'escalated'], ['2', 'decided']]);
    await shot(d.page, 'requests-decided');
    await d.ctx.close();
  });

  test('the printed work order (A4 PDF) has its GD number and a QR code to /r/<number>', async () => {
    const { ctx, page } = await as('staff1');
    await page.goto(`/requests/orders/${orderId}/print`);
    const sheet = await page.locator('article.sheet').innerText();
    for (const s of ['GD-', '维修人', '业主确认', '客服', leak]) assert.ok(sheet.includes(s), `print shows ${s}`);
    const number = (await page.locator('.sheet-number').innerText()).trim();
    const pdf = path.join(SCREENS, 'requests-order.pdf');
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    const prefix = path.join(SCREENS, 'requests-order-page');
    for (const f of readdirSync(SCREENS)) if (f.startsWith('requests-order-page')) rmSync(path.join(SCREENS, f));
    await execFileP('pdftoppm', ['-r', '150', '-gray', '-png', pdf, prefix]);
    const pages = readdirSync(SCREENS).filter((f) => f.startsWith('requests-order-page') && f.endsWith('.png')).sort();
    assert.equal(pages.length, 1, 'one A4 page');
    const { stdout } = await execFileP('zbarimg', ['-q', path.join(SCREENS, pages[0])]).catch((e) => ({ stdout: e.stdout || '' }));
    const m = /QR-Code:(\S+)/.exec(stdout);
    assert.ok(m && m[1].endsWith(`/r/${number}`), `QR code reads /r/${number}: "${stdout}"`);
    await page.goto(m[1]);
    assert.equal(new URL(page.url()).pathname, `/requests/orders/${orderId}`);
    await ctx.close();
  });
});
