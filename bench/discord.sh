#!/usr/bin/env bash
# Discord acknowledgement latency (docs/benchmarks.md): CLIENTS concurrent signed /triage interactions to an
# in-process Triage with Discord on, its API a stand-in on loopback.
#   bench/discord.sh [CLIENTS] [REQUESTS]      default 50 clients, 2,000 requests (after 200 to warm up)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# -DskipTests still compiles the test classes, where the benchmark lives.
mvn -q -B -ntp -DskipTests package >&2
cp="bot/target/test-classes:bot/target/triage-bot.jar:bot/target/lib/*"
exec java -Xmx1g -XX:+UseSerialGC -cp "$cp" dev.triage.bot.bench.DiscordAckBenchmark "${1:-50}" "${2:-2000}"
