#!/usr/bin/env bash
# Load benchmarks of the chat core and the HTTP server (docs/benchmarks.md §4-§6).
#   bench/load.sh growth [MESSAGES]                 one case growing to 5,000 messages, in-process
#   bench/load.sh rest CLIENTS SECONDS              clients sending back to back to a ./triage serve
#   bench/load.sh web CONVERSATIONS RATE SECONDS    conversations with event streams, RATE messages/s in all
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -q -B -ntp -DskipTests package >&2
mvn -q -B -ntp -pl bot test-compile >&2
cp="bot/target/test-classes:bot/target/triage-bot.jar:bot/target/lib/*"
mode="$1"; shift
if [ "$mode" = growth ]; then
    exec java -Xmx1g -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$cp" dev.triage.bot.bench.CaseGrowthBenchmark "$@"
fi
data="$(mktemp -d)"
port="${BENCH_PORT:-18080}"
TRIAGE_PORT="$port" TRIAGE_DATA="$data" ./triage serve >"$data/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
    sleep 0.5
done
java -Xmx1g -cp "$cp" dev.triage.bot.bench.HttpLoadBenchmark "$mode" "http://127.0.0.1:$port" "$@"
