#!/usr/bin/env bash
# The probe rate limits' cost per run: in-process, embedded H2, and PostgreSQL when TRIAGE_JDBC_URL names one.
# Usage: bench/ratelimits.sh [WARMUP] [MEASURED]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -q -B -ntp -DskipTests package >&2
mvn -q -B -ntp -pl bot -am test-compile >&2
exec java -Xmx512m -cp "bot/target/test-classes:bot/target/triage-bot.jar:bot/target/lib/*" \
    dev.triage.bot.bench.RateLimitBenchmark "$@"
