#!/usr/bin/env bash
# Runs the FWP/1 codec benchmarks (JMH): 1 fork, 3 warm-up and 5 measured 1-second iterations
# per benchmark, about 45 s in all. Extra arguments go to JMH (e.g. a benchmark name regex, or
# -rf json -rff result.json). Results are noisy on a shared machine: compare medians of runs.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -o -q -B -pl firmware-protocol test-compile
m2="${M2_REPO:-$HOME/.m2/repository}"
jmh="$(sed -n 's:.*<jmh.version>\(.*\)</jmh.version>.*:\1:p' pom.xml)"
cp="firmware-protocol/target/classes:firmware-protocol/target/test-classes"
cp="$cp:$m2/org/openjdk/jmh/jmh-core/$jmh/jmh-core-$jmh.jar"
cp="$cp:$m2/net/sf/jopt-simple/jopt-simple/5.0.4/jopt-simple-5.0.4.jar"
cp="$cp:$m2/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar"
if [ "$#" -eq 0 ]; then
  set -- org.dpem.protocol.CodecBenchmark
fi
exec java -cp "$cp" org.openjdk.jmh.Main -f 1 -wi 3 -i 5 -w 1s -r 1s "$@"
