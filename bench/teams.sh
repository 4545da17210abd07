#!/usr/bin/env bash
# Teams acknowledgement latency (docs/benchmarks.md): CLIENTS concurrent authorised activities (RS256 tokens checked
# against a stand-in JWKS) to an in-process Triage with Teams on, its Bot Connector a stand-in on loopback.
#   bench/teams.sh [CLIENTS] [REQUESTS] [raw|jdk]        default 50 clients, 2,000 requests (after 200 to warm up)
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/acks.sh" teams "$@"
