#!/usr/bin/env bash
# Where the server's time goes: runs Playfield (server pinned to one core, bots to the other) with
# Java Flight Recorder at N players and prints the user/kernel split from /proc and the hottest code
# from JFR's execution samples. JFR sees Java code only: the kernel's share comes from /proc.
#
#   bench/profile.sh            # 1600 players, binary
#   ENCODING=json bench/profile.sh 1000
# Environment: MEASURE_SECONDS (30), WARMUP_SECONDS (10), RAMP (500), MATCH_SECONDS (20).
source "$(dirname "$0")/lib.sh"

PLAYERS="${1:-1600}"
ENCODING="${ENCODING:-binary}"
MEASURE="${MEASURE_SECONDS:-30}"
RAMP="${RAMP:-500}"
WARMUP=$(( (PLAYERS + RAMP - 1) / RAMP + ${WARMUP_SECONDS:-10} ))
build_if_missing
recording="$OUT/profile-$ENCODING-$PLAYERS.jfr"
port="$(free_port)"
log="$OUT/profile-$ENCODING-$PLAYERS.log"
SERVER_JAVA_OPTS="-XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints -XX:StartFlightRecording=delay=$((WARMUP + 1))s,duration=${MEASURE}s,settings=profile,filename=$recording" \
  start_server playfield "$port" "$log" "${MATCH_SECONDS:-20}"
server=$SERVER_PID
wait_port "$port"
taskset -c "$BOTS_CORE" java -jar "$SIM_JAR" --url "ws://127.0.0.1:$port/ws" --bots "$PLAYERS" --ramp "$RAMP" \
  --duration "$((WARMUP + MEASURE + 3))s" --warmup "${WARMUP}s" --encoding "$ENCODING" --quiet --allow-errors \
  --report "$OUT/profile-$ENCODING-$PLAYERS.json" >"$OUT/profile-$ENCODING-$PLAYERS.sim.txt" 2>&1 &
sim=$!
sleep $((WARMUP + 1))
read -r u0 k0 < <(awk '{print $14, $15}' "/proc/$server/stat")
sleep "$MEASURE"
read -r u1 k1 < <(awk '{print $14, $15}' "/proc/$server/stat")
wait "$sim" || true
sleep 2
stop_server "$server"

echo "Playfield at $PLAYERS players ($ENCODING), $MEASURE s: user $(( (u1 - u0) * 100 / CLK_TCK / MEASURE ))% of a core, kernel $(( (k1 - k0) * 100 / CLK_TCK / MEASURE ))% of a core (from /proc/PID/stat)"
jfr print --events jdk.ExecutionSample "$recording" | python3 -c '
import collections, re, sys
samples, self_counts, incl = 0, collections.Counter(), collections.Counter()
markers = [("game logic (dev.playfield.arena)", "dev.playfield.arena."),
           ("room host and room (dev.playfield.room)", "dev.playfield.room."),
           ("gateway sessions (dev.playfield.gateway)", "dev.playfield.gateway."),
           ("Protobuf encode/decode (com.google.protobuf)", "com.google.protobuf."),
           ("event bus (io.vertx.core.eventbus)", "io.vertx.core.eventbus."),
           ("WebSocket write path (WebSocketImplBase.write*)", "WebSocketImplBase.write"),
           ("Netty io_uring/epoll transport", "io.netty.channel."),
           ("logging (ch.qos.logback)", "ch.qos.logback.")]
stack, in_stack = [], False
for line in sys.stdin:
    s = line.strip()
    if s.startswith("stackTrace = ["):
        stack, in_stack = [], True
    elif in_stack and s == "]":
        in_stack = False
        if stack:
            samples += 1
            self_counts[stack[0]] += 1
            joined = "\n".join(stack)
            for name, marker in markers:
                if marker in joined:
                    incl[name] += 1
    elif in_stack and s and s != "...":
        stack.append(re.sub(r"\s+line:.*$", "", s))
print(f"JFR execution samples: {samples}")
print("Inclusive share of samples (a sample counts for every area on its stack):")
for name, _ in markers:
    print(f"  {100 * incl[name] / max(1, samples):5.1f}%  {name}")
print("Hottest methods by own time:")
for method, n in self_counts.most_common(15):
    print(f"  {100 * n / max(1, samples):5.1f}%  {method}")
'
