# Sourced by scripts/bench.sh: the duty log's benchmark lines.
#
# bench_log_create: staff1 writes entries into the current shift's page with wrk, each POST
# with the session cookie, the session's _csrf and a form key of its own; then checks that
# every acknowledged entry (303) is in the database (durable: one transaction each, with its
# audit row, committed with innodb_flush_log_at_trx_commit=1).
bench_log_create() {
    local cookie page csrf now day tm cat out line acked stored run="bench-$$-$SECONDS"
    cookie=$(sign_in staff1)
    page=$(curl -s -o /dev/null -w '%{redirect_url}' -H "Cookie: $cookie" "$BASE/log")
    if [[ $page != */log/page/* ]]; then
        csrf=$(curl -s -H "Cookie: $cookie" "$BASE/log" | grep -o 'name="_csrf" value="[^"]*"' |
               head -n 1 | sed 's/.*value="//; s/"$//')
        page=$(curl -s -o /dev/null -w '%{redirect_url}' -H "Cookie: $cookie" \
            --data-urlencode "_csrf=$csrf" "$BASE/log/open")
    fi
    [[ $page == */log/page/* ]] || die "log-create: cannot open the current shift's page"
    page=/log/page/${page##*/log/page/}
    csrf=$(curl -s -H "Cookie: $cookie" "$BASE$page" | grep -o 'name="_csrf" value="[^"]*"' |
           head -n 1 | sed 's/.*value="//; s/"$//')
    now=$("$STACK" sql -N -e "SELECT DATE_FORMAT(NOW(), '%Y-%m-%d %H:%i')")
    day=${now% *} tm=${now#* }
    cat=$("$STACK" sql -N -e "SELECT MIN(id) FROM log_categories WHERE site_id =
        (SELECT id FROM sites WHERE code = 'CH')")
    cat >"$TMP/create.lua" <<EOF
-- Each thread has its own number (tid, set by setup in the thread's state), so the form
-- keys of two threads never collide. wrk.format replaces wrk.headers when given a table:
-- copy them (the Cookie from -H) into ours.
local nthreads, threads, n, h = 0, {}, 0, {}
function setup(thread)
  nthreads = nthreads + 1; thread:set("tid", nthreads); table.insert(threads, thread)
end
function init(args)
  acked = 0; other = 0
  for k, v in pairs(wrk.headers) do h[k] = v end
  h["Content-Type"] = "application/x-www-form-urlencoded"
end
function request()
  n = n + 1
  local body = "_csrf=$csrf&form_key=" .. string.format("%06x%02x%024x", $(( ($$ * 131 + SECONDS) % 16777216 )), tid, n) ..
    "&occurred_date=$day&occurred_time=$tm&category_id=$cat&location=$run" ..
    "&what=bench+log-create&handling=&followup=&status=closed"
  return wrk.format("POST", "$page/entries", h, body)
end
function response(status, headers, body)
  if status == 303 then acked = acked + 1 else other = other + 1 end
end
function done(summary, latency, requests)
  local a, o = 0, 0
  for _, t in ipairs(threads) do a = a + t:get("acked"); o = o + t:get("other") end
  io.write(string.format("acked: %d\nnon303: %d\n", a, o))
end
EOF
    out=$(wrk -t2 -c32 -d"$DURATION" --latency -s "$TMP/create.lua" -H "Cookie: $cookie" \
        "$BASE$page/entries") || die "log-create: wrk failed: $out"
    acked=$(awk '$1 == "acked:" { print $2 }' <<<"$out")
    stored=$("$STACK" sql -N -e "SELECT COUNT(*) FROM log_entries WHERE location = '$run'")
    line=$(awk '
        function ms(v) {
            if (v ~ /us$/) return v / 1000
            if (v ~ /ms$/) return v + 0
            if (v ~ /s$/)  return v * 1000
            return v + 0
        }
        $1 == "50%" { p50 = ms($2) }
        $1 == "99%" { p99 = ms($2) }
        $1 == "Requests/sec:" { rps = $2 }
        $1 == "non303:" { bad = $2 }
        END { printf "rps=%d p50_ms=%.2f p99_ms=%.2f", rps + 0.5, p50, p99
              if (bad > 0) printf " non303=%d", bad }' <<<"$out")
    echo "bench: log-create $line acked=$acked stored=$stored"
    # Requests still in flight when wrk stops may be stored without being counted: more
    # stored than acknowledged is fine, fewer would be a lost write.
    ((stored >= acked)) || die "log-create: $acked acknowledged but only $stored stored"
    ((acked > 0)) || die "log-create: no entry was acknowledged (see non303)"
    [[ $line != *non303=* ]] || die "log-create: some POSTs were not answered 303: $line"
}
