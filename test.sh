#!/usr/bin/env bash
# Runs every test of the project: domain, persistence on SQLite and on a real PostgreSQL server that this
# script starts (and stops), bot, add-in and browser tests. Ends with a line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

results="$root/tests/results"
rm -rf "$results" && mkdir -p "$results"

pg_dir=$(mktemp -d /tmp/collaboration-pg.XXXXXX)
pg_port=${COLLAB_TEST_PG_PORT:-55432}
cleanup() { scripts/postgres.sh stop "$pg_dir" || true; rm -rf "$pg_dir"; }
trap cleanup EXIT
echo "Starting PostgreSQL on 127.0.0.1:$pg_port"
scripts/postgres.sh start "$pg_dir" "$pg_port"
export COLLAB_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50"

if [ -f package-lock.json ]; then
  echo "Installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

echo "Building"
dotnet build Collaboration.sln -c Release -nologo -v quiet

status=0
dotnet test Collaboration.sln -c Release --no-build --nologo \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" || status=$?

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$status" -ne 0 ]; then failed=1; fi
cleanup >/dev/null 2>&1
trap - EXIT
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then exit 1; fi
