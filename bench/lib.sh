#!/usr/bin/env bash
# Shared by the benchmark scripts: builds, starts a server pinned to one core, drives it with bots
# pinned to another, and measures the server's CPU from /proc. Needs bash, python3, taskset, JDK 17+.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
OUT="${OUT:-$BENCH_DIR/out}"
SERVER_CORE="${SERVER_CORE:-0}"
BOTS_CORE="${BOTS_CORE:-1}"
PLAYFIELD_JAR="${PLAYFIELD_JAR:-$ROOT/target/playfield.jar}"  # override to compare another build
SIM_JAR="$ROOT/game-client-sim/target/game-client-sim.jar"
# Every server JVM (Playfield and the baseline alike) starts with the recommended options, as the
# container image does; JVM_OPTIONS_FILE= (empty) runs without them, to compare.
JVM_OPTIONS_FILE="${JVM_OPTIONS_FILE-$ROOT/config/jvm.options}"
JVM_OPTIONS_ARG="${JVM_OPTIONS_FILE:+@$JVM_OPTIONS_FILE}"
CLK_TCK="$(getconf CLK_TCK)"
mkdir -p "$OUT"

build_if_missing() {
  if [[ ! -f "$PLAYFIELD_JAR" ]]; then
    # install, not package: the simulator builds against the game API this installs.
    (cd "$ROOT" && mvn -B -q install -DskipTests)
  fi
  if [[ ! -f "$SIM_JAR" ]]; then
    (cd "$ROOT" && mvn -B -q -f game-client-sim/pom.xml package -DskipTests)
  fi
  class_archive
}

# Clustered nodes (start_node) start from a class-data archive of the jar, as the container image's
# do (deploy/class-archive.sh; made once per build of the jar, in $OUT/class-archive). CLASS_ARCHIVE=0
# starts them without one, to compare. Sets CLASS_ARCHIVE_ARG.
CLASS_ARCHIVE_ARG=""
class_archive() {
  CLASS_ARCHIVE_ARG=""
  if [[ "${CLASS_ARCHIVE:-1}" == 0 ]]; then return 0; fi
  local archive
  archive="$OUT/class-archive/$(basename "$PLAYFIELD_JAR" .jar)-$(stat -c '%Y-%s' "$PLAYFIELD_JAR").jsa"
  if [[ ! -s "$archive" ]]; then
    mkdir -p "$OUT/class-archive"
    if ! "$ROOT/deploy/class-archive.sh" "$PLAYFIELD_JAR" "$archive" $JVM_OPTIONS_ARG >"$archive.log" 2>&1; then
      echo "no class archive (see $archive.log): nodes start without one" >&2
      return 0
    fi
  fi
  CLASS_ARCHIVE_ARG="-XX:SharedArchiveFile=$archive"
}

# Every bot connects from 127.0.0.1, so every server started here lifts the gateway's
# per-address connection cap (PLAYFIELD_GATEWAY_MAX_CONNECTIONS_PER_ADDRESS=0).

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# stable_port: a free port below the kernel's ephemeral range, for a node restarted on the same
# ports: while it is down, a port of that range may be handed to an outgoing connection (the other
# members reconnecting to it), and the restart could not bind it again.
stable_port() {
  python3 - <<'PY'
import random, socket
low, high = 20000, 32768
try:
    high = max(low + 1000, int(open("/proc/sys/net/ipv4/ip_local_port_range").read().split()[0]))
except OSError:
    pass
for _ in range(200):
    port = random.randrange(low, high)
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", port))
        print(port)
        break
    except OSError:
        pass
    finally:
        s.close()
PY
}

wait_port() {
  local port=$1
  for _ in $(seq 1 150); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  echo "server did not listen on $port" >&2
  return 1
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# busy, total and softirq jiffies of one core (busy: everything but idle and iowait)
core_jiffies() { awk -v c="cpu$1" '$1 == c {t = 0; for (i = 2; i <= NF; i++) t += $i; print t - $5 - $6, t, $8}' /proc/stat; }
rss_mib() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }

machine_line() {
  local cores mem jdk cpu
  cores="$(nproc)"
  mem="$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)"
  jdk="$(java -version 2>&1 | head -1)"
  cpu="$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
  echo "$cores cores ($cpu), $mem memory, $jdk, Linux $(uname -r)"
}

# start_server KIND PORT LOG MATCH_SECONDS -> sets SERVER_PID. KIND: playfield | baseline.
start_server() {
  local kind=$1 port=$2 log=$3 match_seconds=$4
  if [[ "$kind" == playfield ]]; then
    PLAYFIELD_HTTP_HOST=127.0.0.1 PLAYFIELD_HTTP_PORT="$port" PLAYFIELD_GATEWAY_MAX_CONNECTIONS_PER_ADDRESS=0 \
    PLAYFIELD_MODES_ARENA_SETTINGS_MATCH_SECONDS="$match_seconds" \
    PLAYFIELD_TRANSPORT="${TRANSPORT:-auto}" \
      taskset -c "$SERVER_CORE" java $JVM_OPTIONS_ARG ${SERVER_JAVA_OPTS:-} -jar "$PLAYFIELD_JAR" >"$log" 2>&1 &
  else
    taskset -c "$SERVER_CORE" java $JVM_OPTIONS_ARG ${SERVER_JAVA_OPTS:-} -cp "$SIM_JAR" "$BENCH_DIR/baseline/BaselineServer.java" \
      --port "$port" --match-seconds "$match_seconds" --transport "${TRANSPORT:-auto}" >"$log" 2>&1 &
  fi
  SERVER_PID=$!
}

stop_server() {
  kill "$1" 2>/dev/null || true
  for _ in $(seq 1 100); do
    kill -0 "$1" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -9 "$1" 2>/dev/null || true
}

# tick_counters PORT: Playfield's tick slots missed so far (playfield_tick_overruns_total) and ticks
# that started more than 25 ms late (from playfield_tick_lateness_seconds), as "N M"; "0 0" if none.
tick_counters() {
  python3 - "$1" <<'PY' 2>/dev/null || echo "0 0"
import re, sys, urllib.request
text = urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/metrics", timeout=5).read().decode()
def value(pattern):
    m = re.search(pattern + r" ([0-9.eE+]+)$", text, re.M)
    return int(float(m.group(1))) if m else 0
late = (value(r'^playfield_tick_lateness_seconds_bucket\{[^}]*le="\+Inf"[^}]*\}')
        - value(r'^playfield_tick_lateness_seconds_bucket\{[^}]*le="0\.025"[^}]*\}'))
print(value(r"^playfield_tick_overruns_total(?:\{[^}]*\})?"), late)
PY
}

# scrape_metrics PORT SECONDS: reads /metrics every SCRAPE_SECONDS (15, as a Prometheus server
# would; 0: never) for SECONDS, in the background (sets SCRAPER_PID). A node is always scraped in
# production, and a benchmark that reads its counters only at the window's edges would measure the
# first, cold scrape (25-55 ms of the event loop on the build before it rendered on a worker) instead
# of the steady cost.
scrape_metrics() {
  local port=$1 seconds=$2 every="${SCRAPE_SECONDS:-15}"
  SCRAPER_PID=
  (( every > 0 )) || return 0
  python3 - "$port" "$seconds" "$every" <<'PY' &
import sys, time, urllib.request
port, seconds, every = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
end = time.time() + seconds
while time.time() < end:
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5).read()
    except OSError:
        pass
    time.sleep(min(every, max(0.0, end - time.time())))
PY
  SCRAPER_PID=$!
}

# run_step KIND ENCODING PLAYERS MEASURE_SECONDS -> appends one JSON line to $RESULTS.
# Bots ramp up, then WARMUP_SECONDS pass, then the server is measured over MEASURE_SECONDS. The
# default warmup is five rounds of matches: all bots start together, so their matches end together,
# and on one core the JIT compiler, still compiling the match-end path for the first few of these
# waves, takes the core from the event loop (measured: the latest tick start per wave fell from
# 513 ms to 171, 125, 66, 58, 61 and 50 ms over seven waves at 1,600 players).
run_step() {
  local kind=$1 encoding=$2 players=$3 measure=$4
  local ramp="${RAMP:-500}" match_seconds="${MATCH_SECONDS:-20}"
  local warmup_extra="${WARMUP_SECONDS:-$(( 5 * (match_seconds + 2) ))}"
  local port log report ramp_s warmup duration server sim t0 t1 s0 s1 rss b0 a0 b1 a1 q0 q1 o0 o1 l0 l1
  port="$(free_port)"
  log="$OUT/$kind-$encoding-$players.log"
  report="$OUT/$kind-$encoding-$players.json"
  ramp_s=$(( (players + ramp - 1) / ramp ))
  warmup=$(( ramp_s + warmup_extra ))
  duration=$(( warmup + measure + 2 ))
  start_server "$kind" "$port" "$log" "$match_seconds"
  server=$SERVER_PID
  wait_port "$port"
  SCRAPER_PID=
  [[ "$kind" != playfield ]] || scrape_metrics "$port" "$duration"
  sleep 1
  taskset -c "$BOTS_CORE" java -jar "$SIM_JAR" --url "ws://127.0.0.1:$port/ws" --bots "$players" \
    --ramp "$ramp" --duration "${duration}s" --warmup "${warmup}s" --encoding "$encoding" \
    --report "$report" --quiet --allow-errors >"$OUT/$kind-$encoding-$players.sim.txt" 2>&1 &
  sim=$!
  sleep $(( warmup + 1 ))
  read -r o0 l0 <<<"$(tick_counters "$port")"
  t0="$(cpu_ticks "$server")"; s0="$(cpu_ticks "$sim")"; read -r b0 a0 q0 <<<"$(core_jiffies "$SERVER_CORE")"
  sleep "$measure"
  t1="$(cpu_ticks "$server")"; s1="$(cpu_ticks "$sim")"; read -r b1 a1 q1 <<<"$(core_jiffies "$SERVER_CORE")"
  read -r o1 l1 <<<"$(tick_counters "$port")"
  rss="$(rss_mib "$server")"
  wait "$sim" || true
  [[ -z "${SCRAPER_PID:-}" ]] || kill "$SCRAPER_PID" 2>/dev/null || true
  stop_server "$server"
  python3 - "$report" "$log" "$kind" "$encoding" "$players" "$measure" "$((t1 - t0))" "$((s1 - s0))" \
    "$CLK_TCK" "$rss" "$((b1 - b0))" "$((a1 - a0))" "$((q1 - q0))" "$(cut -d' ' -f1 /proc/loadavg)" \
    "$((o1 - o0))" "$((l1 - l0))" >>"$RESULTS" <<'PY'
import json, re, sys
report, log, kind, enc, players, measure, ticks, sim_ticks, clk, rss, core_busy, core_all, core_softirq, load, \
    window_overruns, window_late = sys.argv[1:]
r = json.load(open(report))
players, measure, clk = int(players), float(measure), float(clk)
cpu_s = int(ticks) / clk
ticks_max, overruns, rooms = [], 0, 0
for line in open(log, errors="replace"):
    m = re.search(r"tick mean=([\d.]+)ms max=([\d.]+)ms overruns=(\d+)", line)
    if m:
        rooms += 1
        ticks_max.append(float(m.group(2)))
        overruns += int(m.group(3))
ticks_max.sort()
p99max = ticks_max[min(len(ticks_max) - 1, int(len(ticks_max) * 0.99))] if ticks_max else None
print(json.dumps({
    "server": kind, "encoding": enc, "players": players, "connected": r["connected"],
    "server_cpu_pct": round(100 * cpu_s / measure, 1),
    "server_core_busy_pct": round(100 * int(core_busy) / max(1, int(core_all)), 1),
    "server_core_softirq_pct": round(100 * int(core_softirq) / max(1, int(core_all)), 1),
    "cpu_us_per_player_s": round(cpu_s * 1e6 / (players * measure), 1),
    "sim_cpu_pct": round(100 * int(sim_ticks) / clk / measure, 1),
    "ack_p50": r["ack_latency_ms"]["p50"], "ack_p99": r["ack_latency_ms"]["p99"],
    "ack_p999": r["ack_latency_ms"]["p999"], "rtt_p99": r["rtt_ms"]["p99"],
    "bytes_in_per_bot_s": r["bytes_in_per_bot_s"], "bytes_out_per_bot_s": r["bytes_out_per_bot_s"],
    "errors": sum(r["errors"].values()), "disconnects": r["disconnects"],
    "matches_completed": r["matches_completed"], "rss_mib": int(rss),
    "rooms_finished": rooms, "tick_max_p99_ms": p99max, "overruns_lifetime": overruns,
    "overruns": int(window_overruns) if kind == "playfield" else None,
    "late_ticks": int(window_late) if kind == "playfield" else None,
    "loadavg_1m": float(load)}))
PY
  tail -1 "$RESULTS" >&2
}

# replace_section NAME FILE: puts FILE's text between the NAME markers of BENCHMARKS.md.
replace_section() {
  local name=$1 file=$2 target="$ROOT/BENCHMARKS.md"
  [[ -f "$target" ]] || printf '# Benchmarks\n' >"$target"
  if ! grep -q "<!-- $name:begin -->" "$target"; then
    printf '\n<!-- %s:begin -->\n<!-- %s:end -->\n' "$name" "$name" >>"$target"
  fi
  python3 - "$target" "$name" "$file" <<'PY'
import sys
target, name, file = sys.argv[1:]
text = open(target).read()
begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
head, rest = text.split(begin, 1)
_, tail = rest.split(end, 1)
open(target, "w").write(head + begin + "\n" + open(file).read().rstrip() + "\n" + end + tail)
PY
}

# --- Clustered nodes (bench/cluster.sh, bench/failover.sh) ---
CLUSTER_SECRET="${CLUSTER_SECRET:-bench-only-secret-0123456789abcdefghij}"
ADMIN_TOKEN="${ADMIN_TOKEN:-bench-only-admin-token-0123456789}"
STARTED_PIDS=()

# Kills every process this script started (trap target); each by its own pid.
cleanup_started() {
  local pid
  for pid in "${STARTED_PIDS[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  STARTED_PIDS=()
}

# start_node HTTP_PORT CLUSTER_PORT MEMBERS LOG MATCH_SECONDS -> sets NODE_PID. Pinned to SERVER_CORE.
# MEMBERS empty: a standalone node; "-": a one-member cluster (this node alone).
start_node() {
  local http=$1 cport=$2 members=$3 log=$4 match_seconds=$5 clustered=true
  if [[ -z "$members" ]]; then clustered=false; fi
  if [[ "$members" == - ]]; then members="127.0.0.1:$cport"; fi
  # A cluster needs a shared store of record: PostgreSQL when DATABASE_URL is set, else each node
  # keeps its players in memory (enough for what these scripts measure).
  local in_memory=true
  if [[ -n "${DATABASE_URL:-}" || "$clustered" == false ]]; then in_memory=false; fi
  PLAYFIELD_CLUSTER="$clustered" PLAYFIELD_CLUSTER_NAME="${CLUSTER_NAME:-bench}" \
  PLAYFIELD_CLUSTER_MEMBERS="${members:-127.0.0.1:$cport}" PLAYFIELD_CLUSTER_PORT="$cport" \
  PLAYFIELD_CLUSTER_HOST=127.0.0.1 PLAYFIELD_AUTH_TOKEN_SECRET="$CLUSTER_SECRET" \
  PLAYFIELD_ADMIN_TOKEN="$ADMIN_TOKEN" PLAYFIELD_HTTP_HOST=127.0.0.1 PLAYFIELD_HTTP_PORT="$http" \
  PLAYFIELD_GATEWAY_MAX_CONNECTIONS_PER_ADDRESS=0 \
  PLAYFIELD_MODES_ARENA_SETTINGS_MATCH_SECONDS="$match_seconds" PLAYFIELD_TRANSPORT="${TRANSPORT:-auto}" \
  PLAYFIELD_DATABASE_URL="${DATABASE_URL:-}" PLAYFIELD_DATABASE_IN_MEMORY="$in_memory" \
    taskset -c "$SERVER_CORE" java $CLASS_ARCHIVE_ARG $JVM_OPTIONS_ARG -Dvertx.disableDnsResolver=true ${SERVER_JAVA_OPTS:-} \
      -jar "$PLAYFIELD_JAR" >"$log" 2>&1 &
  NODE_PID=$!
  STARTED_PIDS+=("$NODE_PID")
}

# wait_ready HTTP_PORT: until /ready answers 200 (joined the cluster), at most 90 s.
wait_ready() {
  local port=$1
  for _ in $(seq 1 450); do
    if curl -sf -o /dev/null "http://127.0.0.1:$port/ready"; then return 0; fi
    sleep 0.2
  done
  echo "node on $port did not become ready" >&2
  return 1
}

# metric_sum PORT REGEX: the sum of the /metrics samples whose line matches REGEX (0 if none).
metric_sum() {
  curl -s --max-time 5 "http://127.0.0.1:$1/metrics" | awk -v re="$2" '$0 !~ /^#/ && $0 ~ re {s += $NF} END {printf "%.0f\n", s}'
}

# sum_cpu_ticks PID...: user+system jiffies of all of them.
sum_cpu_ticks() {
  local pid total=0
  for pid in "$@"; do total=$(( total + $(cpu_ticks "$pid") )); done
  echo "$total"
}

now_ms() { date +%s%3N; }

# metric_of TEXT REGEX: like metric_sum, on a /metrics text already fetched.
metric_of() {
  awk -v re="$2" '$0 !~ /^#/ && $0 ~ re {s += $NF} END {printf "%.0f\n", s}' <<<"$1"
}
