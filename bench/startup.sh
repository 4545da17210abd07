#!/usr/bin/env bash
# Time from JVM start to ready for `triage serve` (knowledge indexed, rules loaded, one warm-up turn, HTTP listening).
# Usage: bench/startup.sh [RUNS]. Prints each run's figure (read from the server's own start line) and the median.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-7}"
"$root/triage" help >/dev/null
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
figures=()
for i in $(seq "$runs"); do
    port=$((20000 + RANDOM % 20000))
    log="$data/serve-$i.log"
    "$root/triage" serve --port "$port" --data "$data/db" >"$log" 2>&1 &
    pid=$!
    for _ in $(seq 200); do grep -q "ready" "$log" && break; sleep 0.05; done
    ms=$(grep -o 'ready [0-9]* ms' "$log" | grep -o '[0-9]*')
    kill "$pid"; wait "$pid" 2>/dev/null || true
    figures+=("$ms")
    echo "run $i: ${ms} ms"
done
printf '%s\n' "${figures[@]}" | sort -n | awk '{a[NR]=$1} END {print "median: " a[int((NR+1)/2)] " ms"}'
