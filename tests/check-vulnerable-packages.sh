#!/usr/bin/env bash
# Fails when any package the repository uses has a known vulnerability: the solution's NuGet packages
# (direct and transitive) and the browser tests' npm packages. Only warns when a registry cannot
# answer the question, because a clean answer then means nothing:
# - `dotnet list package --vulnerable` prints "no vulnerable packages given the current sources" and
#   exits 0 without having checked anything when no source has vulnerability data, so the sources'
#   service indexes are asked for NuGet's VulnerabilityInfo resource before a clean answer is believed;
# - `npm audit` fails with "audit endpoint returned an error" when the registry has no audit endpoint.
# Exit: 0 clean or not checkable (with a WARNING per registry), 1 a known-vulnerable package or an
# unexpected failure of a check.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

failed=0
not_checked=()

not_performed() {
  echo "WARNING: $1 vulnerability check NOT performed: $2" >&2
  not_checked+=("$1")
}

check_nuget() {
  echo "==> dotnet list package --vulnerable --include-transitive"
  local out rc
  out="$(dotnet list SafetyReports.sln package --vulnerable --include-transitive 2>&1)"
  rc=$?
  printf '%s\n' "$out"

  if grep -q "has the following vulnerable packages" <<<"$out"; then
    echo "FAILED: known-vulnerable NuGet packages are listed above; update or pin them in Directory.Packages.props." >&2
    return 1
  fi
  if [ "$rc" -ne 0 ]; then
    if grep -qE "NU1301|NU1900|Unable to load the service index" <<<"$out"; then
      not_performed NuGet "the package source could not be reached (exit $rc)."
      return 0
    fi
    echo "FAILED: dotnet list package exited with $rc." >&2
    return 1
  fi
  if grep -q "NU1900" <<<"$out"; then
    not_performed NuGet "NuGet could not read the vulnerability data (NU1900)."
    return 0
  fi

  # The sources NuGet used, as it lists them after "The following sources were used:".
  local sources answering=() source
  mapfile -t sources < <(awk '/The following sources were used:/ { on = 1; next } on && NF == 0 { on = 0 } on { print $1 }' <<<"$out")
  if [ ${#sources[@]} -eq 0 ]; then
    not_performed NuGet "dotnet did not say which package sources it used."
    return 0
  fi
  if ! command -v curl >/dev/null; then
    not_performed NuGet "curl is missing, so the sources' vulnerability support cannot be confirmed."
    return 0
  fi
  for source in "${sources[@]}"; do
    case "$source" in
      http://*|https://*)
        if curl -fsSL -m 30 "$source" 2>/dev/null | grep -qE '"@type" *: *"VulnerabilityInfo'; then
          answering+=("$source")
        fi ;;
    esac
  done
  if [ ${#answering[@]} -eq 0 ]; then
    not_performed NuGet "no package source (${sources[*]}) serves NuGet's VulnerabilityInfo resource, so 'no vulnerable packages' above means nothing."
    return 0
  fi
  echo "==> no known-vulnerable NuGet packages (vulnerability data from ${answering[*]})"
}

check_npm() {
  local prefix=tests/IntegrationTests/Browser
  echo "==> npm audit --prefix $prefix"
  if ! command -v npm >/dev/null; then
    not_performed npm "npm is missing."
    return 0
  fi
  local out rc
  out="$(npm audit --prefix "$prefix" --audit-level=low 2>&1)"
  rc=$?
  printf '%s\n' "$out"
  if grep -qE "found 0 vulnerabilities" <<<"$out" && [ "$rc" -eq 0 ]; then
    echo "==> no known-vulnerable npm packages"
    return 0
  fi
  if grep -qE "(^|[^0-9])[1-9][0-9]* ((low|moderate|high|critical) severity )?vulnerabilit" <<<"$out"; then
    echo "FAILED: known-vulnerable npm packages are listed above; update them in $prefix/package.json." >&2
    return 1
  fi
  if grep -qE "audit endpoint returned an error|ENOTFOUND|ECONNREFUSED|EAI_AGAIN|ETIMEDOUT|E40[345]|E5[0-9][0-9]" <<<"$out"; then
    not_performed npm "the registry did not answer the audit request (exit $rc)."
    return 0
  fi
  echo "FAILED: npm audit exited with $rc." >&2
  return 1
}

check_nuget || failed=1
check_npm || failed=1

if [ "$failed" -ne 0 ]; then
  exit 1
fi
if [ ${#not_checked[@]} -gt 0 ]; then
  echo "WARNING: not checked for known vulnerabilities: ${not_checked[*]}; run tests/check-vulnerable-packages.sh where https://api.nuget.org/v3/index.json and https://registry.npmjs.org answer vulnerability queries." >&2
fi
exit 0
