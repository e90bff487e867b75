#!/usr/bin/env bash
# Runs the whole test suite on Debian/Ubuntu: installs and starts what the tests use for real
# (RabbitMQ, Debian's docker-compose for validating docker-compose.yml, yamllint for deploy/,
# Debian's Chromium and axe-core for the browser tests, aiosmtpd for the e-mail tests), checks for known-vulnerable packages,
# builds, runs every test.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "need root (or sudo) to run: $*" >&2; return 1; fi
}

missing=()
command -v rabbitmq-server >/dev/null || missing+=(rabbitmq-server)
command -v docker-compose >/dev/null || missing+=(docker-compose)
# The deployment tests lint deploy/ with Debian's yamllint.
command -v yamllint >/dev/null || missing+=(yamllint)
# The browser tests drive Debian's Chromium through Playwright (never a downloaded browser).
command -v chromium >/dev/null || missing+=(chromium fonts-dejavu-core)
command -v npm >/dev/null || missing+=(npm)
# The e-mail tests send to a real SMTP server on loopback: Debian's aiosmtpd, run by Debian's python3.
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || missing+=(python3-aiosmtpd)
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# axe-core, which the accessibility tests inject into pages, pinned by the committed package-lock.json.
echo "==> npm ci (browser test scripts)"
npm ci --prefix tests/IntegrationTests/Browser --no-audit --no-fund >/dev/null

rabbitmq_listening() { (exec 3<>/dev/tcp/127.0.0.1/5672) 2>/dev/null; }
if ! rabbitmq_listening; then
  echo "==> starting RabbitMQ"
  as_root rabbitmq-server -detached >/dev/null 2>&1 || true
fi
# await_startup fails while the node is still registering with epmd: retry for up to two minutes.
for _ in $(seq 1 60); do
  if as_root rabbitmqctl await_startup >/dev/null 2>&1 && rabbitmq_listening; then break; fi
  sleep 2
done
rabbitmq_listening || { echo "RabbitMQ did not start" >&2; exit 1; }
export SAFETYREPORTS_REQUIRE_RABBITMQ=1

# Known-vulnerable NuGet packages fail the run; a package source without vulnerability data only warns.
tests/check-vulnerable-packages.sh

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
echo "==> dotnet test"
set +e
dotnet test SafetyReports.sln --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One summary line per test assembly; refuse a run that executed no tests.
summaries="$(grep -E '^(Passed|Failed)!' "$log" || true)"
count() { printf '%s\n' "$summaries" | grep -oE "$1: +[0-9]+" | awk '{ n += $2 } END { print n + 0 }'; }
passed="$(count Passed)"; failed="$(count Failed)"; skipped="$(count Skipped)"
assemblies="$(printf '%s\n' "$summaries" | grep -c . || true)"
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$assemblies" -lt 2 ] || [ "$passed" -eq 0 ]; then
  echo "expected both test assemblies to run tests; found ${assemblies} summaries" >&2
  exit 1
fi
exit "$status"
