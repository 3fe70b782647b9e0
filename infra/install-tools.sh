#!/usr/bin/env bash
# Installs the local tooling pinned in infra/package-lock.json (Azurite, the Agents Playground, manifest and
# card validators) when it is missing or out of date. Needs only Node/npm.
set -euo pipefail
infra="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
stamp="$infra/node_modules/.package-lock.json"
if [[ ! -f "$stamp" || "$infra/package-lock.json" -nt "$stamp" ]]; then
  echo "Installing local tools (npm ci in infra/)..."
  (cd "$infra" && npm ci --no-audit --no-fund --loglevel=error 2>&1 | grep -v 'Unknown user config' || true)
  [[ -x "$infra/node_modules/.bin/azurite" ]] || { echo "npm ci in infra/ failed" >&2; exit 1; }
fi
