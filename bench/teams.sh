#!/usr/bin/env bash
# Teams acknowledgement latency (docs/benchmarks.md): CLIENTS concurrent authorised activities (RS256 tokens checked
# against a stand-in JWKS) to an in-process Triage with Teams on, its Bot Connector a stand-in on loopback.
#   bench/teams.sh [CLIENTS] [REQUESTS]        default 50 clients, 2,000 requests (after 200 to warm up)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# -DskipTests still compiles the test classes, where the benchmark lives.
mvn -q -B -ntp -DskipTests package >&2
cp="bot/target/test-classes:bot/target/triage-bot.jar:bot/target/lib/*"
exec java -Xmx1g -cp "$cp" dev.triage.bot.chat.teams.TeamsAckBenchmark "${1:-50}" "${2:-2000}"
