#!/usr/bin/env python3
"""Crawls a running DutyDesk as several roles and writes what sqlmap should attack.

usage: security-targets.py BASE OUT.log ROUTES.txt [--seeds FILE] [--exclude REGEX]... ROLE=COOKIE...

A role is a label and the Cookie header of its requests: a signed-in session, or (signed out)
only the sign-in form's dd_csrf cookie, whose crawl finds the sign-in form and little else.
For each role, in the order given, a breadth-first crawl of same-origin HTML pages from the
seed pages (FILE, one path per line: records put in the states their forms hang on), "/",
and every GET route of the route tables (ROUTES.txt, lines "GET /path roles" as the
programs' --routes print them; patterns with ":id" are reached through links instead).
A page shape (path with its numbers replaced, plus the names of its query parameters) is
fetched at most PER_SHAPE (3) times per role, seed pages always, so a list of 3,000 requests
costs three pages, not 3,000; at most MAX_PAGES_PER_ROLE (600) pages per role.

Every distinct request that carries parameters becomes one target in OUT.log, in the Burp
proxy-log format that `sqlmap -l` reads, with the cookie of the first role that reached it:
  - a GET link or GET form with a query string;
  - a POST form (application/x-www-form-urlencoded), its fields filled from the page (hidden
    values, selected options, checked boxes) and an empty text field given a plausible value,
    so that the request passes validation as a user's would and reaches the SQL behind it;
    one variant per named submit button (sign or return, approve or reject).
Two forms are the same target when method, action shape, field names and button agree.
Multipart forms (uploads) are listed as skipped: their parser is fuzzed (tests/fuzz).

Prints "targets: pages=N get=N post=N skipped_multipart=N", per-role page counts and the POST
routes of the route tables that no crawled form reached, to stderr.
Only the standard library: runs with the python3 that Debian's sqlmap already needs.
"""
import datetime
import html.parser
import re
import sys
import urllib.error
import urllib.parse
import urllib.request

MAX_PAGES_PER_ROLE = 600
PER_SHAPE = 3


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def shape_of(path):
    """A path with every run of digits (ids, dates, unified numbers) replaced by N."""
    return re.sub(r"\d+", "N", path)


class PageParser(html.parser.HTMLParser):
    """Links and forms of one page, as plain data."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []
        self.forms = []
        self.form = None
        self.select = None
        self.textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif tag == "form":
            self.form = {"method": (a.get("method") or "get").lower(),
                         "action": a.get("action") or "",
                         "enctype": (a.get("enctype") or "").lower(),
                         "fields": [], "buttons": []}
            self.forms.append(self.form)
        elif self.form is None:
            return
        elif tag == "input" and a.get("name"):
            t = (a.get("type") or "text").lower()
            if t in ("submit", "image"):
                self.form["buttons"].append((a["name"], a.get("value") or ""))
            elif t in ("checkbox", "radio"):
                if "checked" in a:
                    self.form["fields"].append((a["name"], a.get("value") or "on", t))
                elif t == "radio" and not any(f[0] == a["name"] for f in self.form["fields"]):
                    self.form["fields"].append((a["name"], a.get("value") or "on", t))
            elif t == "file":
                self.form["enctype"] = "multipart/form-data"
            elif t not in ("button", "reset"):
                self.form["fields"].append((a["name"], a.get("value") or "", t))
        elif tag == "button" and a.get("name") and (a.get("type") or "submit") == "submit":
            self.form["buttons"].append((a["name"], a.get("value") or ""))
        elif tag == "select" and a.get("name"):
            self.select = {"name": a["name"], "first": None, "chosen": None}
        elif tag == "option" and self.select is not None:
            v = a.get("value")
            if v is not None and v != "" and self.select["first"] is None:
                self.select["first"] = v
            if "selected" in a and v is not None:
                self.select["chosen"] = v
        elif tag == "textarea" and a.get("name"):
            self.textarea = [a["name"], ""]

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "select" and self.select is not None:
            s, self.select = self.select, None
            if self.form is not None:
                v = s["chosen"] if s["chosen"] is not None else (s["first"] or "")
                self.form["fields"].append((s["name"], v, "select"))
        elif tag == "textarea" and self.textarea is not None:
            name, text = self.textarea
            self.textarea = None
            if self.form is not None:
                self.form["fields"].append((name, text, "textarea"))


def plausible(name, value, ftype):
    """The value a user would have typed into an empty field, so validation lets it through."""
    if value != "" or name == "_csrf":
        return value
    now = datetime.datetime.now()
    if ftype == "date" or re.search(r"(^|_)(date|day|from|to)$", name):
        return now.strftime("%Y-%m-%d")
    if ftype == "datetime-local" or name.endswith("_at"):
        return now.strftime("%Y-%m-%dT%H:%M")
    if ftype == "time":
        return "08:00"
    if ftype == "month" or name == "month":
        return now.strftime("%Y-%m")
    if ftype == "number" or re.search(r"(count|score|minutes|hours|rings|qty|n)$", name):
        return "1"
    if ftype in ("password",):
        return "scan-password-1"
    return "测试 scan"


def main(argv):
    base, out_path, routes_path = argv[1], argv[2], argv[3]
    excludes, roles, seed_file = [], [], None
    rest = argv[4:]
    while rest:
        if rest[0] == "--seeds":
            seed_file = rest[1]
            rest = rest[2:]
        elif rest[0] == "--exclude":
            excludes.append(re.compile(rest[1]))
            rest = rest[2:]
        else:
            role, cookie = rest[0].split("=", 1)
            roles.append((role, cookie))
            rest = rest[1:]
    origin = urllib.parse.urlsplit(base)
    seeds, post_routes = [], []
    if seed_file:
        seeds += [l.strip() for l in open(seed_file, encoding="utf-8") if l.startswith("/")]
    seed_set = set(seeds)
    seeds.append("/")
    for line in open(routes_path, encoding="utf-8"):
        parts = line.split()
        if len(parts) >= 2 and parts[0] == "GET" and ":" not in parts[1] and not parts[1].startswith("/_"):
            seeds.append(parts[1])
        elif len(parts) >= 2 and parts[0] == "POST":
            post_routes.append(parts[1])

    def excluded(url):
        return any(x.search(url) for x in excludes)

    targets, seen_targets = [], set()
    stats = {"pages": 0, "get": 0, "post": 0, "skipped_multipart": 0}

    def add(role_cookie, method, url, body=None):
        u = urllib.parse.urlsplit(url)
        q = urllib.parse.parse_qsl(u.query, keep_blank_values=True)
        if method == "GET" and not q:
            return
        names = sorted(n for n, _ in (q if method == "GET" else urllib.parse.parse_qsl(body or "", keep_blank_values=True)))
        key = (method, shape_of(u.path), tuple(names))
        if key in seen_targets or excluded(url):
            return
        seen_targets.add(key)
        targets.append((method, u.path + ("?" + u.query if u.query else ""), role_cookie, body))
        stats["get" if method == "GET" else "post"] += 1

    for role, cookie in roles:
        queue = list(seeds)
        shapes, fetched, pages = {}, set(), 0
        while queue and pages < MAX_PAGES_PER_ROLE:
            path = queue.pop(0)
            u = urllib.parse.urlsplit(path)
            shape = (shape_of(u.path), tuple(sorted(n for n, _ in urllib.parse.parse_qsl(u.query))))
            if path in fetched or excluded(base + path):
                continue
            if shapes.get(shape, 0) >= PER_SHAPE and path not in seed_set:
                continue
            fetched.add(path)
            shapes[shape] = shapes.get(shape, 0) + 1
            req = urllib.request.Request(base + path, headers={"Cookie": cookie})
            try:
                with OPENER.open(req, timeout=20) as r:
                    ctype = r.headers.get("Content-Type", "")
                    body = r.read().decode("utf-8", "replace") if "text/html" in ctype else ""
            except urllib.error.HTTPError:
                continue
            except OSError as e:
                print(f"targets: {role} {path}: {e}", file=sys.stderr)
                continue
            pages += 1
            if not body:
                continue
            p = PageParser()
            p.feed(body)
            page_url = base + path
            for href in p.links:
                full = urllib.parse.urljoin(page_url, href)
                fu = urllib.parse.urlsplit(full)
                if (fu.scheme, fu.netloc) != (origin.scheme, origin.netloc):
                    continue
                local = fu.path + ("?" + fu.query if fu.query else "")
                add(cookie, "GET", local)
                queue.append(local)
            for f in p.forms:
                action = urllib.parse.urljoin(page_url, f["action"] or path)
                au = urllib.parse.urlsplit(action)
                if (au.scheme, au.netloc) != (origin.scheme, origin.netloc):
                    continue
                if "multipart" in f["enctype"]:
                    stats["skipped_multipart"] += 1
                    continue
                fields = [(n, plausible(n, v, t)) for n, v, t in f["fields"]]
                variants = f["buttons"] or [None]
                for b in variants:
                    pairs = fields + ([b] if b else [])
                    if f["method"] == "post":
                        add(cookie, "POST", au.path, urllib.parse.urlencode(pairs))
                    else:
                        local = au.path + "?" + urllib.parse.urlencode(pairs)
                        add(cookie, "GET", local)
                        queue.append(local)
        stats["pages"] += pages
        print(f"targets: {role} pages={pages}", file=sys.stderr)

    host = origin.netloc
    with open(out_path, "w", encoding="utf-8") as out:
        for method, target, cookie, body in targets:
            out.write("=" * 54 + "\n")
            out.write(f"{method} {target} HTTP/1.1\nHost: {host}\nCookie: {cookie}\n")
            if method == "POST":
                data = body.encode("utf-8")
                out.write("Content-Type: application/x-www-form-urlencoded\n")
                out.write(f"Content-Length: {len(data)}\n\n{body}\n")
            else:
                out.write("\n")
            out.write("=" * 54 + "\n\n")
    print("targets: " + " ".join(f"{k}={v}" for k, v in stats.items()), file=sys.stderr)
    # Which POST routes of the route tables got a target: the rest are named, not hidden.
    posted = [t[1] for t in targets if t[0] == "POST"]
    missed = [p for p in post_routes
              if not any(re.fullmatch(re.sub(r":[a-z_]+", "[^/]+", p), t) for t in posted)]
    print(f"targets: post_routes={len(post_routes)} with_target={len(post_routes) - len(missed)}"
          f" without: {' '.join(missed)}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
