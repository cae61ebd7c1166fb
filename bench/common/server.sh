# Shared by the benches (source it): tool check, Release build, a free loopback port, starting the server and waiting
# for /healthz. Expects ROOT and WORK; sets DLL, PORT, BASE and SERVER (the server's pid, for the caller's cleanup).

bench_require() {
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "bench: $tool is required (Debian: apt-get install $*)" >&2; exit 1; }
  done
}

bench_build() {
  echo "Building Release..." >&2
  [[ -n "${NO_BUILD:-}" ]] || dotnet build "$ROOT/src/Dashboard.Server" -c Release -nologo -v q >&2
  DLL="$ROOT/src/Dashboard.Server/bin/Release/net10.0/Dashboard.Server.dll"
  PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  BASE="http://127.0.0.1:$PORT"
}

# Starts the server from the repository root (so appsettings.json applies as with `dotnet run`), logging to $WORK/server.log.
bench_start_server() {
  (cd "$ROOT" && exec dotnet "$DLL" --urls "$BASE") >"$WORK/server.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 150); do
    curl -fsS "$BASE/healthz" >/dev/null 2>&1 && return 0
    kill -0 "$SERVER" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
    sleep 0.2
  done
}

# A temporary folder for the server's data and database (removed on exit, with the server stopped).
bench_init() {
  WORK=$(mktemp -d -t "dashboard-$1-XXXXXX")
  SERVER=""
  trap bench_cleanup EXIT
  export Storage__Root="$WORK/data"
  export ConnectionStrings__Dashboard="Data Source=$WORK/dashboard.db"
  export ASPNETCORE_ENVIRONMENT=Production
}

# EXTRA_PIDS: other processes a bench started (e.g. the bare app of bench/status-endpoint), stopped with the server.
bench_cleanup() {
  for pid in $SERVER ${EXTRA_PIDS:-}; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
