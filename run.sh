#!/usr/bin/env bash
# Builds and starts the whole system on the embedded SQLite database with demo data, in the Development environment:
# the Outlook add-in backend (with the sample inbox at /try), the Teams bot, and the Microsoft 365 Agents Playground
# connected to the bot, where the demo's notifications arrive. Prints every address; Ctrl-C stops all of it.
#
#   ./run.sh           start; a second start reuses .data/
#   ./run.sh --reset   start over from fresh demo data
#
# Ports: ADDIN_PORT (3000), BOT_PORT (3978), PLAYGROUND_PORT (56150).
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

reset=false
for argument in "$@"; do
  case "$argument" in
    --reset) reset=true ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "Unknown argument: $argument (try --reset or --help)" >&2; exit 2 ;;
  esac
done

addin_port=${ADDIN_PORT:-3000}
bot_port=${BOT_PORT:-3978}
playground_port=${PLAYGROUND_PORT:-56150}
addin_url="http://localhost:$addin_port"
bot_url="http://localhost:$bot_port"
playground_url="http://localhost:$playground_port"

fail() { echo "run.sh: $*" >&2; exit 1; }

# What this needs, said before anything slow happens.
command -v dotnet >/dev/null 2>&1 || fail "the .NET 10 SDK is missing: install it from https://dotnet.microsoft.com/download/dotnet/10.0"
dotnet --list-sdks 2>/dev/null | grep -q '^10\.' \
  || fail "the .NET 10 SDK is needed; found: $(dotnet --list-sdks 2>/dev/null | cut -d' ' -f1 | tr '\n' ' ')(https://dotnet.microsoft.com/download/dotnet/10.0)"
command -v node >/dev/null 2>&1 || fail "Node.js 20 or later is missing: install it from https://nodejs.org"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || fail "Node.js 20 or later is needed; found $(node --version)"
command -v curl >/dev/null 2>&1 || fail "curl is missing"

port_taken() {
  if command -v ss >/dev/null 2>&1; then
    ss -Htln "sport = :$1" 2>/dev/null | grep -q .
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
  fi
}
for entry in "ADDIN_PORT:$addin_port" "BOT_PORT:$bot_port" "PLAYGROUND_PORT:$playground_port"; do
  name=${entry%%:*} port=${entry#*:}
  if port_taken "$port"; then
    fail "port $port is taken (is Collaboration already running?). Stop what uses it, or choose another port: $name=<port> ./run.sh"
  fi
done

if [ ! -d node_modules ] || ! npm ls --depth=0 >/dev/null 2>&1; then
  echo "Installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi
echo "Building"
for project in addin/Collaboration.Addin/Collaboration.Addin.csproj bot/Collaboration.Bot/Collaboration.Bot.csproj; do
  dotnet build "$project" -c Release -nologo -v quiet -consoleLoggerParameters:ErrorsOnly || fail "the build failed (above)"
done

if $reset; then
  echo "Starting over from fresh demo data"
  rm -rf "$root/.data"
fi
mkdir -p "$root/.data"

# Development: development sign-in for loopback callers, the sample inbox, the Playground's unauthenticated bot calls.
export ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development
export Database__Provider=Sqlite Database__DataFolder="$root/.data" ConnectionStrings__Crm=""
export Playground__Url="$playground_url"
# You, the demo rep, are also the demo tenant's first admin (the setting a real tenant uses for its first admins), so
# the Settings page and the bot's "settings" open for you.
export Admin__BootstrapObjectIds__0=00000000-0000-0000-0000-0000000000020
# Where the bot's "settings" card points when there is no Teams app id to deep-link the Settings tab with.
export Addin__BaseUrl="$addin_url"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

pids=()
stopping=false
stop() {
  $stopping && return
  stopping=true
  trap - INT TERM EXIT
  echo
  echo "Stopping"
  # Each child leads its own process group (setsid), so this ends whatever it started too (the Playground's node).
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  for _ in $(seq 1 50); do
    alive=false
    for pid in "${pids[@]}"; do kill -0 -- "-$pid" 2>/dev/null && alive=true; done
    $alive || break
    sleep 0.2
  done
  for pid in "${pids[@]}"; do kill -KILL -- "-$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "Stopped."
}
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM
trap stop EXIT

launch() { # folder command... : runs in its own process group
  local folder=$1; shift
  (cd "$folder" && exec setsid "$@") &
  pids+=($!)
}

wait_for() { # name url
  for _ in $(seq 1 240); do
    if curl -fsS -o /dev/null "$2" 2>/dev/null; then return 0; fi
    kill -0 "${pids[-1]}" 2>/dev/null || fail "$1 stopped while starting (its output is above)"
    sleep 0.5
  done
  fail "$1 did not answer on $2"
}

# The add-in backend goes first: it migrates the database, writes the demo data and points the demo tenant's
# conversations at the Playground's connector; then the Playground, so that the bot's first notifications find it.
launch addin/Collaboration.Addin dotnet bin/Release/net10.0/Collaboration.Addin.dll --urls "$addin_url" --DemoData:Seed=true
wait_for "The Outlook add-in backend" "$addin_url/health"
# The Playground writes its log under its working directory; on Linux it runs xdg-open to show its UI unless told not to.
# Its Teams (tenant, users, the demo rep's chat) is scripts/agents-playground.yml, matching the demo data.
playground_home="$root/.data/playground"
mkdir -p "$playground_home/bin"
printf '#!/bin/sh\nexit 0\n' > "$playground_home/bin/xdg-open"
chmod +x "$playground_home/bin/xdg-open"
M365_AGENTS_PLAYGROUND_CONFIG_PATH="$root/scripts/agents-playground.yml" PATH="$playground_home/bin:$PATH" TEAMSAPPTESTER_BROWSER=none BOT_ENDPOINT="$bot_url/api/messages" \
  TEAMSAPPTESTER_PORT="$playground_port" DEFAULT_CHANNEL_ID=msteams \
  launch "$playground_home" node "$root/node_modules/@microsoft/m365agentsplayground/cli.js" \
    -e "$bot_url/api/messages" -c msteams -p "$playground_port" --disable-telemetry
wait_for "The Agents Playground" "$playground_url/"
launch bot/Collaboration.Bot dotnet bin/Release/net10.0/Collaboration.Bot.dll --urls "$bot_url"
wait_for "The Teams bot" "$bot_url/health"

# Answers once the Playground has reached the bot.
wait_for "The Agents Playground" "$playground_url/_internal/v1/config"

cat <<TXT

Collaboration is running (Development, SQLite at .data/crm.db, demo data; you are Alex Wilber):
  Chat with the bot:                      $playground_url
  Outlook task pane with a sample inbox:  $addin_url/try
  Dashboard:                              $addin_url/dashboard
  Settings:                               $addin_url/settings
The same list: $addin_url/
Press Ctrl-C to stop.
TXT
wait
