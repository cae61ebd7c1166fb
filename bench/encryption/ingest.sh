#!/usr/bin/env bash
# Upload ingest against the socket's ceiling: PUT /api/v3/custom_models/{id}/data of one large WAV (190 MB by default)
# and its transcript on the server with encryption at rest (default settings), against PUT /discard of a bare ASP.NET
# Core app (bench/BareEndpoint: Kestrel reads the same multipart body and throws it away), in alternating rounds of
# the same run, so that other load on the machine affects both alike. Prints seconds per upload for each, the ratio
# discard / ingest (1.0 = ingest at socket speed; target at least 0.5) and the server's memory (RSS) growth.
#
#   bash bench/encryption/ingest.sh    # ROUNDS=5 AUDIO_SECONDS=1130 (44.1 kHz stereo: 190 MB) by default
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
ROUNDS=${ROUNDS:-5}
AUDIO_SECONDS=${AUDIO_SECONDS:-1130}
source "$ROOT/bench/common/server.sh"
bench_init bench-ingest
bench_require dotnet curl ffmpeg python3 cmp
bench_build
dotnet build "$ROOT/bench/BareEndpoint" -c Release -nologo -v q >&2
BARE_DLL="$ROOT/bench/BareEndpoint/bin/Release/net10.0/BareEndpoint.dll"
BARE_BASE="http://127.0.0.1:$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
export RateLimits__DataUploadsPerHour=1000000

ffmpeg -v error -f lavfi -i "sine=frequency=440:sample_rate=44100:duration=$AUDIO_SECONDS" -ac 2 "$WORK/audio.wav"
echo "the patient has atrial fibrillation" >"$WORK/audio.txt"
echo '{}' >"$WORK/bare.json"
SIZE=$(stat -c %s "$WORK/audio.wav")

KEY=$(cd "$ROOT" && dotnet "$DLL" create-api-key --org bench --plan gold)
bench_start_server
dotnet "$BARE_DLL" "$WORK/bare.json" --urls "$BARE_BASE" >"$WORK/bare.log" 2>&1 &
EXTRA_PIDS=$!
for _ in $(seq 1 150); do curl -fsS -X PUT "$BARE_BASE/discard" >/dev/null 2>&1 && break; sleep 0.2; done

AUTH="Authorization: Bearer $KEY"
ID=$(curl -fsS -X POST "$BASE/api/v3/custom_models" -H "$AUTH" -H "Content-Type: application/json" \
  -d '{"name":"Bench model","language":"en","base_model":"medical"}' | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')

# seconds URL [AUTH]: one multipart upload of the WAV and its transcript, as a client sends it.
seconds() {
  curl -fsS -o "$WORK/answer.json" -w '%{time_total}\n' -X PUT "$1" ${2:+-H "$2"} \
    -F "type=train" -F "audio_file=@$WORK/audio.wav" -F "transcript_file=@$WORK/audio.txt"
}
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
rss_kb() { awk -v f="$1" '$1 == f":" { print $2 }' "/proc/$SERVER/status"; }

echo "Warming up..." >&2
seconds "$BARE_BASE/discard" >/dev/null; seconds "$BASE/api/v3/custom_models/$ID/data" "$AUTH" >/dev/null # the JIT's first tier
seconds "$BARE_BASE/discard" >/dev/null
[[ $(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["bytes"])' "$WORK/answer.json") -gt $SIZE ]] \
  || { echo "bench: the discard endpoint did not read the whole body" >&2; exit 1; }
seconds "$BASE/api/v3/custom_models/$ID/data" "$AUTH" >/dev/null
FILE=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["file"]["id"])' "$WORK/answer.json")
head -c 4 "$Storage__Root/blobs/models/$ID/train/"*.audio | grep -q DBLB || { echo "bench: the server stored plaintext" >&2; exit 1; }
cmp -s <(curl -fsS -H "$AUTH" "$BASE/api/v3/custom_models/$ID/data/$FILE/audio") "$WORK/audio.wav" \
  || { echo "bench: the server plays back other bytes than were uploaded" >&2; exit 1; }
sync
RSS_BEFORE=$(rss_kb VmRSS)
PEAK_BEFORE=$(rss_kb VmHWM)

echo "Measuring ($ROUNDS alternating rounds, one upload of $((SIZE / 1048576)) MB each)..." >&2
DISCARD=""; INGEST=""; DISCARD_CPU=0; INGEST_CPU=0
for round in $(seq 1 "$ROUNDS"); do
  T=$(cpu_ticks "$EXTRA_PIDS")
  DISCARD="$DISCARD $(seconds "$BARE_BASE/discard")"
  DISCARD_CPU=$(( DISCARD_CPU + $(cpu_ticks "$EXTRA_PIDS") - T ))
  T=$(cpu_ticks "$SERVER")
  INGEST="$INGEST $(seconds "$BASE/api/v3/custom_models/$ID/data" "$AUTH")"
  INGEST_CPU=$(( INGEST_CPU + $(cpu_ticks "$SERVER") - T ))
  echo "  round $round: discard $(echo "$DISCARD" | awk '{ print $NF }') s, ingest $(echo "$INGEST" | awk '{ print $NF }') s" >&2
done
RSS_AFTER=$(rss_kb VmRSS)
PEAK_AFTER=$(rss_kb VmHWM)

mean() { echo "$1" | awk '{ s = 0; for (i = 1; i <= NF; i++) s += $i; printf "%.3f", s / NF }'; }
D=$(mean "$DISCARD"); I=$(mean "$INGEST")
echo "Ingest: $(nproc) cores, WAV of $(awk -v s="$SIZE" 'BEGIN { printf "%.1f", s / 1048576 }') MB, $ROUNDS alternating rounds"
awk -v d="$D" -v i="$I" -v s="$SIZE" -v dc="$DISCARD_CPU" -v ic="$INGEST_CPU" -v n="$ROUNDS" -v hz="$(getconf CLK_TCK)" 'BEGIN {
  printf "discard endpoint   %6.3f s  %6.0f MB/s  (server CPU %.2f s per upload)\n", d, s / 1048576 / d, dc / hz / n
  printf "ingest (encrypted) %6.3f s  %6.0f MB/s  (server CPU %.2f s per upload)\n", i, s / 1048576 / i, ic / hz / n
  printf "ratio discard / ingest  %.2f (target >= 0.5)\n", d / i }'
awk -v b="$RSS_BEFORE" -v a="$RSS_AFTER" -v pb="$PEAK_BEFORE" -v pa="$PEAK_AFTER" 'BEGIN {
  printf "server RSS %d -> %d MB (growth %+d MB; peak %d -> %d MB, %+d MB) (target growth < 150 MB)\n", b / 1024, a / 1024, (a - b) / 1024, pb / 1024, pa / 1024, (pa - pb) / 1024 }'
