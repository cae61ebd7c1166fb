#!/usr/bin/env bash
# Hub latency bench: a real server (the built Dashboard.Server.dll), 50 JS clients subscribed to one
# model while a simulated training emits log lines. Prints p50/p99 from emit to receipt.
# usage: bench/hub/run.sh [CLIENTS] [Debug|Release]    (build first: dotnet build Dashboard.sln)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
clients=${1:-50}
dll="$root/src/Dashboard.Server/bin/${2:-Debug}/net10.0/Dashboard.Server.dll"
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
export Storage__Root="$work/data" ConnectionStrings__Dashboard="Data Source=$work/bench.db" Training__SchedulerName="bench-$port" \
  Training__Engine=simulated Training__MinimumAudioHours=0.001 Training__Simulation__MinimumSeconds=12 Logging__LogLevel__Default=Warning \
  RateLimits__DataUploadsPerHour=1000
[ -d "$root/tests/js/node_modules/@microsoft/signalr" ] || (cd "$root/tests/js" && npm ci --no-audit --no-fund >/dev/null)

dotnet "$dll" --urls "$base" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
until curl -sf "$base/login" >/dev/null; do sleep 0.3; done
key=$(dotnet "$dll" create-api-key --org bench --plan enterprise)
auth="Authorization: Bearer $key"
model=$(curl -sf -H "$auth" -H 'Content-Type: application/json' -d '{"name":"bench","language":"en","base_model":"general"}' \
  "$base/api/v3/custom_models" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
ffmpeg -v error -f lavfi -i sine=frequency=440:sample_rate=16000:duration=5 "$work/tone.wav"
echo "the quick brown fox jumps over the lazy dog" >"$work/tone.txt"
for i in $(seq 1 16); do
  type=$([ "$i" -le 12 ] && echo train || echo test)
  curl -sf -H "$auth" -X PUT -F type=$type -F "audio_file=@$work/tone.wav;filename=p$i.wav" -F "transcript_file=@$work/tone.txt;filename=p$i.txt" \
    "$base/api/v3/custom_models/$model/data" >/dev/null
done

coproc BENCH { node "$root/bench/hub/bench.mjs" "$base" "$key" "$model" "$clients"; }
read -r line <&"${BENCH[0]}"
[ "$line" = ready ] || { echo "bench: $line"; exit 1; }
curl -sf -H "$auth" -X POST "$base/api/v3/custom_models/$model/run" >/dev/null
cat <&"${BENCH[0]}"
