// Staff evaluation in Chromium (issue 8, part 2): the supervisor evaluates staff1 (李明) for a
// month — figures, scores, the overall comment — and signs; staff1 finds it under 值班评估
// and adds a remark; the supervisor corrects a score and the stamp shows over the original
// with the total following; the printed form (A4 PDF, its QR code read back by zbarimg) and
// the evaluation on a 390 px phone screen.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readdirSync, rmSync } from 'node:fs';
import { launch, newContext, shot, signInUI, submitAndWait, SCREENS } from '../lib/browser.mjs';
import { sql, sqlOne } from '../lib/http.mjs';

const execFileP = promisify(execFile);
const T = { timeout: 180000 };

describe('evaluation in the browser', T, () => {
  let browser, from, to, staff1, items;

  before(async () => {
    browser = await launch();
    staff1 = await sqlOne("SELECT id FROM users WHERE username='staff1'");
    // A month of the past years that staff1 has no evaluation for (the test may run again on
    // the same instance).
    for (;;) {
      const y = 2020 + Math.floor(Math.random() * 5);
      const m = String(1 + Math.floor(Math.random() * 12)).padStart(2, '0');
      [[from, to]] = await sql(`SELECT '${y}-${m}-01', DATE_FORMAT(LAST_DAY('${y}-${m}-01'), '%Y-%m-%d')`);
      if ((await sqlOne(`SELECT COUNT(*) FROM evaluations WHERE user_id=${staff1} AND period_from <= '${to}' AND period_to >= '${from}'`)) === '0') break;
    }
    items = (await sql(`SELECT i.id, i.name, i.max_score FROM eval_items i JOIN sites s ON s.id=i.site_id
      WHERE s.code='CH' AND i.active=1 ORDER BY i.sort_order, i.id`)).map(([id, name, max]) => ({ id, name, max: Number(max) }));
    assert.ok(items.length >= 3, 'the demo site has its checklist');
  });
  after(async () => { await browser?.close(); });

  test('evaluate, sign, remark, correct, print', async () => {
    const sup = await (await newContext(browser)).newPage();
    await signInUI(sup, 'supervisor');
    await sup.locator('nav a[href="/evaluations"]').first().click();
    await sup.waitForURL((u) => u.pathname === '/evaluations');
    await sup.getByRole('link', { name: '新建评估' }).click();
    await sup.waitForURL((u) => u.pathname === '/evaluations/new');
    await sup.locator('select#user').selectOption({ label: '李明' });
    await sup.locator('input#from').fill(from);
    await sup.locator('input#to').fill(to);
    await sup.getByRole('button', { name: '查看统计数据' }).click();
    await sup.waitForURL((u) => u.searchParams.get('user') === staff1);
    assert.ok((await sup.locator('section.eval-figures').innerText()).includes('排班班次'), 'the figures shown');
    await submitAndWait(sup, () => sup.getByRole('button', { name: '建立评估草稿' }).click());
    const id = /\/evaluations\/(\d+)$/.exec(sup.url())[1];
    assert.ok((await sup.locator('main, body').first().innerText()).includes('评估草稿已建立'), 'flash');

    // Scores: each item its maximum less one; the second item with a comment.
    const scores = items.map((it) => it.max - 1);
    for (const [i, it] of items.entries()) {
      await sup.locator(`input[name="score_${it.id}"]`).fill(String(scores[i]));
    }
    await sup.locator(`input[name="note_${items[1].id}"]`).fill('待客耐心');
    await sup.locator('textarea#comment').fill('本月表现良好，记录规范。');
    await submitAndWait(sup, () => sup.getByRole('button', { name: '保存评分' }).click());
    await submitAndWait(sup, () => sup.getByRole('button', { name: '签署', exact: true }).click());
    assert.equal((await sup.locator('.tag.ev-signed').first().innerText()).trim(), '已签署');
    const sum = scores.reduce((a, b) => a + b, 0);
    assert.equal((await sup.locator('#ev-total').innerText()).trim(), String(sum));
    await shot(sup, 'eval-signed');

    // staff1 finds it and adds a remark.
    const me = await (await newContext(browser)).newPage();
    await signInUI(me, 'staff1');
    await me.locator('nav a[href="/evaluations"]').first().click();
    await me.waitForURL((u) => u.pathname === '/evaluations');
    await me.locator(`a[href="/evaluations/${id}"]`).click();
    await me.waitForURL((u) => u.pathname === `/evaluations/${id}`);
    assert.equal((await me.locator('#ev-total').innerText()).trim(), String(sum));
    assert.equal(await me.locator('form[action$="/correct"]').count(), 0, 'no correction form for staff');
    await me.locator('textarea#remark-text').fill('谢谢主管，继续努力。');
    await submitAndWait(me, () => me.getByRole('button', { name: '提交意见' }).click());
    assert.ok((await me.locator('section.eval-remark').innerText()).includes('谢谢主管，继续努力。'));
    assert.equal(await me.locator('textarea#remark-text').count(), 0, 'the remark is given once');

    // The supervisor corrects the second item's score with a reason: the stamp shows.
    await sup.reload();
    await sup.locator('select#field').selectOption(`score:${items[1].id}`);
    await sup.locator('textarea#new_text').fill(String(items[1].max));
    await sup.locator('textarea#reason').fill('业主来信表扬，复核后加分');
    await submitAndWait(sup, () => sup.getByRole('button', { name: '记录更正' }).click());
    const stamp = sup.locator('.eval-scores aside.stamp');
    assert.equal(await stamp.count(), 1);
    const st = await stamp.innerText();
    assert.ok(st.includes('更正') && st.includes(`${scores[1]} → ${items[1].max}`) && st.includes('业主来信表扬'), st);
    assert.equal(await stamp.locator('del').innerText(), String(scores[1]), 'the original stays readable');
    assert.equal((await sup.locator('#ev-total').innerText()).trim(), String(sum + 1));
    await shot(sup, 'eval-corrected');
    // staff1 sees the correction too.
    await me.reload();
    assert.equal((await me.locator('#ev-total').innerText()).trim(), String(sum + 1));

    // The printed form on A4: number, QR code read back, the three signature boxes, the stamp.
    await sup.setViewportSize({ width: 1000, height: 800 });
    await sup.goto(`/evaluations/${id}/print`);
    const number = (await sup.locator('.sheet-number').innerText()).trim();
    assert.match(number, /^PG-\d{8}-\d{2,}-[0-9A-Z]$/);
    const sheet = await sup.locator('article.sheet').innerText();
    for (const s of ['值班表现评估表', '李明', '被评估人', '评估人', '客服经理', '谢谢主管', '业主来信表扬']) {
      assert.ok(sheet.includes(s), `print shows ${s}`);
    }
    assert.equal(await sup.locator('.sign-box').count(), 3);
    const pdf = path.join(SCREENS, 'eval-print.pdf');
    await sup.emulateMedia({ media: 'print' });
    await sup.pdf({ path: pdf, format: 'A4', printBackground: true });
    for (const f of readdirSync(SCREENS)) if (f.startsWith('eval-print-')) rmSync(path.join(SCREENS, f));
    await execFileP('pdftoppm', ['-png', '-r', '60', pdf, path.join(SCREENS, 'eval-print-60')]);
    await execFileP('pdftoppm', ['-png', '-r', '150', '-gray', '-f', '1', '-l', '1', pdf, path.join(SCREENS, 'eval-print-150')]);
    const pages = readdirSync(SCREENS).filter((f) => f.startsWith('eval-print-60') && f.endsWith('.png'));
    assert.equal(pages.length, 1, `one A4 page: ${pages}`);
    const big = readdirSync(SCREENS).find((f) => f.startsWith('eval-print-150') && f.endsWith('.png'));
    const { stdout } = await execFileP('zbarimg', ['-q', path.join(SCREENS, big)]).catch((e) => ({ stdout: e.stdout || '' }));
    assert.ok(/QR-Code:\S+\/r\//.test(stdout) && stdout.includes(number), `QR code names ${number}: "${stdout}"`);

    // On a phone: nothing wider than the screen.
    await me.setViewportSize({ width: 390, height: 800 });
    await me.reload();
    const overflow = await me.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `no horizontal scrolling at 390 px (${overflow} px too wide)`);
    await shot(me, 'eval-phone');
  });
});
