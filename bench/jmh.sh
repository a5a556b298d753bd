#!/usr/bin/env bash
# Hot-path microbenchmarks (JMH): a room tick with eight players, state encoding per recipient in
# binary and JSON, input decoding in binary and JSON. Modest iterations by default; pass JMH options
# to change them (e.g. bench/jmh.sh -f 2 -wi 5 -i 10). Writes the section "jmh" of BENCHMARKS.md.
source "$(dirname "$0")/lib.sh"

JAR="$ROOT/target/jmh/playfield-jmh.jar"
(cd "$ROOT" && mvn -B -q -Pjmh package -DskipTests)
started="$(date -u +%Y-%m-%dT%H:%MZ)"
results="$OUT/jmh.json"
args=("$@")
[[ ${#args[@]} -gt 0 ]] || args=(-f 1 -wi 3 -w 2s -i 5 -r 2s)
java -cp "$JAR" org.openjdk.jmh.Main "${args[@]}" -rf json -rff "$results"

section="$OUT/jmh.md"
python3 - "$results" "$started" "$(machine_line)" "${args[*]}" >"$section" <<'PY'
import json, sys
results, started, machine, args = sys.argv[1:]
rows = json.load(open(results))
out = ["## Hot path (JMH)", "", f"Date {started}. Machine: {machine}.",
       f"Command: `bench/jmh.sh {args}` (JMH 1.37, average time per operation).", "",
       "| benchmark | params | µs / op | ± error |", "|---|---|---|---|"]
for r in rows:
    name = r["benchmark"].replace("dev.playfield.bench.", "")
    params = ", ".join(f"{k}={v}" for k, v in (r.get("params") or {}).items())
    m = r["primaryMetric"]
    err = m["scoreError"]
    err = f"{err:.3f}" if isinstance(err, (int, float)) else "n/a"
    out.append(f"| {name} | {params} | {m['score']:.3f} | {err} |")
print("\n".join(out))
PY
replace_section jmh "$section"
cat "$section"
