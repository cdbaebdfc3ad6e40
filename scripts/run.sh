#!/usr/bin/env bash
# The README's two commands:
#   bash scripts/run.sh start [-- app args]   install what is missing, then start PressDesk
#   bash scripts/run.sh test                  install what is missing, then run every test
# (also: bash scripts/run.sh bench). Works on a fresh machine: it brings Node 22 where the
# system Node is older (scripts/use-node22.sh), installs the npm packages, checks that the
# native SQLite module really loads, and, for the tests, installs Chromium when it can.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/use-node22.sh
# Electron's binary is fetched only by `npm run desktop:setup`; installing never downloads it.
export ELECTRON_SKIP_BINARY_DOWNLOAD=1

install_packages() {
  if [ "${CI:-}" = "true" ] || [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "== npm ci (Node $(node -v))"
    npm ci --no-audit --no-fund
  fi
  if ! node -e "new (require('better-sqlite3'))(':memory:').close()" 2>/dev/null; then
    echo "== better-sqlite3 is not built for Node $(node -v); rebuilding it"
    npm rebuild better-sqlite3
    node -e "new (require('better-sqlite3'))(':memory:').close()" || {
      echo "better-sqlite3 could not be built: it needs python3, make and a C++ compiler (apt-get install python3 make g++)." >&2
      exit 1
    }
  fi
}

ensure_chromium() {
  local browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
  [ -x "$browser" ] && return 0
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "== installing Chromium and CJK fonts (apt-get)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  else
    echo "The end-to-end tests need Chromium: install it (Debian: sudo apt-get install chromium fonts-noto-cjk) or set CHROMIUM_PATH." >&2
    exit 1
  fi
}

# The portal adapter is also tested against a real WordPress (Debian's packages, on
# 127.0.0.1 only). Set up where we may install packages; elsewhere those tests say they were
# skipped and why (under CI they fail instead: CI must run them).
ensure_wordpress() {
  if [ "${PRESSDESK_SKIP_WORDPRESS:-}" = "1" ]; then
    echo "== PRESSDESK_SKIP_WORDPRESS=1: the real-WordPress tests will be skipped"
    return 0
  fi
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    bash scripts/wordpress.sh setup
  else
    echo "== not root: the real-WordPress tests will be skipped unless you run: sudo bash scripts/wordpress.sh setup"
  fi
}

command="${1:-}"
shift || true
case "$command" in
  start)
    install_packages
    [ "${1:-}" = "--" ] && shift
    # The sandbox channels are on, so a newcomer can publish at once (--no-sandbox-channels: off).
    exec npm start -- --sandbox-channels "$@"
    ;;
  test)
    install_packages
    ensure_chromium
    ensure_wordpress
    exec npm test
    ;;
  bench)
    install_packages
    ensure_chromium
    exec npm run bench
    ;;
  *)
    echo "usage: bash scripts/run.sh start|test|bench" >&2
    exit 64
    ;;
esac
