#!/usr/bin/env bash
# Builds the Teams app package (zip with manifest.json, color.png, outline.png at its root).
#
#   manifest/build-package.sh --app-id <guid> --host <hostname> [--version <x.y.z>] [--out <zip>]
#
#   --app-id  the client id of JourneyBot's app registration (bot, map tab sign-in and Graph)
#   --host    the web app's host name (Bicep output webAppHostName), e.g. journeybot.azurewebsites.net
#   --version the app version Teams shows and compares on update (default 1.0.0); raise it for every new upload
#   --out     zip to write (default: manifest/build/journeybot-app.zip)
#
# Checks the arguments, then the app's own `package` command (src/JourneyBot/Admin/AppPackage.cs, run with
# `dotnet run`) fills {{APP_ID}}, {{HOST_NAME}} and the version into manifest/manifest.json and zips it with the
# icons (reproducibly: same inputs, same bytes); the filled manifest and icons are validated offline with
# manifest/tools/validate-manifest.js (needs `npm ci --prefix infra`) before the zip is written to --out.
# Needs the .NET SDK, node and bash.
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$script_dir/.." && pwd)"

usage() {
  echo "usage: manifest/build-package.sh --app-id <guid> --host <hostname> [--version <x.y.z>] [--out <zip>]" >&2
}

fail_usage() {
  echo "build-package: $1" >&2
  usage
  exit 2
}

app_id=""
host=""
version="1.0.0"
out="$repo_root/manifest/build/journeybot-app.zip"

while [[ $# -gt 0 ]]; do
  case "$1" in
    --app-id) [[ $# -ge 2 ]] || fail_usage "--app-id needs a value"; app_id="$2"; shift 2 ;;
    --app-id=*) app_id="${1#*=}"; shift ;;
    --host) [[ $# -ge 2 ]] || fail_usage "--host needs a value"; host="$2"; shift 2 ;;
    --host=*) host="${1#*=}"; shift ;;
    --version) [[ $# -ge 2 ]] || fail_usage "--version needs a value"; version="$2"; shift 2 ;;
    --version=*) version="${1#*=}"; shift ;;
    --out) [[ $# -ge 2 ]] || fail_usage "--out needs a value"; out="$2"; shift 2 ;;
    --out=*) out="${1#*=}"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) fail_usage "unknown argument: $1" ;;
  esac
done

[[ -n "$app_id" ]] || fail_usage "--app-id is required"
[[ -n "$host" ]] || fail_usage "--host is required"
[[ -n "$out" ]] || fail_usage "--out must not be empty"
# Teams takes a.b.c with numbers only, and an update must carry a higher one.
[[ "$version" =~ ^[0-9]{1,5}\.[0-9]{1,5}\.[0-9]{1,5}$ ]] || fail_usage "--version must be three numbers like 1.2.0, got '$version'"

guid_re='^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
if ! [[ "$app_id" =~ $guid_re ]]; then
  fail_usage "--app-id must be a GUID like 0a1b2c3d-0000-4000-8000-123456789abc, got '$app_id'"
fi

# A bare DNS host name: dot-separated labels of letters, digits and inner hyphens; no scheme, port,
# path or trailing dot (Teams validDomains and URLs are built from it).
label='[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?'
host_re="^${label}(\\.${label})+\$"
if [[ "$host" == *://* ]]; then
  fail_usage "--host must be a bare host name without a scheme (e.g. journeybot.azurewebsites.net), got '$host'"
fi
if ! [[ "$host" =~ $host_re ]] || (( ${#host} > 253 )); then
  fail_usage "--host must be a bare host name such as journeybot.azurewebsites.net (no scheme, port or path), got '$host'"
fi
host="${host,,}"
app_id="${app_id,,}"

command -v node >/dev/null 2>&1 || { echo "build-package: node is required" >&2; exit 1; }
command -v dotnet >/dev/null 2>&1 || { echo "build-package: the .NET SDK (dotnet) is required" >&2; exit 1; }
if [[ ! -d "$repo_root/infra/node_modules/@microsoft/app-manifest" ]]; then
  echo "build-package: $repo_root/infra/node_modules has no @microsoft/app-manifest; run: npm ci --prefix infra" >&2
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if ! dotnet run --project "$repo_root/src/JourneyBot" --no-launch-profile --verbosity quiet -- package \
    --app-id "$app_id" --host "$host" --version "$version" --manifest "$script_dir" \
    --out "$work/journeybot-app.zip" --unpacked "$work/app" >&2; then
  echo "build-package: the app's package command failed (see above)" >&2
  exit 1
fi

echo "build-package: validating manifest for app id $app_id, host $host" >&2
if ! node "$script_dir/tools/validate-manifest.js" "$work/app/manifest.json" >"$work/validation.txt"; then
  echo "build-package: the filled manifest is not valid:" >&2
  cat "$work/validation.txt" >&2
  exit 1
fi

mkdir -p "$(dirname "$out")"
cp "$work/journeybot-app.zip" "$out"
echo "build-package: wrote $out" >&2
