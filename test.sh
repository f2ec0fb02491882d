#!/usr/bin/env bash
# Runs every test of the project: domain, persistence on SQLite and on a real PostgreSQL server that this
# script starts (and stops), bot, add-in and browser tests, the architecture tests, and the format check
# (dotnet format --verify-no-changes). Ends with a line "N passed, N failed".
# ./test.sh --fast is the quick local loop: no PostgreSQL (tests named ...Postgres... are left out), no browser
# (the Chromium and Agents Playground projects are left out), no format check. CI and the README run the full one.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
fast=0
if [ "${1:-}" = "--fast" ]; then fast=1; fi

results="$root/tests/results"
rm -rf "$results" && mkdir -p "$results"

pg_dir=$(mktemp -d /tmp/collaboration-pg.XXXXXX)
pg_port=${COLLAB_TEST_PG_PORT:-55432}
cleanup() { [ "$fast" = 1 ] || scripts/postgres.sh stop "$pg_dir" || true; rm -rf "$pg_dir"; }
trap cleanup EXIT
if [ "$fast" = 0 ]; then
  echo "Starting PostgreSQL on 127.0.0.1:$pg_port"
  scripts/postgres.sh start "$pg_dir" "$pg_port"
  export COLLAB_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50"
fi

if [ -f package-lock.json ]; then
  echo "Installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

echo "Building"
dotnet build Collaboration.sln -c Release -nologo -v quiet

status=0
if [ "$fast" = 0 ]; then
  echo "Checking the format (dotnet format --verify-no-changes)"
  if dotnet format Collaboration.sln --verify-no-changes --no-restore; then
    format_failed=0
  else
    echo "The format check failed: run 'dotnet format Collaboration.sln' and commit the result."
    format_failed=1; status=1
  fi
  dotnet test Collaboration.sln -c Release --no-build --nologo \
    --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" || status=$?
else
  format_failed=0
  for project in tests/*/*.Tests.csproj; do
    case "$project" in *Pane.Tests*|*Playground.Tests*) continue ;; esac
    dotnet test "$project" -c Release --no-build --nologo --filter 'DisplayName!~Postgres' \
      --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" || status=$?
  done
fi

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
failed=$((failed + format_failed))
# The failed tests again, by name, just above the summary, so that the end of a long log says what broke.
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  grep -o '<UnitTestResult [^>]*outcome="Failed"[^>]*>' "$trx" | sed -n 's/.* testName="\([^"]*\)".*/FAILED: \1/p' || true
done
# And why: the first lines of each failure's message (a CI log may be shown only by its end).
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  awk '
    /<UnitTestResult / { failed = ($0 ~ /outcome="Failed"/); if (failed) { match($0, /testName="[^"]*"/); name = substr($0, RSTART + 10, RLENGTH - 11); gsub(/&quot;/, "\"", name); gsub(/&amp;/, "\\&", name) } }
    failed && /<Message>/ { inside = 1; shown = 0; print "--- " name ":"; sub(/.*<Message>/, "") }
    inside {
      done = sub(/<\/Message>.*/, "")
      gsub(/&lt;/, "<"); gsub(/&gt;/, ">"); gsub(/&quot;/, "\""); gsub(/&apos;/, "\047"); gsub(/&#xD;/, ""); gsub(/&amp;/, "\\&")
      if (shown < 40) print "    " $0; else if (shown == 40) print "    ..."
      shown++
      if (done) inside = 0
    }
    /<\/UnitTestResult>/ { failed = 0; inside = 0 }
  ' "$trx" || true
done
cleanup >/dev/null 2>&1
trap - EXIT
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then exit 1; fi
