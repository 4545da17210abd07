#!/usr/bin/env bash
# Slack acknowledgement latency (docs/benchmarks.md): CLIENTS concurrent signed app_mention requests to an in-process
# Triage with Slack on, its Web API a stand-in on loopback.
#   bench/slack.sh [CLIENTS] [REQUESTS] [loop|raw|jdk] [WARMUP]   default 50 connections, 10,000 requests after 10,000
#   to warm up (bench/acks.sh explains the clients)
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/acks.sh" slack "$@"
