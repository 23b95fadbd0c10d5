#!/usr/bin/env bash
# W1 in asynchronous mode (issue 10): throughput, then latency at 100 k events/s, for each wait strategy.
# One summary line per run. Usage: eventflux.bench/run-async.sh [seconds per latency run (default 20)]
# Needs the bench jar: mvn -B -q -DskipTests package -pl eventflux.bench -am
set -euo pipefail
cd "$(dirname "$0")/.."
jar=eventflux.bench/target/benchmarks.jar
[ -f "$jar" ] || { echo "no $jar: mvn -B -q -DskipTests package -pl eventflux.bench -am" >&2; exit 2; }
seconds="${1:-20}"
java_opts=(-Xms1g -Xmx1g -XX:+UseG1GC)
echo "# $(date -u '+%F %T') UTC, $(nproc) cpus, load $(cut -d' ' -f1-3 /proc/loadavg), java ${java_opts[*]}"
for wait in blocking sleeping yielding busy-spin; do
  java "${java_opts[@]}" -cp "$jar" io.eventflux.bench.AsyncMain throughput --wait "$wait" 2>/dev/null || true
done
for wait in blocking sleeping yielding busy-spin; do
  java "${java_opts[@]}" -cp "$jar" io.eventflux.bench.AsyncMain latency --wait "$wait" --seconds "$seconds" 2>/dev/null || true
done
