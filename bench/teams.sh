#!/usr/bin/env bash
# Teams acknowledgement latency (docs/benchmarks.md): CLIENTS concurrent authorised activities (RS256 tokens checked
# against a stand-in JWKS) to an in-process Triage with Teams on, its Bot Connector a stand-in on loopback.
#   bench/teams.sh [CLIENTS] [REQUESTS] [loop|raw|jdk] [WARMUP]   default 50 connections, 10,000 requests after 10,000
#   to warm up (bench/acks.sh explains the clients)
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/acks.sh" teams "$@"
