#!/usr/bin/env bash
# Installs the Debian packages DutyDesk needs to build, run and test, only those missing, then
# the npm packages of tests/. A no-op (well under a second) when everything is present.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)

PKGS=(build-essential g++ pkg-config make libfcgi-dev libctemplate-dev libmariadb-dev
      libqrencode-dev libsodium-dev libcmocka-dev mariadb-server mariadb-client nginx-light
      wrk curl chromium clang libclang-rt-14-dev poppler-utils zbar-tools)
# Chinese glyphs for the headless Chromium that prints forms to PDF in the browser tests (a
# fresh Debian has none: every Chinese character printed as an empty box).
PKGS+=(fonts-noto-cjk)
PKGS+=(libzbar-dev libpng-dev libjpeg-dev)   # forms: the scan inbox decodes pages itself
# Node from elsewhere (nvm, NodeSource) is fine: only ask Debian for it when it is missing.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    PKGS+=(nodejs npm)
fi

# One dpkg-query for all of them; unknown packages print nothing on stdout.
installed=$(dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' "${PKGS[@]}" 2>/dev/null |
            awk '$1 == "ii" { print $2 }' || true)
missing=()
for p in "${PKGS[@]}"; do
    grep -qxF -- "$p" <<<"$installed" || missing+=("$p")
done

if ((${#missing[@]})); then
    echo "deps: installing ${missing[*]}"
    SUDO=()
    if [[ $(id -u) -ne 0 ]]; then
        command -v sudo >/dev/null 2>&1 || { echo "deps: need root (or sudo) to install" >&2; exit 1; }
        SUDO=(sudo)
    fi
    # Debian's nginx and mariadb packages start their system services on install; we run our
    # own instances, so forbid service starts while installing (policy-rc.d exit 101 = deny).
    # A policy-rc.d that was already there is left alone.
    policy=/usr/sbin/policy-rc.d
    own_policy=0
    if [[ ! -e $policy ]]; then
        printf '#!/bin/sh\n# temporary, from DutyDesk scripts/deps.sh\nexit 101\n' |
            "${SUDO[@]}" tee "$policy" >/dev/null
        "${SUDO[@]}" chmod 755 "$policy"
        own_policy=1
    fi
    cleanup_policy() { if ((own_policy)); then "${SUDO[@]}" rm -f "$policy"; fi; }
    trap cleanup_policy EXIT
    export DEBIAN_FRONTEND=noninteractive
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        --no-install-recommends -o Dpkg::Options::=--force-confdef \
        -o Dpkg::Options::=--force-confold "${missing[@]}"
    cleanup_policy
    own_policy=0
    echo "deps: installed ${#missing[@]} package(s)"
fi

# Browser and HTTP tests: playwright-core drives the Debian chromium (no browser download).
if [[ -f $ROOT/tests/package.json && ! -d $ROOT/tests/node_modules/playwright-core ]]; then
    echo "deps: npm install in tests/"
    (cd "$ROOT/tests" && npm install --no-audit --no-fund)
fi

# ---- reliability: `scripts/deps.sh security` (only `make security` asks for it) also installs
# the scanners. They are not needed by `make run` or `make test`, so they stay out of PKGS.
if [[ ${1:-} == security ]]; then
    SEC_PKGS=(sqlmap wapiti)
    sec_installed=$(dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' "${SEC_PKGS[@]}" 2>/dev/null |
                    awk '$1 == "ii" { print $2 }' || true)
    sec_missing=()
    for p in "${SEC_PKGS[@]}"; do
        grep -qxF -- "$p" <<<"$sec_installed" || sec_missing+=("$p")
    done
    if ((${#sec_missing[@]})); then
        echo "deps: installing ${sec_missing[*]} (security scanners)"
        SUDO=()
        [[ $(id -u) -eq 0 ]] || SUDO=(sudo)
        "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
            --no-install-recommends "${sec_missing[@]}" ||
        { "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
          "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
            --no-install-recommends "${sec_missing[@]}"; }
    fi
fi
