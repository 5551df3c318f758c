#!/usr/bin/env bash
# Load-tests the web lab from a second process on loopback with wrk (Debian: apt-get install -y wrk).
# Starts the server from the built jar on a free port, warms it up, runs each scenario closed-loop
# (as fast as 4 connections go) and paced (~200 requests/s), prints wrk's latency distribution,
# then stops the server. Not a test: numbers depend on the machine. Usage: losslab-bench/web/run.sh [SECONDS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds="${1:-10}"
source "$root/scripts/find-jdk25.sh"
command -v wrk >/dev/null || { echo "run.sh: wrk is missing; apt-get install -y wrk" >&2; exit 1; }

jar="$root/losslab-app/target/losslab.jar"
if [ ! -f "$jar" ]; then
  (cd "$root" && ./mvnw -q -B -DskipTests -pl losslab-app -am package)
fi

port="${PORT:-18765}"
log="$(mktemp)"
"$JAVA_HOME/bin/java" -jar "$jar" serve --port "$port" >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 50); do
  grep -q "running at" "$log" && break
  sleep 0.1
done
grep -q "running at" "$log" || { cat "$log" >&2; exit 1; }
url="http://127.0.0.1:$port"
export BENCH_DIR="$here"

echo "warming up (JIT) …"
for script in race landscape landscape-uncached; do
  wrk -t2 -c4 -d5s -s "$here/$script.lua" "$url" >/dev/null
done

for script in race landscape landscape-uncached; do
  for pace in "" 20; do
    echo
    echo "=== $script $([ -n "$pace" ] && echo "paced: 4 connections × 1 request per ${pace} ms ≈ 200/s" || echo "closed loop: 4 connections flat out")"
    PACE_MS="$pace" wrk -t2 -c4 -d"${seconds}s" --latency -s "$here/$script.lua" "$url" \
      | grep -E "Latency|Req/Sec|requests in|Requests/sec|Transfer/sec|50%|75%|90%|99%|Non-2xx|Socket errors"
  done
done
