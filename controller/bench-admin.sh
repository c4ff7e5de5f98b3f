#!/usr/bin/env bash
# Admin socket benchmark (JMH): `status` over 16 connections, throughput (commands/ms over all
# connections) and sample-time percentiles (p99), for 1 and 2 event-loop threads; about 2 min.
# Extra arguments go to JMH (e.g. -p workers=1, or -rf json -rff admin.json). The machine is
# shared and noisy: run it a few times and compare medians.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# The test classpath as the compiler saw it (the dependency and exec plugins are not usable offline).
deps="$(mvn -o -X -B -pl controller test-compile 2>/dev/null \
  | sed -n 's/^\[DEBUG\]   (f) testPath = \[\(.*\)\]$/\1/p' | head -1 | sed 's/, /:/g' \
  | tr ':' '\n' | grep -v '/controller/target/' | paste -sd: -)"
[ -n "$deps" ] || { echo "could not read the controller's test classpath" >&2; exit 1; }
# A private copy of the compiled classes: others may rebuild controller/target during the run.
snap="$(mktemp -d)"
trap 'rm -rf "$snap"' EXIT
cp -r controller/target/classes "$snap/classes"
cp -r controller/target/test-classes "$snap/test-classes"
cp="$snap/classes:$snap/test-classes:$deps"
if [ "$#" -eq 0 ]; then
  set -- org.dpem.controller.admin.AdminServerBenchmark
fi
java -cp "$cp" org.openjdk.jmh.Main "$@"
