#!/usr/bin/env bash
# Encodings: the same load on Playfield in binary Protobuf and in proto3 JSON: server CPU and bytes
# per player-second. Server pinned to one core, bots to the other. Writes the section "encodings"
# of BENCHMARKS.md.
#
#   bench/encodings.sh          # 1000 players
#   bench/encodings.sh 2000
# Environment: MEASURE_SECONDS (30), WARMUP_SECONDS (five matches: 5 x (MATCH_SECONDS + 2)), RAMP (500), MATCH_SECONDS (20), REPEAT (1).
source "$(dirname "$0")/lib.sh"

PLAYERS="${1:-1000}"
MEASURE="${MEASURE_SECONDS:-30}"
REPEAT="${REPEAT:-1}"
RESULTS="$OUT/encodings-$(date +%Y%m%d-%H%M%S).jsonl"
export RESULTS

build_if_missing
started="$(date -u +%Y-%m-%dT%H:%MZ)"
for ((r = 1; r <= REPEAT; r++)); do
  for encoding in binary json; do
    echo "encodings: $encoding, $PLAYERS players, run $r/$REPEAT" >&2
    run_step playfield "$encoding" "$PLAYERS" "$MEASURE"
  done
done

section="$OUT/encodings.md"
ENVDESC="MEASURE_SECONDS=$MEASURE WARMUP_SECONDS=${WARMUP_SECONDS:-$(( 5 * (${MATCH_SECONDS:-20} + 2) ))} RAMP=${RAMP:-500} MATCH_SECONDS=${MATCH_SECONDS:-20}" python3 - "$RESULTS" "$started" "$(machine_line)" "$*" "$MEASURE" "$REPEAT" "$PLAYERS" >"$section" <<'PY'
import json, os, statistics, sys
results, started, machine, args, measure, repeat, players = sys.argv[1:]
rows = [json.loads(l) for l in open(results)]
med = lambda xs: statistics.median(xs)
out = ["## Encodings", "", f"Date {started}. Machine: {machine}.",
       f"Command: `{os.environ['ENVDESC']} bench/encodings.sh {args}`".rstrip() + f" ({players} players on Playfield, measured {measure} s; median of {repeat} run(s)).",
       "", "| encoding | server CPU % | server core busy % (softirq) | CPU µs / player-s | bytes in / player-s (server to bot) | bytes out / player-s (bot to server) | ack p50 ms | ack p99 ms | errors |",
       "|---|---|---|---|---|---|---|---|---|"]
cpu = {}
for enc in ("binary", "json"):
    rs = [r for r in rows if r["encoding"] == enc]
    m = lambda k: med([r[k] for r in rs])
    cpu[enc] = m("cpu_us_per_player_s")
    out.append(f"| {enc} | {m('server_cpu_pct'):.0f} | {m('server_core_busy_pct'):.0f} ({m('server_core_softirq_pct'):.0f}) | {cpu[enc]:.0f} | {m('bytes_in_per_bot_s'):.0f} | "
               f"{m('bytes_out_per_bot_s'):.0f} | {m('ack_p50'):.1f} | {m('ack_p99'):.1f} | {m('errors'):.0f} |")
out += ["", f"JSON costs {cpu['json'] / cpu['binary']:.2f}x the server CPU of binary per player-second. "
        "Bytes are WebSocket payload bytes as the bots count them (frame headers not included)."]
loads = [r["loadavg_1m"] for r in rows if "loadavg_1m" in r]
if loads:
    out += ["", f"Machine load (1-minute load average at the end of each run, 2 = both cores busy): {min(loads):.1f} to {max(loads):.1f}."]
print("\n".join(out))
PY
replace_section encodings "$section"
cat "$section"
