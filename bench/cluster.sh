#!/usr/bin/env bash
# Cluster: the same load (mode arena, 8 per room, 20 Hz, binary) against one node and against three
# clustered nodes on this machine, bots spread over all three (--url three times). Every server
# process is pinned to SERVER_CORE and the bots to BOTS_CORE in every run, so the servers get the
# same CPU either way. Reports the servers' total CPU per player-second, ack latency, the cross-node
# traffic (from each node's /metrics and the admin API) and what a cross-node hop costs.
# Writes its section of BENCHMARKS.md ("cluster").
#
#   bench/cluster.sh            # 800 players
#   bench/cluster.sh 400
# Environment: MEASURE_SECONDS (30), WARMUP_SECONDS after the ramp (15), RAMP bots/s (500),
# MATCH_SECONDS (20), IDLE_SECONDS: idle CPU measured before the bots start (10),
# CONFIGS ("single cluster1 cluster3": a standalone node, a clustered node alone, three clustered
# nodes), SERVER_CORE (0), BOTS_CORE (1), SERVER_JAVA_OPTS, SECTION: the BENCHMARKS.md section to
# write (cluster), so a run at another load can sit beside the default one;
# RESULTS_FROM=bench/out/cluster-....jsonl: write the section from earlier results without running.
source "$(dirname "$0")/lib.sh"

PLAYERS="${1:-800}"
MEASURE="${MEASURE_SECONDS:-30}"
WARMUP_EXTRA="${WARMUP_SECONDS:-15}"
RAMP="${RAMP:-500}"
MATCH="${MATCH_SECONDS:-20}"
IDLE="${IDLE_SECONDS:-10}"
CONFIGS="${CONFIGS:-single cluster1 cluster3}"
trap cleanup_started EXIT
trap 'exit 130' INT TERM

# run_config NAME: starts the nodes, measures them idle, then under the bots; one JSON line to $RESULTS.
run_config() {
  local name=$1 nodes members="" i
  case "$name" in
    single) nodes=1 ;;
    cluster1) nodes=1; members=- ;;
    cluster3) nodes=3 ;;
    *) echo "unknown config $name" >&2; return 1 ;;
  esac
  local http=() cports=() pids=() logs=() urls=()
  for ((i = 0; i < nodes; i++)); do http+=("$(free_port)"); cports+=("$(free_port)"); done
  if [[ $nodes -gt 1 ]]; then
    members="$(printf '127.0.0.1:%s,' "${cports[@]}")"; members="${members%,}"
  fi
  export CLUSTER_NAME="bench-cluster-$$-$name"
  for ((i = 0; i < nodes; i++)); do
    logs+=("$OUT/cluster-$name-node$((i + 1)).log")
    start_node "${http[$i]}" "${cports[$i]}" "$members" "${logs[$i]}" "$MATCH"
    pids+=("$NODE_PID")
    urls+=(--url "ws://127.0.0.1:${http[$i]}/ws")
  done
  for ((i = 0; i < nodes; i++)); do wait_ready "${http[$i]}"; done
  sleep 3

  # Idle: the nodes' own cost (JVMs, Hazelcast heartbeats, load publication) with no player.
  # The /metrics reads can be slow on a busy core: they are made outside the CPU window, and both
  # windows are timed rather than assumed.
  local i0 i1 r0=0 r1=0 ic0 ic1 ir0 ir1
  ir0="$(now_ms)"
  for ((i = 0; i < nodes; i++)); do r0=$(( r0 + $(metric_sum "${http[$i]}" 'vertx_eventbus_sent_total.*side="remote"') )); done
  ic0="$(now_ms)"; i0="$(sum_cpu_ticks "${pids[@]}")"
  sleep "$IDLE"
  ic1="$(now_ms)"; i1="$(sum_cpu_ticks "${pids[@]}")"
  for ((i = 0; i < nodes; i++)); do r1=$(( r1 + $(metric_sum "${http[$i]}" 'vertx_eventbus_sent_total.*side="remote"') )); done
  ir1="$(now_ms)"

  local ramp_s warmup duration report sim
  ramp_s=$(( (PLAYERS + RAMP - 1) / RAMP ))
  warmup=$(( ramp_s + WARMUP_EXTRA ))
  duration=$(( warmup + MEASURE + 5 ))
  report="$OUT/cluster-$name-$PLAYERS.json"
  echo "cluster: $name ($nodes node(s)), $PLAYERS players" >&2
  taskset -c "$BOTS_CORE" java -jar "$SIM_JAR" "${urls[@]}" --bots "$PLAYERS" --ramp "$RAMP" \
    --duration "${duration}s" --warmup "${warmup}s" --encoding binary --report "$report" --quiet \
    --allow-errors >"$OUT/cluster-$name-$PLAYERS.sim.txt" 2>&1 &
  sim=$!
  STARTED_PIDS+=("$sim")
  sleep $(( warmup + 1 ))

  local t0 t1 s0 s1 b0 a0 q0 b1 a1 q1 h0=0 h1=0 m0=0 m1=0 w0=0 w1=0 rooms="" c0 c1 mt0 mt1 scrape
  mt0="$(now_ms)"
  for ((i = 0; i < nodes; i++)); do
    scrape="$(curl -s --max-time 5 "http://127.0.0.1:${http[$i]}/metrics" || true)"
    h0=$(( h0 + $(metric_of "$scrape" 'playfield_cross_node_hops_total') ))
    m0=$(( m0 + $(metric_of "$scrape" 'vertx_eventbus_sent_total.*side="remote"') ))
    w0=$(( w0 + $(metric_of "$scrape" 'playfield_messages_total.*direction="in"') ))
  done
  mt0=$(( (mt0 + $(now_ms)) / 2 ))
  c0="$(now_ms)"; t0="$(sum_cpu_ticks "${pids[@]}")"; s0="$(cpu_ticks "$sim")"; read -r b0 a0 q0 <<<"$(core_jiffies "$SERVER_CORE")"
  sleep "$MEASURE"
  c1="$(now_ms)"; t1="$(sum_cpu_ticks "${pids[@]}")"; s1="$(cpu_ticks "$sim")"; read -r b1 a1 q1 <<<"$(core_jiffies "$SERVER_CORE")"
  mt1="$(now_ms)"
  for ((i = 0; i < nodes; i++)); do
    scrape="$(curl -s --max-time 5 "http://127.0.0.1:${http[$i]}/metrics" || true)"
    h1=$(( h1 + $(metric_of "$scrape" 'playfield_cross_node_hops_total') ))
    m1=$(( m1 + $(metric_of "$scrape" 'vertx_eventbus_sent_total.*side="remote"') ))
    w1=$(( w1 + $(metric_of "$scrape" 'playfield_messages_total.*direction="in"') ))
    rooms+="$(metric_of "$scrape" 'playfield_rooms.state="(running|waiting)"'),"
  done
  mt1=$(( (mt1 + $(now_ms)) / 2 ))
  wait "$sim" || true
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  local created=""
  for ((i = 0; i < nodes; i++)); do created+="$(grep -c ' created: ' "${logs[$i]}" || true),"; done

  python3 - "$report" "$name" "$nodes" "$PLAYERS" "$(( c1 - c0 ))" "$(( ic1 - ic0 ))" "$(( mt1 - mt0 ))" "$(( ir1 - ir0 ))" "$CLK_TCK" "$((t1 - t0))" "$((i1 - i0))" \
    "$((s1 - s0))" "$((b1 - b0))" "$((a1 - a0))" "$((q1 - q0))" "$((h1 - h0))" "$((m1 - m0))" "$((r1 - r0))" \
    "${rooms%,}" "${created%,}" "$((w1 - w0))" "$(cut -d' ' -f1 /proc/loadavg)" >>"$RESULTS" <<'PY'
import json, sys
(report, name, nodes, players, measure, idle, mwin, iwin, clk, ticks, idle_ticks, sim_ticks, core_busy, core_all, core_softirq,
 hops, remote, idle_remote, rooms, created, ws_in, load) = sys.argv[1:]
r = json.load(open(report))
# windows in ms: CPU under load, CPU idle, metrics under load, metrics idle
players, clk = int(players), float(clk)
measure, idle, mwin, iwin = (int(x) / 1000 for x in (measure, idle, mwin, iwin))
cpu_s = int(ticks) / clk
# Inputs that crossed to another node: remote event-bus messages less the room-to-gateway frames and
# the idle traffic; all inputs: WebSocket messages in less one ping per bot-second.
inputs = int(ws_in) / mwin - players
remote_inputs = int(remote) / mwin - int(hops) / mwin - int(idle_remote) / iwin
print(json.dumps({
    "config": name, "nodes": int(nodes), "players": players, "connected": r["connected"],
    "server_cpu_pct": round(100 * cpu_s / measure, 1),
    "idle_cpu_pct": round(100 * int(idle_ticks) / clk / idle, 2),
    "cpu_us_per_player_s": round(cpu_s * 1e6 / (players * measure), 1),
    "server_core_busy_pct": round(100 * int(core_busy) / max(1, int(core_all)), 1),
    "server_core_softirq_pct": round(100 * int(core_softirq) / max(1, int(core_all)), 1),
    "sim_cpu_pct": round(100 * int(sim_ticks) / clk / measure, 1),
    "ack_p50": r["ack_latency_ms"]["p50"], "ack_p99": r["ack_latency_ms"]["p99"], "ack_p999": r["ack_latency_ms"]["p999"],
    "interarrival_p99": r["state_interarrival_ms"]["p99"], "bytes_in_per_bot_s": r["bytes_in_per_bot_s"],
    "matches_started": r["matches_started"], "matches_completed": r["matches_completed"],
    "matches_aborted": r["matches_aborted"], "errors": sum(r["errors"].values()), "disconnects": r["disconnects"],
    "room_to_gateway_hops_per_s": round(int(hops) / mwin, 1),
    "remote_messages_per_s": round(int(remote) / mwin, 1),
    "idle_remote_messages_per_s": round(int(idle_remote) / iwin, 1),
    "cpu_window_s": measure, "metrics_window_s": mwin,
    "rooms_per_node": [int(x) for x in rooms.split(",") if x],
    "created_per_node": [int(x) for x in created.split(",") if x],
    "inputs_per_s": round(inputs, 1), "remote_inputs_per_s": round(remote_inputs, 1),
    "cross_node_share": round(remote_inputs / inputs, 3) if int(nodes) > 1 and inputs > 0 else None,
    "loadavg_1m": float(load)}))
PY
  tail -1 "$RESULTS" >&2
}

if [[ -n "${RESULTS_FROM:-}" ]]; then
  RESULTS="$RESULTS_FROM"
  started="$(date -u -r "$RESULTS" +%Y-%m-%dT%H:%MZ) (results of that time)"
else
  RESULTS="$OUT/cluster-$(date +%Y%m%d-%H%M%S).jsonl"
  build_if_missing
  started="$(date -u +%Y-%m-%dT%H:%MZ)"
  for name in $CONFIGS; do
    run_config "$name"
  done
fi

SECTION="${SECTION:-cluster}"
section="$OUT/$SECTION.md"
SECTION="$SECTION" ENVDESC="$([[ $SECTION == cluster ]] || echo "SECTION=$SECTION ")MEASURE_SECONDS=$MEASURE WARMUP_SECONDS=$WARMUP_EXTRA RAMP=$RAMP MATCH_SECONDS=$MATCH IDLE_SECONDS=$IDLE" \
python3 - "$RESULTS" "$started" "$(machine_line)" "$PLAYERS" "$MEASURE" >"$section" <<'PY'
import json, os, sys
results, started, machine, players, measure = sys.argv[1:]
rows = {}
for line in open(results):
    r = json.loads(line)
    rows[r["config"]] = r
single, one, three = rows.get("single"), rows.get("cluster1"), rows.get("cluster3")
label = {"single": "1 node, standalone", "cluster1": "1 node, clustered alone", "cluster3": "3 nodes, clustered"}
def f(x, d=1):
    return "" if x is None else f"{x:,.{d}f}"
name = os.environ.get("SECTION", "cluster")
out = ["## Cluster" + ("" if name == "cluster" else f" ({name})"), ""]
if single and three:
    d_cpu = (three["server_cpu_pct"] - single["server_cpu_pct"]) / 100  # CPU-seconds per second
    d_idle = (three["idle_cpu_pct"] - single["idle_cpu_pct"]) / 100
    hops = three["remote_messages_per_s"] - three["idle_remote_messages_per_s"]
    per_hop = d_cpu * 1e6 / hops if hops > 0 else None
    per_hop_load = (d_cpu - d_idle) * 1e6 / hops if hops > 0 else None
    ok = three["errors"] == 0 and three["disconnects"] == 0 and three["matches_aborted"] == 0
    spread = three["created_per_node"]
    out += ["| target / question (issue 4) | measured | met? |", "|---|---|---|",
            f"| bots on all three nodes matched across nodes, complete matches with zero errors | {three['matches_completed']} matches completed, "
            f"{three['errors']} errors, {three['disconnects']} disconnects, {three['matches_aborted']} aborted; "
            f"{f(100 * three['cross_node_share'] if three['cross_node_share'] is not None else None, 0)}% of the inputs went to a room on another node than the player's connection | {'yes' if ok else 'no'} |",
            f"| rooms spread over the nodes by load | rooms created per node: {', '.join(map(str, spread))} | {'yes' if spread and min(spread) > 0 else 'no'} |",
            f"| cost of a cross-node hop (CPU) | {f(per_hop, 1)} µs of server CPU per cross-node message, all of the difference charged to the hops; "
            f"{f(per_hop_load, 1)} µs after taking off the idle difference ({f(100 * d_idle, 1)}% of a core) | "
            + (f"**not a unit cost**: the servers' core was {three['server_core_busy_pct']:.0f}% busy, so the difference is capped by the core |"
               if three["server_core_busy_pct"] >= 90 else "reported |"),
            f"| cost of a cross-node hop (latency), ack p50 / p99 | {f(single['ack_p50'])} / {f(single['ack_p99'])} ms on one node, "
            f"{f(three['ack_p50'])} / {f(three['ack_p99'])} ms on three ({three['ack_p50'] - single['ack_p50']:+.1f} / {three['ack_p99'] - single['ack_p99']:+.1f} ms) | reported |",
            f"| total server CPU per player-second, three nodes against one | {f(three['cpu_us_per_player_s'], 0)} against {f(single['cpu_us_per_player_s'], 0)} µs "
            f"({three['cpu_us_per_player_s'] / single['cpu_us_per_player_s']:.2f}x) | reported |", ""]
out += [f"Date {started}. Machine: {machine}.",
        f"Command: `{os.environ['ENVDESC']} bench/cluster.sh {players}` ({players} bots, mode arena 8 per room at 20 Hz, binary; "
        f"measured {measure} s after the ramp and warmup). **Every server process is pinned to core 0 and the bots to core 1 in every "
        "configuration**: three nodes share the one core a single node has, so the CPU columns compare the same budget; this "
        "measures what clustering costs, not what three machines would hold.", "",
        "| configuration | connected | idle CPU % (no players) | server CPU % (sum) | server core busy % (softirq) | CPU µs / player-s | ack p50 ms | ack p99 ms | ack p99.9 ms | "
        "state interarrival p99 ms | bytes in / bot-s | matches completed | errors | disconnects | cross-node messages / s | room→gateway frames / s | inputs to a room on another node | rooms created per node | sim CPU % |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
for key in ("single", "cluster1", "cluster3"):
    r = rows.get(key)
    if not r:
        continue
    share = "" if r["cross_node_share"] is None else f"{100 * r['cross_node_share']:.0f}% ({r['remote_inputs_per_s']:,.0f} of {r['inputs_per_s']:,.0f} /s)"
    if r["nodes"] == 1:
        share = "0 (one node)"
    out.append(f"| {label[key]} | {r['connected']} | {r['idle_cpu_pct']:.1f} | {r['server_cpu_pct']:.0f} | {r['server_core_busy_pct']:.0f} ({r['server_core_softirq_pct']:.0f}) | "
               f"{r['cpu_us_per_player_s']:.0f} | {r['ack_p50']:.1f} | {r['ack_p99']:.1f} | {r['ack_p999']:.1f} | {r['interarrival_p99']:.1f} | "
               f"{r['bytes_in_per_bot_s']:.0f} | {r['matches_completed']} | {r['errors']} | {r['disconnects']} | {r['remote_messages_per_s']:,.0f} | "
               f"{r['room_to_gateway_hops_per_s']:,.0f} | {share} | {', '.join(map(str, r['created_per_node']))} | {r['sim_cpu_pct']:.0f} |")
if single and three:
    out += ["", f"**A cross-node hop.** Three nodes used {three['server_cpu_pct'] - single['server_cpu_pct']:+.0f} points of a core more than one node under the same "
            f"load ({single['server_cpu_pct']:.0f}% → {three['server_cpu_pct']:.0f}%), while sending {three['remote_messages_per_s']:,.0f} event-bus messages "
            f"per second to another node ({three['room_to_gateway_hops_per_s']:,.0f} of them per-tick state frames from a room to a remote gateway, "
            f"the rest mostly inputs from a gateway to a remote room; {three['idle_remote_messages_per_s']:,.0f}/s when idle). Charging the whole "
            f"difference to those messages gives {f(per_hop, 1)} µs per message; that is an upper bound, because the difference also holds three JVMs' "
            f"own cost (GC, timers, Hazelcast heartbeats and the load publications: {three['idle_cpu_pct']:.1f}% of a core idle against "
            f"{single['idle_cpu_pct']:.1f}% for one standalone node) and the room records written to Hazelcast every 5 ticks with a backup on "
            f"another member, which a standalone node keeps in memory."]
    if one:
        out += ["", f"The clustered node alone (same code path as the cluster: Hazelcast map writes, no backup, no remote gateway) used "
                f"{one['server_cpu_pct']:.0f}% ({one['cpu_us_per_player_s']:.0f} µs per player-second) and {one['idle_cpu_pct']:.1f}% idle: "
                f"clustering without cross-node traffic costs {one['server_cpu_pct'] - single['server_cpu_pct']:+.0f} points over standalone; "
                f"three nodes cost {three['server_cpu_pct'] - one['server_cpu_pct']:+.0f} more than that, "
                f"{(three['server_cpu_pct'] - one['server_cpu_pct']) / 100 * 1e6 / max(1, three['remote_messages_per_s']):.1f} µs per cross-node message "
                f"if all of it is put on the messages."]
out += ["", "Server CPU: the sum of all server processes' user+system time over the window (from /proc/PID/stat); idle CPU: the same "
        f"with no player for a few seconds before the bots start. Cross-node messages: the increase of `vertx_eventbus_sent_total{{side=\"remote\"}}` "
        "summed over the nodes; room→gateway frames: `playfield_cross_node_hops_total`. Inputs to a room on another node: the cross-node messages less "
        "the room→gateway frames and the idle rate, against all inputs (`playfield_messages_total{direction=\"in\"}` less one ping per bot-second); "
        "with bots spread evenly and rooms placed by load about two thirds are expected. Ack latency includes the hop for those players only. Raw results: one JSON "
        "line per configuration in bench/out/."]
loads = [r["loadavg_1m"] for r in rows.values()]
out += ["", f"Machine load (1-minute load average at the end of each run, 2 = both cores busy): {min(loads):.1f} to {max(loads):.1f}."]
print("\n".join(out))
PY
replace_section "$SECTION" "$section"
cat "$section"
