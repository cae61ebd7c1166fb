#!/usr/bin/env bash
# Live-streaming bench: a real server (Release build), N concurrent real-time streams of LibriVox speech through the
# official Deepgram SDK's live client, for each N given. Prints per N the final-result latency after the end of each
# recording (p50/p95), the time to the first interim, the server CPU per stream (core-seconds per audio second), whether
# every stream kept up (its Metadata came within 1 s of CloseStream) and the 1-minute load average after the run; then
# the largest N that kept up.
# usage: bench/streaming/run.sh [N...]   (default: 1 2 4 6 8; NO_BUILD=1 to skip the build)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$ROOT/bench/common/server.sh"
bench_require node curl python3
bench_init streaming
export Logging__LogLevel__Default=Warning
bench_build
[ -d "$ROOT/tests/js/node_modules/@deepgram/sdk" ] || (cd "$ROOT/tests/js" && npm ci --no-audit --no-fund >/dev/null)
bench_start_server
key=$(cd "$ROOT" && dotnet "$DLL" create-api-key --org bench --plan enterprise)
counts=("${@:-1 2 4 6 8}")
echo "cores: $(nproc), load average: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
most=$(printf '%s\n' ${counts[@]} | sort -n | tail -1)
# warm-up: as many streams as the largest N for a few seconds, so every stream of the runs finds a warm decoder
BENCH_SECONDS=4 node "$ROOT/bench/streaming/bench.mjs" "$BASE" "$key" "$SERVER" "$most" >/dev/null
best=0
printf '%-8s %-10s %-10s %-10s %-16s %-12s %-10s %s\n' streams final_p50 final_p95 final_max first_interim cpu/stream keeps_up load_avg
for n in ${counts[@]}; do
  line=$(node "$ROOT/bench/streaming/bench.mjs" "$BASE" "$key" "$SERVER" "$n")
  python3 - "$line" <<'PY'
import json, sys
r = json.loads(sys.argv[1])
load = open('/proc/loadavg').read().split()[0]
print(f"{r['streams']:<8} {r['final_p50_ms']:<10} {r['final_p95_ms']:<10} {r['final_max_ms']:<10} {r['first_interim_p50_ms']:<16} {str(r['cpu_percent_per_stream']) + '%':<12} {str(r['keeps_up']):<10} {load}")
PY
  [[ "$line" == *'"keeps_up":true'* ]] && best=$n
done
echo "largest N that kept up with real time: $best (load average now: $(cut -d' ' -f1-3 /proc/loadavg))"
