#!/usr/bin/env bash
# Fails when any NuGet package of the solution, direct or transitive, has a known vulnerability.
# Only warns (exit 0) when no package source can answer the question: `dotnet list package
# --vulnerable` then still prints "no vulnerable packages given the current sources" and exits 0
# without having checked anything, so the sources' service indexes are asked for NuGet's
# VulnerabilityInfo resource before a clean answer is believed.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

warn() {
  echo "WARNING: vulnerable-package check NOT performed: $*" >&2
  echo "WARNING: run it where https://api.nuget.org/v3/index.json (or a source with vulnerability data) is reachable." >&2
  exit 0
}

echo "==> dotnet list package --vulnerable --include-transitive"
out="$(dotnet list SafetyReports.sln package --vulnerable --include-transitive 2>&1)"
rc=$?
printf '%s\n' "$out"

if grep -q "has the following vulnerable packages" <<<"$out"; then
  echo "FAILED: known-vulnerable packages are listed above; update or pin them in Directory.Packages.props." >&2
  exit 1
fi
if [ "$rc" -ne 0 ]; then
  if grep -qE "NU1301|NU1900|Unable to load the service index" <<<"$out"; then
    warn "the package source could not be reached (exit $rc)."
  fi
  echo "FAILED: dotnet list package exited with $rc." >&2
  exit "$rc"
fi
if grep -q "NU1900" <<<"$out"; then
  warn "NuGet could not read the vulnerability data (NU1900)."
fi

# The sources NuGet used, as it lists them after "The following sources were used:".
mapfile -t sources < <(awk '/The following sources were used:/ { on = 1; next } on && NF == 0 { on = 0 } on { print $1 }' <<<"$out")
[ ${#sources[@]} -gt 0 ] || warn "dotnet did not say which package sources it used."
command -v curl >/dev/null || warn "curl is missing, so the sources' vulnerability support cannot be confirmed."
answering=()
for source in "${sources[@]}"; do
  case "$source" in
    http://*|https://*)
      if curl -fsSL -m 30 "$source" 2>/dev/null | grep -qE '"@type" *: *"VulnerabilityInfo'; then
        answering+=("$source")
      fi ;;
  esac
done
if [ ${#answering[@]} -eq 0 ]; then
  warn "no package source (${sources[*]}) serves NuGet's VulnerabilityInfo resource, so 'no vulnerable packages' above means nothing."
fi
echo "==> no known-vulnerable packages (vulnerability data from ${answering[*]})"
