#!/usr/bin/env bash
# Runs every benchmark in one go and writes benchmarks/results/<date>.md:
#   BenchmarkDotNet micro benchmarks (ShortRun, in-process), then the HTTP load scenarios: the Teams bot and a
#   botbuilder (Bot Framework JS SDK) echo bot as baseline with real auth, and the add-in backend on a
#   100k-contact / 1M-interaction SQLite data set (generated once under /tmp/collaboration-bench, then reused);
#   then notifications (Outlook stage change -> Teams connector latency, throughput, peak RSS) and the task pane's first
#   render in headless chromium, written to benchmarks/results/<date>-notifications.md (beside BENCH_OUT when it is set).
# BENCH_POSTGRES="Host=...;Port=...;Username=...;Database=..." also runs the bot (on a fresh database) and the notification
# scenarios on PostgreSQL. Besides our bot, the same run measures the floor (our protocol stack with no CRM) and the
# botbuilder echo, peak RSS and start-up of each host, dotnet-trace top frames (BENCH_TRACE=0: none), and writes the
# ratios and issue 18's Goals table. BENCH_APPEND=FILE adds that file's text (e.g. notes, earlier traces) at the end.
# Options after the script name go to the load driver, e.g. ./bench.sh --duration 5 --warmup 2.
# BENCH_SKIP_MICRO=1 skips the micro benchmarks. BENCH_OUT=FILE writes the results there instead of
# benchmarks/results/<date>.md (e.g. BENCH_OUT=benchmarks/results/2026-12-03-perf2.md BENCH_APPEND=benchmarks/notes/perf2.md).
# BENCH_REPORTS=1 also times every report on a 1M-deal / 10M-history-row tenant (SQLite, and PostgreSQL when
# COLLAB_BENCH_POSTGRES is a connection string), started first in the background and added to the results file; the
# first run generates the data (about 10 min on SQLite, 4 on PostgreSQL on 2 cores), later runs reuse it.
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

# The hosts as they are deployed (README, "Deploy"): self-contained ReadyToRun composite publishes of the bot, the add-in
# and the load driver (whose floor-host command hosts the floor, and notify-host the bot for the notification scenarios). Composite: the runtime, ASP.NET Core,
# EF Core and our code precompiled together as one version bubble, so generic code over our types (EF's converters and
# comparers for our entities and enums) is precompiled too and far less is left for the JIT at start. Each publish
# takes several minutes. BENCH_R2R=0 runs the plain Release build instead; BENCH_R2R=plain the per-assembly
# (framework-dependent) ReadyToRun publishes of earlier runs.
load_dll="$bench"
host_dirs=()
r2r=${BENCH_R2R:-1}
if [ "$r2r" != "0" ]; then
  publish=(-c Release -r linux-x64 -nologo -v quiet -p:PublishReadyToRun=true)
  if [ "$r2r" = "plain" ]; then
    publish+=(--self-contained false)
  else
    publish+=(--self-contained true -p:PublishReadyToRunComposite=true)
  fi
  echo "Publishing the hosts ReadyToRun (linux-x64, ${r2r/1/composite})"
  rm -rf "$work/r2r"
  # The SDK reuses an intermediate ReadyToRun image whose inputs did not change, even when the previous publish was of the
  # other kind (self-contained or not): such a stale composite crashed the load driver. Start over when the kind changes.
  if [ "$(cat "$work/r2r-kind" 2>/dev/null)" != "$r2r" ]; then
    rm -rf addin/Collaboration.Addin/obj/Release/net10.0/linux-x64 bot/Collaboration.Bot/obj/Release/net10.0/linux-x64 \
      tests/Collaboration.Benchmarks/obj/Release/net10.0/linux-x64
  fi
  echo "$r2r" > "$work/r2r-kind"
  dotnet publish bot/Collaboration.Bot "${publish[@]}" -o "$work/r2r/bot"
  dotnet publish addin/Collaboration.Addin "${publish[@]}" -o "$work/r2r/addin"
  dotnet publish tests/Collaboration.Benchmarks "${publish[@]}" -o "$work/r2r/bench"
  # The publishes leave a few hundred MB of files still to be written to disk; a host's start measured while the kernel
  # writes them waited for it (a new SQLite file's first commits), so they are written first.
  sync
  load_dll="$work/r2r/bench/Collaboration.Benchmarks.dll"
  host_dirs=(--addin-dir "$work/r2r/addin" --bot-dir "$work/r2r/bot")
  # The SQL counter the driver loads into the bot and the add-in as a startup hook: a part of the bench's composite image
  # cannot load into another's, so they get it from the plain build.
  if [ "$r2r" != "plain" ]; then host_dirs+=(--sql-hook "$bench"); fi
fi

date=$(date -u +%Y-%m-%d)
run_started=$(mktemp)
out="${BENCH_OUT:-benchmarks/results/$date.md}"
# Beside the results file (BENCH_OUT=x.md: x-notifications.md), so a named run never overwrites the day's.
notify_out="${out%.md}-notifications.md"

# The 1M-deal report data takes minutes to generate the first time: start the report scenarios now, beside the rest,
# and add their results to the same file at the end.
reports_pid=""
reports_out="$work/reports-$date.md"
if [ "${BENCH_REPORTS:-0}" = "1" ]; then
  providers=sqlite
  if [ -n "${COLLAB_BENCH_POSTGRES:-}" ]; then providers=sqlite,postgres; fi
  rm -f "$reports_out"
  echo "Report scenarios (1M deals, 10M history rows) in the background: $work/reports.log"
  nice -n 10 dotnet "$bench" reports --work "$work" --providers "$providers" --out "$reports_out" > "$work/reports.log" 2>&1 &
  reports_pid=$!
fi

micro_dir="$work/bdn"
if [ "${BENCH_SKIP_MICRO:-0}" != "1" ]; then
  rm -rf "$micro_dir"
  echo "Micro benchmarks (BenchmarkDotNet)"
  dotnet "$bench" micro --filter '*' --artifacts "$micro_dir"
fi

# CPU samples (dotnet-trace, a local tool of this repository) of the busiest row of each scenario, unless BENCH_TRACE=0.
dotnet tool restore > /dev/null
trace_args=()
if [ "${BENCH_TRACE:-1}" = "1" ]; then
  rm -rf "$work/traces"
  trace_args=(--trace "$work/traces")
fi

# The hosts run as README's "Deploy" says to run them: glibc's malloc capped at two arenas (it keeps up to 8 a core
# otherwise; 25-35 MiB less resident for the bot at 64 turns at once, no throughput difference measured:
# benchmarks/results/2026-12-06-bot-publish.md). BENCH_HOST_MALLOC_ARENA_MAX= (empty) leaves glibc's default.
export BENCH_HOST_MALLOC_ARENA_MAX="${BENCH_HOST_MALLOC_ARENA_MAX-2}"

echo "Load scenarios"
dotnet "$load_dll" load --micro "$micro_dir/results" --work "$work" --out "$out" --notify-out "$notify_out" "${trace_args[@]}" "${host_dirs[@]}" \
  ${BENCH_POSTGRES:+--notify-postgres "$BENCH_POSTGRES" --bot-postgres "$BENCH_POSTGRES"} \
  ${BENCH_APPEND:+--append "$BENCH_APPEND"} "$@"

# Notifications and reports: no slower than before (benchmarks/results/2026-11-27-*.md); their figures join this run's file.
# Only a file this run wrote: with `--only` leaving the notifications out, the day's file is an earlier run's.
if [ -f "$notify_out" ] && [ "$notify_out" -nt "$run_started" ]; then
  { echo; echo "## Notifications and the task pane (this run; also in $(basename "$notify_out"))"; echo;
    sed '1s/^# /### /' "$notify_out"; } >> "$out"
fi
rm -f "$run_started"
if [ -n "$reports_pid" ]; then
  echo "Waiting for the report scenarios"
  wait "$reports_pid"
  { echo; echo "## Reports on 1M deals (this run)"; echo; sed 's/^#/##/' "$reports_out"; } >> "$out"
fi
echo "Results: $out"
