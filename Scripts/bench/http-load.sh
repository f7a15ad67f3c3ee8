#!/usr/bin/env bash
# HTTP load on the search API: the release server on an index, wrk on loopback with a rotating query set.
#
#   Scripts/bench/http-load.sh [INDEX_DIR]
#
# Without INDEX_DIR, Corpus/ is indexed (with the thesaurus) into a temporary folder first. Prints requests/s,
# latency p50/p99 (wrk --latency), error counts and the server's peak resident memory (VmHWM), then stops the
# server. Traffic goes to 127.0.0.1 only, and the run is bounded in time.
# Environment: KENNISBANK_BIN (skip the build), DURATION (default 20s), THREADS (2), CONNECTIONS (32),
# CACHE_SIZE (serve --cache-size, default 2048; 0 computes every request).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
DURATION=${DURATION:-20s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
# Search results the server keeps (serve --cache-size); 0 measures every request computed from scratch.
CACHE_SIZE=${CACHE_SIZE:-2048}
[[ $CACHE_SIZE =~ ^[0-9]+$ ]] || { echo "error: CACHE_SIZE must be a number" >&2; exit 2; }
[[ $DURATION =~ ^[0-9]+s?$ ]] || { echo "error: DURATION must be seconds, like 20s" >&2; exit 2; }
seconds=${DURATION%s}
((seconds >= 1 && seconds <= 600)) || { echo "error: DURATION must be 1 to 600 seconds" >&2; exit 2; }

say() { echo "==> http-load: $*" >&2; }

if ! command -v wrk >/dev/null; then
  say "installing wrk"
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends wrk >/dev/null
fi

if [[ -n ${KENNISBANK_BIN:-} ]]; then
  BIN=$KENNISBANK_BIN
else
  say "building kennisbank (release)"
  swift build -c release --product kennisbank >&2
  BIN=$(swift build -c release --show-bin-path)/kennisbank
fi
[[ -x $BIN ]] || { echo "error: $BIN is not an executable" >&2; exit 2; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/kennisbank-load.XXXXXX")
SERVER_PID=""
cleanup() {
  if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [[ -n ${1:-} ]]; then
  INDEX=$1
  [[ -d $INDEX ]] || { echo "error: no index folder $INDEX" >&2; exit 2; }
else
  INDEX=$WORK/index
  say "indexing Corpus into $INDEX"
  "$BIN" index Corpus --index "$INDEX" >&2 || [[ $? -eq 1 ]]
  "$BIN" thesaurus load Corpus/thesaurus.txt --index "$INDEX" >&2
fi

# Request logging is at info level; warning keeps the log itself out of the measurement.
"$BIN" serve --index "$INDEX" --collection Corpus --host 127.0.0.1 --port 0 --log-level warning --cache-size "$CACHE_SIZE" \
  >"$WORK/server.out" 2>"$WORK/server.err" &
SERVER_PID=$!
URL=""
for _ in $(seq 1200); do   # up to 120 s: a large index takes a while to open
  URL=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$WORK/server.out" 2>/dev/null | head -n1 || true)
  [[ -n $URL ]] && break
  kill -0 "$SERVER_PID" 2>/dev/null || break
  sleep 0.1
done
[[ -n $URL ]] || { echo "error: the server did not start" >&2; cat "$WORK/server.out" "$WORK/server.err" >&2; exit 2; }
for _ in $(seq 100); do
  curl -fsS --max-time 2 "${URL}healthz" >"$WORK/health.json" 2>/dev/null && break
  sleep 0.1
done
[[ -s $WORK/health.json ]] || { echo "error: ${URL}healthz did not answer" >&2; exit 2; }
say "server $URL (pid $SERVER_PID) on $INDEX: $(cat "$WORK/health.json")"

# About 30 requests, with and without facet parameters; each wrk connection walks the list in turn.
cat >"$WORK/queries.lua" <<'LUA'
local paths = {
  "/api/search?q=loverboy",
  "/api/search?q=loverboys",
  "/api/search?q=jeugdprostitutie",
  "/api/search?q=mensenhandel",
  "/api/search?q=ronselen",
  "/api/search?q=signalering",
  "/api/search?q=opvang+slachtoffers",
  "/api/search?q=aangifte+politie",
  "/api/search?q=nazorg",
  "/api/search?q=weerbaarheid+meisjes",
  "/api/search?q=sextortion",
  "/api/search?q=ronsel*",
  "/api/search?q=%22seksuele+uitbuiting%22",
  "/api/search?q=school+OR+onderwijs",
  "/api/search?q=jongens+slachtoffer",
  "/api/search?q=daders+werkwijze",
  "/api/search?q=",
  "/api/search?q=&sort=date",
  "/api/search?q=loverboy&type=goede-praktijk",
  "/api/search?q=loverboy&type=rapport&type=goede-praktijk",
  "/api/search?q=opvang&theme=opvang&approach=curatief",
  "/api/search?q=signalering&audience=onderwijs",
  "/api/search?q=uitbuiting&region=landelijk&language=nl",
  "/api/search?q=politie&audience=politie&sort=date",
  "/api/search?q=&type=beleid&from=2004&to=2010",
  "/api/search?q=&theme=ronselen-via-internet",
  "/api/search?q=jeugdzorg&approach=preventief&approach=curatief",
  "/api/search?q=ouders&audience=ouders&page=2&size=5",
  "/api/search?q=mensenhandel&from=2015",
  "/api/search?q=loverbouy",
}
local counter = 0
function init(args)
  counter = math.random(#paths)
end
function request()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end
LUA

say "warm-up (2 s)"
timeout 30 wrk -t1 -c4 -d2s -s "$WORK/queries.lua" "$URL" >/dev/null
say "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency, 30 rotating /api/search requests"
timeout $((seconds + 60)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency --timeout 10s \
  -s "$WORK/queries.lua" "$URL" | tee "$WORK/wrk.out"

peak=$(awk '/^VmHWM:/ {print $2, $3}' "/proc/$SERVER_PID/status")
now=$(awk '/^VmRSS:/ {print $2, $3}' "/proc/$SERVER_PID/status")
rps=$(awk '/^Requests\/sec:/ {print $2}' "$WORK/wrk.out")
p50=$(awk '$1 == "50%" {print $2}' "$WORK/wrk.out")
p99=$(awk '$1 == "99%" {print $2}' "$WORK/wrk.out")
non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$WORK/wrk.out")
sockerr=$(grep -o 'Socket errors:.*' "$WORK/wrk.out" || true)
echo
echo "http-load summary (index $INDEX, $THREADS threads, $CONNECTIONS connections, $DURATION, result cache $CACHE_SIZE)"
echo "  requests/s:       ${rps:-?}"
echo "  latency p50:      ${p50:-?}"
echo "  latency p99:      ${p99:-?}"
echo "  non-2xx:          ${non2xx:-0}${sockerr:+ ($sockerr)}"
echo "  server peak RSS:  ${peak:-?} (VmHWM; now $now)"
if [[ -s $WORK/server.err ]]; then
  say "server warnings/errors:"; tail -n 20 "$WORK/server.err" >&2
fi
