// Assertions shared by the HTTP tests.
import assert from 'node:assert/strict';
import { brief, htmlLang, textOf } from './http.mjs';

/** The headers every dynamic response must carry. */
export function assertSecurityHeaders(r) {
  const h = r.headers;
  const where = `${r.method} ${r.url} (${r.status})`;
  assert.equal(h.get('x-content-type-options'), 'nosniff', `X-Content-Type-Options on ${where}`);
  assert.equal(h.get('x-frame-options')?.toUpperCase(), 'DENY', `X-Frame-Options on ${where}`);
  assert.equal(h.get('referrer-policy'), 'same-origin', `Referrer-Policy on ${where}`);
  const csp = h.get('content-security-policy');
  assert.ok(csp, `Content-Security-Policy on ${where}`);
  assert.match(csp, /default-src 'self'/, `CSP default-src 'self' on ${where}: ${csp}`);
  const directives = Object.fromEntries(
    csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
      const [k, ...v] = d.split(/\s+/);
      return [k.toLowerCase(), v.join(' ')];
    }),
  );
  const scriptSrc = directives['script-src'] ?? directives['script-src-elem'] ?? directives['default-src'];
  assert.doesNotMatch(scriptSrc, /'unsafe-inline'/, `CSP must not allow inline scripts on ${where}: ${csp}`);
  assert.doesNotMatch(directives['default-src'], /'unsafe-inline'/, `CSP default-src without 'unsafe-inline' on ${where}`);
  const cc = h.get('cache-control') || '';
  assert.match(cc, /no-store/, `Cache-Control: no-store on ${where}; got "${cc}"`);
}

/** An HTML page in the layout: status, UTF-8 text/html, lang, and a text that must appear. */
export function assertPage(r, status, text, { lang = 'zh-CN' } = {}) {
  assert.equal(r.status, status, brief(r));
  const ct = r.headers.get('content-type') || '';
  assert.match(ct, /^text\/html/i, `Content-Type of ${r.method} ${r.url}: ${ct}`);
  assert.match(ct, /charset=utf-8/i, `charset of ${r.method} ${r.url}: ${ct}`);
  assert.equal(htmlLang(r.text), lang, `<html lang> of ${r.method} ${r.url}`);
  if (text) {
    for (const t of [].concat(text)) {
      assert.ok(textOf(r.text).includes(t), `page should contain "${t}": ${brief(r)}`);
    }
  }
}

/** 303 to `to` (path compare, query ignored if `prefix`). */
export function assertRedirect(r, to, { prefix = false } = {}) {
  assert.equal(r.status, 303, brief(r));
  let loc = r.location || '';
  if (/^https?:\/\//.test(loc)) { const u = new URL(loc); loc = u.pathname + u.search; }
  if (prefix) assert.ok(loc === to || loc.startsWith(to + '?'), `Location ${loc} should be ${to}[?...]`);
  else assert.equal(loc, to, `Location of ${r.method} ${r.url}`);
}
