#!/usr/bin/env bash
# Discord acknowledgement latency (docs/benchmarks.md): CLIENTS concurrent signed /triage interactions to an
# in-process Triage with Discord on, its API a stand-in on loopback.
#   bench/discord.sh [CLIENTS] [REQUESTS] [raw|jdk]      default 50 clients, 2,000 requests (after 200 to warm up)
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/acks.sh" discord "$@"
