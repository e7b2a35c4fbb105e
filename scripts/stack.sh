#!/usr/bin/env bash
# DutyDesk local stack: a private MariaDB, the FastCGI programs under ddsup, and nginx, all
# living in one instance directory. Never touches system services.
#
#   scripts/stack.sh deps|start|stop|status|reload|db-start|db-stop|reset|sql|urls
#   (sql also moves the workers' session generation: cached sessions are read again)
#
# Environment:
#   DD_INSTANCE  instance directory (default <repo>/var/main; relative paths are made absolute)
#   DD_PORT      nginx port on 127.0.0.1 (default 8080)
#   DD_WORKERS   FastCGI workers per program (default 4)
#   DD_WRITE_WORKERS  workers of dd-log and dd-req (default twice DD_WORKERS): their POSTs
#                come at the front desk's rate and wait for the disk at COMMIT; more of them
#                in flight share one log flush (group commit)
#   DD_BIN_DIR   build output with ddsup and fcgi/ (default <repo>/build/bin)
#   DD_NO_DEMO=1 do not load sql/demo/*.sql
#   DD_DB_BUFFER InnoDB buffer pool (default 1G: the duty log of 50 sites with a million
#                entries is about 620 MB of rows and indexes; the server's own default, 128M,
#                made every new entry read a page from disk to check its form key). Memory is
#                taken as pages are used: a small instance stays small.
#   DD_DB_OPTS   more mariadbd options when it starts, e.g. "--innodb-log-file-size=512M"
#
# Layout: INSTANCE/dutydesk.conf, db/ (datadir), run/ (sockets, pid files), log/, uploads/,
# nginx/ (generated nginx.conf, temp files).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
INSTANCE=${DD_INSTANCE:-$ROOT/var/main}
[[ $INSTANCE == /* ]] || INSTANCE=$PWD/$INSTANCE
INSTANCE=$(realpath -m -- "$INSTANCE")
PORT=${DD_PORT:-8080}
WORKERS=${DD_WORKERS:-4}
WRITE_WORKERS=${DD_WRITE_WORKERS:-$((WORKERS * 2))}
BIN_DIR=${DD_BIN_DIR:-$ROOT/build/bin}
[[ $BIN_DIR == /* ]] || BIN_DIR=$PWD/$BIN_DIR

CONF=$INSTANCE/dutydesk.conf
DATADIR=$INSTANCE/db
RUN=$INSTANCE/run
LOG=$INSTANCE/log
DB_SOCK=$RUN/mysqld.sock
DB_PID=$RUN/mysqld.pid
SUP_PID=$RUN/ddsup.pid
NGX_PID=$RUN/nginx.pid
NGX_DIR=$INSTANCE/nginx
NGX_CONF=$NGX_DIR/nginx.conf
DB_NAME=dutydesk

# As root the programs and nginx workers run as www-data; the database stays root's.
if [[ $(id -u) -eq 0 ]]; then
    APP_USER=www-data
    DB_ROOT_USER=root
else
    APP_USER=
    DB_ROOT_USER=$(id -un) # mariadb-install-db gives the installing user socket auth
fi

say() { echo "$*"; }
die() { echo "stack: $*" >&2; exit 1; }

# ---- processes -------------------------------------------------------------------------------

# Prints the pid recorded in $1 if that process is alive and its command is $2.
# A stale pid file (crash, reboot) is removed, so a recycled pid is never signalled.
live_pid() {
    local file=$1 comm=$2 pid
    [[ -f $file ]] || return 1
    pid=$(tr -dc '0-9' <"$file" 2>/dev/null || true)
    if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null &&
       [[ $(cat "/proc/$pid/comm" 2>/dev/null) == "$comm" ]]; then
        echo "$pid"
        return 0
    fi
    rm -f "$file"
    return 1
}

# Waits up to $2 seconds for pid $1 to exit.
wait_gone() {
    local pid=$1 end=$((SECONDS + $2))
    while kill -0 "$pid" 2>/dev/null; do
        ((SECONDS < end)) || return 1
        sleep 0.1
    done
}

# stop_pid NAME PIDFILE COMM SIGNAL TIMEOUT
stop_pid() {
    local name=$1 file=$2 comm=$3 sig=$4 timeout=$5 pid
    if ! pid=$(live_pid "$file" "$comm"); then
        say "$name: not running"
        return 0
    fi
    kill -s "$sig" "$pid" 2>/dev/null || true
    if ! wait_gone "$pid" "$timeout"; then
        say "$name: still running after ${timeout}s, killing pid $pid"
        kill -KILL "$pid" 2>/dev/null || true
        wait_gone "$pid" 5 || die "$name: pid $pid does not die"
    fi
    rm -f "$file"
    say "$name: stopped"
}

log_tail() {
    local f
    for f in "$@"; do
        [[ -s $f ]] || continue
        echo "---- tail of $f" >&2
        tail -n 20 "$f" >&2
    done
}

# ---- instance and config ---------------------------------------------------------------------

randhex() { od -An -N"$1" -tx1 /dev/urandom | tr -d ' \n'; }

conf_get() { awk -F' *= *' -v k="$1" '$1 == k { print $2; exit }' "$CONF"; }

ensure_dirs() {
    mkdir -p "$INSTANCE" "$RUN" "$LOG" "$INSTANCE/uploads" "$NGX_DIR/tmp"
    chmod 755 "$INSTANCE" "$RUN" "$LOG" "$NGX_DIR"
    if [[ -n $APP_USER ]]; then
        # Workers (www-data) write uploads; run/ only needs to be searchable for the sockets.
        chown "$APP_USER:$APP_USER" "$INSTANCE/uploads"
        chmod 750 "$INSTANCE/uploads"
        touch "$LOG/ddsup.log"
        chown "$APP_USER:$APP_USER" "$LOG/ddsup.log"
    fi
    # The session cache's shared generation (conf session_cache_file): 8 bytes the workers
    # map read-write.
    if [[ ! -s $RUN/session.gen ]]; then
        head -c 8 /dev/zero >"$RUN/session.gen"
    fi
    [[ -z $APP_USER ]] || chown "$APP_USER:$APP_USER" "$RUN/session.gen"
    chmod 600 "$RUN/session.gen"
}

ensure_conf() {
    if [[ ! -f $CONF ]]; then
        local tmp=$CONF.tmp
        sed -e "s|@INSTANCE@|$INSTANCE|g" -e "s|@ROOT@|$ROOT|g" -e "s|@PORT@|$PORT|g" \
            -e "s|@DB_PASSWORD@|$(randhex 16)|g" -e "s|@SECRET@|$(randhex 32)|g" \
            "$ROOT/etc/dutydesk.conf.in" >"$tmp"
        mv "$tmp" "$CONF"
        say "config: created $CONF"
    fi
    # Secrets: readable by the programs' user only.
    if [[ -n $APP_USER ]]; then
        chown "root:$APP_USER" "$CONF"
        chmod 640 "$CONF"
    else
        chmod 600 "$CONF"
    fi
    # Instances made before the session cache get its line.
    grep -q '^session_cache_file' "$CONF" ||
        echo "session_cache_file = $RUN/session.gen" >>"$CONF"
    local base
    base=$(conf_get base_url)
    [[ $base == *":$PORT" ]] || say "config: note: base_url is $base (DD_PORT=$PORT)"
}

# ---- MariaDB ---------------------------------------------------------------------------------

db_client() {
    mariadb --no-defaults --socket="$DB_SOCK" -u"$DB_ROOT_USER" \
        --default-character-set=utf8mb4 "$@"
}

db_ping() {
    mariadb-admin --no-defaults --socket="$DB_SOCK" -u"$DB_ROOT_USER" \
        --connect-timeout=2 ping >/dev/null 2>&1
}

db_start() {
    if [[ ! -d $DATADIR/mysql ]]; then
        rm -rf "$DATADIR"
        mkdir -p "$DATADIR"
        chmod 700 "$DATADIR"
        local out
        out=$(mariadb-install-db --no-defaults --datadir="$DATADIR" \
            --auth-root-authentication-method=socket --auth-root-socket-user="$DB_ROOT_USER" \
            --skip-test-db \
            ${APP_USER:+--user=root} 2>&1) || { echo "$out" >&2; die "mariadb-install-db failed"; }
        say "mariadb: datadir created"
    fi
    local pid
    if pid=$(live_pid "$DB_PID" mariadbd); then
        say "mariadb: running (pid $pid)"
    else
        rm -f "$DB_SOCK"
        local db_opts=()
        read -ra db_opts <<<"${DD_DB_OPTS:-}"
        # setsid: not in the caller's process group, so ^C on `make run` leaves it running.
        setsid -f mariadbd --no-defaults --datadir="$DATADIR" --socket="$DB_SOCK" \
            --pid-file="$DB_PID" --skip-networking ${APP_USER:+--user=root} \
            --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
            --default-time-zone=+08:00 --innodb-flush-log-at-trx-commit=1 \
            --innodb-buffer-pool-size="${DD_DB_BUFFER:-1G}" \
            --thread-handling=pool-of-threads \
            --log-error="$LOG/mysqld.log" "${db_opts[@]}" </dev/null >/dev/null 2>&1
        local end=$((SECONDS + 30))
        until db_ping; do
            if ((SECONDS >= end)); then
                log_tail "$LOG/mysqld.log"
                die "mariadb: not answering on $DB_SOCK after 30 s"
            fi
            sleep 0.1
        done
        say "mariadb: started (pid $(cat "$DB_PID" 2>/dev/null))"
    fi
}

db_setup() {
    local pw
    pw=$(conf_get db_password)
    [[ $pw =~ ^[0-9a-f]+$ ]] || die "config: db_password must be hex"
    db_client <<SQL
CREATE DATABASE IF NOT EXISTS $DB_NAME CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'dutydesk'@'localhost' IDENTIFIED BY '$pw';
ALTER USER 'dutydesk'@'localhost' IDENTIFIED BY '$pw';
GRANT ALL ON $DB_NAME.* TO 'dutydesk'@'localhost';
CREATE TABLE IF NOT EXISTS $DB_NAME.schema_migrations (
  version VARCHAR(255) PRIMARY KEY,
  applied_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
SQL
}

# apply_sql LABEL VERSION FILE: applies FILE once, recorded in schema_migrations as VERSION.
apply_sql() {
    local label=$1 version=$2 file=$3
    [[ $version =~ ^[A-Za-z0-9_.:-]+$ ]] || die "$label: bad file name $file"
    if grep -qxF -- "$version" <<<"$APPLIED"; then
        return 0
    fi
    if ! db_client "$DB_NAME" <"$file"; then
        die "$label: $(basename "$file") FAILED; fix it and run start again"
    fi
    db_client "$DB_NAME" -e "INSERT INTO schema_migrations (version) VALUES ('$version')"
    say "$label: $(basename "$file") applied"
    COUNT=$((COUNT + 1))
}

migrate() {
    APPLIED=$(db_client -N "$DB_NAME" -e 'SELECT version FROM schema_migrations')
    local f
    COUNT=0
    for f in "$ROOT"/sql/[0-9][0-9][0-9]_*.sql; do
        [[ -e $f ]] || continue
        apply_sql migrations "$(basename "$f")" "$f"
    done
    ((COUNT)) || say "migrations: up to date"
    if [[ ${DD_NO_DEMO:-0} == 1 ]]; then
        say "demo: skipped (DD_NO_DEMO=1)"
        return 0
    fi
    COUNT=0
    for f in "$ROOT"/sql/demo/*.sql; do
        [[ -e $f ]] || continue
        apply_sql demo "demo:$(basename "$f")" "$f"
    done
    ((COUNT)) || say "demo: up to date"
}

# ---- ddsup and nginx -------------------------------------------------------------------------

sup_start() {
    local pid
    if pid=$(live_pid "$SUP_PID" ddsup); then
        say "ddsup: running (pid $pid)"
        return 0
    fi
    [[ -x $BIN_DIR/ddsup ]] || die "ddsup: $BIN_DIR/ddsup missing (run make build)"
    local progs=() f
    for f in "$BIN_DIR"/fcgi/*; do
        [[ -f $f && -x $f ]] || continue
        case ${f##*/} in
            dd-log|dd-req) progs+=("$f:$WRITE_WORKERS") ;;
            *) progs+=("$f") ;;
        esac
    done
    ((${#progs[@]})) || die "ddsup: no programs in $BIN_DIR/fcgi (run make build)"
    DUTYDESK_CONF=$CONF "$BIN_DIR/ddsup" -d "$RUN" -p "$SUP_PID" -l "$LOG/ddsup.log" \
        -n "$WORKERS" ${APP_USER:+-u "$APP_USER"} "${progs[@]}" ||
        { log_tail "$LOG/ddsup.log"; die "ddsup: failed to start"; }
    say "ddsup: started (pid $(cat "$SUP_PID")): ${#progs[@]} program(s) x $WORKERS worker(s), dd-log and dd-req $WRITE_WORKERS"
}

# Writes INSTANCE/nginx/nginx.conf from the template; returns 0 if it changed.
nginx_conf() {
    local user_line='' tmp=$NGX_CONF.tmp
    [[ -n $APP_USER ]] && user_line="user $APP_USER;"
    sed -e "s|@PORT@|$PORT|g" -e "s|@ROOT@|$ROOT|g" -e "s|@INSTANCE@|$INSTANCE|g" \
        -e "s|@USER_LINE@|$user_line|g" "$ROOT/nginx.conf" >"$tmp"
    if cmp -s "$tmp" "$NGX_CONF"; then
        rm -f "$tmp"
        return 1
    fi
    mv "$tmp" "$NGX_CONF"
}

nginx_cmd() { nginx -p "$NGX_DIR/" -c "$NGX_CONF" -e "$LOG/nginx-error.log" "$@"; }

nginx_start() {
    local pid changed=0
    nginx_conf && changed=1
    if pid=$(live_pid "$NGX_PID" nginx); then
        if ((changed)); then
            nginx_cmd -t -q || die "nginx: new configuration is invalid"
            kill -HUP "$pid"
            say "nginx: configuration changed, reloaded (pid $pid)"
        else
            say "nginx: running (pid $pid)"
        fi
        return 0
    fi
    nginx_cmd || { log_tail "$LOG/nginx-error.log"; die "nginx: failed to start"; }
    say "nginx: started on 127.0.0.1:$PORT"
}

wait_http() {
    local url=http://127.0.0.1:$PORT/login code end=$((SECONDS + 20))
    while :; do
        code=$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$url" || true)
        [[ $code == 200 ]] && break
        if ((SECONDS >= end)); then
            log_tail "$LOG/nginx-error.log" "$LOG/ddsup.log" "$LOG/mysqld.log"
            die "http: GET $url gives ${code:-no answer}, expected 200 (logs above)"
        fi
        sleep 0.1
    done
    say "http: $url answers 200"
}

# ---- commands --------------------------------------------------------------------------------

cmd_start() {
    ensure_dirs
    ensure_conf
    db_start
    db_setup
    migrate
    sup_start
    nginx_start
    wait_http
}

cmd_stop() {
    # nginx first (no new requests), then the programs, then the database.
    stop_pid nginx "$NGX_PID" nginx QUIT 15
    stop_pid ddsup "$SUP_PID" ddsup TERM 15
    stop_pid mariadb "$DB_PID" mariadbd TERM 60
}

cmd_status() {
    local name file comm pid
    for name in mariadb:mysqld.pid:mariadbd ddsup:ddsup.pid:ddsup nginx:nginx.pid:nginx; do
        IFS=: read -r name file comm <<<"$name"
        if pid=$(live_pid "$RUN/$file" "$comm"); then
            say "$name: running (pid $pid)"
        else
            say "$name: stopped"
        fi
    done
}

cmd_reload() {
    local pid
    if pid=$(live_pid "$SUP_PID" ddsup); then
        kill -HUP "$pid"
        say "ddsup: workers restarting (SIGHUP)"
    else
        say "ddsup: not running"
    fi
    if pid=$(live_pid "$NGX_PID" nginx); then
        nginx_conf || true
        nginx_cmd -t -q || die "nginx: configuration is invalid"
        kill -HUP "$pid"
        say "nginx: reloaded"
    fi
}

cmd_reset() {
    case $INSTANCE/ in
        "$ROOT"/var/?*/) ;;
        *) die "reset: refusing to delete $INSTANCE (only instances under $ROOT/var/)" ;;
    esac
    cmd_stop
    rm -rf -- "$INSTANCE"
    say "reset: removed $INSTANCE"
}

cmd_urls() {
    cat <<EOF
DutyDesk 已启动: http://127.0.0.1:$PORT/
演示账号 (密码均为 demo-password):
  用户名       角色
  staff1       值班员
  staff2       值班员
  supervisor   客服主管
  manager      客服经理
  director     管理处主任
  admin        系统管理员
  repair1      部门人员（工程维修部）；guard1 安保部，clean1 保洁部
  lj_manager   第二个管理处 临江大厦 的客服主管/经理（lj_staff1、lj_director 同理）
EOF
}

cmd=${1:-}
[[ $# -gt 0 ]] && shift
case $cmd in
    deps) exec "$ROOT/scripts/deps.sh" ;;
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    reload) cmd_reload ;;
    db-start) ensure_dirs; db_start ;;
    db-stop) stop_pid mariadb "$DB_PID" mariadbd TERM 60 ;;
    reset) cmd_reset ;;
    sql) live_pid "$DB_PID" mariadbd >/dev/null || die "sql: mariadb is not running (start first)"
         rc=0
         db_client "$DB_NAME" "$@" || rc=$?
         # SQL by hand may end sessions or change users: the workers' cached sessions go
         # (a new random generation, written in place: the workers map this inode).
         [[ ! -f $RUN/session.gen ]] ||
             dd if=/dev/urandom of="$RUN/session.gen" bs=8 count=1 conv=notrunc status=none
         exit $rc ;;
    urls) cmd_urls ;;
    *) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
