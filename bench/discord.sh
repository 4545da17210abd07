#!/usr/bin/env bash
# Discord acknowledgement latency (docs/benchmarks.md): CLIENTS concurrent signed /triage interactions to an
# in-process Triage with Discord on, its API a stand-in on loopback.
#   bench/discord.sh [CLIENTS] [REQUESTS] [loop|raw|jdk] [WARMUP]   default 50 connections, 10,000 requests after 10,000
#   to warm up (bench/acks.sh explains the clients)
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/acks.sh" discord "$@"
