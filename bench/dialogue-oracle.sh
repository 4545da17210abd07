#!/usr/bin/env bash
# The dialogue's oracle on labelled cases (issue 13): where the gain of the questions is lost.
# usage: bench/dialogue-oracle.sh FILE.jsonl [all|even|odd]    (build first: mvn -B -ntp -o -q package -DskipTests)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(mktemp)"
java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$root/bot/target/triage-bot.jar:$root/bot/target/lib/*" \
    "$root/bench/dialogue-oracle/DialogueOracle.java" "$1" > "$out" 2>/dev/null
python3 "$root/bench/dialogue-oracle/summary.py" "$out" "${2:-all}"
echo "per-case lines: $out"
