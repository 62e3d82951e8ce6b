#!/usr/bin/env bash
# Wall time that 10 named ports add to `mvn validate`: check-ports against build-helper-maven-plugin's
# reserve-network-port (a benchmark peer only, never a dependency of the plugin), each run ROUNDS times,
# interleaved, median reported. Needs the plugin installed (mvn install) and network access to Maven Central
# for build-helper on the first run.
set -euo pipefail
ROUNDS=${ROUNDS:-7}
VERSION=${VERSION:-1.0.0-SNAPSHOT}
HELPER=${HELPER:-3.6.1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

names() { for i in 0 1 2 3 4 5 6 7 8 9; do printf "$1" "port$i"; done; }
pom() { # dir, plugins xml
  mkdir -p "$work/$1"
  cat >"$work/$1/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>$1</artifactId><version>1</version><packaging>pom</packaging>
  <build><plugins>$2</plugins></build>
</project>
POM
}
pom baseline ""
pom portcheck "<plugin><groupId>io.github.portcheck</groupId><artifactId>portcheck-maven-plugin</artifactId>
  <version>$VERSION</version><executions><execution><phase>validate</phase><goals><goal>check-ports</goal></goals>
  <configuration><ports>$(names '<port>%s</port>')</ports></configuration></execution></executions></plugin>"
pom build-helper "<plugin><groupId>org.codehaus.mojo</groupId><artifactId>build-helper-maven-plugin</artifactId>
  <version>$HELPER</version><executions><execution><phase>validate</phase><goals><goal>reserve-network-port</goal></goals>
  <configuration><portNames>$(names '<portName>%s</portName>')</portNames></configuration></execution></executions></plugin>"

for p in baseline portcheck build-helper; do mvn -B -q -f "$work/$p/pom.xml" validate >/dev/null 2>&1; done # resolve, warm caches

declare -A times
for ((r = 0; r < ROUNDS; r++)); do
  for p in baseline portcheck build-helper; do
    start=$(date +%s%N)
    mvn -B -q -o -f "$work/$p/pom.xml" validate >/dev/null 2>&1
    times[$p]+="$(( ($(date +%s%N) - start) / 1000000 )) "
  done
done
median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
base=$(median "${times[baseline]}")
printf 'mvn validate, median of %d runs (ms): %s\n' "$ROUNDS" "$(date -u +%F) on $(nproc) cores, $(mvn -v 2>&1 | head -1 | sed 's/\x1b\[[0-9;]*m//g')"
printf '%-52s %8s %8s\n' "pom" "wall" "added"
for p in baseline portcheck build-helper; do
  m=$(median "${times[$p]}")
  label=$p; [ "$p" = portcheck ] && label="check-ports, 10 names"; [ "$p" = build-helper ] && label="build-helper $HELPER reserve-network-port, 10 names"
  [ "$p" = baseline ] && label="no plugin"
  printf '%-52s %8d %8d\n' "$label" "$m" "$((m - base))"
done
