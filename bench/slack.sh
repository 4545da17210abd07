#!/usr/bin/env bash
# Slack acknowledgement latency (docs/benchmarks.md): CLIENTS concurrent signed app_mention requests to an in-process
# Triage with Slack on, its Web API a stand-in on loopback.
#   bench/slack.sh [CLIENTS] [REQUESTS] [raw|jdk]   default 50 clients, 2,000 requests (after 200 to warm up),
#   each client a kept-open connection written to directly (raw) or the JDK's HttpClient (jdk)
set -euo pipefail
exec "$(dirname "${BASH_SOURCE[0]}")/acks.sh" slack "$@"
