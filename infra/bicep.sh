#!/usr/bin/env bash
# Runs the Bicep CLI pinned in infra/bicep/bicep.csproj (from NuGet; no Azure CLI needed).
#   infra/bicep.sh build infra/main.bicep --stdout > /dev/null
#   infra/bicep.sh lint infra/main.bicep
#   infra/bicep.sh build-params infra/main.bicepparam --stdout > /dev/null
# Restores the tools project on first use. Set BICEP_EXE to use another bicep binary.
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="$script_dir/bicep/bicep.csproj"
package_id="azure.bicep.commandline.linux-x64"

if [[ -n "${BICEP_EXE:-}" ]]; then
  exec "$BICEP_EXE" "$@"
fi

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) ;;
  *) echo "bicep.sh: the pinned Bicep CLI package is linux-x64 only; set BICEP_EXE to a bicep binary for $(uname -s)-$(uname -m)" >&2
     exit 2 ;;
esac

version="$(sed -n 's/.*Include="Azure\.Bicep\.CommandLine\.linux-x64" Version="\([^"]*\)".*/\1/p' "$project")"
if [[ -z "$version" ]]; then
  echo "bicep.sh: cannot read the Azure.Bicep.CommandLine.linux-x64 version from $project" >&2
  exit 2
fi

find_bicep() {
  local folders=()
  if [[ -n "${NUGET_PACKAGES:-}" ]]; then
    folders+=("$NUGET_PACKAGES")
  else
    folders+=("$HOME/.nuget/packages")
  fi
  # After a restore, the package folders NuGet really used are recorded in project.assets.json
  # (covers a globalPackagesFolder set in a nuget.config).
  local assets="$script_dir/bicep/obj/project.assets.json"
  if [[ -f "$assets" ]]; then
    local f
    while IFS= read -r f; do folders+=("$f"); done < <(
      sed -n '/"packageFolders"/,/}/p' "$assets" | sed -e '1d' -n -e 's/^ *"\([^"]*\)": *{.*/\1/p')
  fi
  local dir
  for dir in "${folders[@]}"; do
    local candidate="${dir%/}/$package_id/$version/tools/bicep"
    if [[ -f "$candidate" ]]; then
      printf '%s\n' "$candidate"
      return 0
    fi
  done
  return 1
}

if ! bicep="$(find_bicep)"; then
  echo "bicep.sh: restoring Bicep CLI $version (dotnet restore $project)" >&2
  dotnet restore "$project" --verbosity quiet >&2
  if ! bicep="$(find_bicep)"; then
    echo "bicep.sh: Bicep CLI $version not found after restore (looked in NUGET_PACKAGES or ~/.nuget/packages)" >&2
    exit 1
  fi
fi

[[ -x "$bicep" ]] || chmod +x "$bicep"
exec "$bicep" "$@"
