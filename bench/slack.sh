#!/usr/bin/env bash
# Slack acknowledgement latency (docs/benchmarks.md): CLIENTS concurrent signed app_mention requests to an in-process
# Triage with Slack on, its Web API a stand-in on loopback.
#   bench/slack.sh [CLIENTS] [REQUESTS] [raw|jdk]   default 50 clients, 2,000 requests (after 200 to warm up),
#   each client a kept-open connection written to directly (raw) or the JDK's HttpClient (jdk)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# -DskipTests still compiles the test classes, where the benchmark lives.
mvn -q -B -ntp -DskipTests package >&2
cp="bot/target/test-classes:bot/target/triage-bot.jar:bot/target/lib/*"
exec java -Xmx1g -cp "$cp" dev.triage.bot.bench.SlackAckBenchmark "${1:-50}" "${2:-2000}" "${3:-raw}"
