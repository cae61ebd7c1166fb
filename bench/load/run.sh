#!/usr/bin/env bash
# Load: many API keys polling status while others upload data and start trainings, all at once, against one
# server (simulated engine). Prints per workload requests/s, p50/p99 latency, 2xx/4xx/429/5xx counts and socket
# errors, the server's resident memory (RSS) before and after each round, and fails if any 5xx was answered.
#
#   bash bench/load/run.sh    # KEYS=16 ROUNDS=2 DURATION=20s POLL_CONNECTIONS=64 by default
#
# Builds Release, creates the keys with the server's own command line (one organization each), starts the server on
# loopback over a temporary data folder with the per-key rate limits raised (the load is the point, not the limits),
# gives each key a model with a train and a test pair, then runs three wrk processes side by side each round:
# poll.lua (status checks), upload.lua (PUT data), train.lua (POST run; 409 while a run is going is expected).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
KEYS=${KEYS:-16}
ROUNDS=${ROUNDS:-2}
DURATION=${DURATION:-20s}
POLL_CONNECTIONS=${POLL_CONNECTIONS:-64}
UPLOAD_CONNECTIONS=${UPLOAD_CONNECTIONS:-4}
TRAIN_CONNECTIONS=${TRAIN_CONNECTIONS:-2}
source "$ROOT/bench/common/server.sh"
bench_init load
bench_require dotnet wrk curl ffmpeg python3
bench_build
export Training__Engine=simulated Training__MinimumAudioHours=0.001 Training__Simulation__MinimumSeconds=2 Training__Simulation__SecondsPerAudioHour=1
export RateLimits__StatusChecksPerMinute=2000000000 RateLimits__DataUploadsPerHour=2000000000
export RateLimits__TrainingStartsPerHour=2000000000 RateLimits__ModelCreationsPerHour=2000000000
export Training__SchedulerName="load-$$"

echo "Creating $KEYS API keys..." >&2
for i in $(seq 1 "$KEYS"); do
  (cd "$ROOT" && dotnet "$DLL" create-api-key --org "load-$i" --plan gold) >>"$WORK/keys-only"
done
bench_start_server

ffmpeg -v error -f lavfi -i "sine=frequency=440:sample_rate=16000:duration=1" "$WORK/load.wav"
ffmpeg -v error -f lavfi -i "sine=frequency=440:sample_rate=16000:duration=5" "$WORK/seed.wav" # over the 0.001 h minimum
echo "the patient has atrial fibrillation" >"$WORK/load.txt"
while read -r KEY; do
  AUTH="Authorization: Bearer $KEY"
  ID=$(curl -fsS -X POST "$BASE/api/v3/custom_models" -H "$AUTH" -H "Content-Type: application/json" \
    -d '{"name":"Load model","language":"en","base_model":"medical"}' | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
  for type in train test; do
    curl -fsS -X PUT "$BASE/api/v3/custom_models/$ID/data" -H "$AUTH" \
      -F "type=$type" -F "audio_file=@$WORK/seed.wav" -F "transcript_file=@$WORK/load.txt" >/dev/null
  done
  echo "$KEY $ID" >>"$WORK/keys"
done <"$WORK/keys-only"

export LOAD_DIR="$ROOT/bench/load" LOAD_KEYS="$WORK/keys" LOAD_WAV="$WORK/load.wav"
rss() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVER/status"; }
wrk -t1 -c8 -d3s -s "$LOAD_DIR/poll.lua" "$BASE" >/dev/null # warm-up
RSS_START=$(rss)
echo "server RSS after warm-up: $RSS_START MB"
TOTAL_5XX=0
for round in $(seq 1 "$ROUNDS"); do
  wrk -t2 -c"$POLL_CONNECTIONS" -d"$DURATION" --timeout 10s -s "$LOAD_DIR/poll.lua" "$BASE" >"$WORK/poll.out" &
  P1=$!
  wrk -t1 -c"$UPLOAD_CONNECTIONS" -d"$DURATION" --timeout 10s -s "$LOAD_DIR/upload.lua" "$BASE" >"$WORK/upload.out" &
  P2=$!
  wrk -t1 -c"$TRAIN_CONNECTIONS" -d"$DURATION" --timeout 10s -s "$LOAD_DIR/train.lua" "$BASE" >"$WORK/train.out" &
  P3=$!
  wait $P1 $P2 $P3
  echo "round $round ($DURATION, $KEYS keys):"
  printf '  %-7s %9s %9s %9s %9s %7s %6s %5s %5s %7s\n' workload 'req/s' 'p50 ms' 'p99 ms' requests 2xx 4xx 429 5xx 'sockerr'
  for name in poll upload train; do
    grep '^RESULT' "$WORK/$name.out" | awk '{ printf "  %-7s %9s %9s %9s %9s %7s %6s %5s %5s %7s\n", $2, $3, $4, $5, $6, $7, $8, $9, $10, $11 }'
    TOTAL_5XX=$((TOTAL_5XX + $(grep '^RESULT' "$WORK/$name.out" | awk '{ print $10 }')))
  done
  echo "  server RSS after round $round: $(rss) MB"
done
echo "5xx answers in total: $TOTAL_5XX (must be 0)"
kill -0 "$SERVER" || { echo "bench: the server died" >&2; exit 1; }
[[ $TOTAL_5XX -eq 0 ]] || { grep -m5 -i 'fail\|error' "$WORK/server.log" >&2; exit 1; }
