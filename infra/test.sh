#!/usr/bin/env bash
# Runs every test: installs what is missing, builds, and runs the suite. Tests start and stop their own
# Azurite and Agents Playground on free loopback ports, so a running dev instance is not disturbed.
# Ends with one line: "N passed, N failed".
set -uo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
"$repo/infra/install-tools.sh" || exit 1

# The card gallery renders cards in Debian's Chromium (no browser download: the network is closed).
if [[ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]]; then
  if [[ $(id -u) -eq 0 ]]; then
    echo "Installing chromium (apt)..."
    (apt-get install -y -qq chromium > /dev/null 2>&1 || { apt-get update -qq > /dev/null 2>&1 && apt-get install -y -qq chromium > /dev/null 2>&1; }) \
      || echo "Could not install chromium; the card gallery test will fail." >&2
  else
    echo "chromium is missing: run 'sudo apt-get install -y chromium' (the card gallery test needs it)." >&2
  fi
fi

# Japanese cards and pages need a font with kana and kanji to render as text, not boxes, in the gallery.
if ! fc-list 2>/dev/null | grep -qi "ipagothic\|ipapgothic\|noto sans cjk"; then
  if [[ $(id -u) -eq 0 ]]; then
    apt-get install -y -qq fonts-ipafont-gothic > /dev/null 2>&1 || echo "Could not install a Japanese font; Japanese gallery pictures show boxes." >&2
  else
    echo "No Japanese font: run 'sudo apt-get install -y fonts-ipafont-gothic' for readable Japanese gallery pictures." >&2
  fi
fi

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT
dotnet build JourneyBot.sln --nologo --verbosity quiet || { echo "0 passed, 1 failed"; exit 1; }
dotnet test JourneyBot.sln --no-build --nologo --logger "trx;LogFileName=results.trx" --results-directory "$results" "$@"
status=$?

passed=0; failed=0
for trx in "$results"/*.trx "$results"/*/*.trx; do
  [[ -f "$trx" ]] || continue
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -1)"
  p="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<< "$counters")"
  f="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<< "$counters")"
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [[ $status -ne 0 && $failed -eq 0 ]]; then failed=1; fi
if [[ $passed -eq 0 && $failed -eq 0 ]]; then failed=1; fi
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
