#!/usr/bin/env bash
# Failover: three clustered nodes, bots spread over all three, long matches; after a warmup the node
# hosting the most rooms is killed with SIGKILL in mid-match, and the run goes on until the matches
# end. Repeated REPEAT times, each with a fresh cluster. Records the pause players saw, the game
# time the resumed rooms lost, matches and players lost, and how long the dead node's players took
# to get their seat back. Writes its section of BENCHMARKS.md ("failover").
#
#   bench/failover.sh           # 300 bots
#   bench/failover.sh 200
# Environment: REPEAT (3), WARMUP_SECONDS before the kill (20), AFTER_KILL_SECONDS (70),
# MATCH_SECONDS (60), RAMP bots/s (100), SERVER_CORE (0), BOTS_CORE (1), SERVER_JAVA_OPTS,
# REFERENCE_CHURN: bots per minute for one more run on a fresh cluster with no kill, where bots drop
# and resume at that rate (0: none), to tell the resume time apart from the node's death;
# RESULTS_FROM=bench/out/failover-....jsonl: take the kill runs from earlier results instead of running them.
# All server processes share SERVER_CORE, the bots BOTS_CORE (as in bench/cluster.sh).
source "$(dirname "$0")/lib.sh"

BOTS="${1:-300}"
REPEAT="${REPEAT:-3}"
WARMUP="${WARMUP_SECONDS:-20}"
AFTER="${AFTER_KILL_SECONDS:-70}"
MATCH="${MATCH_SECONDS:-60}"
RAMP="${RAMP:-100}"
RESULTS="$OUT/failover-$(date +%Y%m%d-%H%M%S).jsonl"
trap cleanup_started EXIT
trap 'exit 130' INT TERM

build_if_missing
started="$(date -u +%Y-%m-%dT%H:%MZ)"

run_once() {
  local run=$1 i http=() cports=() pids=() logs=() urls=() members
  for i in 0 1 2; do http+=("$(free_port)"); cports+=("$(free_port)"); done
  members="$(printf '127.0.0.1:%s,' "${cports[@]}")"; members="${members%,}"
  export CLUSTER_NAME="bench-failover-$$-$run"
  for i in 0 1 2; do
    logs+=("$OUT/failover-run$run-node$((i + 1)).log")
    start_node "${http[$i]}" "${cports[$i]}" "$members" "${logs[$i]}" "$MATCH"
    pids+=("$NODE_PID")
    urls+=(--url "ws://127.0.0.1:${http[$i]}/ws")
  done
  for i in 0 1 2; do wait_ready "${http[$i]}"; done
  sleep 3

  local report="$OUT/failover-run$run.json" sim duration=$(( WARMUP + AFTER ))
  echo "failover: run $run/$REPEAT, $BOTS bots, kill after ${WARMUP}s" >&2
  # The simulator ends by itself after its duration; timeout ends it 60 s later at the latest.
  timeout -s KILL $(( duration + 60 )) taskset -c "$BOTS_CORE" java -jar "$SIM_JAR" "${urls[@]}" --bots "$BOTS" --ramp "$RAMP" \
    --duration "${duration}s" --encoding binary --report "$report" --quiet --allow-errors \
    >"$OUT/failover-run$run.sim.txt" 2>&1 &
  sim=$!
  STARTED_PIDS+=("$sim")
  sleep "$WARMUP"

  # The victim: the node that created the most rooms so far (all of them are in mid-match).
  local victim=0 most=-1 n counts=""
  for i in 0 1 2; do
    n="$(grep -c ' created: ' "${logs[$i]}" || true)"
    counts+="$n,"
    if (( n > most )); then most=$n; victim=$i; fi
  done
  local kill_ms
  kill_ms="$(date +%s%3N)"
  kill -9 "${pids[$victim]}"
  wait "${pids[$victim]}" 2>/dev/null || true
  echo "failover: killed node$((victim + 1)) (rooms created per node: ${counts%,})" >&2

  wait "$sim" 2>/dev/null || true
  for i in 0 1 2; do
    [[ $i == "$victim" ]] && continue
    kill -9 "${pids[$i]}" 2>/dev/null || true
    wait "${pids[$i]}" 2>/dev/null || true
  done

  python3 - "$report" "$run" "$victim" "$kill_ms" "${counts%,}" "$(cut -d' ' -f1 /proc/loadavg)" "${logs[@]}" >>"$RESULTS" <<'PY'
import datetime, json, re, sys
report, run, victim, kill_ms, counts, load, *logs = sys.argv[1:]
victim, kill_ms = int(victim), int(kill_ms)
r = json.load(open(report))
def ts_ms(line):
    t = datetime.datetime.strptime(line[:23], "%Y-%m-%dT%H:%M:%S.%f").replace(tzinfo=datetime.timezone.utc)
    return int(t.timestamp() * 1000)
created = {i: set() for i in range(len(logs))}
resumed, finished = {}, set()
for i, log in enumerate(logs):
    for line in open(log, errors="replace"):
        m = re.search(r"room (\S+) created: ", line)
        if m:
            created[i].add(m.group(1))
        m = re.search(r"room (\S+) resumed at tick (\d+) from a copy (\d+) ms old", line)
        if m and i != victim:
            t = ts_ms(line)
            age = int(m.group(3))
            resumed[m.group(1)] = {"tick": int(m.group(2)), "copy_age_ms": age, "kill_to_resume_ms": t - kill_ms,
                                   # game time run after the copy and before the kill, at 50 ms a tick
                                   "ticks_lost": max(0, (kill_ms - (t - age)) // 50)}
        m = re.search(r"room (\S+) finished at tick", line)
        if m and i != victim:
            finished.add(m.group(1))
# The victim's rooms still running at the kill: created there and not finished there.
victim_finished = {m.group(1) for line in open(logs[victim], errors="replace")
                   for m in [re.search(r"room (\S+) finished at tick", line)] if m}
victim_rooms = created[victim] - victim_finished
pct = lambda h, k: h[k]
print(json.dumps({
    "run": int(run), "victim": victim + 1, "created_per_node_at_kill": [int(x) for x in counts.split(",")],
    "victim_rooms": len(victim_rooms), "victim_rooms_resumed": len(victim_rooms & resumed.keys()),
    "victim_rooms_resumed_and_finished": len(victim_rooms & resumed.keys() & finished),
    "resumed_rooms": list(resumed.values()),
    "bots": r["bots"], "matches_started": r["matches_started"], "matches_completed": r["matches_completed"],
    "matches_aborted": r["matches_aborted"], "matches_open_at_end": r.get("matches_open_at_end"),
    "resumed": r["resumed"], "resume_failures": r["resume_failures"], "seats_lost": r["seats_lost"],
    "disconnects": r["disconnects"], "disconnects_by_close_code": r.get("disconnects_by_close_code"),
    "connect_failures": r.get("connect_failures"), "errors": r["errors"],
    "room_pause_ms": {k: r["room_pause_ms"][k] for k in ("count", "p50", "p99", "max")},
    "resume_pause_ms": {k: r["resume_pause_ms"][k] for k in ("count", "p50", "p99", "max")},
    "resume_after_reconnect_ms": {k: r["resume_after_reconnect_ms"][k] for k in ("count", "p50", "p99", "max")},
    "ack_p99": r["ack_latency_ms"]["p99"], "loadavg_1m": float(load)}))
PY
  tail -1 "$RESULTS" | cut -c1-400 >&2
}

# run_reference: a fresh cluster, no kill, bots dropping and resuming at REFERENCE_CHURN per minute.
run_reference() {
  local i http=() cports=() pids=() urls=() members report="$OUT/failover-reference.json" duration=$(( WARMUP + AFTER ))
  for i in 0 1 2; do http+=("$(free_port)"); cports+=("$(free_port)"); done
  members="$(printf '127.0.0.1:%s,' "${cports[@]}")"; members="${members%,}"
  export CLUSTER_NAME="bench-failover-$$-reference"
  for i in 0 1 2; do
    start_node "${http[$i]}" "${cports[$i]}" "$members" "$OUT/failover-reference-node$((i + 1)).log" "$MATCH"
    pids+=("$NODE_PID")
    urls+=(--url "ws://127.0.0.1:${http[$i]}/ws")
  done
  for i in 0 1 2; do wait_ready "${http[$i]}"; done
  sleep 3
  echo "failover: reference run, $BOTS bots, churn $REFERENCE_CHURN per minute, no kill" >&2
  timeout -s KILL $(( duration + 60 )) taskset -c "$BOTS_CORE" java -jar "$SIM_JAR" "${urls[@]}" --bots "$BOTS" \
    --ramp "$RAMP" --duration "${duration}s" --churn "$REFERENCE_CHURN" --encoding binary --report "$report" --quiet \
    --allow-errors >"$OUT/failover-reference.sim.txt" 2>&1 || true
  for i in 0 1 2; do kill -9 "${pids[$i]}" 2>/dev/null || true; wait "${pids[$i]}" 2>/dev/null || true; done
  python3 - "$report" "$REFERENCE_CHURN" "$(cut -d' ' -f1 /proc/loadavg)" >"$OUT/failover-reference.jsonl" <<'PY'
import json, sys
report, churn, load = sys.argv[1:]
r = json.load(open(report))
print(json.dumps({"churn_per_min": int(churn), "bots": r["bots"], "churned": r["churned"], "resumed": r["resumed"],
                  "resume_failures": r["resume_failures"], "seats_lost": r["seats_lost"],
                  "matches_completed": r["matches_completed"], "matches_aborted": r["matches_aborted"],
                  "resume_pause_ms": {k: r["resume_pause_ms"][k] for k in ("count", "p50", "p99", "max")},
                  "resume_after_reconnect_ms": {k: r["resume_after_reconnect_ms"][k] for k in ("count", "p50", "p99", "max")},
                  "room_pause_ms": {k: r["room_pause_ms"][k] for k in ("count", "p50", "p99", "max")},
                  "errors": sum(r["errors"].values()), "loadavg_1m": float(load)}))
PY
  cat "$OUT/failover-reference.jsonl" >&2
}

if [[ -n "${RESULTS_FROM:-}" ]]; then
  RESULTS="$RESULTS_FROM"
  started="$(date -u -r "$RESULTS" +%Y-%m-%dT%H:%MZ) (when the kill runs ended; the reference run followed)"
  REPEAT="$(wc -l <"$RESULTS")"
else
  for ((run = 1; run <= REPEAT; run++)); do
    run_once "$run"
  done
fi
REFERENCE="${REFERENCE_CHURN:-0}"
rm -f "$OUT/failover-reference.jsonl"
if (( REFERENCE > 0 )); then run_reference; fi

section="$OUT/failover.md"
prefix=""
if [[ -n ${RESULTS_FROM:-} ]]; then prefix+="RESULTS_FROM=bench/out/$(basename "$RESULTS_FROM") "; fi
if (( REFERENCE > 0 )); then prefix+="REFERENCE_CHURN=$REFERENCE "; fi
ENVDESC="${prefix}REPEAT=$REPEAT WARMUP_SECONDS=$WARMUP AFTER_KILL_SECONDS=$AFTER MATCH_SECONDS=$MATCH RAMP=$RAMP" \
python3 - "$RESULTS" "$started" "$(machine_line)" "$BOTS" "$OUT/failover-reference.jsonl" "$REFERENCE" >"$section" <<'PY'
import json, os, statistics, sys
results, started, machine, bots, reference, churn = sys.argv[1:]
runs = [json.loads(l) for l in open(results)]
ref = json.loads(open(reference).read()) if os.path.exists(reference) else None
def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(len(xs) * p / 100))] if xs else None
def f(x, d=0):
    return "–" if x is None else f"{x:,.{d}f}"
rooms = [room for r in runs for room in r["resumed_rooms"]]
copy = [x["copy_age_ms"] for x in rooms]
k2r = [x["kill_to_resume_ms"] for x in rooms]
lost = [x["ticks_lost"] for x in rooms]
tot = lambda k: sum(r[k] for r in runs)
not_resumed = sum(r["victim_rooms"] - r["victim_rooms_resumed"] for r in runs)
matches_lost = tot("matches_aborted") + not_resumed
players_lost = tot("seats_lost") + tot("resume_failures")
room_p99 = max(r["room_pause_ms"]["p99"] for r in runs)
resume_p99 = max(r["resume_pause_ms"]["p99"] for r in runs)
# From the new connection to the first state; older results only have the time from the drop,
# which includes the simulator's 200 ms wait before it reconnects.
after_reconnect = lambda r: r.get("resume_after_reconnect_ms", {"p99": r["resume_pause_ms"]["p99"] - 200})
reconnect_p99 = max(after_reconnect(r)["p99"] for r in runs)
yes = lambda ok: "yes" if ok else "**no**"
out = ["## Failover", "",
       "| target (issue 5) | measured | met? |", "|---|---|---|",
       f"| zero matches lost when one node of three is killed | {tot('matches_aborted')} aborted (simulator), {not_resumed} of the dead node's {tot('victim_rooms')} rooms not resumed; "
       f"{tot('matches_completed')} of {tot('matches_started')} started matches completed, {tot('matches_open_at_end')} still running at the end (the next round) | {yes(matches_lost == 0)} |",
       f"| zero players lost | {tot('seats_lost')} seats lost, {tot('resume_failures')} resumptions refused, {tot('resumed')} resumed | {yes(players_lost == 0)} |",
       f"| failover pause p99 ≤ 3 s | players on surviving nodes (longest gap per room, worst run's p99): {f(room_p99)} ms; in the logs, kill to resume p99 {f(pct(k2r, 99))} ms "
       f"and last copy to resume p99 {f(pct(copy, 99))} ms over {len(rooms)} resumed rooms | {yes(room_p99 <= 3000 and (pct(k2r, 99) or 0) <= 3000)} |",
       f"| game time lost ≤ 0.5 s (10 ticks) | at most {f(max(lost) if lost else None)} ticks (p50 {f(pct(lost, 50))}) | {yes(bool(lost) and max(lost) <= 10)} |",
       f"| resumption within 1 s of reconnecting | dead node's players, from the new connection to the first state: p99 {f(reconnect_p99)} ms "
       f"(worst run); from the drop, including the simulator's 200 ms wait before it reconnects: p99 {f(resume_p99)} ms | {yes(reconnect_p99 <= 1000)} |"]
if ref:
    rp = ref["resume_pause_ms"]
    rc = after_reconnect(ref)
    out += [f"| the same, bots dropping on purpose ({ref['churn_per_min']} per minute), no node killed | {ref['resumed']} resumed, "
            f"{ref['resume_failures']} refused, {ref['seats_lost']} seats lost; drop to first state p50 {f(rp['p50'])} ms, p99 {f(rp['p99'])} ms, "
            f"max {f(rp['max'])} ms; reconnect to first state p99 {f(rc['p99'])} ms | {yes(rc['p99'] <= 1000)} |"]
out += ["",
       f"Date {started}. Machine: {machine}.",
       f"Command: `{os.environ['ENVDESC']} bench/failover.sh {bots}`: three clustered nodes, {bots} bots spread over them (`--url` three times, "
       "binary), matches of 60 s; after the warmup the node that had created the most rooms is killed with `kill -9` in mid-match, and the bots "
       "run on until the matches have ended. A fresh cluster per run. All three servers pinned to core 0, the bots to core 1.", "",
       "| run | killed node (rooms created per node) | its rooms resumed | kill → resume ms p50 / p99 (logs) | copy age at resume ms p50 / max (logs) | "
       "ticks lost p50 / max | room pause ms p50 / p99 / max (sim, rooms) | resume pause ms p50 / p99 / max (sim, players) | resumed | seats lost | resume refused | "
       "matches started / completed / aborted / open at end | disconnects (expected) | errors |",
       "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
for r in runs:
    rr = r["resumed_rooms"]
    c, k, l = [x["copy_age_ms"] for x in rr], [x["kill_to_resume_ms"] for x in rr], [x["ticks_lost"] for x in rr]
    rp, sp = r["room_pause_ms"], r["resume_pause_ms"]
    out.append(f"| {r['run']} | node{r['victim']} ({', '.join(map(str, r['created_per_node_at_kill']))}) | {r['victim_rooms_resumed']} of {r['victim_rooms']} | "
               f"{f(pct(k, 50))} / {f(pct(k, 99))} | {f(pct(c, 50))} / {f(max(c) if c else None)} | {f(pct(l, 50))} / {f(max(l) if l else None)} | "
               f"{f(rp['p50'])} / {f(rp['p99'])} / {f(rp['max'])} ({rp['count']} rooms) | {f(sp['p50'])} / {f(sp['p99'])} / {f(sp['max'])} ({sp['count']}) | "
               f"{r['resumed']} | {r['seats_lost']} | {r['resume_failures']} | {r['matches_started']} / {r['matches_completed']} / {r['matches_aborted']} / {r['matches_open_at_end']} | "
               f"{r['disconnects']} | {sum(r['errors'].values())} |")
out += ["", f"All runs together: {len(rooms)} rooms resumed; kill → resume p50 {f(pct(k2r, 50))} ms, p99 {f(pct(k2r, 99))} ms; "
        f"copy age at resume p50 {f(pct(copy, 50))} ms, p99 {f(pct(copy, 99))} ms; ticks lost p50 {f(pct(lost, 50))}, max {f(max(lost) if lost else None)}; "
        f"room pause (sim) median of the runs' p50 {f(statistics.median(r['room_pause_ms']['p50'] for r in runs))} ms, worst p99 {f(room_p99)} ms; "
        f"resume pause (sim) median of the runs' p50 {f(statistics.median(r['resume_pause_ms']['p50'] for r in runs))} ms, worst p99 {f(resume_p99)} ms.",
        "",
        "How to read it: *kill → resume* is from the `kill -9` to the surviving node's log line \"room … resumed at tick … from a copy N ms old\"; "
        "*copy age* is that N, the time from the last replicated copy to the resume, which is the game's own view of the pause. *Ticks lost* is the "
        "game time the room ran after its last copy and before the kill, (kill − (resume − copy age)) / 50 ms: an upper bound, since a late room "
        "ticks less often. *Room pause* is the simulator's longest gap between two states of a room as a bot that stayed connected saw it, for "
        "rooms with a gap over 0.5 s (any room, not only moved ones); *resume pause* is from a dropped connection to the first state after the "
        "resume, for the dead node's players (the simulator waits 200 ms before it reconnects; players whose room died too wait for its failover). "
        "Disconnects are the dead node's players losing their connection: expected, and the simulator runs with `--allow-errors` for them."]
loads = [r["loadavg_1m"] for r in runs]
out += ["", f"Machine load (1-minute load average at the end of each run, 2 = both cores busy): {min(loads):.1f} to {max(loads):.1f}."]
print("\n".join(out))
PY
replace_section failover "$section"
cat "$section"
