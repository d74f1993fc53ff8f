#!/usr/bin/env bash
# Set up everything the tests need on a fresh Debian machine with Python 3.11, then run them.
# Idempotent: re-running reuses .venv and skips what is already installed.
set -euo pipefail
cd "$(dirname "$0")/.."

# System packages: a CJK font so PDF rendering shows glyphs (WeasyPrint), poppler for pdftoppm checks.
need=()
fc-list :lang=zh 2>/dev/null | grep -q . || need+=(fonts-wqy-microhei)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
# LibreOffice converts legacy .doc/.xls (and the hostile-document tests check it never reaches the network)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui libreoffice-calc-nogui)
# Debian's chromium for the browser walk of the web application (Playwright drives it; nothing downloaded)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
# WeasyPrint's libraries (present on most Debian images; harfbuzz-subset avoids a warning per PDF)
for pkg in libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing system packages: ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "note: missing ${need[*]} (install with apt as root); tests that need them are skipped" >&2
  fi
fi

python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e '.[test]'
.venv/bin/ruff check src tests benchmarks

# The web tests run on PostgreSQL too: use the machine's server (start it if it is installed but not
# running) unless DATABASE_URL is already set. Each run gets its own test database, created and dropped
# by pytest-django. Without PostgreSQL the suite runs on SQLite and says so.
if [ -z "${DATABASE_URL:-}" ] && [ "${JIXIAO_NO_POSTGRES:-}" != "1" ]; then
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
      for v in $(ls /etc/postgresql); do
        pg_ctlcluster --skip-systemctl-redirect "$v" main start 2>/dev/null || true
      done
      for _ in $(seq 1 20); do pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null && break; sleep 0.5; done
    fi
  fi
  if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null \
      && psql -h 127.0.0.1 -U postgres -d postgres -tAc 'select 1' >/dev/null 2>&1; then
    export DATABASE_URL="postgresql://postgres@127.0.0.1:5432/postgres"
  else
    echo "note: PostgreSQL not reachable at 127.0.0.1:5432 (user postgres); the web tests run on SQLite only" >&2
  fi
fi
if [ -n "${DATABASE_URL:-}" ]; then
  export JIXIAO_TEST_DATABASE="${JIXIAO_TEST_DATABASE:-test_jixiao_$$}"
  echo "web tests on PostgreSQL (test database ${JIXIAO_TEST_DATABASE})"
fi
.venv/bin/python -m pytest "$@"
