#!/usr/bin/env bash
# Every performance row of docs/benchmarks.md in one run, against bare Kestrel in the same run:
#
#   ceiling       bench/Ceiling: bare Kestrel parsing the same JSON (Intake's own reader), storing nothing
#   standalone    POST /api/v1/reports on Standalone (every module, in-memory bus); every 202 is on disk
#   intake        POST /api/v1/reports on the distributed Intake over RabbitMQ, with Triage taking the hand-over
#   pipeline      reports stored in Triage per second, from the first request of that burst until Triage held them all
#   end-to-end    submit -> webhook received at a fixed rate (bench/EndToEnd: Identity, Intake, Triage, Notification)
#
# and prints one table: req/s (or reports/s), ratio to the ceiling, CPU per report (user + system CPU time of every
# service process, from /proc/<pid>/stat, from the start of the measured burst until its reports are stored, divided
# by those reports; RabbitMQ's own CPU separately) and resident memory (VmRSS) at the end of each row.
#
#   bash bench/run-all.sh                                  # defaults below
#   DURATION=10s WARMUP=15s CONNECTIONS=64 E2E_RATE=200 E2E_SECONDS=20 E2E_WARMUP=30 bash bench/run-all.sh
#   ROWS="ceiling standalone" bash bench/run-all.sh       # some rows only
#
# The services run with their defaults; only the anti-abuse limits are lifted (every request comes from 127.0.0.1).
# Needs: .NET 10 SDK, wrk, sqlite3, RabbitMQ on 127.0.0.1:5672 with rabbitmqctl. Every phase is bounded.
# Raw wrk output, logs and summary.txt go to $OUT (default: a new folder under /tmp).
set -euo pipefail

root="${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-15s}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
E2E_RATE="${E2E_RATE:-200}"
E2E_SECONDS="${E2E_SECONDS:-20}"
E2E_WARMUP="${E2E_WARMUP:-30}"
DRAIN_SECONDS="${DRAIN_SECONDS:-120}"
PORT_BASE="${PORT_BASE:-6990}"
CONFIGURATION="${CONFIGURATION:-Release}"
ROWS="${ROWS:-ceiling standalone intake end-to-end}"
BUILD="${BUILD:-1}"
OUT="${OUT:-${TMPDIR:-/tmp}/safetyreports-run-all-$(date -u +%Y%m%dT%H%M%SZ)}"

for tool in wrk sqlite3 bc; do command -v "$tool" >/dev/null || { echo "$tool is missing (apt-get install -y $tool)" >&2; exit 1; }; done
mkdir -p "$OUT"
work="$(mktemp -d)"
pids=()
vhost=""
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -n "$vhost" ] && rabbitmqctl delete_vhost "$vhost" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

if [ "$BUILD" = 1 ]; then
  echo "==> building ($CONFIGURATION)"
  for project in bench/Ceiling services/Standalone services/Intake services/Triage services/Identity services/Notification bench/EndToEnd; do
    dotnet build "$root/$project" -c "$CONFIGURATION" --nologo -v q >/dev/null
  done
fi
bin() { echo "$root/$1/bin/$CONFIGURATION/net10.0/$2.dll"; }

# Only what a load from one address needs: no proof of work, no rate limit. Everything else is the default.
anti_abuse_off=(
  SafetyReports__Intake__ProofOfWork__Difficulty=0
  SafetyReports__Intake__RateLimit__PermitsPerMinute=1000000000
  SafetyReports__Intake__RateLimit__UnchallengedPermitsPerMinute=1000000000
  SafetyReports__DataProtection__KeysDirectory="$work/keys"
  SafetyReports__Identity__Issuer="http://127.0.0.1:$((PORT_BASE + 9))/"
)

start() { # name port dll env...
  local name=$1 port=$2 dll=$3; shift 3
  # The working directory is the service's own empty folder, as in the container images (/app), not the data folder.
  mkdir -p "$work/cwd-$name"
  (cd "$work/cwd-$name" && exec env "$@" dotnet "$dll" --urls "http://127.0.0.1:$port" >"$OUT/$name.log" 2>&1) &
  pids+=($!)
  eval "pid_$name=$!"
}
stop() { # name...
  local name pid
  for name in "$@"; do
    pid=$(eval "echo \$pid_$name")
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
}
ready() { # url name
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null "$1/health/ready" 2>/dev/null && return 0
    sleep 1
  done
  echo "$2 did not become ready" >&2; tail -20 "$OUT/$2.log" >&2; exit 1
}

hz=$(getconf CLK_TCK)
rss() { awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo 0; }
# CPU time (user + system) a process has used so far, in clock ticks.
ticks() { [ -r "/proc/$1/stat" ] && awk '{ print $14 + $15 }' "/proc/$1/stat" || echo 0; }
sum_ticks() { local t=0 p; for p in "$@"; do t=$((t + $(ticks "$p"))); done; echo "$t"; }
broker=$(pgrep -u rabbitmq -x beam.smp | head -1 || true)
count() { sqlite3 "file:$1?mode=ro" "$2" 2>/dev/null || echo 0; }
now() { date +%s.%N; }
requests() { awk '/requests in/ { print $1 }' "$1"; }
non2xx() { local n; n=$(awk '/Non-2xx/ { print $NF }' "$1"); echo "${n:-0}"; }
rps() { awk '/^Requests\/sec/ { print $2 }' "$1"; }
p99() { awk '$1 == "99%" { print $2 }' "$1"; }
load() { wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1" --latency -s "$root/bench/post-report.lua" "$2" >"$3"; }
# Waits until `sqlite3 $1 $2` reaches $3 (bounded by DRAIN_SECONDS); prints the time it did.
drained_at() {
  local deadline; deadline=$(echo "$(date +%s) + $DRAIN_SECONDS" | bc)
  while [ "$(count "$1" "$2")" -lt "$3" ] && [ "$(date +%s)" -lt "$deadline" ]; do sleep 0.2; done
  now
}

declare -A result
row() { # name value ratio cpu-ms/report broker-ms/report rss note
  result[$1]="$(printf '%-34s %10s %7s %9s %9s  %s' "$1" "$2" "$3" "$4" "$5" "$6")"
  echo "${result[$1]}" | tee -a "$OUT/rows.txt"
}
ratio() { [ -n "${ceiling_rps:-}" ] && echo "scale=3; $1 / $ceiling_rps" | bc | sed 's/^\./0./' || echo "-"; }
ms_per() { [ "$2" -gt 0 ] && echo "scale=2; 1000 * $1 / $hz / $2" | bc | sed 's/^\./0./' || echo "-"; }

ceiling_run() { # label
  start ceiling "$PORT_BASE" "$(bin bench/Ceiling SafetyReports.Bench.Ceiling)"
  ready "http://127.0.0.1:$PORT_BASE" ceiling
  load "$WARMUP" "http://127.0.0.1:$PORT_BASE" "$OUT/ceiling-$1-warmup.txt"
  local before; before=$(ticks "$pid_ceiling")
  load "$DURATION" "http://127.0.0.1:$PORT_BASE" "$OUT/ceiling-$1.txt"
  local r; r=$(rps "$OUT/ceiling-$1.txt")
  ceiling_runs+=("$r")
  row "ceiling ($1)" "$r" "1" "$(ms_per $(($(ticks "$pid_ceiling") - before)) "$(requests "$OUT/ceiling-$1.txt")")" "-" "$(rss "$pid_ceiling") MiB"
  stop ceiling
}

{
  echo "# run-all $(date -u +%FT%TZ) on $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?'); wrk -t$THREADS -c$CONNECTIONS -d$DURATION after a $WARMUP warm-up; end to end at $E2E_RATE reports/s for $E2E_SECONDS s"
} | tee "$OUT/summary.txt"
: >"$OUT/rows.txt"
ceiling_runs=()

if [[ " $ROWS " == *" ceiling "* ]]; then
  echo "==> ceiling"
  ceiling_run first
  ceiling_rps=${ceiling_runs[0]}
fi

if [[ " $ROWS " == *" standalone "* ]]; then
  echo "==> standalone"
  start standalone "$((PORT_BASE + 1))" "$(bin services/Standalone SafetyReports.Standalone)" "${anti_abuse_off[@]}" \
    SafetyReports__Storage__DataDirectory="$work/standalone"
  url="http://127.0.0.1:$((PORT_BASE + 1))"
  ready "$url" standalone
  load "$WARMUP" "$url" "$OUT/standalone-warmup.txt"
  warm=$(count "$work/standalone/intake.db" 'SELECT COUNT(*) FROM submissions')
  drained_at "$work/standalone/triage.db" 'SELECT COUNT(*) FROM reports' "$warm" >/dev/null
  before=$(ticks "$pid_standalone"); started=$(now)
  load "$DURATION" "$url" "$OUT/standalone.txt"
  sleep 1 # requests wrk cut off at its end may still be stored
  stored=$(( $(count "$work/standalone/intake.db" 'SELECT COUNT(*) FROM submissions') - warm ))
  answered=$(( $(requests "$OUT/standalone.txt") - $(non2xx "$OUT/standalone.txt") ))
  done_at=$(drained_at "$work/standalone/triage.db" 'SELECT COUNT(*) FROM reports' $((warm + stored)))
  cpu=$(($(ticks "$pid_standalone") - before))
  r=$(rps "$OUT/standalone.txt")
  row "standalone POST (202 on disk)" "$r" "$(ratio "$r")" "$(ms_per "$cpu" "$stored")" "-" \
    "$(rss "$pid_standalone") MiB; p99 $(p99 "$OUT/standalone.txt"); $answered answered 2xx, $stored stored; Triage held all $(printf '%.1f' "$(echo "$done_at - $started" | bc)") s after the start"
  stop standalone
fi

if [[ " $ROWS " == *" intake "* ]]; then
  echo "==> distributed intake and pipeline"
  vhost="safetyreports-run-all-$$"
  rabbitmqctl add_vhost "$vhost" >/dev/null
  rabbitmqctl set_permissions -p "$vhost" guest '.*' '.*' '.*' >/dev/null
  distributed=(SafetyReports__Bus__Transport=RabbitMq "ConnectionStrings__RabbitMq=amqp://guest:guest@127.0.0.1:5672/$vhost"
    "SafetyReports__Bus__SigningKey=$(openssl rand -base64 32)")
  start triage "$((PORT_BASE + 3))" "$(bin services/Triage SafetyReports.Triage)" "${anti_abuse_off[@]}" "${distributed[@]}" \
    SafetyReports__Storage__DataDirectory="$work/triage"
  start intake "$((PORT_BASE + 2))" "$(bin services/Intake SafetyReports.Intake)" "${anti_abuse_off[@]}" "${distributed[@]}" \
    SafetyReports__Storage__DataDirectory="$work/intake"
  url="http://127.0.0.1:$((PORT_BASE + 2))"
  ready "$url" intake; ready "http://127.0.0.1:$((PORT_BASE + 3))" triage
  load "$WARMUP" "$url" "$OUT/intake-warmup.txt"
  warm=$(count "$work/intake/intake.db" 'SELECT COUNT(*) FROM submissions')
  drained_at "$work/triage/triage.db" 'SELECT COUNT(*) FROM reports' "$warm" >/dev/null
  before=$(sum_ticks "$pid_intake" "$pid_triage"); broker_before=$(ticks "${broker:-0}"); started=$(now)
  load "$DURATION" "$url" "$OUT/intake.txt"
  sleep 1 # requests wrk cut off at its end may still be stored
  stored=$(( $(count "$work/intake/intake.db" 'SELECT COUNT(*) FROM submissions') - warm ))
  answered=$(( $(requests "$OUT/intake.txt") - $(non2xx "$OUT/intake.txt") ))
  done_at=$(drained_at "$work/triage/triage.db" 'SELECT COUNT(*) FROM reports' $((warm + stored)))
  cpu=$(($(sum_ticks "$pid_intake" "$pid_triage") - before)); broker_cpu=$(($(ticks "${broker:-0}") - broker_before))
  in_triage=$(( $(count "$work/triage/triage.db" 'SELECT COUNT(*) FROM reports') - warm ))
  seconds=$(echo "$done_at - $started" | bc)
  r=$(rps "$OUT/intake.txt")
  row "distributed Intake POST (answering)" "$r" "$(ratio "$r")" "-" "-" \
    "Intake $(rss "$pid_intake") MiB; p99 $(p99 "$OUT/intake.txt"); $answered answered 2xx, $stored stored"
  p=$(echo "scale=1; $in_triage / $seconds" | bc)
  row "distributed pipeline (stored/s)" "$p" "$(ratio "$p")" "$(ms_per "$cpu" "$in_triage")" "$(ms_per "$broker_cpu" "$in_triage")" \
    "Triage $(rss "$pid_triage") MiB; $in_triage of $stored in Triage $(printf '%.1f' "$seconds") s after the start"
  stop intake triage
  rabbitmqctl delete_vhost "$vhost" >/dev/null 2>&1 || true; vhost=""
fi

if [[ " $ROWS " == *" end-to-end "* ]]; then
  echo "==> end to end at $E2E_RATE reports/s"
  dotnet "$(bin bench/EndToEnd SafetyReports.Bench.EndToEnd)" --warmup-seconds "$E2E_WARMUP" --rates "$E2E_RATE" --seconds "$E2E_SECONDS" | tee "$OUT/end-to-end.txt"
  line=$(grep "^rate-" "$OUT/end-to-end.txt" | tail -1)
  # rate sent accepted delivered failed | p50 p95 p99 max | ... | cpu ms/report broker ms/report | peak RSS
  read -r _ _ sent _ delivered _ _ _ _ p99e2e _ <<<"$line"
  cpu_e2e=$(grep -o 'cpu [0-9.]* ms/report' <<<"$line" | awk '{ print $2 }' || true)
  broker_e2e=$(grep -o 'broker [0-9.]* ms/report' <<<"$line" | awk '{ print $2 }' || true)
  row "end to end p99 at $E2E_RATE/s (ms)" "$p99e2e" "-" "${cpu_e2e:--}" "${broker_e2e:--}" \
    "$delivered of $sent delivered; $(grep -o 'Identity [0-9]*.*' <<<"$line" | sed 's/ cpu .*//')"
fi

if [[ " $ROWS " == *" ceiling "* ]]; then
  echo "==> ceiling again"
  ceiling_run last
fi

{
  echo
  printf '%-34s %10s %7s %9s %9s  %s\n' row "req/s" ratio "cpu ms/r" "mq ms/r" "resident memory, notes"
  cat "$OUT/rows.txt"
  echo "# ratio: to the first ceiling run; cpu ms/r: CPU time of the row's service processes per report stored (per request for the ceiling); mq ms/r: RabbitMQ's"
} | tee -a "$OUT/summary.txt"
echo "raw output and logs: $OUT"
