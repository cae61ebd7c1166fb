#!/usr/bin/env bash
# Encryption at rest: upload and playback speed of the same server with encryption on (default) and off
# (Encryption:Enabled=false, the bench-only switch), both running at once over their own data folders and
# measured in alternating rounds, so that other load on the machine affects both alike. Prints each figure
# and the ratio encrypted / plain (1.0 = no cost; target at least 0.8 for playback).
#
#   bash bench/encryption/run.sh    # ROUNDS=3 UPLOADS=3 DURATION=4s CONNECTIONS=8 THREADS=2 AUDIO_SECONDS=180 by default
#
# - upload: PUT /api/v3/custom_models/{id}/data of one WAV (44.1 kHz stereo, AUDIO_SECONDS long; 180 s = 32 MB)
#   and its transcript: staging, ffprobe, then commit (encrypting copy vs rename); seconds per upload.
# - playback, full: GET .../data/{file_id}/audio of the whole file, with wrk; MB/s.
# - playback, range: GET with `Range: bytes=…` of 64 KiB in the middle, across a segment boundary; requests/s.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
ROUNDS=${ROUNDS:-3}
UPLOADS=${UPLOADS:-3}
DURATION=${DURATION:-4s}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-2}
AUDIO_SECONDS=${AUDIO_SECONDS:-180}
WORK=$(mktemp -d -t dashboard-bench-enc-XXXXXX)
SERVERS=()

cleanup() {
  for pid in "${SERVERS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

for tool in dotnet wrk curl ffmpeg python3; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is required (Debian: apt-get install wrk curl ffmpeg python3)" >&2; exit 1; }
done

echo "Building Release..." >&2
dotnet build "$ROOT/src/Dashboard.Server" -c Release -nologo -v q >&2
DLL="$ROOT/src/Dashboard.Server/bin/Release/net10.0/Dashboard.Server.dll"

ffmpeg -v error -f lavfi -i "sine=frequency=440:sample_rate=44100:duration=$AUDIO_SECONDS" -ac 2 "$WORK/audio.wav"
echo "the patient has atrial fibrillation" >"$WORK/audio.txt"
SIZE=$(stat -c %s "$WORK/audio.wav")

# start NAME ENABLED: a server over $WORK/NAME; sets BASE_NAME, KEY_NAME, ID_NAME, FILE_NAME.
start() {
  local name=$1 enabled=$2 port base key id file
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  base="http://127.0.0.1:$port"
  export Storage__Root="$WORK/$name/data" ConnectionStrings__Dashboard="Data Source=$WORK/$name/dashboard.db"
  export Encryption__Enabled=$enabled RateLimits__DataUploadsPerHour=1000000 ASPNETCORE_ENVIRONMENT=Production
  mkdir -p "$WORK/$name"
  key=$(cd "$ROOT" && dotnet "$DLL" create-api-key --org bench --plan gold)
  (cd "$ROOT" && exec dotnet "$DLL" --urls "$base") >"$WORK/$name/server.log" 2>&1 &
  SERVERS+=($!)
  for _ in $(seq 1 150); do
    curl -fsS "$base/healthz" >/dev/null 2>&1 && break
    kill -0 "${SERVERS[-1]}" 2>/dev/null || { cat "$WORK/$name/server.log" >&2; exit 1; }
    sleep 0.2
  done
  id=$(curl -fsS -X POST "$base/api/v3/custom_models" -H "Authorization: Bearer $key" -H "Content-Type: application/json" \
    -d '{"name":"Bench model","language":"en","base_model":"medical"}' | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
  file=$(curl -fsS -X PUT "$base/api/v3/custom_models/$id/data" -H "Authorization: Bearer $key" \
    -F "type=train" -F "audio_file=@$WORK/audio.wav" -F "transcript_file=@$WORK/audio.txt" | python3 -c 'import json, sys; print(json.load(sys.stdin)["file"]["id"])')
  printf -v "BASE_$name" %s "$base"; printf -v "KEY_$name" %s "$key"; printf -v "ID_$name" %s "$id"; printf -v "FILE_$name" %s "$file"
}

echo "Starting the encrypted and the plain server..." >&2
start encrypted true
start plain false
head -c 4 "$WORK/encrypted/data/blobs/models/$ID_encrypted/train/"*.audio | grep -q DBLB || { echo "bench: the encrypted server stored plaintext" >&2; exit 1; }
head -c 4 "$WORK/plain/data/blobs/models/$ID_plain/train/"*.audio | grep -q RIFF || { echo "bench: the plain server did not store plaintext" >&2; exit 1; }

audio_url() { local b="BASE_$1" i="ID_$1" f="FILE_$1"; echo "${!b}/api/v3/custom_models/${!i}/data/${!f}/audio"; }
auth() { local k="KEY_$1"; echo "Authorization: Bearer ${!k}"; }
for name in encrypted plain; do
  cmp -s <(curl -fsS -H "$(auth $name)" "$(audio_url $name)") "$WORK/audio.wav" || { echo "bench: $name server plays back other bytes" >&2; exit 1; }
done

upload_seconds() {
  local b="BASE_$1" i="ID_$1"
  curl -fsS -o /dev/null -w '%{time_total}\n' -X PUT "${!b}/api/v3/custom_models/${!i}/data" -H "$(auth "$1")" \
    -F "type=test" -F "audio_file=@$WORK/audio.wav" -F "transcript_file=@$WORK/audio.txt"
}
wrk_field() { wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" "${@:2}" | awk -v f="$1" '$1 == f { print $2 }'; }
MIDDLE=$(( SIZE / 2 / 65536 * 65536 - 32768 ))
RANGE="Range: bytes=$MIDDLE-$(( MIDDLE + 65535 ))"

echo "Warming up..." >&2
for name in encrypted plain; do
  upload_seconds $name >/dev/null
  wrk -t1 -c2 -d2s -H "$(auth $name)" "$(audio_url $name)" >/dev/null
done

echo "Measuring ($ROUNDS alternating rounds; $UPLOADS uploads of $((SIZE / 1048576)) MB, then wrk $DURATION per playback kind)..." >&2
declare -A TOTAL
for round in $(seq 1 "$ROUNDS"); do
  for name in encrypted plain; do
    for _ in $(seq 1 "$UPLOADS"); do TOTAL[upload_$name]="${TOTAL[upload_$name]:-} $(upload_seconds $name)"; done
    TOTAL[full_$name]="${TOTAL[full_$name]:-} $(wrk_field Requests/sec: -H "$(auth $name)" "$(audio_url $name)")"
    TOTAL[range_$name]="${TOTAL[range_$name]:-} $(wrk_field Requests/sec: -H "$(auth $name)" -H "$RANGE" "$(audio_url $name)")"
  done
  echo "  round $round done" >&2
done

mean() { echo "$1" | awk '{ s = 0; for (i = 1; i <= NF; i++) s += $i; printf "%.4f", s / NF }'; }
report() { # label unit encrypted plain higher-is-better
  awk -v l="$1" -v u="$2" -v e="$3" -v p="$4" -v h="$5" 'BEGIN {
    r = (h == "yes") ? e / p : p / e
    printf "%-22s encrypted %10.2f %-6s plain %10.2f %-6s ratio %.2f\n", l, e, u, p, u, r }'
}
MB=$(awk -v s="$SIZE" 'BEGIN { print s / 1048576 }')
echo "Encryption at rest: $(nproc) cores, file $(awk -v m="$MB" 'BEGIN { printf "%.1f", m }') MB, ratio = encrypted speed / plain speed"
report "upload (s per file)" s "$(mean "${TOTAL[upload_encrypted]}")" "$(mean "${TOTAL[upload_plain]}")" no
report "playback full (MB/s)" MB/s "$(awk -v r="$(mean "${TOTAL[full_encrypted]}")" -v m="$MB" 'BEGIN { print r * m }')" \
  "$(awk -v r="$(mean "${TOTAL[full_plain]}")" -v m="$MB" 'BEGIN { print r * m }')" yes
report "playback range (req/s)" req/s "$(mean "${TOTAL[range_encrypted]}")" "$(mean "${TOTAL[range_plain]}")" yes
