#!/usr/bin/env bash
# Load benchmarks of the chat core and the HTTP server (docs/benchmarks.md §4-§6).
#   bench/load.sh growth [MESSAGES]                 one case growing to 5,000 messages, in-process
#   bench/load.sh rest CLIENTS SECONDS              clients sending back to back to a ./triage serve
#   bench/load.sh web CONVERSATIONS RATE SECONDS    conversations with event streams, RATE messages/s in all
# BENCH_DB=postgres puts the servers on a throwaway PostgreSQL cluster (Debian's postgresql package, default
# durability) instead of the embedded H2; BENCH_INSTANCES=2 starts two servers on it, requests alternating between them.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if [ -z "${BENCH_NO_BUILD:-}" ]; then  # set it to measure the tree as last built
    mvn -q -B -ntp -DskipTests package >&2
    mvn -q -B -ntp -pl bot test-compile >&2
fi
cp="bot/target/test-classes:bot/target/triage-bot.jar:bot/target/lib/*"
mode="$1"; shift
if [ "$mode" = growth ]; then
    exec java -Xmx1g -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$cp" dev.triage.bot.bench.CaseGrowthBenchmark "$@"
fi
data="$(mktemp -d)"
port="${BENCH_PORT:-18080}"
instances="${BENCH_INSTANCES:-1}"
servers=()
cleanup() {
    for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
    if [ -f "$data/pg/postmaster.pid" ]; then as_pg "$pg_bin/pg_ctl" -D "$data/pg" -m fast -w stop >/dev/null || true; fi
    rm -rf "$data"
}
trap cleanup EXIT
# PostgreSQL refuses to run as root; then its programs run as the postgres user.
as_pg() { if [ "$(id -u)" = 0 ]; then setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"; else "$@"; fi; }
db_env=()
if [ "${BENCH_DB:-h2}" = postgres ]; then
    pg_bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
    pg_port=$((port + 100))
    [ "$(id -u)" = 0 ] && chown postgres: "$data"
    echo bench-password > "$data/pw" && [ "$(id -u)" = 0 ] && chown postgres: "$data/pw"
    as_pg "$pg_bin/initdb" -D "$data/pg" -U triage --pwfile="$data/pw" --auth-local=trust --auth-host=scram-sha-256 \
        -E UTF8 --locale=C.UTF-8 >/dev/null
    as_pg "$pg_bin/pg_ctl" -D "$data/pg" -l "$data/pg.log" -w -o "-p $pg_port -k $data -c listen_addresses=127.0.0.1 \
        -c max_connections=200" start >/dev/null
    as_pg "$pg_bin/createdb" -h "$data" -p "$pg_port" -U triage triage
    db_env=(TRIAGE_JDBC_URL="jdbc:postgresql://127.0.0.1:$pg_port/triage" TRIAGE_JDBC_USER=triage
        TRIAGE_JDBC_PASSWORD=bench-password)
fi
urls=()
for i in $(seq 0 $((instances - 1))); do
    env "${db_env[@]}" TRIAGE_PORT=$((port + i)) TRIAGE_DATA="$data/h2-$i" ./triage serve >"$data/serve-$i.log" 2>&1 &
    servers+=($!)
    urls+=("http://127.0.0.1:$((port + i))")
done
for url in "${urls[@]}"; do
    for _ in $(seq 1 240); do
        curl -fs "$url/ready" >/dev/null 2>&1 && break
        sleep 0.5
    done
done
java -Xmx1g -cp "$cp" dev.triage.bot.bench.HttpLoadBenchmark "$mode" "$(IFS=,; echo "${urls[*]}")" "$@"
