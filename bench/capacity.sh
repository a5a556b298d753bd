#!/usr/bin/env bash
# Capacity: one node, mode arena (8 per room, 20 Hz), growing numbers of concurrent players, against
# the bare Vert.x baseline with the same message pattern in the same run. The server is pinned to one
# core and the bots to another. Writes its table into BENCHMARKS.md (section "capacity").
#
#   bench/capacity.sh                 # steps 250 500 1000 2000 4000
#   bench/capacity.sh 500 1600        # other steps
# Environment: MEASURE_SECONDS (30), WARMUP_SECONDS after the ramp (five matches: 5 x (MATCH_SECONDS + 2)), RAMP bots/s (500),
# MATCH_SECONDS (20), REPEAT runs per step, median kept (1), SERVERS ("playfield baseline"),
# SERVER_CORE (0), BOTS_CORE (1), TRANSPORT (auto), ENCODING (binary), SCRAPE_SECONDS (15: how often
# Playfield's /metrics is read through each run; 0: only at the window's edges), SERVER_JAVA_OPTS (added to
# config/jvm.options, which both servers use; JVM_OPTIONS_FILE= leaves that file out),
# SECTION: the BENCHMARKS.md section to write (capacity), so a focused rerun can sit beside the sweep;
# RESULTS_FROM=bench/out/capacity-....jsonl: write the section from earlier results without running.
source "$(dirname "$0")/lib.sh"

STEPS=("$@")
[[ ${#STEPS[@]} -gt 0 ]] || read -r -a STEPS <<<"${CAPACITY_STEPS:-250 500 1000 2000 4000}"
MEASURE="${MEASURE_SECONDS:-30}"
REPEAT="${REPEAT:-1}"
SERVERS="${SERVERS:-playfield baseline}"
ENCODING="${ENCODING:-binary}"
if [[ -n "${RESULTS_FROM:-}" ]]; then
  RESULTS="$RESULTS_FROM"
  started="$(date -u -r "$RESULTS" +%Y-%m-%dT%H:%MZ) (results of that time)"
else
  RESULTS="$OUT/capacity-$(date +%Y%m%d-%H%M%S).jsonl"
  export RESULTS
  build_if_missing
  started="$(date -u +%Y-%m-%dT%H:%MZ)"
  for players in "${STEPS[@]}"; do
    for ((r = 1; r <= REPEAT; r++)); do
      for kind in $SERVERS; do
        echo "capacity: $kind, $players players, run $r/$REPEAT" >&2
        run_step "$kind" "$ENCODING" "$players" "$MEASURE"
      done
    done
  done
fi

SECTION="${SECTION:-capacity}"
section="$OUT/$SECTION.md"
JVMDESC="${JVM_OPTIONS_FILE:+config/jvm.options }${SERVER_JAVA_OPTS:-}" SECTION="$SECTION" ENVDESC="${SCRAPE_SECONDS:+SCRAPE_SECONDS=$SCRAPE_SECONDS }REPEAT=$REPEAT MEASURE_SECONDS=$MEASURE WARMUP_SECONDS=${WARMUP_SECONDS:-$(( 5 * (${MATCH_SECONDS:-20} + 2) ))} RAMP=${RAMP:-500} MATCH_SECONDS=${MATCH_SECONDS:-20}" python3 - "$RESULTS" "$started" "$(machine_line)" "$*" "$MEASURE" "$REPEAT" >"$section" <<'PY'
import json, os, statistics, sys
results, started, machine, args, measure, repeat = sys.argv[1:]
rows = [json.loads(l) for l in open(results)]
def med(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None
steps = sorted({r["players"] for r in rows})
out = ["## Capacity" + ("" if os.environ.get("SECTION", "capacity") == "capacity" else f" ({os.environ['SECTION']})"), "",
       f"Date {started}. Machine: {machine}.",
       f"Command: `{os.environ['ENVDESC']} bench/capacity.sh {args}`".rstrip() + f" (measured {measure} s per step after the ramp and warmup; "
       f"median of {repeat} run(s) per step). Server pinned to one core, bots to the other; binary encoding unless noted; "
       f"server JVM options: {os.environ['JVMDESC'].strip() or 'the JVM defaults'}.",
       "", "| players | server | connected | server CPU % | server core busy % (softirq) | CPU µs / player-s | ratio to baseline | ack p50 ms | ack p99 ms | ack p99.9 ms | bytes in / bot-s | "
       "tick max p99 ms | overruns in window | ticks > 25 ms late in window | RSS MiB | sim CPU % | errors | disconnects |",
       "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
def each(rs, key):
    """Every run's value, in run order (a median would hide the one bad run of three)."""
    xs = [r.get(key) for r in rs]
    return " / ".join(f"{x:,}" for x in xs if x is not None)
for n in steps:
    base = med([r["cpu_us_per_player_s"] for r in rows if r["players"] == n and r["server"] == "baseline"])
    for kind in ("playfield", "baseline"):
        rs = [r for r in rows if r["players"] == n and r["server"] == kind]
        if not rs:
            continue
        m = lambda k: med([r[k] for r in rs])
        cpu = m("cpu_us_per_player_s")
        ratio = f"{cpu / base:.2f}" if (kind == "playfield" and base) else ("1" if kind == "baseline" else "")
        tick = m("tick_max_p99_ms") if kind == "playfield" else None
        over = each(rs, "overruns") if kind == "playfield" else ""
        late = each(rs, "late_ticks") if kind == "playfield" else ""
        out.append(f"| {n} | {kind} | {m('connected'):.0f} | {m('server_cpu_pct'):.0f} | {m('server_core_busy_pct'):.0f} ({m('server_core_softirq_pct'):.0f}) | {cpu:.0f} | {ratio} | "
                   f"{m('ack_p50'):.1f} | {m('ack_p99'):.1f} | {m('ack_p999'):.1f} | {m('bytes_in_per_bot_s'):.0f} | "
                   f"{'' if tick is None else f'{tick:.2f}'} | {over} | {late} | "
                   f"{m('rss_mib'):.0f} | {m('sim_cpu_pct'):.0f} | {m('errors'):.0f} | {m('disconnects'):.0f} |")
every = os.environ.get("SCRAPE_SECONDS", "15")
scraping = ("Playfield's /metrics was read only at the window's edges, so the node's first scrape fell at "
            "the window's start." if every == "0" else
            f"Playfield's /metrics was read every {every} s through the whole run, as a Prometheus server would.")
out += ["", "CPU µs per player-second: the server process's user+system CPU time over the measured window "
        "(from /proc/PID/stat), divided by players × seconds. Server core busy: all non-idle time of the "
        "server's core (from /proc/stat): the server, kernel network work (softirq, in brackets) that no process is "
        "charged for, and anything else the machine ran there. Tick max p99: the 99th percentile over the "
        "rooms that finished a match during the run of each room's longest tick (whole run, from the room log "
        "lines). Overruns in window: tick slots missed during the measured window, from the server's "
        "playfield_tick_overruns_total, and ticks that started more than 25 ms after their slot, from "
        "playfield_tick_lateness_seconds (Playfield only; every run's value, in run order). " + scraping + " Bytes in per bot-second: state traffic the bots received; "
        "about 6,800 when every state arrives, less when a server skips ticks or drops states. Raw results: one JSON line per run in bench/out/."]
loads = [r["loadavg_1m"] for r in rows if "loadavg_1m" in r]
if loads:
    out += ["", f"Machine load (1-minute load average at the end of each run, 2 = both cores busy): {min(loads):.1f} to {max(loads):.1f}."]
print("\n".join(out))
PY
replace_section "$SECTION" "$section"
cat "$section"
