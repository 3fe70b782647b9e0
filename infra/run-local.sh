#!/usr/bin/env bash
# Runs JourneyBot locally: Azurite (storage), the bot on http://localhost:3978 and the Microsoft 365 Agents
# Playground (the Teams stand-in) pointed at it. Ctrl+C stops all three.
#   infra/run-local.sh            # bot port 3978, Playground on 56150
#   BOT_PORT=3979 PLAYGROUND_PORT=56151 infra/run-local.sh
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bot_port="${BOT_PORT:-3978}"
playground_port="${PLAYGROUND_PORT:-56150}"
state="$repo/infra/.local"
mkdir -p "$state"

"$repo/infra/install-tools.sh"
dotnet build "$repo/src/JourneyBot" --nologo --verbosity quiet

for port in "$bot_port" 10000 10001 10002; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "Port $port is already in use. Stop what uses it (or set BOT_PORT for the bot) and try again." >&2
    exit 1
  fi
done

pids=()
cleanup() {
  trap - INT TERM EXIT
  echo
  echo "Stopping..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup INT TERM EXIT

"$repo/infra/node_modules/.bin/azurite" --inMemoryPersistence --silent --loose --disableTelemetry \
  --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 > "$state/azurite.log" 2>&1 &
pids+=($!)
echo "Azurite (table storage) on 127.0.0.1:10002, log: infra/.local/azurite.log"

# No MicrosoftAppId: the bot accepts unauthenticated activities from this machine only (development mode).
# Started as the app's own process (not through `dotnet run`), so stopping its PID stops the bot.
(cd "$repo/src/JourneyBot" && ConnectionStrings__Storage="UseDevelopmentStorage=true" ASPNETCORE_ENVIRONMENT=Development \
  Map__PublicUrl="http://127.0.0.1:$bot_port" \
  exec dotnet bin/Debug/net10.0/JourneyBot.dll --urls "http://127.0.0.1:$bot_port") > "$state/bot.log" 2>&1 &
pids+=($!)
echo "JourneyBot on http://127.0.0.1:$bot_port/api/messages, log: infra/.local/bot.log"

for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$bot_port/healthz" > /dev/null 2>&1; then break; fi
  if ! kill -0 "${pids[1]}" 2>/dev/null; then echo "The bot stopped; see infra/.local/bot.log:" >&2; tail -20 "$state/bot.log" >&2; exit 1; fi
  sleep 0.5
done

(cd "$state" && TEAMSAPPTESTER_BROWSER="${TEAMSAPPTESTER_BROWSER:-none}" \
  exec "$repo/infra/node_modules/.bin/agentsplayground" -e "http://127.0.0.1:$bot_port/api/messages" -c msteams \
  -p "$playground_port" --disable-telemetry > "$state/playground.log" 2>&1) &
pids+=($!)
for _ in $(seq 1 60); do
  if grep -q "Listening on" "$state/playground.log" 2>/dev/null; then break; fi
  sleep 0.5
done
port_line="$(grep -o 'Listening on [0-9]*' "$state/playground.log" || true)"
echo "Agents Playground: open http://localhost:${port_line##* } in a browser and say 'help' (log: infra/.local/playground.log)"
echo "Journey map: http://127.0.0.1:$bot_port/map/ (as the local user; set Map__LocalTenantId and Map__LocalUserObjectId to a program member's ids)"
echo "Press Ctrl+C to stop everything."
wait -n "${pids[@]}" || true
