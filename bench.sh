#!/usr/bin/env bash
# Runs every benchmark in one go and writes benchmarks/results/<date>.md:
#   BenchmarkDotNet micro benchmarks (ShortRun, in-process), then the HTTP load scenarios: the Teams bot and a
#   botbuilder (Bot Framework JS SDK) echo bot as baseline with real auth, and the add-in backend on a
#   100k-contact / 1M-interaction SQLite data set (generated once under /tmp/collaboration-bench, then reused);
#   then notifications (Outlook stage change -> Teams connector latency, throughput, peak RSS) and the task pane's first
#   render in headless chromium, written to benchmarks/results/<date>-notifications.md.
# BENCH_POSTGRES="Host=...;Port=...;Username=...;Database=..." also runs the notification scenarios on PostgreSQL.
# Options after the script name go to the load driver, e.g. ./bench.sh --duration 5 --warmup 2.
# BENCH_SKIP_MICRO=1 skips the micro benchmarks.
# BENCH_REPORTS=1 also times every report on a 1M-deal / 10M-history-row tenant (SQLite, and PostgreSQL when
# COLLAB_BENCH_POSTGRES is a connection string) into benchmarks/results/<date>-reports.md; the first run generates
# the data (about 10 min on SQLite, 4 on PostgreSQL on 2 cores), later runs reuse it.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
work=${BENCH_WORK:-/tmp/collaboration-bench}
mkdir -p "$work" benchmarks/results

echo "Installing npm packages (npm ci)"
npm ci --no-audit --no-fund --loglevel=error

echo "Building (Release)"
dotnet build Collaboration.sln -c Release -nologo -v quiet
bench=tests/Collaboration.Benchmarks/bin/Release/net10.0/Collaboration.Benchmarks.dll

micro_dir="$work/bdn"
if [ "${BENCH_SKIP_MICRO:-0}" != "1" ]; then
  rm -rf "$micro_dir"
  echo "Micro benchmarks (BenchmarkDotNet)"
  dotnet "$bench" micro --filter '*' --artifacts "$micro_dir"
fi

echo "Load scenarios"
dotnet "$bench" load --micro "$micro_dir/results" --work "$work" \
  --out "benchmarks/results/$(date -u +%Y-%m-%d).md" ${BENCH_POSTGRES:+--notify-postgres "$BENCH_POSTGRES"} "$@"

if [ "${BENCH_REPORTS:-0}" = "1" ]; then
  echo "Report scenarios (1M deals, 10M history rows)"
  providers=sqlite
  if [ -n "${COLLAB_BENCH_POSTGRES:-}" ]; then providers=sqlite,postgres; fi
  dotnet "$bench" reports --work "$work" --providers "$providers" \
    --out "benchmarks/results/$(date -u +%Y-%m-%d)-reports.md"
fi
