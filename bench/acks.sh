#!/usr/bin/env bash
# Acknowledgement latency of a chat platform's endpoint (docs/benchmarks.md): CLIENTS concurrent signed requests to
# an in-process Triage with the platform on, its API a stand-in on loopback. bench/slack.sh, bench/discord.sh and
# bench/teams.sh call this.
#   bench/acks.sh slack|discord|teams|floor [CLIENTS] [REQUESTS] [loop|raw|jdk] [WARMUP]   default 50 kept-open
#   connections driven from one thread (loop), 10,000 measured requests after 10,000 to warm up; raw gives each
#   connection a blocking thread, jdk uses the JDK's HttpClient. BENCH_DRAIN=SECONDS (60) bounds the wait for answers.
#   BENCH_JAVA_OPTS adds options to the benchmark JVM (-Dbench.discord.privateHosts=false measures Discord without them).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# -DskipTests still compiles the test classes, where the benchmark lives.
mvn -q -B -ntp -DskipTests package >&2
cp="bot/target/test-classes:bot/target/triage-bot.jar:bot/target/lib/*"
# The JVM options `./triage serve` ships (TRIAGE_JAVA_OPTS overrides them there and here), so the figures are the
# server's; -Xmx1g only caps the benchmark's own heap.
java_opts=(${TRIAGE_JAVA_OPTS:--XX:+UseSerialGC -XX:MetaspaceSize=128m})
exec java ${BENCH_JAVA_OPTS:-} -Ddrain="${BENCH_DRAIN:-60}" -Xmx1g "${java_opts[@]}" -cp "$cp" dev.triage.bot.bench.AckBenchmark "${1:?slack, discord or teams}" \
    "${2:-50}" "${3:-10000}" "${4:-loop}" "${5:-10000}"
