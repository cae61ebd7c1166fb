#!/usr/bin/env bash
# Page-timing bench: the dashboard's main pages opened in Chromium (Playwright), timed from navigation to the page's own
# content shown (prerender) and to the page ready (circuit up, content still there), a fresh tab per load, for two builds
# side by side: a baseline commit and the current work tree, each with its own server and the same seeded data, rounds
# alternating which build goes first. Prints per page the medians before and after and their ratio.
# usage: bench/pages/run.sh [ROUNDS]   (default 7; BASELINE=commit, default 9d8f832; NO_BUILD=1 skips building the
#        current tree; BASELINE_DIR=folder reuses a built baseline; SCREENSHOTS=folder also saves each page of each build;
#        TIMEZONE=IANA zone for the browser)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$ROOT/bench/common/server.sh"
bench_require node curl python3 espeak-ng sox git
ROUNDS=${1:-7}
BASELINE=${BASELINE:-9d8f832}
bench_init pages
unset Storage__Root ConnectionStrings__Dashboard # each build has its own, below
export Logging__LogLevel__Default=Warning Training__Engine=simulated Training__MinimumAudioHours=0.001 \
  Training__Simulation__MinimumSeconds=1 RateLimits__ModelCreationsPerHour=1000 RateLimits__DataUploadsPerHour=1000 \
  RateLimits__TrainingStartsPerHour=1000 RateLimits__StatusChecksPerMinute=100000
PASSWORD='Passw0rd!'
[ -d "$ROOT/bench/pages/node_modules/playwright-core" ] || (cd "$ROOT/bench/pages" && npm ci --no-audit --no-fund >/dev/null)

bench_build
AFTER_DLL=$DLL
BEFORE_ROOT=${BASELINE_DIR:-$WORK/baseline}
if [[ ! -f "$BEFORE_ROOT/src/Dashboard.Server/bin/Release/net10.0/Dashboard.Server.dll" ]]; then
  echo "Building the baseline $BASELINE in $BEFORE_ROOT..." >&2
  mkdir -p "$BEFORE_ROOT"
  git -C "$ROOT" archive "$BASELINE" | tar -x -C "$BEFORE_ROOT"
  dotnet build "$BEFORE_ROOT/src/Dashboard.Server" -c Release -nologo -v q >&2
fi
BEFORE_DLL="$BEFORE_ROOT/src/Dashboard.Server/bin/Release/net10.0/Dashboard.Server.dll"

# Speech for the data sets and the transcription requests: the same files for both builds.
mkdir -p "$WORK/audio"
sentences=("the patient reports chest pain on exertion" "blood pressure is one hundred forty over ninety"
  "start metoprolol twenty five milligrams twice a day" "the echocardiogram shows a normal ejection fraction"
  "follow up in the cardiology clinic in two weeks" "no shortness of breath at rest" "the rhythm is atrial fibrillation"
  "continue warfarin and check the inr on monday")
for i in "${!sentences[@]}"; do
  espeak-ng -v en-us -w "$WORK/audio/raw_$i.wav" "${sentences[$i]}"
  sox "$WORK/audio/raw_$i.wav" -r 16000 -c 1 -b 16 "$WORK/audio/s_$i.wav"
  printf '%s\n' "${sentences[$i]}" >"$WORK/audio/s_$i.txt"
done

# start_build NAME DLL DIR: a server of that build over its own data folder; prints "PID BASE"
start_build() {
  local name=$1 dll=$2 dir=$3 port
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  mkdir -p "$WORK/$name"
  (cd "$dir" && Storage__Root="$WORK/$name/data" ConnectionStrings__Dashboard="Data Source=$WORK/$name/dashboard.db" \
    exec dotnet "$dll" --urls "http://127.0.0.1:$port") >"$WORK/$name/server.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 300); do
    curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && { echo "$pid http://127.0.0.1:$port"; return 0; }
    kill -0 "$pid" 2>/dev/null || { cat "$WORK/$name/server.log" >&2; exit 1; }
    sleep 0.2
  done
  echo "$name did not start" >&2; exit 1
}

# seed NAME DLL DIR BASE: an admin, eight models, the first with train and test data and two trained versions, two
# transcription requests (ledger entries and kept requests for /privacy). Same calls, same order, for both builds.
seed() {
  local name=$1 dll=$2 dir=$3 base=$4 key id
  cli() { (cd "$dir" && Storage__Root="$WORK/$name/data" ConnectionStrings__Dashboard="Data Source=$WORK/$name/dashboard.db" dotnet "$dll" "$@"); }
  key=$(cli create-api-key --org bench --plan enterprise)
  cli create-user --org bench --email admin@bench.test --password "$PASSWORD" --role admin >/dev/null
  api() { curl -fsS -H "Authorization: Bearer $key" "$@"; }
  for i in 1 2 3 4 5 6 7 8; do
    api -X POST "$base/api/v3/custom_models" -H 'Content-Type: application/json' \
      -d "{\"name\":\"Cardiology notes $i\",\"language\":\"en\",\"base_model\":\"medical\",\"description\":\"bench model $i\"}" >/dev/null
  done
  id=$(api "$base/api/v3/custom_models" | python3 -c 'import json,sys; d=json.load(sys.stdin); d=d.get("data",d); print(min(m["id"] for m in d))')
  upload() { api -X PUT "$base/api/v3/custom_models/$id/data" -F "type=$1" -F "audio_file=@$WORK/audio/s_$2.wav" -F "transcript_file=@$WORK/audio/s_$2.txt" >/dev/null; }
  train() {
    api -X POST "$base/api/v3/custom_models/$id/run" -H 'Content-Type: application/json' -d '{}' >/dev/null
    for _ in $(seq 1 300); do
      [[ $(api "$base/api/v3/custom_models/$id" | python3 -c 'import json,sys; print(json.load(sys.stdin)["training_status"])') == 4 ]] && return 0
      sleep 0.3
    done
    echo "$name: training did not succeed" >&2; exit 1
  }
  for i in 0 1 2 3 4; do upload train "$i"; done
  upload test 5; upload test 6
  train
  upload train 7
  train
  for i in 0 1; do api -X POST "$base/api/v3/stt" -F model=general -F language=en -F "audio_file=@$WORK/audio/s_$i.wav" >/dev/null; done
  echo "$id"
}

read -r BEFORE_PID BEFORE_BASE < <(start_build before "$BEFORE_DLL" "$BEFORE_ROOT")
EXTRA_PIDS="$BEFORE_PID"
read -r AFTER_PID AFTER_BASE < <(start_build after "$AFTER_DLL" "$ROOT")
EXTRA_PIDS="$BEFORE_PID $AFTER_PID"
echo "Seeding both builds..." >&2
before_model=$(seed before "$BEFORE_DLL" "$BEFORE_ROOT" "$BEFORE_BASE")
after_model=$(seed after "$AFTER_DLL" "$ROOT" "$AFTER_BASE")
echo "baseline $BASELINE ($(git -C "$ROOT" log -1 --format=%cs "$BASELINE")) vs work tree $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD || echo '+changes')" 
echo "cores: $(nproc), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
node "$ROOT/bench/pages/bench.mjs" "$ROUNDS" admin@bench.test "$PASSWORD" \
  "before=$BEFORE_BASE=$before_model" "after=$AFTER_BASE=$after_model"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
