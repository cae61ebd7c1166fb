#!/usr/bin/env bash
# Status endpoint throughput: requests/s of the authenticated, rate-limited status check
# GET /api/v3/custom_models/{id} against a bare ASP.NET Core app (bench/BareEndpoint: Kestrel, routing and
# System.Text.Json answering the same JSON bytes), measured with wrk in alternating rounds in the same run.
# Prints both figures and their ratio (target: at least 0.5).
#
#   bash bench/status-endpoint/run.sh    # ROUNDS=3 DURATION=4s CONNECTIONS=32 THREADS=2 by default
#
# The two endpoints are measured in alternating rounds (ROUNDS x DURATION each, 12 s by default) and the
# ratio is taken from the averages, so that other load on the machine affects both figures alike.
#
# Builds Release, creates an API key with the server's own command line, starts the server on loopback
# (from the repository root, so appsettings.json applies as with `dotnet run`) over a temporary data folder,
# creates a model with one train and one test pair, runs wrk, and stops the server.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-4s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
source "$ROOT/bench/common/server.sh"
bench_init bench
bench_require dotnet wrk curl ffmpeg python3
bench_build
dotnet build "$ROOT/bench/BareEndpoint" -c Release -nologo -v q >&2
BARE_DLL="$ROOT/bench/BareEndpoint/bin/Release/net10.0/BareEndpoint.dll"
BARE_BASE="http://127.0.0.1:$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
export RateLimits__StatusChecksPerMinute=2000000000

KEY=$(cd "$ROOT" && dotnet "$DLL" create-api-key --org bench --plan gold)
bench_start_server

AUTH="Authorization: Bearer $KEY"
ID=$(curl -fsS -X POST "$BASE/api/v3/custom_models" -H "$AUTH" -H "Content-Type: application/json" \
  -d '{"name":"Bench model","language":"en","base_model":"medical"}' | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
ffmpeg -v error -f lavfi -i "sine=frequency=440:sample_rate=16000:duration=5" "$WORK/tone.wav"
echo "the patient has atrial fibrillation" >"$WORK/tone.txt"
for type in train test; do
  curl -fsS -X PUT "$BASE/api/v3/custom_models/$ID/data" -H "$AUTH" \
    -F "type=$type" -F "audio_file=@$WORK/tone.wav" -F "transcript_file=@$WORK/tone.txt" >/dev/null
done
STATUS_URL="$BASE/api/v3/custom_models/$ID"
[[ $(curl -s -o "$WORK/status.json" -w '%{http_code}' -H "$AUTH" "$STATUS_URL") == 200 ]] || { echo "bench: status endpoint is not answering 200" >&2; exit 1; }
dotnet "$BARE_DLL" "$WORK/status.json" --urls "$BARE_BASE" >"$WORK/bare.log" 2>&1 &
EXTRA_PIDS=$!
BARE_URL="$BARE_BASE/api/v3/custom_models/$ID"
for _ in $(seq 1 150); do curl -fsS "$BARE_URL" >/dev/null 2>&1 && break; sleep 0.2; done

rps() { wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1" "${@:2}" | awk '/^Requests\/sec:/ { print $2 }'; }
non2xx() { wrk -t"$THREADS" -c"$CONNECTIONS" -d2s "$@" | awk '/Non-2xx/ { print $NF }'; }

echo "Warming up..." >&2
rps 3s "$BARE_URL" >/dev/null
rps 3s -H "$AUTH" "$STATUS_URL" >/dev/null
[[ -z $(non2xx -H "$AUTH" "$STATUS_URL") ]] || { echo "bench: the status endpoint answered non-2xx under load (rate limit?)" >&2; exit 1; }

echo "Measuring ($ROUNDS alternating rounds of $DURATION each, $THREADS threads, $CONNECTIONS connections)..." >&2
BARE_ALL=""; STATUS_ALL=""
for round in $(seq 1 "$ROUNDS"); do
  BARE_ALL="$BARE_ALL $(rps "$DURATION" "$BARE_URL")"
  STATUS_ALL="$STATUS_ALL $(rps "$DURATION" -H "$AUTH" "$STATUS_URL")"
  echo "  round $round: bare $(echo $BARE_ALL | awk '{ print $NF }')  status $(echo $STATUS_ALL | awk '{ print $NF }')" >&2
done
mean() { echo "$@" | awk '{ for (i = 1; i <= NF; i++) s += $i; printf "%.0f", s / NF }'; }
BARE=$(mean $BARE_ALL)
STATUS=$(mean $STATUS_ALL)
RATIO=$(awk -v s="$STATUS" -v b="$BARE" 'BEGIN { printf "%.2f", s / b }')

echo "bare ASP.NET Core app, same JSON:       $BARE req/s"
echo "status GET /api/v3/custom_models/{id}:  $STATUS req/s"
echo "ratio status/bare:                      $RATIO (target >= 0.5)"
