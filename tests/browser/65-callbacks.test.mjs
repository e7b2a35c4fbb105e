// The callback desk in Chromium: staff1 drafts a callback plan for a building, the supervisor
// approves it, staff1 records the plan's callbacks (one not reached first, one unsatisfied),
// writes the next-day report (the day's callbacks listed for them), the supervisor reviews it
// with comments, staff1 corrects the summary and the correction shows as a stamp; the report
// is printed to an A4 PDF (and turned into a PNG to look at); the due list at 390 px.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { launch, newContext, shot, signInUI, submitAndWait, SCREENS } from '../lib/browser.mjs';
import { siteId, sql, sqlOne } from '../lib/http.mjs';
import { building, spareDay } from '../lib/callbacks.mjs';

const T = { timeout: 180000 };

describe('callbacks in the browser', T, () => {
  let browser, ch, b;
  before(async () => {
    browser = await launch();
    ch = await siteId('CH');
    b = await building(ch, 2);
  });
  after(async () => { await browser?.close(); });

  test('plan, calls, next-day report, review, correction stamp, printed', async () => {
    const staff = await (await newContext(browser)).newPage();
    const sup = await (await newContext(browser)).newPage();
    await signInUI(staff, 'staff1');
    await signInUI(sup, 'supervisor');

    // staff1 drafts the plan.
    await staff.locator('nav a[href="/callbacks"]').first().click();
    await staff.waitForURL((u) => u.pathname === '/callbacks');
    await staff.getByRole('link', { name: '客户回访计划' }).first().click();
    await staff.getByRole('link', { name: '新建回访计划' }).click();
    const title = `${b.name}维修回访`;
    await staff.fill('#title', title);
    await staff.fill('#purpose', '了解住户对本月维修服务的满意度');
    const inWeek = await sqlOne(`SELECT DATE_FORMAT(CURDATE() + INTERVAL 6 DAY, '%Y-%m-%d')`);
    await staff.fill('#to_day', inWeek);
    await staff.check('input[name="pick"][value="building"]');
    await staff.selectOption('#building', { label: b.name });
    await shot(staff, 'callbacks-plan-new');
    await submitAndWait(staff, () => staff.getByRole('button', { name: '保存为草稿' }).click());
    const planId = /\/callbacks\/plans\/(\d+)/.exec(staff.url())[1];
    let main = await staff.locator('main').innerText();
    assert.ok(main.includes('草稿') && main.includes(b.residents[0].name), 'a draft listing the residents');

    // The supervisor approves it.
    await sup.goto(`/callbacks/plans/${planId}`);
    await submitAndWait(sup, () => sup.getByRole('button', { name: '批准计划' }).click());
    assert.ok((await sup.locator('main').innerText()).includes('已批准'));

    // staff1 calls: the first resident is not reached, then reached and unsatisfied; the second satisfied.
    await staff.goto(`/callbacks?plan=${planId}`);
    const row = (name) => staff.locator('tr.cb-row', { hasText: name });
    await row(b.residents[0].name).getByRole('link', { name: '回访', exact: true }).click();
    await staff.check('input[name="reached"][value="no"]');
    await staff.fill('#note', '无人接听');
    await submitAndWait(staff, () => staff.getByRole('button', { name: '保存回访记录' }).click());
    await staff.goto(`/callbacks?plan=${planId}`);
    assert.ok((await row(b.residents[0].name).innerText()).includes('未接通 ×1'), 'still due, one attempt');
    await row(b.residents[0].name).getByRole('link', { name: '回访', exact: true }).click();
    await staff.check('input[name="reached"][value="yes"]');
    await staff.fill('#satisfaction', '7');
    await staff.fill('#words', '维修师傅迟到了一个小时');
    await submitAndWait(staff, () => staff.getByRole('button', { name: '保存回访记录' }).click());
    assert.ok((await staff.locator('.field.invalid').innerText()).includes('1 到 5'), 'satisfaction 7 refused beside the field');
    assert.equal(await staff.inputValue('#words'), '维修师傅迟到了一个小时', 'the words are kept');
    await staff.fill('#satisfaction', '2');
    await shot(staff, 'callbacks-record');
    await submitAndWait(staff, () => staff.getByRole('button', { name: '保存回访记录' }).click());
    await staff.goto(`/callbacks?plan=${planId}`);
    await row(b.residents[1].name).getByRole('link', { name: '回访', exact: true }).click();
    await staff.fill('#satisfaction', '5');
    await staff.fill('#words', '很满意，谢谢');
    await submitAndWait(staff, () => staff.getByRole('button', { name: '保存回访记录' }).click());
    main = await staff.locator('main').innerText();
    assert.ok(main.includes('已回访 2/2') && main.includes('已完成'), 'the plan is done: 2/2');

    // The report is written the next day: the calls are moved to a past day of their own, as
    // if they had been made then (the clock cannot be turned).
    const day = await spareDay(ch);
    await sql(`UPDATE callbacks SET called_at = TIMESTAMP('${day}', TIME(called_at)) WHERE plan_id=${planId}`);
    await staff.goto('/callbacks/reports');
    await staff.fill('#day', day);
    await staff.getByRole('button', { name: '写报告' }).click();
    await staff.waitForURL((u) => u.pathname === '/callbacks/reports/new');
    main = await staff.locator('main').innerText();
    assert.ok(main.includes('维修师傅迟到了一个小时') && main.includes('很满意，谢谢'), 'the day\'s calls are listed');
    assert.equal(await staff.locator('tr.cb-unsat').count(), 1, 'the unsatisfied call is highlighted');
    const summary = `回访 ${b.name} 2 户：1 户对维修迟到不满意，已转工程部主管。`;
    await staff.fill('#summary', summary);
    await submitAndWait(staff, () => staff.getByRole('button', { name: '提交报告' }).click());
    const repId = /\/callbacks\/reports\/(\d+)/.exec(staff.url())[1];

    // The supervisor reviews it.
    await sup.goto(`/callbacks/reports/${repId}`);
    await sup.fill('#comment', '请工程部说明迟到原因，三天内再回访。');
    await submitAndWait(sup, () => sup.getByRole('button', { name: '审阅签字' }).click());
    assert.ok((await sup.locator('main').innerText()).includes('已审阅'));

    // staff1 corrects the summary: a stamp over the original.
    await staff.goto(`/callbacks/reports/${repId}`);
    await staff.selectOption('#field', 'summary');
    await staff.fill('#text', summary + '工程部已道歉。');
    await staff.fill('#reason', '补记工程部的处理');
    await submitAndWait(staff, () => staff.getByRole('button', { name: '记录更正' }).click());
    const stamp = staff.locator('#summary aside.stamp');
    assert.equal(await stamp.count(), 1, 'one stamp');
    const st = await stamp.innerText();
    assert.ok(st.includes('补记工程部的处理') && st.includes('工程部已道歉'), 'the stamp names the reason and the new text');
    assert.equal(await stamp.locator('del').innerText(), summary, 'the original struck through, still readable');
    await shot(staff, 'callbacks-report-corrected');

    // Printed on A4.
    await staff.goto(`/callbacks/reports/${repId}/print`);
    const sheet = await staff.locator('article.sheet').innerText();
    for (const s of ['客户回访报告表', 'HF-', '填表人', '主管审阅', '维修师傅迟到了一个小时', '请工程部说明迟到原因', '补记工程部的处理']) {
      assert.ok(sheet.includes(s), `print shows ${s}`);
    }
    assert.equal(await staff.locator('.sheet-qr svg').count(), 1, 'the QR code');
    const pdf = path.join(SCREENS, 'callback-report-print.pdf');
    await staff.emulateMedia({ media: 'print' });
    await staff.pdf({ path: pdf, format: 'A4', printBackground: true });
    assert.ok(fs.statSync(pdf).size > 5000);
    try {
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, path.join(SCREENS, 'callback-report-print')]);
    } catch { /* poppler missing: the PDF is still there */ }
    await staff.emulateMedia({ media: 'screen' });

    // The due list at 390 px: no sideways scrolling of the page.
    await staff.setViewportSize({ width: 390, height: 800 });
    await staff.goto('/callbacks');
    assert.ok(await staff.evaluate(() => document.documentElement.scrollWidth <= 392), 'no sideways scrolling at 390 px');
    await shot(staff, 'callbacks-390');
  });
});
