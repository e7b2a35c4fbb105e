#!/usr/bin/env bash
# Backups of one instance (DD_INSTANCE, default var/main) and restores into a named instance.
#
#   scripts/backup.sh backup            -> prints the backup folder
#   scripts/backup.sh restore FOLDER    into DD_INSTANCE; refuses a running instance unless FORCE=1
#   scripts/backup.sh verify FOLDER     compares DD_INSTANCE's database with FOLDER/manifest.txt
#
# A backup is var/backups/<2026-11-23T1405>/ (DD_BACKUP_ROOT to put it elsewhere):
#   dump.sql.gz    mariadb-dump --single-transaction (a consistent snapshot, writers not blocked)
#   uploads.tar    the instance's upload directory
#   manifest.txt   "table NAME rows N checksum N" per table (CHECKSUM TABLE), "uploads N files",
#                  taken right after the dump (exact on a quiet instance)
#   uploads.sha256 SHA-256 of every uploaded file
#   SHA256SUMS     of the files above
# A restore loads the dump into a fresh database of the target instance (its configuration,
# its own database password and secret are kept or made), unpacks the uploads, starts the
# database only, and verifies the row counts, checksums and files against the manifest.
# Start the rest with `DD_INSTANCE=... DD_NO_DEMO=1 scripts/stack.sh start` (DD_NO_DEMO=1 so
# demo data is never added to restored data that did not have it).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
INSTANCE=${DD_INSTANCE:-$ROOT/var/main}
[[ $INSTANCE == /* ]] || INSTANCE=$PWD/$INSTANCE
INSTANCE=$(realpath -m -- "$INSTANCE")
export DD_INSTANCE=$INSTANCE
BACKUP_ROOT=${DD_BACKUP_ROOT:-$ROOT/var/backups}
STACK=$ROOT/scripts/stack.sh
SOCK=$INSTANCE/run/mysqld.sock
DB=dutydesk
if [[ $(id -u) -eq 0 ]]; then DBUSER=root; APP_USER=www-data; else DBUSER=$(id -un); APP_USER=; fi

say() { echo "backup: $*"; }
die() { echo "backup: FAILED: $*" >&2; exit 1; }
db() { mariadb --no-defaults --socket="$SOCK" -u"$DBUSER" --default-character-set=utf8mb4 "$@"; }

db_running() {
    local pid
    pid=$(cat "$INSTANCE/run/mysqld.pid" 2>/dev/null | tr -dc '0-9') || return 1
    [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null && [[ $(cat "/proc/$pid/comm" 2>/dev/null) == mariadbd ]]
}
any_running() {
    local f pid
    for f in mysqld.pid ddsup.pid nginx.pid; do
        pid=$(cat "$INSTANCE/run/$f" 2>/dev/null | tr -dc '0-9') || continue
        [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null && return 0
    done
    return 1
}

# "table NAME rows N checksum N" for every base table, then "uploads N files".
manifest() {
    local t
    for t in $(db -N "$DB" -e "SELECT table_name FROM information_schema.tables
                               WHERE table_schema='$DB' AND table_type='BASE TABLE' ORDER BY 1"); do
        printf 'table %s rows %s checksum %s\n' "$t" \
            "$(db -N "$DB" -e "SELECT COUNT(*) FROM \`$t\`")" \
            "$(db -N "$DB" -e "CHECKSUM TABLE \`$t\` EXTENDED" | awk '{ print $2 }')"
    done
    printf 'uploads %s files\n' "$(find "$INSTANCE/uploads" -type f 2>/dev/null | wc -l)"
}

cmd_backup() {
    db_running || die "the database of $INSTANCE is not running (scripts/stack.sh start)"
    local stamp dest n=1
    stamp=$(date +%Y-%m-%dT%H%M)
    dest=$BACKUP_ROOT/$stamp
    while [[ -e $dest ]]; do n=$((n + 1)); dest=$BACKUP_ROOT/$stamp-$n; done
    mkdir -p "$dest.tmp"
    trap 'rm -rf "$dest.tmp"' EXIT
    mariadb-dump --no-defaults --socket="$SOCK" -u"$DBUSER" --default-character-set=utf8mb4 \
        --single-transaction --quick --routines --triggers --events --hex-blob \
        --databases "$DB" | gzip -6 >"$dest.tmp/dump.sql.gz"
    [[ ${PIPESTATUS[0]} -eq 0 ]] || die "mariadb-dump failed"
    tar -C "$INSTANCE" -cf "$dest.tmp/uploads.tar" uploads
    (cd "$INSTANCE" && find uploads -type f -print0 | sort -z | xargs -0 -r sha256sum) \
        >"$dest.tmp/uploads.sha256"
    {
        echo "# DutyDesk backup of $INSTANCE at $(date '+%Y-%m-%d %H:%M:%S %z')"
        manifest
    } >"$dest.tmp/manifest.txt"
    (cd "$dest.tmp" && sha256sum dump.sql.gz uploads.tar uploads.sha256 manifest.txt >SHA256SUMS)
    mv "$dest.tmp" "$dest"
    trap - EXIT
    say "$(grep -c '^table ' "$dest/manifest.txt") tables, $(awk '/^uploads/ { print $2 }' "$dest/manifest.txt") uploaded files, $(du -sh "$dest" | cut -f1)"
    echo "$dest"
}

cmd_verify() {
    local from=$1 want got
    want=$(grep -v '^#' "$from/manifest.txt")
    got=$(manifest)
    if [[ $want != "$got" ]]; then
        diff <(echo "$want") <(echo "$got") >&2 || true
        die "$INSTANCE differs from $from/manifest.txt"
    fi
    # Every uploaded file of the backup is there with the same bytes.
    if [[ -s $from/uploads.sha256 ]]; then
        (cd "$INSTANCE" && sha256sum --quiet --strict -c "$from/uploads.sha256") ||
            die "uploaded files differ from $from/uploads.sha256"
    fi
    say "verified: $(grep -c '^table ' <<<"$want") tables (row counts and checksums) and $(grep -c . "$from/uploads.sha256" || true) uploaded files match $from"
}

cmd_restore() {
    local from=${1:-}
    [[ -n $from ]] || die "usage: make restore FROM=var/backups/<stamp> [DD_INSTANCE=...] [FORCE=1]"
    [[ $from == /* ]] || from=$PWD/$from
    [[ -f $from/manifest.txt && -f $from/dump.sql.gz && -f $from/uploads.tar ]] || die "$from is not a backup"
    (cd "$from" && sha256sum --quiet -c SHA256SUMS) || die "$from: checksums do not match (damaged backup)"
    case $INSTANCE/ in "$ROOT"/var/?*/) ;; *) die "refusing to restore into $INSTANCE (only under $ROOT/var/)";; esac
    if any_running; then
        [[ ${FORCE:-0} == 1 ]] || die "$INSTANCE is running; stop it first or set FORCE=1 to overwrite it"
        say "FORCE=1: stopping $INSTANCE"
        "$STACK" stop >/dev/null
    fi
    # A fresh database directory; the configuration (secret, database password) is kept.
    rm -rf -- "$INSTANCE/db" "$INSTANCE/uploads"
    "$STACK" db-start >/dev/null
    db -e "DROP DATABASE IF EXISTS $DB"
    gzip -dc "$from/dump.sql.gz" | db || die "loading the dump failed"
    tar -C "$INSTANCE" -xf "$from/uploads.tar"
    [[ -z $APP_USER ]] || chown -R "$APP_USER:$APP_USER" "$INSTANCE/uploads"
    cmd_verify "$from"
    say "restored $from into $INSTANCE (database running; start the rest with DD_NO_DEMO=1 scripts/stack.sh start)"
}

case ${1:-} in
    backup) cmd_backup ;;
    restore) shift; cmd_restore "${1:-}" ;;
    verify) shift; [[ -n ${1:-} ]] || die "usage: verify FOLDER"; cmd_verify "$1" ;;
    *) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
