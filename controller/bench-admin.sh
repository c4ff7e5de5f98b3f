#!/usr/bin/env bash
# Admin socket benchmark (JMH): `status` over 16 connections, throughput (commands/ms over all
# connections) and sample-time percentiles (p99), for 1 and 2 event-loop threads; about 2 min.
# Extra arguments go to JMH (e.g. -p workers=1, or -rf json -rff admin.json). The machine is
# shared and noisy: run it a few times and compare medians.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -o -q -B -pl controller test-compile
cpfile=controller/target/bench-classpath.txt
mvn -o -q -B -pl controller dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$root/$cpfile"
# A private copy of the compiled classes: others may rebuild controller/target during the run.
snap="$(mktemp -d)"
trap 'rm -rf "$snap"' EXIT
cp -r controller/target/classes "$snap/classes"
cp -r controller/target/test-classes "$snap/test-classes"
cp="$snap/classes:$snap/test-classes:$(cat "$cpfile")"
if [ "$#" -eq 0 ]; then
  set -- org.dpem.controller.admin.AdminServerBenchmark
fi
java -cp "$cp" org.openjdk.jmh.Main "$@"
