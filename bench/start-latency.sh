#!/usr/bin/env bash
# How soon the start goal notices a server that becomes ready, and one that exits before it is ready: ROUNDS real
# processes each (about 2 s a round), all on this machine, no traffic but loopback. Needs the test classes built
# (mvn test-compile).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-20}
mvn -B -q -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
echo "$(date -u +%F) on $(nproc) cores, $(java -version 2>&1 | head -1)"
java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" io.github.portcheck.server.StartLatency "$ROUNDS"
