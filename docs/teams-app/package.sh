#!/usr/bin/env bash
# Builds the Teams app package to upload in Teams (Apps -> Manage your apps -> Upload an app) or the Teams admin
# center: manifest.json with your bot's Microsoft App ID and Triage's public host filled in, and the two icons, zipped.
#   docs/teams-app/package.sh APP_ID HOST [OUT.zip]      e.g. package.sh 6a1b3c5d-... triage.corp.example.com
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
app_id="${1:?the Microsoft App ID of the bot (TEAMS_APP_ID)}"
host="${2:?the public host name of Triage, e.g. triage.corp.example.com}"
out="$(realpath -m "${3:-triage-teams.zip}")"
if ! [[ "$app_id" =~ ^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$ ]]; then
    echo "package.sh: '$app_id' is not an App ID (a GUID)" >&2
    exit 2
fi
if ! [[ "$host" =~ ^[A-Za-z0-9.-]+$ ]]; then
    echo "package.sh: '$host' is not a host name" >&2
    exit 2
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sed -e "s/00000000-0000-0000-0000-000000000000/$app_id/g" -e "s/triage\.example\.com/$host/g" \
    "$here/manifest.json" >"$work/manifest.json"
cp "$here/color.png" "$here/outline.png" "$work/"
# The JDK's jar tool writes a plain zip with M (no META-INF), so nothing beyond Java is needed.
(cd "$work" && rm -f "$out" && jar cfM "$out" manifest.json color.png outline.png)
echo "$out"
