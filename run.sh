#!/usr/bin/env bash
# Builds and starts the whole system on the embedded SQLite database, with demo data.
# Prints where everything listens; Ctrl-C stops all of it.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

addin_url=${ADDIN_URL:-http://localhost:3000}
bot_url=${BOT_URL:-http://localhost:3978}

if [ -f package-lock.json ]; then
  echo "Installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi
echo "Building"
dotnet build Collaboration.sln -c Release -nologo -v quiet

# Development sign-in (no Entra app: loopback callers act as the X-Dev-* user) exists only in this environment.
export ASPNETCORE_ENVIRONMENT=Development
export Database__Provider=Sqlite
export Database__DataFolder="$root/.data"
export ConnectionStrings__Crm=""

pids=()
stop() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "Stopped."
}
trap stop INT TERM EXIT

start() { # name folder dll url [args...]
  local name=$1 folder=$2 dll=$3 url=$4; shift 4
  # From the project folder, so the content root holds appsettings.json and wwwroot (task pane, dashboard).
  (cd "$folder" && exec dotnet "bin/Release/net10.0/$dll" --urls "$url" "$@") &
  pids+=($!)
  for _ in $(seq 1 120); do
    if curl -fsS "$url/health" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "${pids[-1]}" 2>/dev/null; then echo "$name failed to start" >&2; exit 1; fi
    sleep 0.5
  done
  echo "$name did not answer on $url/health" >&2
  exit 1
}

# The add-in backend goes first: it migrates the database and writes the demo data.
start "Outlook add-in backend" addin/Collaboration.Addin Collaboration.Addin.dll "$addin_url" --DemoData:Seed=true
if [ -d bot/Collaboration.Bot ]; then
  start "Teams bot" bot/Collaboration.Bot Collaboration.Bot.dll "$bot_url"
fi

cat <<TXT

Collaboration is running on SQLite ($root/.data/crm.db) with demo data:
  Outlook add-in backend  $addin_url   (OpenAPI: $addin_url/openapi/v1.json)
TXT
if [ -d bot/Collaboration.Bot ]; then
  echo "  Teams bot               $bot_url/api/messages"
fi
echo
echo "Press Ctrl-C to stop."
wait
