#!/usr/bin/env bash
# Backlog triage throughput: N tickets (default 10,000) in a Jira-shaped CSV export through `./triage batch
# --no-probes --format csv`, RUNS times (default 3). Prints each run's summary line (tickets/s over the run, the
# per-diagnosis p50/p99) and its wall time from JVM start, then the medians.
# Usage: bench/backlog.sh [N] [RUNS]        TRIAGE_JAVA_OPTS overrides the launcher's JVM options.
#
# The tickets are made deterministically (no randomness) from the texts of the test fixtures (the scenario table and
# the labelled eval cases): 40 % repeat a fixture text exactly, as backlogs do when many users paste one dialog; the
# rest add a greeting, a host line (`mstsc /v:rdsN.corp.example`) or a signature, so they are distinct texts.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-10000}"
runs="${2:-3}"
out="$root/bot/target/bench"
mkdir -p "$out"
csv="$out/backlog-$n.csv"

python3 - "$root" "$n" "$csv" <<'PY'
import csv, json, sys, pathlib
root, n, target = pathlib.Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
res = root / "bot/src/test/resources"
texts = []
for name in ["scenarios/causes.jsonl", "eval/rdp-found-cases.jsonl", "eval/rdp-heldout-cases.jsonl"]:
    for line in (res / name).read_text(encoding="utf-8").splitlines():
        if line.strip():
            case = json.loads(line)
            texts.append(case.get("text") or case.get("user_text"))
fillers = [f"Custom field ({i})" for i in range(100)]
with open(target, "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\r\n")
    w.writerow(["Summary", "Issue key", "Issue id", "Issue Type", "Status", "Description"] + fillers
               + ["Comment", "Comment", "Comment", "Labels"])
    for i in range(n):
        base = texts[(i * 7919) % len(texts)]
        kind = i % 10
        if kind < 4:
            text = base
        elif kind < 7:
            text = f"Hi team, user on floor {i % 17} reports:\n\n{base}"
        elif kind < 9:
            text = f"mstsc /v:rds{i % 25:02d}.corp.example\n{base}"
        else:
            text = f"{base}\n\n-- raised by user{i % 300} from the service desk portal"
        summary = " ".join(base.split())[:80]
        w.writerow([summary, f"HD-{i + 1}", str(10000 + i), "Incident", "Open", text] + [""] * len(fillers)
                   + [f"01/Dec/26 9:{i % 60:02d} AM;agent{i % 7};Asked for a screenshot", "", "", "rdp"])
PY
echo "input: $csv ($n tickets, $(du -h "$csv" | cut -f1))" >&2

"$root/triage" help >/dev/null   # builds the jar and the class-data archive first, outside the timing
rates=()
walls=()
for run in $(seq 1 "$runs"); do
    start=$(date +%s.%N)
    summary=$("$root/triage" batch --no-probes --format csv "$csv" 2>&1 >/dev/null | grep 'tickets/s' || true)
    end=$(date +%s.%N)
    wall=$(echo "$end - $start" | bc)
    rate=$(echo "$summary" | sed -E 's/.* ([0-9,]+) tickets\/s.*/\1/' | tr -d ,)
    echo "run $run: wall ${wall}s ($(echo "scale=0; $n / $wall" | bc) tickets/s from JVM start); $summary"
    rates+=("$rate")
    walls+=("$wall")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "median over $runs runs: $(median "${rates[@]}") tickets/s during the run, wall $(median "${walls[@]}") s," \
    "load average $(cut -d' ' -f1-3 /proc/loadavg)"
