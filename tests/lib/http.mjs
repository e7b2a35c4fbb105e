// Small HTTP client for the DutyDesk tests: fetch with a cookie jar, manual
// redirects, form posts, and a few helpers (login, CSRF token, SQL).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';

const execFileP = promisify(execFile);

export const BASE = (process.env.DD_BASE || 'http://127.0.0.1:18080').replace(/\/$/, '');
export const REPO = process.env.DD_REPO || path.resolve(import.meta.dirname, '..', '..');
export const INSTANCE = process.env.DD_INSTANCE || path.join(REPO, 'var', 'test');
export const PORT = process.env.DD_PORT || new URL(BASE).port || '80';
export const PASSWORD = 'demo-password';
export const REQUEST_TIMEOUT_MS = Number(process.env.DD_REQUEST_TIMEOUT_MS || 15000);

/** A unique suffix so that repeated runs against one instance do not collide. */
export function uniq(prefix = 't') {
  const n = (Date.now() % 1e9).toString(36) + Math.floor(Math.random() * 1296).toString(36);
  return `${prefix}${n}`.toLowerCase();
}

/** Parse one Set-Cookie header into { name, value, attrs } (attrs keys lower-case). */
export function parseSetCookie(line) {
  const parts = line.split(';').map((s) => s.trim());
  const [nv, ...rest] = parts;
  const eq = nv.indexOf('=');
  const name = nv.slice(0, eq).trim();
  const value = nv.slice(eq + 1).trim();
  const attrs = {};
  for (const a of rest) {
    if (!a) continue;
    const i = a.indexOf('=');
    if (i < 0) attrs[a.toLowerCase()] = true;
    else attrs[a.slice(0, i).trim().toLowerCase()] = a.slice(i + 1).trim();
  }
  return { name, value, attrs, raw: line };
}

/** Encode a form: object values that are arrays become repeated fields. */
export function encodeForm(fields) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) for (const x of v) p.append(k, String(x));
    else p.append(k, String(v));
  }
  return p.toString();
}

export class Client {
  constructor() {
    this.jar = new Map(); // name -> value
    this.last = null;
  }

  cookie(name) {
    return this.jar.get(name);
  }

  setCookie(name, value) {
    if (value === undefined || value === null) this.jar.delete(name);
    else this.jar.set(name, value);
  }

  cookieHeader() {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /**
   * One request, redirects not followed. Returns
   * { status, headers, text, location, setCookies, url }.
   */
  async request(method, urlPath, { form, body, headers = {}, timeout = REQUEST_TIMEOUT_MS } = {}) {
    const url = urlPath.startsWith('http') ? urlPath : BASE + urlPath;
    const h = { ...headers };
    if (this.jar.size && !('cookie' in h) && !('Cookie' in h)) h.cookie = this.cookieHeader();
    let payload = body;
    if (form !== undefined) {
      payload = encodeForm(form);
      h['content-type'] = 'application/x-www-form-urlencoded';
    }
    let res;
    try {
      res = await fetch(url, {
        method,
        headers: h,
        body: payload,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeout),
      });
    } catch (e) {
      const cause = e.cause ? ` (${e.cause.code || e.cause.message || e.cause})` : '';
      throw new Error(`${method} ${url} failed: ${e.message}${cause}`);
    }
    const setCookies = res.headers.getSetCookie().map(parseSetCookie);
    for (const c of setCookies) {
      const expired =
        c.attrs['max-age'] !== undefined && Number(c.attrs['max-age']) <= 0 ||
        (c.attrs.expires && Date.parse(c.attrs.expires) < Date.now()) ||
        c.value === '';
      if (expired) this.jar.delete(c.name);
      else this.jar.set(c.name, c.value);
    }
    const text = await res.text();
    const r = {
      method,
      url,
      status: res.status,
      headers: res.headers,
      text,
      location: res.headers.get('location'),
      setCookies,
    };
    this.last = r;
    return r;
  }

  get(p, opts) {
    return this.request('GET', p, opts);
  }

  post(p, form, opts = {}) {
    return this.request('POST', p, { ...opts, form });
  }

  /** GET following up to `max` redirects; returns the final response (with .chain of statuses). */
  async follow(p, max = 5) {
    const chain = [];
    let r = await this.get(p);
    while ([301, 302, 303, 307, 308].includes(r.status) && chain.length < max) {
      chain.push({ status: r.status, location: r.location });
      r = await this.get(locPath(r.location));
    }
    r.chain = chain;
    return r;
  }

  /** GET a page, take its _csrf, POST the form with it. */
  async submit(pagePath, fields, { action } = {}) {
    const page = await this.get(pagePath);
    assert.equal(page.status, 200, `GET ${pagePath} should be 200 before submitting; got ${page.status}`);
    const token = csrfFrom(page.text);
    assert.ok(token, `no _csrf field on ${pagePath}`);
    return this.post(action || pagePath, { ...fields, _csrf: token });
  }
}

/** Path part of a Location header (absolute or relative). */
export function locPath(location) {
  if (!location) return location;
  if (/^https?:\/\//i.test(location)) {
    const u = new URL(location);
    return u.pathname + u.search;
  }
  return location;
}

// ---------------------------------------------------------------- HTML helpers

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', '#39': "'" };

export function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z0-9]+);/gi, (m, e) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(n) ? String.fromCodePoint(n) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** Visible-ish text of an HTML fragment (scripts/styles removed, tags stripped). */
export function textOf(html) {
  return decodeEntities(
    html
      .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<[^>]+>/g, ' '),
  ).replace(/\s+/g, ' ').trim();
}

/** Attributes of one start tag string. */
export function attrsOf(tag) {
  const out = {};
  const re = /([^\s=<>"'\/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
  const inner = tag.replace(/^<\s*[a-z0-9-]+/i, '').replace(/\/?>$/, '');
  let m;
  while ((m = re.exec(inner))) {
    out[m[1].toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return out;
}

/** All start tags of one element name, as { tag, attrs, index }. */
export function tags(html, name) {
  const re = new RegExp(`<${name}\\b[^>]*>`, 'gi');
  const out = [];
  let m;
  while ((m = re.exec(html))) out.push({ tag: m[0], attrs: attrsOf(m[0]), index: m.index });
  return out;
}

/** The value of the first hidden input named _csrf. */
export function csrfFrom(html) {
  const t = tags(html, 'input').find((x) => x.attrs.name === '_csrf');
  return t ? t.attrs.value : undefined;
}

/** The first form control (input/select/textarea) with this name: { tag, attrs, index }. */
export function control(html, name) {
  const all = [...tags(html, 'input'), ...tags(html, 'select'), ...tags(html, 'textarea')]
    .filter((x) => x.attrs.name === name)
    .sort((a, b) => a.index - b.index);
  return all[0];
}

/** Current value of a text input / textarea / select named `name`. */
export function inputValue(html, name) {
  const c = control(html, name);
  if (!c) return undefined;
  if (/^<textarea/i.test(c.tag)) {
    const end = html.indexOf('</textarea>', c.index);
    return decodeEntities(html.slice(c.index + c.tag.length, end));
  }
  if (/^<select/i.test(c.tag)) {
    const end = html.indexOf('</select>', c.index);
    const opts = tags(html.slice(c.index, end), 'option');
    const sel = opts.find((o) => 'selected' in o.attrs);
    return sel ? sel.attrs.value : undefined;
  }
  return c.attrs.value ?? '';
}

/** Values of the checked checkboxes named `name`. */
export function checkedValues(html, name) {
  return tags(html, 'input')
    .filter((x) => x.attrs.name === name && 'checked' in x.attrs)
    .map((x) => x.attrs.value);
}

/**
 * The validation message shown beside the control `name`: the text of a
 * `.field-error` inside the same `.field` container, or of the element right
 * after the control. Returns '' when there is none, undefined when there is
 * no such control.
 */
export function fieldError(html, name) {
  const c = control(html, name);
  if (!c) return undefined;
  // Start of the enclosing .field container: the last class="... field ..." before the control.
  const before = html.slice(0, c.index);
  const fieldRe = /<(div|p|fieldset|label|li)\b[^>]*\bclass\s*=\s*["'](?:[^"']*\s)?field(?:\s[^"']*)?["'][^>]*>/gi;
  let start = -1;
  let m;
  while ((m = fieldRe.exec(before))) start = m.index;
  // End: the next .field container start after the control (or the form end).
  fieldRe.lastIndex = 0;
  const after = html.slice(c.index + c.tag.length);
  const nextField = after.search(/<(div|p|fieldset|label|li)\b[^>]*\bclass\s*=\s*["'](?:[^"']*\s)?field(?:\s[^"']*)?["']/i);
  const formEnd = after.search(/<\/form>/i);
  const ends = [nextField, formEnd].filter((x) => x >= 0);
  const region = after.slice(0, ends.length ? Math.min(...ends) : after.length);
  const scope = (start >= 0 ? html.slice(start, c.index) : '') + region;
  const err = /<([a-z0-9]+)\b[^>]*\bclass\s*=\s*["'](?:[^"']*\s)?field-error(?:\s[^"']*)?["'][^>]*>([\s\S]*?)<\/\1>/i.exec(scope);
  if (err) return textOf(err[2]);
  // Fallback: the element right after the control.
  const next = /^\s*<([a-z0-9]+)\b([^>]*)>([\s\S]*?)<\/\1>/i.exec(region);
  if (next && /error|invalid|message|help/i.test(next[2])) return textOf(next[3]);
  return '';
}

/** The <html lang="..."> of a page. */
export function htmlLang(html) {
  const t = tags(html, 'html')[0];
  return t ? t.attrs.lang : undefined;
}

/** Whether an element with this id exists. */
export function hasId(html, id) {
  return new RegExp(`\\bid\\s*=\\s*["']${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']`).test(html);
}

/** A short excerpt of a response for assertion messages. */
export function brief(r) {
  const t = textOf(r.text || '').slice(0, 300);
  return `${r.method} ${r.url} -> ${r.status}${r.location ? ' Location: ' + r.location : ''} | ${t}`;
}

// --------------------------------------------------------------- stack / SQL

export async function stack(...args) {
  const env = { ...process.env, DD_INSTANCE: INSTANCE, DD_PORT: PORT };
  const { stdout } = await execFileP(path.join(REPO, 'scripts', 'stack.sh'), args, {
    env,
    cwd: REPO,
    timeout: 120000,
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

/** Run SQL through `scripts/stack.sh sql -N -e`; returns rows as arrays of strings. */
export async function sql(query) {
  const out = await stack('sql', '-N', '-e', query);
  return out
    .split('\n')
    .filter((l) => l.length)
    .map((l) => l.split('\t').map(unescapeBatch));
}

// mysql -N -e (batch mode) escapes \\, tab, newline and NUL in values.
function unescapeBatch(v) {
  return v.replace(/\\(.)/g, (m, c) => ({ n: '\n', t: '\t', '0': '\0', '\\': '\\' })[c] ?? m);
}

/** First column of the first row, or undefined. */
export async function sqlOne(query) {
  const rows = await sql(query);
  return rows.length ? rows[0][0] : undefined;
}

/** Quote a string for SQL (tests only ever pass their own values). */
export function q(s) {
  return `'${String(s).replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

// ------------------------------------------------------------------- sign-in

/** Sign in through the form; returns the response of the POST (303 expected). */
export async function signIn(client, username, password = PASSWORD) {
  const page = await client.get('/login');
  assert.equal(page.status, 200, `GET /login: ${brief(page)}`);
  const token = csrfFrom(page.text);
  assert.ok(token, 'GET /login has a hidden _csrf field');
  return client.post('/login', { username, password, _csrf: token });
}

/** A client signed in as `username`; asserts 303 to `/` (or `expect`). */
export async function login(username, password = PASSWORD, { expect = '/' } = {}) {
  const client = new Client();
  const r = await signIn(client, username, password);
  assert.equal(r.status, 303, `sign-in as ${username}: ${brief(r)}`);
  assert.equal(locPath(r.location), expect, `sign-in as ${username} redirects to ${expect}`);
  assert.ok(client.cookie('dd_session'), `sign-in as ${username} sets dd_session`);
  return client;
}

/**
 * Sign in as a user the tests created themselves. If the server sends a new
 * user to /me/password first, change the password there (to `password` + 'X')
 * and sign in again. Returns { client, password }.
 */
export async function loginNew(username, password) {
  const client = new Client();
  const r = await signIn(client, username, password);
  assert.equal(r.status, 303, `sign-in as ${username}: ${brief(r)}`);
  if (locPath(r.location) === '/me/password') {
    const np = password + 'X';
    const c = await client.submit('/me/password', {
      current_password: password,
      new_password: np,
      new_password2: np,
    });
    assert.ok([200, 303].includes(c.status), `change password: ${brief(c)}`);
    return { client: await login(username, np), password: np };
  }
  assert.equal(locPath(r.location), '/', `sign-in as ${username}: ${brief(r)}`);
  return { client, password };
}

// --------------------------------------------------------------------- admin

export async function siteId(code) {
  return sqlOne(`SELECT id FROM sites WHERE code=${q(code)}`);
}

export const ROLE_BITS = { staff: 1, supervisor: 2, manager: 4, director: 8, admin: 16 };

/**
 * Admin creates a user through POST /admin/users/new; asserts 303 to
 * /admin/users/<id> and returns { id, username, password, response }.
 */
export async function createUser(admin, fields = {}) {
  const username = fields.username || uniq('u');
  const password = fields.password || 'Passw0rd-' + uniq('p');
  const form = {
    username,
    display_name: fields.display_name || `测试用户${username.slice(-4)}`,
    site_id: fields.site_id || (await siteId('CH')),
    roles: fields.roles || ['staff'],
    lang: fields.lang || 'zh-CN',
    phone: fields.phone ?? '',
    password,
  };
  const r = await admin.submit('/admin/users/new', form);
  assert.equal(r.status, 303, `create user ${username}: ${brief(r)}`);
  const m = /^\/admin\/users\/(\d+)$/.exec(locPath(r.location) || '');
  assert.ok(m, `create user redirects to /admin/users/<id>; got ${r.location}`);
  return { id: m[1], username, password, form, response: r };
}

/** Poll `fn` until it returns truthy or `ms` passes; returns the last value. */
export async function poll(fn, { ms = 15000, every = 250 } = {}) {
  const end = Date.now() + ms;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = undefined;
    }
    if (Date.now() > end) return last;
    await new Promise((r) => setTimeout(r, every));
  }
}

/** Today's date in +08:00 (the site's time zone) as YYYY-MM-DD, shifted by `days`. */
export function ymd(days = 0) {
  const d = new Date(Date.now() + 8 * 3600e3 + days * 86400e3);
  return d.toISOString().slice(0, 10);
}

// ------------------------------------------------------- clock, forms, files

/**
 * The database's clock (the site's time zone), shifted by `minutes`:
 * { date: 'YYYY-MM-DD', time: 'HH:MM', at: 'YYYY-MM-DD HH:MM' }. Tests run at
 * any hour: take "now" from here, never from node's clock.
 */
export async function serverNow(minutes = 0) {
  const m = Math.trunc(Number(minutes));
  const [[date, time]] = await sql(
    `SELECT DATE_FORMAT(NOW() + INTERVAL ${m} MINUTE, '%Y-%m-%d'), DATE_FORMAT(NOW() + INTERVAL ${m} MINUTE, '%H:%i')`);
  return { date, time, at: `${date} ${time}` };
}

/** The session's _csrf token (read once from `path`, then cached on the client). */
export async function csrfToken(client, path = '/me') {
  if (client._csrf) return client._csrf;
  const r = await client.get(path);
  const t = csrfFrom(r.text);
  assert.ok(t, `no _csrf on ${path}: ${brief(r)}`);
  client._csrf = t;
  return t;
}

/**
 * POST multipart/form-data: `fields` as for a form (arrays repeat), `files` a list of
 * { field, name, type, data } (data a Buffer/Uint8Array).
 */
export function postMultipart(client, urlPath, fields = {}, files = []) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined || v === null) continue;
    for (const x of [].concat(v)) fd.append(k, String(x));
  }
  for (const f of files) {
    fd.append(f.field, new Blob([f.data], { type: f.type || 'application/octet-stream' }), f.name);
  }
  return client.request('POST', urlPath, { body: fd });
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function pngChunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/**
 * A valid PNG (RGB, width x height; `seed` changes the pixels, so two seeds are two
 * different pictures). `pad` adds a private ancillary chunk of that many bytes, to make
 * a real picture of a chosen size.
 */
export function pngBytes({ width = 4, height = 4, seed = 0, pad = 0 } = {}) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = y * (width * 3 + 1) + 1 + x * 3;
      raw[o] = (x * 40 + seed * 7) & 0xff;
      raw[o + 1] = (y * 40 + seed * 13) & 0xff;
      raw[o + 2] = (seed * 31 + x * y) & 0xff;
    }
  }
  const parts = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr)];
  if (pad > 0) parts.push(pngChunk('prVt', Buffer.alloc(pad, 0x2a)));
  parts.push(pngChunk('IDAT', zlib.deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0)));
  return Buffer.concat(parts);
}
