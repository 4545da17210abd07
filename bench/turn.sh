#!/usr/bin/env bash
# Text-only turn latency in-process (median, p99, throughput). Usage: bench/turn.sh [WARMUP] [MEASURED]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -q -B -ntp -DskipTests package >&2
mvn -q -B -ntp -pl bot test-compile >&2
exec java -Xmx1g -cp "bot/target/test-classes:bot/target/triage-bot.jar:bot/target/lib/*" \
    dev.triage.bot.bench.TurnBenchmark "$@"
