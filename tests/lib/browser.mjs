// Browser helpers: Debian's chromium driven by playwright-core (no downloaded browser).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { BASE, REPO, PASSWORD } from './http.mjs';

export const CHROMIUM = process.env.DD_CHROMIUM || '/usr/bin/chromium';
export const SCREENS = path.join(REPO, 'var', 'test-screens');
mkdirSync(SCREENS, { recursive: true });

export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    timeout: 30000,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function newContext(browser, opts = {}) {
  const ctx = await browser.newContext({ baseURL: BASE, locale: 'zh-CN', ...opts });
  ctx.setDefaultTimeout(10000);
  ctx.setDefaultNavigationTimeout(15000);
  return ctx;
}

export async function shot(page, name) {
  const file = path.join(SCREENS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Sign in through the form as a person would: type, click 登录. */
export async function signInUI(page, username, password = PASSWORD) {
  await page.goto('/login');
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await submitAndWait(page, () => page.getByRole('button', { name: '登录' }).click());
}

/** Click something that posts a form; wait for the POST's answer and the next page to load. */
export async function submitAndWait(page, click) {
  const [resp] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest()),
    click(),
  ]);
  const status = resp.status();
  if (status >= 300 && status < 400) {
    const to = new URL(resp.headers().location, resp.url());
    await page.waitForURL((u) => u.pathname === to.pathname);
  }
  await page.waitForLoadState('domcontentloaded');
  return resp;
}
