#!/usr/bin/env bash
# Intake throughput benchmark (docs/benchmarks.md): POST /api/v1/reports with wrk against, side by side
# in one run,
#   ceiling     bare Kestrel that parses the same JSON (Intake's own reader) and answers 202, storing nothing
#   standalone  the Standalone process (every module, in-memory bus, SQLite, synchronous=FULL)
#   intake      the distributed Intake process over RabbitMQ, with a Triage process taking the hand-over
# in rounds (ceiling, standalone, intake, ceiling, …) so that drift on a shared machine hits all three.
# Needs: .NET 10 SDK, wrk (apt-get install wrk), RabbitMQ on 127.0.0.1:5672 with rabbitmqctl (for intake).
# Everything listens on 127.0.0.1 only; every run is bounded by DURATION and ROUNDS.
#
#   bash bench/intake-throughput.sh                    # defaults below
#   DURATION=20s CONNECTIONS=32 ROUNDS=3 bash bench/intake-throughput.sh
#   TARGETS="intake" ROUNDS=1 bash bench/intake-throughput.sh   # one target only
# Raw wrk output, logs and summary.txt go to $OUT (default: a new folder under /tmp).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DURATION="${DURATION:-15s}"
WARMUP="${WARMUP:-5s}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
ROUNDS="${ROUNDS:-2}"
PORT_BASE="${PORT_BASE:-5990}"
CONFIGURATION="${CONFIGURATION:-Release}"
OUT="${OUT:-${TMPDIR:-/tmp}/safetyreports-bench-$(date -u +%Y%m%dT%H%M%SZ)}"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
mkdir -p "$OUT"
work="$(mktemp -d)"
vhost="safetyreports-bench-$$"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rabbitmqctl delete_vhost "$vhost" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "==> building ($CONFIGURATION)"
for project in bench/Ceiling services/Standalone services/Intake services/Triage; do
  dotnet build "$root/$project" -c "$CONFIGURATION" --nologo -v q >/dev/null
done
bin() { echo "$root/$1/bin/$CONFIGURATION/net10.0/$2.dll"; }

rabbitmqctl add_vhost "$vhost" >/dev/null
rabbitmqctl set_permissions -p "$vhost" guest '.*' '.*' '.*' >/dev/null

# Anti-abuse off (every request comes from 127.0.0.1); logs at Warning; otherwise the defaults.
common=(
  SafetyReports__Intake__ProofOfWork__Difficulty=0
  SafetyReports__Intake__RateLimit__PermitsPerMinute=1000000000
  SafetyReports__Intake__RateLimit__UnchallengedPermitsPerMinute=1000000000
  Logging__LogLevel__Default=Warning
  SafetyReports__DataProtection__KeysDirectory="$work/keys"
  SafetyReports__Identity__Issuer="http://127.0.0.1:$((PORT_BASE + 9))/"
)
# Every bus message is signed with a key the services share (docs/architecture.md).
distributed=(SafetyReports__Bus__Transport=RabbitMq "ConnectionStrings__RabbitMq=amqp://guest:guest@127.0.0.1:5672/$vhost"
  "SafetyReports__Bus__SigningKey=$(openssl rand -base64 32)")

start() { # name port dll env...
  local name=$1 port=$2 dll=$3; shift 3
  env "$@" DOTNET_gcServer=0 dotnet "$dll" --urls "http://127.0.0.1:$port" >"$OUT/$name.log" 2>&1 &
  pids+=($!)
  eval "pid_$name=$!"
}

declare -A url
url[ceiling]="http://127.0.0.1:$PORT_BASE"
url[standalone]="http://127.0.0.1:$((PORT_BASE + 1))"
url[intake]="http://127.0.0.1:$((PORT_BASE + 2))"
start ceiling "$PORT_BASE" "$(bin bench/Ceiling SafetyReports.Bench.Ceiling)"
start standalone "$((PORT_BASE + 1))" "$(bin services/Standalone SafetyReports.Standalone)" "${common[@]}" \
  SafetyReports__Storage__DataDirectory="$work/standalone"
start triage "$((PORT_BASE + 3))" "$(bin services/Triage SafetyReports.Triage)" "${common[@]}" "${distributed[@]}" \
  SafetyReports__Storage__DataDirectory="$work/triage"
start intake "$((PORT_BASE + 2))" "$(bin services/Intake SafetyReports.Intake)" "${common[@]}" "${distributed[@]}" \
  SafetyReports__Storage__DataDirectory="$work/intake"

echo "==> waiting for the services"
for target in ceiling standalone intake; do
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null "${url[$target]}/health/ready" 2>/dev/null && break
    sleep 1
  done
  curl -fsS -o /dev/null "${url[$target]}/health/ready" || { echo "$target did not become ready" >&2; tail -20 "$OUT/$target.log" >&2; exit 1; }
done

rss() { awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }
# CPU seconds (user + system) a process has used so far, in clock ticks.
ticks() { [ -r "/proc/$1/stat" ] && awk '{ print $14 + $15 }' "/proc/$1/stat" || echo 0; }
hz=$(getconf CLK_TCK)
broker=$(pgrep -u rabbitmq -x beam.smp | head -1 || true)
pid_of() { eval "echo \$pid_$1"; }

{
  echo "# intake throughput $(date -u +%FT%TZ) on $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
  echo "# wrk -t$THREADS -c$CONNECTIONS -d$DURATION (after a $WARMUP warm-up per target and round)"
  echo "# resident memory at rest (MiB): ceiling $(rss "$pid_ceiling"), standalone $(rss "$pid_standalone"), intake $(rss "$pid_intake"), triage $(rss "$pid_triage")"
  echo "# cpu: CPU time used during the measured run, as % of one core, by the target, by Triage (intake only) and by RabbitMQ"
  printf '%-6s %-11s %10s %9s %9s %9s %9s %8s %8s %8s %8s\n' round target req/s p50 p90 p99 non-2xx rss-MiB cpu% triage% broker%
} | tee "$OUT/summary.txt"

for round in $(seq 1 "$ROUNDS"); do
  for target in ${TARGETS:-ceiling standalone intake}; do
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$root/bench/post-report.lua" "${url[$target]}" >"$OUT/round$round-$target-warmup.txt"
    raw="$OUT/round$round-$target.txt"
    pid=$(pid_of "$target"); before=$(ticks "$pid"); triage_before=$(ticks "$pid_triage"); broker_before=$(ticks "${broker:-0}"); started=$(date +%s.%N)
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$root/bench/post-report.lua" "${url[$target]}" >"$raw"
    rps=$(awk '/^Requests\/sec/ { print $2 }' "$raw")
    p50=$(awk '$1 == "50%" { print $2 }' "$raw"); p90=$(awk '$1 == "90%" { print $2 }' "$raw"); p99=$(awk '$1 == "99%" { print $2 }' "$raw")
    errors=$(awk '/Non-2xx/ { print $NF }' "$raw"); errors=${errors:-0}
    seconds=$(echo "$(date +%s.%N) - $started" | bc)
    share() { echo "scale=0; 100 * ($1 - $2) / $hz / $seconds" | bc; }
    printf '%-6s %-11s %10s %9s %9s %9s %9s %8s %8s %8s %8s\n' "$round" "$target" "$rps" "$p50" "$p90" "$p99" "$errors" "$(rss "$pid")" \
      "$(share "$(ticks "$pid")" "$before")" "$(share "$(ticks "$pid_triage")" "$triage_before")" "$(share "$(ticks "${broker:-0}")" "$broker_before")" | tee -a "$OUT/summary.txt"
  done
done

# Every answered request stored a report: rows in the submissions table against the responses wrk
# counted over all runs, warm-ups included (a request cut off at the end of a run may be stored unanswered).
answered() { cat "$OUT"/round*-"$1"*.txt | awk '/requests in/ { n += $1 } END { print n + 0 }'; }
if command -v sqlite3 >/dev/null; then
  for target in standalone intake; do
    echo "# $target: $(sqlite3 "$work/$target/intake.db" 'SELECT COUNT(*) FROM submissions') submissions stored, $(answered "$target") responses" | tee -a "$OUT/summary.txt"
  done
fi
echo "raw wrk output and logs: $OUT"
