#!/usr/bin/env bash
# `make bench`: a fresh bench instance (var/bench, port 18090) with the demo data plus the large
# data set (scripts/bench-data.sql), then wrk against a few pages. One line per page:
#
#   bench: NAME rps=N p50_ms=N.NN p99_ms=N.NN [non2xx=N]
#
# A signed-in page with any non-2xx response fails the run (the session cookie was not
# accepted). The bench instance is stopped at the end; its data stays until `make reset`.
#
#   scripts/bench.sh [--quick] [--reuse]
#     --quick: 5 s per page instead of 10 s
#     --reuse: keep the bench instance's data if it holds the large data set already (a second
#              run while working on speed; the lines are then measured on a used database)
#   BENCH_ONLY="log-list log-create" scripts/bench.sh --reuse: only the lines named (and the
#              soak only if named "soak")
#
# To measure another page, add one line at the end: bench_page NAME PATH ["$MANAGER_COOKIE"].
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
export DD_INSTANCE=$ROOT/var/bench
export DD_PORT=${DD_BENCH_PORT:-18090}
unset DD_NO_DEMO
STACK=$ROOT/scripts/stack.sh
BASE=http://127.0.0.1:$DD_PORT
DURATION=10s
REUSE=0
BENCH_ONLY=${BENCH_ONLY:-}

for arg in "$@"; do
    case $arg in
        --quick) DURATION=5s ;;
        --reuse) REUSE=1 ;;
        *) echo "usage: scripts/bench.sh [--quick] [--reuse]" >&2; exit 2 ;;
    esac
done

die() { echo "bench: FAILED: $*" >&2; exit 1; }

TMP=$(mktemp -d)
cleanup() {
    rm -rf "$TMP"
    "$STACK" stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

# wrk counts only statuses >= 400 as errors; this script counts everything outside 2xx
# (a 302 to /login is what a rejected cookie looks like). Costs a few % of wrk's speed.
cat >"$TMP/count.lua" <<'EOF'
non2xx = 0
local threads = {}
function setup(thread) table.insert(threads, thread) end
function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end
function done(summary, latency, requests)
  local n = 0
  for _, t in ipairs(threads) do n = n + t:get("non2xx") end
  io.write(string.format("non2xx: %d\n", n))
end
EOF

# bench_page NAME PATH [COOKIE [CONNS]]: COOKIE is a Cookie header value, e.g.
# "dd_session=..."; CONNS the connections kept busy (32: the machine saturated).
bench_page() {
    local name=$1 path=$2 cookie=${3:-} conns=${4:-32} hdr=() code out line non2xx
    bench_wanted "$name" || return 0
    if [[ -n $cookie ]]; then
        hdr=(-H "Cookie: $cookie")
        code=$(curl -s -o /dev/null -w '%{http_code}' "${hdr[@]}" "$BASE$path")
        [[ $code == 200 ]] || die "$name: GET $path with the session cookie gives HTTP $code"
    fi
    out=$(wrk -t2 -c"$conns" -d"$DURATION" --latency -s "$TMP/count.lua" "${hdr[@]}" "$BASE$path") ||
        die "$name: wrk failed: $out"
    line=$(awk '
        function ms(v) {
            if (v ~ /us$/) return v / 1000
            if (v ~ /ms$/) return v + 0
            if (v ~ /m$/)  return v * 60000
            if (v ~ /s$/)  return v * 1000
            return v + 0
        }
        $1 == "50%" { p50 = ms($2) }
        $1 == "99%" { p99 = ms($2) }
        $1 == "Requests/sec:" { rps = $2 }
        $1 == "non2xx:" { bad = $2 }
        END {
            if (rps == "") exit 1
            printf "rps=%d p50_ms=%.2f p99_ms=%.2f", rps + 0.5, p50, p99
            if (bad > 0) printf " non2xx=%d", bad
        }' <<<"$out") || die "$name: cannot parse wrk output: $out"
    echo "bench: $name $line"
    non2xx=$(awk '$1 == "non2xx:" { print $2 }' <<<"$out")
    if [[ -n $cookie && ${non2xx:-0} -gt 0 ]]; then
        die "$name: $non2xx non-2xx responses on a signed-in page (session cookie not accepted?)"
    fi
}

# bench_wanted NAME...: whether any of the lines NAME is measured in this run (BENCH_ONLY).
bench_wanted() {
    local name
    [[ -z $BENCH_ONLY ]] && return 0
    for name in "$@"; do
        [[ " $BENCH_ONLY " == *" $name "* ]] && return 0
    done
    return 1
}

# sign_in USER: prints "dd_session=TOKEN" after a real form sign-in (CSRF cookie + field).
sign_in() {
    local user=$1 jar html csrf code session
    jar=$(mktemp -p "$TMP" "jar-$1.XXXXXX")   # a fresh jar: a signed-in one gets no sign-in form
    html=$(curl -s -c "$jar" -b "$jar" "$BASE/login")
    csrf=$(grep -o '<input[^>]*name="_csrf"[^>]*>' <<<"$html" | head -n 1 |
           sed -n 's/.*value="\([^"]*\)".*/\1/p')
    [[ -n $csrf ]] || die "sign-in: no _csrf field on /login"
    code=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" \
        --data-urlencode "username=$user" --data-urlencode "password=demo-password" \
        --data-urlencode "_csrf=$csrf" "$BASE/login")
    session=$(awk '$6 == "dd_session" { print $7 }' "$jar" | tail -n 1)
    [[ -n $session ]] || die "sign-in as $user: POST /login gave HTTP $code and no dd_session cookie"
    echo "dd_session=$session"
}

# shellcheck source=scripts/bench-log.sh
. "$ROOT/scripts/bench-log.sh"

command -v wrk >/dev/null || die "wrk missing (scripts/deps.sh)"
# settle: the rows just loaded are still in the buffer pool, waiting to be written out; the
# page cleaner would do it during the first lines measured (with the 1G pool, most of a
# million entries). Write them out now (no dirty page allowed while waiting), then measure.
settle() {
    local start=$SECONDS dirty
    "$STACK" sql -e 'SET GLOBAL innodb_max_dirty_pages_pct = 0'
    while dirty=$("$STACK" sql -N -e "SELECT variable_value FROM information_schema.global_status
                  WHERE variable_name = 'INNODB_BUFFER_POOL_PAGES_DIRTY'") &&
          ((dirty > 100 && SECONDS - start < 300)); do
        sleep 1
    done
    "$STACK" sql -e 'SET GLOBAL innodb_max_dirty_pages_pct = DEFAULT'
    echo "bench-data: written out in $((SECONDS - start)) s ($dirty pages left dirty)"
}
# --reuse: a running or stopped bench instance with the duty log's million entries is kept.
if ((REUSE)) && "$STACK" start >/dev/null 2>&1 &&
   (($("$STACK" sql -N -e 'SELECT COUNT(*) FROM log_entries' 2>/dev/null || echo 0) >= 1000000)); then
    echo "bench-data: reused ($("$STACK" sql -N -e 'SELECT COUNT(*) FROM log_entries') log entries)"
else
    "$STACK" reset
    "$STACK" start
    start=$SECONDS
    "$STACK" sql -N -s <"$ROOT/scripts/bench-data.sql" >/dev/null || die "loading bench-data.sql"
    echo "bench-data: loaded in $((SECONDS - start)) s ($("$STACK" sql -N -e \
        'SELECT CONCAT((SELECT COUNT(*) FROM users), " users, ", (SELECT COUNT(*) FROM units),
         " units, ", (SELECT COUNT(*) FROM audit_log), " audit rows")'))"

    start=$SECONDS
    "$STACK" sql -N -s <"$ROOT/scripts/bench-data-log.sql" >/dev/null || die "loading bench-data-log.sql"
    echo "bench-data: duty log loaded in $((SECONDS - start)) s ($("$STACK" sql -N -e \
        'SELECT CONCAT((SELECT COUNT(*) FROM sites), " sites, ", (SELECT COUNT(*) FROM log_pages),
         " shift pages, ", (SELECT COUNT(*) FROM log_entries), " log entries")'))"
    settle
fi

MANAGER_COOKIE=$(sign_in manager)

bench_page baseline /_ok
bench_page home / "$MANAGER_COOKIE"
# The lightest signed-in page: the session lookup is its only query.
bench_page me /me "$MANAGER_COOKIE"
bench_page audit /admin/audit "$MANAGER_COOKIE"

# The duty log: its list (newest entries of the manager's site, a page of 20) and the
# entry-creating POST.
bench_page log-list /log/entries "$MANAGER_COOKIE"
# The same list at 4 requests in flight (our estimate of 50 sites' duty desks at their
# busiest, not a measurement): its latency is closer to the page's own time than at 32,
# where a request queues behind 31 others on two cores shared with MariaDB, nginx and wrk.
bench_page log-list-c4 /log/entries "$MANAGER_COOKIE" 4
! bench_wanted log-create || bench_log_create

# Staff evaluation: a draft of staff1 for this month, whose figures are counted from the
# records on every view (roster, log entries and pages, handovers, requests, callbacks), and
# the list of evaluations.
if bench_wanted eval-draft eval-list; then
    EVAL_ID=$("$STACK" sql -N -e "INSERT INTO evaluations (site_id, user_id, period_from, period_to,
        evaluator_id, comment, figures, staff_remark) SELECT u.site_id, u.id, DATE_FORMAT(CURDATE(),
        '%Y-%m-01'), LAST_DAY(CURDATE()), s.id, '', '{}', '' FROM users u, users s
        WHERE u.username = 'staff1' AND s.username = 'supervisor'; SELECT LAST_INSERT_ID();") ||
        die "eval: cannot make the draft"
    bench_page eval-draft "/evaluations/$EVAL_ID" "$MANAGER_COOKIE"
    bench_page eval-list /evaluations "$MANAGER_COOKIE"
fi

# The roster generator (no HTTP): 60 staff x 3 shifts x 31 days, best of 5 runs.
if bench_wanted roster-generate; then
    ROSTER_MS=$("$ROOT/build/bin/roster-bench") || die "roster-generate: build/bin/roster-bench failed"
    echo "bench: roster-generate ms=$ROSTER_MS"
fi

# ---- reliability: the soak ----------------------------------------------------------------
# A mixed read/write load at a fixed concurrency for SOAK_SECONDS (default 180; --quick: 60):
# the manager reads a page of every area (home, departments, audit, profile, duty log search,
# handover, roster, requests, callbacks, KPIs, evaluations, batch print); 1 request in 10 is
# the admin creating a department through the real form (POST /admin/departments/new with the
# session's _csrf) in a site made for the soak, and 2 in 10 are staff1 registering a phone
# inquiry at the demo site (POST /requests/new: a request, its unified number, its duty-log
# line, its timeline, the report summaries and the audit row in one transaction). The pages
# read keep their size (lists are paged; the department lists are of the soak site), so
# memory growth means a leak, not a longer list.
# Afterwards every acknowledged write (303) must be in the database with its audit row (a
# request also with its number and its duty-log line), and
# the workers' memory (summed RSS of this instance's FastCGI workers, measured after a warm-up
# and after the soak) must not have grown. One line:
#   bench: soak requests=N errors=N acked_writes=N lost_writes=N rss_kb_before=N rss_kb_after=N
SOAK_SECONDS=${SOAK_SECONDS:-180}
[[ $DURATION == 5s ]] && SOAK_SECONDS=${SOAK_QUICK_SECONDS:-60}
SOAK_CONNS=${SOAK_CONNS:-8}

# Summed VmRSS (kB) of the children of this instance's ddsup, and their pids.
workers_rss() {
    local sup pid sum=0 pids=()
    sup=$(cat "$DD_INSTANCE/run/ddsup.pid")
    for pid in $(pgrep -P "$sup"); do
        sum=$((sum + $(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0)))
        pids+=("$pid")
    done
    echo "$sum ${pids[*]}"
}

cat >"$TMP/soak.lua" <<'LUA'
local threads = {}
local paths = { "/", "/admin/departments", "/admin/audit", "/me", "/admin/audit?entity=department",
  "/log/entries", "/handover", "/roster", "/requests", "/callbacks", "/reports/kpi", "/evaluations",
  "/forms/print" }
counter, acked, bad = 0, 0, 0
function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end
function init(args)
  cookie, wcookie, csrf, prefix, site = args[1], args[2], args[3], args[4], args[5]
  scookie, scsrf, stamp, day, hm = args[6], args[7], tonumber(args[8]), args[9], args[10]
end
function request()
  counter = counter + 1
  if counter % 10 == 1 or counter % 10 == 6 then
    -- form_key: 32 hex digits, unique per request of the run
    local key = string.format("%08x%08x%016x", stamp, tid, counter)
    local body = "channel=phone&type=inquiry&anonymous=1&urgency=normal&rings=2" ..
      "&description=" .. prefix .. "-" .. tid .. "-" .. counter ..
      "&received_date=" .. day .. "&received_time=" .. hm .. "&form_key=" .. key ..
      "&_csrf=" .. scsrf
    return wrk.format("POST", "/requests/new",
      { ["Cookie"] = scookie, ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
  end
  if counter % 10 == 3 then
    local body = "name=" .. prefix .. "-" .. tid .. "-" .. counter .. "&phone=1&site_id=" .. site ..
      "&_csrf=" .. csrf
    return wrk.format("POST", "/admin/departments/new",
      { ["Cookie"] = wcookie, ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
  end
  return wrk.format("GET", paths[(counter % #paths) + 1], { ["Cookie"] = cookie })
end
function response(status, headers, body)
  if status == 303 then acked = acked + 1 elseif status ~= 200 then bad = bad + 1 end
end
function done(summary, latency, requests)
  local a, b = 0, 0
  for _, t in ipairs(threads) do a = a + t:get("acked"); b = b + t:get("bad") end
  local e = summary.errors
  io.write(string.format("soak: requests=%d acked=%d bad=%d sockerr=%d\n", summary.requests, a, b,
    e.connect + e.read + e.write + e.timeout))
end
LUA

soak() {
    local cookie wcookie csrf site code prefix out rss0 rss1 pids0 pids1 requests acked bad sockerr rows half lost
    local scookie scsrf stamp day hm reqs reqs_bad
    cookie=$MANAGER_COOKIE   # signed in above
    wcookie=$(sign_in admin)
    csrf=$(curl -s -H "Cookie: $wcookie" "$BASE/admin/sites/new" |
           grep -o '<input[^>]*name="_csrf"[^>]*>' | head -n 1 | sed -n 's/.*value="\([^"]*\)".*/\1/p')
    [[ -n $csrf ]] || die "soak: no _csrf on /admin/sites/new"
    code=SOAK$((RANDOM % 9000 + 1000))
    [[ $(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $wcookie" --data-urlencode "code=$code" \
         --data-urlencode "name=压测小区$code" --data-urlencode "_csrf=$csrf" "$BASE/admin/sites/new") == 303 ]] ||
        die "soak: cannot create the soak site"
    site=$("$STACK" sql -N -e "SELECT id FROM sites WHERE code='$code'")
    scookie=$(sign_in staff1)
    scsrf=$(curl -s -H "Cookie: $scookie" "$BASE/requests/new" |
            grep -o '<input[^>]*name="_csrf"[^>]*>' | head -n 1 | sed -n 's/.*value="\([^"]*\)".*/\1/p')
    [[ -n $scsrf ]] || die "soak: no _csrf on /requests/new"
    stamp=$(date +%s)
    day=$(TZ=Asia/Shanghai date +%F)
    hm=$(TZ=Asia/Shanghai date +%H:%M)
    # Warm-up (templates, connections, statement caches), then the baseline memory.
    wrk -t2 -c"$SOAK_CONNS" -d10s -s "$TMP/soak.lua" "$BASE/" -- "$cookie" "$wcookie" "$csrf" "warm$RANDOM" "$site" \
        "$scookie" "$scsrf" "$((stamp - 1))" "$day" "$hm" >/dev/null || die "soak: warm-up failed"
    read -r rss0 pids0 <<<"$(workers_rss)"
    prefix="soak$(date +%s)"
    out=$(wrk -t2 -c"$SOAK_CONNS" -d"${SOAK_SECONDS}s" --timeout 10s -s "$TMP/soak.lua" "$BASE/" \
          -- "$cookie" "$wcookie" "$csrf" "$prefix" "$site" "$scookie" "$scsrf" "$stamp" "$day" "$hm") ||
        die "soak: wrk failed: $out"
    read -r rss1 pids1 <<<"$(workers_rss)"
    read -r requests acked bad sockerr < <(sed -n 's/^soak: requests=\([0-9]*\) acked=\([0-9]*\) bad=\([0-9]*\) sockerr=\([0-9]*\)$/\1 \2 \3 \4/p' <<<"$out")
    [[ -n $requests ]] || die "soak: cannot parse wrk output: $out"
    read -r rows half < <("$STACK" sql -N -e "SELECT COUNT(*), COALESCE(SUM(n <> 1), 0) FROM (
        SELECT d.id, (SELECT COUNT(*) FROM audit_log a WHERE a.entity='department'
                      AND a.entity_id=d.id AND a.action='create') AS n
        FROM departments d WHERE d.name LIKE '$prefix-%') x")
    # The requests: each with its number, its duty-log line and one audit row.
    read -r reqs reqs_bad < <("$STACK" sql -N -e "SELECT COUNT(*), COALESCE(SUM(r.number NOT LIKE 'ZX-%'
        OR r.log_entry_id IS NULL OR (SELECT COUNT(*) FROM audit_log a WHERE a.entity='request'
        AND a.entity_id=r.id AND a.action='create') <> 1), 0)
        FROM requests r WHERE r.description LIKE '$prefix-%'")
    rows=$((rows + reqs))
    half=$((half + reqs_bad))
    lost=$((acked > rows ? acked - rows : 0))
    echo "bench: soak requests=$requests errors=$((bad + sockerr)) acked_writes=$acked (departments $((rows - reqs)), requests $reqs) lost_writes=$lost rss_kb_before=$rss0 rss_kb_after=$rss1 secs=$SOAK_SECONDS conns=$SOAK_CONNS"
    ((lost == 0)) || die "soak: $lost acknowledged writes are not in the database"
    ((half == 0)) || die "soak: $half records without exactly one audit row (or a request without its number or log line)"
    [[ $pids0 == "$pids1" ]] || die "soak: workers were replaced during the soak ($pids0 -> $pids1)"
    # Growth allowance: 25% plus 8 MB over all workers (allocator noise, not a leak).
    ((rss1 <= rss0 + rss0 / 4 + 8192)) || die "soak: worker memory grew from $rss0 kB to $rss1 kB"
    ((bad + sockerr == 0)) || die "soak: $((bad + sockerr)) failed requests"
}
! bench_wanted soak || soak

# The scan inbox (no HTTP): generated A4 pages (QR code, text, turned 2 degrees, noise) as PNG,
# decoded, QR read, number checked, hashed and written per page.
! bench_wanted scan || "$ROOT/build/bin/forms-bench" || die "scan: build/bin/forms-bench failed"

# ---- resident requests (dd-req) ------------------------------------------------------------
# The request list of the manager's site, newest first (ix_requests_site_received, one row more
# than a page instead of a COUNT), unfiltered, overdue only, and a number looked up (a prefix
# of uq_requests_number), on scripts/bench-data-req.sql (200,000 requests).
# load_requests: that data set into the instance, once a run (the request, callback and report
# lines measure on it).
REQ_LOADED=0
load_requests() {
    ((REQ_LOADED)) && return 0
    start=$SECONDS
    "$STACK" sql -N -s <"$ROOT/scripts/bench-data-req.sql" >/dev/null || die "loading bench-data-req.sql"
    echo "bench-data: requests loaded in $((SECONDS - start)) s ($("$STACK" sql -N -e \
        'SELECT CONCAT((SELECT COUNT(*) FROM requests), " requests, ", (SELECT COUNT(*) FROM work_orders),
         " work orders, ", (SELECT COUNT(*) FROM callbacks), " callbacks")'))"
    settle
    REQ_LOADED=1
}
! bench_wanted requests-list requests-overdue requests-number callbacks-due callbacks-records \
    callbacks-reports || load_requests
bench_page requests-list /requests "$MANAGER_COOKIE"
bench_page requests-overdue "/requests?overdue=1" "$MANAGER_COOKIE"
bench_page requests-number "/requests?q=TS-2026" "$MANAGER_COOKIE"

# The callback desk (dd-callback): the due list, the records of a year (about 4,000 callbacks,
# newest page) and the report list with its missing days.
SUPERVISOR_COOKIE=
! bench_wanted callbacks-due callbacks-records callbacks-reports ||
    SUPERVISOR_COOKIE=$(sign_in supervisor)
bench_page callbacks-due /callbacks "$SUPERVISOR_COOKIE"
bench_page callbacks-records /callbacks/records "$SUPERVISOR_COOKIE"
bench_page callbacks-reports /callbacks/reports "$SUPERVISOR_COOKIE"

# ---- reports: the quarterly complaint analysis and the KPI dashboard -----------------------
# 200,000 requests of the demo site over two years (load_requests), then the manager's
# quarterly report of the last full quarter and the KPI dashboard of the current quarter.
REP_YEAR= REP_QUARTER=
if bench_wanted quarterly-report kpi-dashboard; then
    load_requests
    read -r REP_YEAR REP_QUARTER <<<"$("$STACK" sql -N -e \
        'SELECT YEAR(CURDATE() - INTERVAL 1 QUARTER), QUARTER(CURDATE() - INTERVAL 1 QUARTER)')"
fi
bench_page quarterly-report "/reports/complaints?year=$REP_YEAR&quarter=$REP_QUARTER" "$MANAGER_COOKIE"
bench_page kpi-dashboard "/reports/kpi?period=quarter" "$MANAGER_COOKIE"
