#!/usr/bin/env bash
# Chaos: three clustered nodes as separate processes on 127.0.0.1, bots with churn in short matches,
# and every 20-50 s a fault on a random node (kill -9 or SIGTERM), then a restart on the same ports
# 5-20 s later. The fault schedule is drawn from SEED (printed first, so a failed run can be
# replayed: the same seed gives the same schedule and the same bots). A node is faulted only while
# all three answer /ready, so two always stay up. At the end it reports, from the simulator's JSON
# report and the nodes' logs and metrics, matches aborted, seats lost, requests refused to a client,
# the resume pause, and for every restart the time until the node answered /ready and until it
# hosted a room again, with a PASS/FAIL line against the targets of issue 17.
#
#   bench/chaos.sh                      # 120 bots, 5 minutes, a random seed
#   SEED=12345 bench/chaos.sh           # replay a run
#   SEED=12345 DURATION_SECONDS=150 bench/chaos.sh 60
# Environment: SEED, DURATION_SECONDS (300), MATCH_SECONDS (30), CHURN drops per minute over all bots
# (12), RAMP bots/s (40), FAULT_EVERY="20 50" (seconds between faults, drawn uniformly),
# RESTART_AFTER="5 20" (seconds from a fault to the restart; a draining node is restarted once it has
# exited), SERVER_CORE / BOTS_CORE (both default to every core: this measures correctness, not
# capacity). Exit status 0 on PASS, 1 on FAIL. Writes bench/out/chaos-SEED.* (the simulator's report,
# the nodes' logs, faults.jsonl, restarts.jsonl and a one-line Markdown row for BENCHMARKS.md).
ALL_CORES="0-$(( $(nproc) - 1 ))"
SERVER_CORE="${SERVER_CORE:-$ALL_CORES}"
BOTS_CORE="${BOTS_CORE:-$ALL_CORES}"
source "$(dirname "$0")/lib.sh"

SEED="${SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}"
echo "chaos: SEED=$SEED (replay: SEED=$SEED bench/chaos.sh ${1:-})"
BOTS="${1:-120}"
DURATION="${DURATION_SECONDS:-300}"
MATCH="${MATCH_SECONDS:-30}"
CHURN="${CHURN:-12}"
RAMP="${RAMP:-40}"
read -r FAULT_MIN FAULT_MAX <<<"${FAULT_EVERY:-20 50}"
read -r RESTART_MIN RESTART_MAX <<<"${RESTART_AFTER:-5 20}"
# No fault this close to the end, so that its restart has time to become ready and host a room
# (a restart whose hosting time the end of the run, or the node's next fault, cut short is listed as
# not measured).
QUIET_END=60
# A SIGTERM'd node drains (its running matches finish, at most node.drain-timeout-seconds, 90 by
# default); one still running this long after the signal is killed, and the run says so.
DRAIN_LIMIT=120
RUN="$OUT/chaos-$SEED"
mkdir -p "$RUN"
FAULTS="$RUN/faults.jsonl"
RESTARTS="$RUN/restarts.jsonl"
: >"$FAULTS"
: >"$RESTARTS"
trap cleanup_started EXIT
trap 'exit 130' INT TERM

# The schedule: gap before the fault, node, kind, delay before the restart. Drawn before the run,
# from the seed alone, so it does not depend on how the run goes.
SCHEDULE="$(python3 - "$SEED" "$DURATION" "$FAULT_MIN" "$FAULT_MAX" "$RESTART_MIN" "$RESTART_MAX" <<'PY'
import random, sys
seed, duration, fmin, fmax, rmin, rmax = int(sys.argv[1]), *map(float, sys.argv[2:])
r = random.Random(seed)
for _ in range(int(duration // fmin) + 1):
    print(f"{r.uniform(fmin, fmax):.1f} {r.randrange(3)} {r.choice(['kill-9', 'sigterm'])} {r.uniform(rmin, rmax):.1f}")
PY
)"
echo "chaos: schedule (gap s, node, fault, restart after s), as far as the run reaches:"
sed 's/^/  /' <<<"$SCHEDULE"

build_if_missing
started="$(date -u +%Y-%m-%dT%H:%MZ)"
ports=()
for _ in 1 2 3 4 5 6 7 8 9 10; do
  ports=()
  for i in 0 1 2 3 4 5; do ports+=("$(stable_port)"); done
  [[ "$(printf '%s\n' "${ports[@]}" | sort -u | wc -l)" == 6 ]] && break
done
http=("${ports[@]:0:3}")
cports=("${ports[@]:3:3}")
members="$(printf '127.0.0.1:%s,' "${cports[@]}")"; members="${members%,}"
export CLUSTER_NAME="bench-chaos-$$-$SEED"
pids=()
incarnation=(0 0 0)
urls=()
for i in 0 1 2; do
  start_node "${http[$i]}" "${cports[$i]}" "$members" "$RUN/node$i.0.log" "$MATCH"
  pids+=("$NODE_PID")
  urls+=(--url "ws://127.0.0.1:${http[$i]}/ws")
done
for i in 0 1 2; do wait_ready "${http[$i]}"; done
echo "chaos: three nodes ready on http ports ${http[*]}; $BOTS bots for ${DURATION}s, churn $CHURN/min, matches ${MATCH}s" >&2

report="$RUN/sim.json"
# The simulator ends by itself after its duration (it is killed 90 s after that at the latest).
taskset -c "$BOTS_CORE" java -jar "$SIM_JAR" "${urls[@]}" --bots "$BOTS" \
  --ramp "$RAMP" --duration "${DURATION}s" --churn "$CHURN" --seed "$SEED" --encoding binary \
  --report "$report" --quiet --allow-errors >"$RUN/sim.txt" 2>&1 &
sim=$!
STARTED_PIDS+=("$sim")
sim_start_ms="$(now_ms)"
end_ms=$(( sim_start_ms + DURATION * 1000 ))

# alive PID: running, not exited (an exited child not yet waited for is a zombie, which kill -0 sees).
alive() { [[ -e /proc/$1 ]] && [[ "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" != Z ]]; }
# forget PID: reaped, so the exit trap must not signal that number (it may be reused).
forget() {
  local kept=() p
  for p in "${STARTED_PIDS[@]}"; do [[ "$p" == "$1" ]] || kept+=("$p"); done
  STARTED_PIDS=("${kept[@]}")
}
is_ready() { curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$1/ready"; }
all_ready() {
  local i
  for i in 0 1 2; do is_ready "${http[$i]}" || return 1; done
}
# sleep_until MS: bounded by the run's end; returns 1 if the simulator has gone.
sleep_until() {
  while (( $(now_ms) < $1 )); do
    alive "$sim" || return 1
    sleep 0.2
  done
}

# measure_hosting NODE LOG PORT RESTART_MS FAULT_INDEX READY_MS: in the background, until the node hosts
# a room (a room in playfield_rooms, or a room created or resumed in its log), at most 90 s.
measure_hosting() {
  local node=$1 log=$2 port=$3 restart_ms=$4 k=$5 ready_ms=$6 pid=$7 hosting_ms=null cut=false faulted=false rooms
  for _ in $(seq 1 90); do
    # Faulted again before it hosted a room: its next incarnation is another measurement.
    if ! alive "$pid"; then faulted=true; break; fi
    rooms="$(metric_sum "$port" '^playfield_rooms' 2>/dev/null | tail -1 || true)"
    [[ "$rooms" =~ ^[0-9]+$ ]] || rooms=0
    if (( rooms > 0 )) || grep -qE ' created: | resumed at tick ' "$log" 2>/dev/null; then
      hosting_ms=$(( $(now_ms) - restart_ms ))
      break
    fi
    if (( $(now_ms) >= end_ms )); then cut=true; break; fi
    sleep 1
  done
  echo "{\"fault\": $k, \"node\": $node, \"ready_ms\": $ready_ms, \"hosting_ms\": $hosting_ms, \"cut_by_end\": $cut, \"cut_by_fault\": $faulted}" >>"$RESTARTS"
}

k=0
last_fault_ms="$sim_start_ms"
measurers=()
while read -r -u 3 gap node kind restart_after; do
  due=$(( last_fault_ms + ${gap%.*} * 1000 + ${gap#*.} * 100 ))
  (( due <= end_ms - QUIET_END * 1000 )) || break
  sleep_until "$due" || break
  # Never fault while fewer than three are up: wait (at most 60 s) for all three to be ready.
  waited=0
  until all_ready; do
    sleep 0.5; waited=$(( waited + 1 ))
    if (( waited > 120 )); then break; fi
  done
  if ! all_ready; then
    echo "chaos: fault $k skipped: not all three nodes ready 60 s after it was due" >&2
    echo "{\"fault\": $k, \"node\": $node, \"kind\": \"$kind\", \"skipped\": true}" >>"$FAULTS"
    k=$(( k + 1 )); last_fault_ms="$(now_ms)"
    continue
  fi
  fault_ms="$(now_ms)"
  last_fault_ms="$fault_ms"
  pid="${pids[$node]}"
  if [[ "$kind" == kill-9 ]]; then kill -9 "$pid" 2>/dev/null || true; else kill -TERM "$pid" 2>/dev/null || true; fi
  echo "chaos: t=$(( (fault_ms - sim_start_ms) / 1000 ))s fault $k: $kind node$node" >&2
  restart_ms=$(( fault_ms + ${restart_after%.*} * 1000 + ${restart_after#*.} * 100 ))
  # The restart waits for the process to have exited (a draining node takes its time).
  exited_ms=null
  for _ in $(seq 1 $(( DRAIN_LIMIT * 5 ))); do
    if ! alive "$pid"; then exited_ms="$(now_ms)"; break; fi
    sleep 0.2
  done
  forced=false
  if [[ "$exited_ms" == null ]]; then
    kill -9 "$pid" 2>/dev/null || true; forced=true; exited_ms="$(now_ms)"
    echo "chaos: node$node still running ${DRAIN_LIMIT}s after SIGTERM: killed" >&2
  fi
  wait "$pid" 2>/dev/null || true
  forget "$pid"
  while (( $(now_ms) < restart_ms )); do sleep 0.2; done
  incarnation[$node]=$(( incarnation[node] + 1 ))
  log="$RUN/node$node.${incarnation[$node]}.log"
  restarted_ms="$(now_ms)"
  start_node "${http[$node]}" "${cports[$node]}" "$members" "$log" "$MATCH"
  pids[$node]="$NODE_PID"
  ready_ms=null
  for _ in $(seq 1 300); do
    if is_ready "${http[$node]}"; then ready_ms=$(( $(now_ms) - restarted_ms )); break; fi
    alive "$NODE_PID" || break
    sleep 0.2
  done
  echo "chaos: node$node restarted $(( (restarted_ms - fault_ms) / 1000 ))s after the fault; ready after ${ready_ms} ms" >&2
  echo "{\"fault\": $k, \"node\": $node, \"kind\": \"$kind\", \"t_s\": $(( (fault_ms - sim_start_ms) / 1000 )), \"exit_after_ms\": $(( exited_ms - fault_ms )), \"drain_forced\": $forced, \"restarted_after_ms\": $(( restarted_ms - fault_ms ))}" >>"$FAULTS"
  measure_hosting "$node" "$log" "${http[$node]}" "$restarted_ms" "$k" "$ready_ms" "$NODE_PID" &
  measurers+=($!)
  STARTED_PIDS+=($!)
  k=$(( k + 1 ))
done 3<<<"$SCHEDULE"

echo "chaos: faults done ($k); waiting for the simulator to end" >&2
sim_deadline=$(( end_ms + 90000 ))
while alive "$sim" && (( $(now_ms) < sim_deadline )); do sleep 0.5; done
if alive "$sim"; then echo "chaos: the simulator ran 90 s past its duration: killed" >&2; kill -9 "$sim" 2>/dev/null || true; fi
wait "$sim" 2>/dev/null || true
forget "$sim"
for m in "${measurers[@]}"; do wait "$m" 2>/dev/null || true; forget "$m"; done
for i in 0 1 2; do kill -9 "${pids[$i]}" 2>/dev/null || true; wait "${pids[$i]}" 2>/dev/null || true; forget "${pids[$i]}"; done

python3 - "$report" "$FAULTS" "$RESTARTS" "$SEED" "$BOTS" "$DURATION" "$MATCH" "$CHURN" "$started" "$(machine_line)" \
  "$(cut -d' ' -f1 /proc/loadavg)" "$RUN" >"$RUN/summary.txt" <<'PY'
import glob, json, os, re, sys
report, faults, restarts, seed, bots, duration, match, churn, started, machine, load, run = sys.argv[1:]
faults = [json.loads(l) for l in open(faults)]
restarts = {r["fault"]: r for r in map(json.loads, open(restarts))}
try:
    r = json.load(open(report))
except (OSError, ValueError):
    r = None
logs = sorted(glob.glob(os.path.join(run, "node*.log")))
def count(pattern):
    return sum(1 for log in logs for line in open(log, errors="replace") if re.search(pattern, line))
without_seat = count(r"resumed without a seat")
refused_resumes = count(r"RESUME_REJECTED|resume refused")
done = [f for f in faults if not f.get("skipped")]
ready = [restarts.get(f["fault"], {}).get("ready_ms") for f in done]
hosting = [restarts.get(f["fault"], {}).get("hosting_ms") for f in done]
# A restart whose wait for a room the end of the run, or the node's next fault, cut short is not
# measured (not a miss): until then it had hosted nothing, and the time says nothing more.
why_cut = {f["fault"]: "run ended" if restarts.get(f["fault"], {}).get("cut_by_end") else
           "faulted again first" if restarts.get(f["fault"], {}).get("cut_by_fault") else None for f in done}
cut = [why_cut[f["fault"]] is not None for f in done]
hosting_measured = [h for h, c in zip(hosting, cut) if not c]
targets = []
def target(name, value, ok):
    targets.append((name, value, ok))
if r is None:
    print("chaos: FAIL: the simulator wrote no report (see sim.txt)")
    sys.exit(0)
pause = r["resume_pause_ms"]
target("matches aborted", r["matches_aborted"], r["matches_aborted"] == 0)
target("seats lost", r["seats_lost"], r["seats_lost"] == 0)
target("requests refused to a client", r.get("requests_refused", "n/a"), r.get("requests_refused", 1) == 0)
target("resume pause p99 ms (<= 3000)", pause["p99"], pause["p99"] <= 3000)
target("restarted nodes ready ms (<= 10000)", ready, bool(done) and all(x is not None and x <= 10000 for x in ready))
target("restarted nodes hosting a room again ms (<= 30000)",
       [h if not c else f"not measured ({why_cut[f['fault']]})" for h, c, f in zip(hosting, cut, done)],
       bool(hosting_measured) and all(x is not None and x <= 30000 for x in hosting_measured))
ok = bool(done) and all(t[2] for t in targets)
print(f"chaos: SEED={seed}, {bots} bots, {duration} s, matches {match} s, churn {churn}/min; {len(done)} faults "
      f"({sum(f['kind'] == 'kill-9' for f in done)} kill -9, {sum(f['kind'] == 'sigterm' for f in done)} SIGTERM)")
for f in faults:
    rs = restarts.get(f["fault"], {})
    if f.get("skipped"):
        print(f"  fault {f['fault']}: {f['kind']} node{f['node']} skipped (not all nodes ready)")
        continue
    print(f"  fault {f['fault']} at {f['t_s']} s: {f['kind']} node{f['node']}, exited after {f['exit_after_ms']} ms"
          f"{' (killed: drain too long)' if f['drain_forced'] else ''}, restarted after {f['restarted_after_ms']} ms; "
          f"ready {rs.get('ready_ms')} ms, hosting a room {rs.get('hosting_ms')} ms after the restart")
print(f"  simulator: matches {r['matches_started']} started, {r['matches_completed']} completed, {r['matches_aborted']} aborted "
      f"({r.get('matches_given_up', 0)} given up), {r['matches_open_at_end']} open at the end; seats lost {r['seats_lost']}; "
      f"match ends after a resume {r.get('match_ends_after_resume', 'n/a')}; resumed {r['resumed']}, resumes refused {r['resume_failures']}; "
      f"requests retried {r.get('requests_retried', 'n/a')}, refused {r.get('requests_refused', 'n/a')}, unanswered {r.get('requests_unanswered', 'n/a')}; "
      f"churned {r['churned']}, disconnects {r['disconnects']} {r['disconnects_by_close_code']}; errors {r['errors']}")
print(f"  resume pause ms (drop to first state): p50 {pause['p50']}, p99 {pause['p99']}, max {pause['max']} over {pause['count']}")
print(f"  node logs: {without_seat} resumes without a seat, {refused_resumes} refused resumes logged")
for name, value, good in targets:
    print(f"  {'ok  ' if good else 'MISS'} {name}: {value}")
print(f"chaos: {'PASS' if ok else 'FAIL'} (SEED={seed})")
fmt = lambda xs: ", ".join("–" if x is None else f"{x / 1000:.1f}" for x in xs) or "–"
hosting_shown = [None if c else h for h, c in zip(hosting, cut)]
kinds = ", ".join(f"{'kill' if f['kind'] == 'kill-9' else 'term'} n{f['node']}" for f in done)
row = (f"| {started} | {seed} | {bots} / {duration} s | {len(done)} ({kinds}) | {r['matches_started']} / {r['matches_completed']} / "
       f"{r['matches_aborted']} | {r['seats_lost']} | {r.get('requests_refused', '–')} ({r.get('requests_retried', '–')} retried) | "
       f"{pause['p50']:.0f} / {pause['p99']:.0f} / {pause['max']:.0f} | {fmt(ready)} | {fmt(hosting_shown)} | "
       f"{'PASS' if ok else '**FAIL**'} | {float(load):.1f} |")
open(os.path.join(run, "row.md"), "w").write(row + "\n")
print(f"  Markdown row ({os.path.join(run, 'row.md')}):\n{row}")
PY
cat "$RUN/summary.txt"
echo "  machine: $(machine_line)"
grep -q "^chaos: PASS" "$RUN/summary.txt"
