#!/usr/bin/env bash
# What check-ports costs inside Maven, without JVM start-up: from the mojo's "---" line to "BUILD SUCCESS",
# read from the log's own timestamps. Runs `mvn validate` on small poms, interleaved, ROUNDS times each: the
# goal skipped (Maven loading the plugin), 1, 10 and 100 names (any free port each), 1 name after build-helper
# bound a port (so that the JDK's first bind is paid before), and build-helper's
# reserve-network-port with 10 names (a benchmark peer only, never a dependency of the plugin). Prints the
# median, the quartiles and the extremes per pom, and of what further names add, paired by round. Needs the
# plugin installed (mvn install), and Maven Central for build-helper on the first run. Traffic: none but
# Maven's; the ports are probed on this machine.
set -euo pipefail
ROUNDS=${ROUNDS:-12}
VERSION=${VERSION:-1.0.0-SNAPSHOT}
HELPER=${HELPER:-3.6.1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

names() { for ((i = 0; i < $1; i++)); do printf "$2" "port$i"; done; }
pom() { # name, plugin xml
  mkdir -p "$work/$1"
  cat >"$work/$1/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>$1</artifactId><version>1</version><packaging>pom</packaging>
  <build><plugins>$2</plugins></build>
</project>
POM
}
portcheck() { # configuration xml
  echo "<plugin><groupId>io.github.portcheck</groupId><artifactId>portcheck-maven-plugin</artifactId>
  <version>$VERSION</version><executions><execution><phase>validate</phase><goals><goal>check-ports</goal></goals>
  <configuration>$1</configuration></execution></executions></plugin>"
}
pom skipped "$(portcheck '<skip>true</skip>')"
pom names-1 "$(portcheck "<ports>$(names 1 '<port>%s</port>')</ports>")"
pom names-10 "$(portcheck "<ports>$(names 10 '<port>%s</port>')</ports>")"
pom names-100 "$(portcheck "<ports>$(names 100 '<port>%s</port>')</ports>")"
helper() { # number of names
  echo "<plugin><groupId>org.codehaus.mojo</groupId><artifactId>build-helper-maven-plugin</artifactId>
  <version>$HELPER</version><executions><execution><phase>validate</phase><goals><goal>reserve-network-port</goal></goals>
  <configuration><portNames>$(names "$1" '<portName>h%s</portName>')</portNames></configuration></execution></executions></plugin>"
}
pom build-helper-10 "$(helper 10)"
# build-helper binds a port first, so the JDK's first bind is paid before check-ports starts
pom after-bind "$(helper 1)$(portcheck "<ports>$(names 1 '<port>%s</port>')</ports>")"
poms=(skipped names-1 after-bind names-10 names-100 build-helper-10)

stamp=(-Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS)
for p in "${poms[@]}"; do mvn -B -q -f "$work/$p/pom.xml" validate >/dev/null; done # resolve, fill caches

# milliseconds from the last "--- " mojo line (check-ports', where another plugin runs before it) to "BUILD SUCCESS"
elapsed() {
  sed 's/\x1b\[[0-9;]*m//g' "$1" | awk '
    function ms(t) { split(t, a, /[:.]/); return ((a[1] * 60 + a[2]) * 60 + a[3]) * 1000 + a[4] }
    / --- / { start = ms($1) }
    /BUILD SUCCESS/ { end = ms($1) }
    END { if (start == "" || end == "") exit 1; print end - start }'
}

declare -A times
for ((r = 0; r < ROUNDS; r++)); do
  for p in "${poms[@]}"; do
    mvn -B -o -f "$work/$p/pom.xml" "${stamp[@]}" validate >"$work/log" 2>&1 || { cat "$work/log"; exit 1; }
    times[$p]+="$(elapsed "$work/log") "
  done
done

# median, quartiles, min and max of a list of numbers
stats() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{ a[NR] = $1 }
  function q(f) { i = 1 + (NR - 1) * f; lo = int(i); return a[lo] + (i - lo) * (a[lo + 1] - a[lo]) }
  END { printf "%6.0f %6.0f %6.0f %6.0f %6.0f", q(0.5), q(0.25), q(0.75), a[1], a[NR] }'; }
printf 'check-ports inside Maven: ms from the mojo'"'"'s "---" line to BUILD SUCCESS, %d runs each, interleaved\n' "$ROUNDS"
printf '%s on %d cores, %s, %s\n' "$(date -u +%F)" "$(nproc)" "$(mvn -v 2>&1 | head -1 | sed 's/\x1b\[[0-9;]*m//g')" \
  "$(java -version 2>&1 | head -1)"
printf '%-34s %6s %6s %6s %6s %6s\n' pom median q1 q3 min max
for p in "${poms[@]}"; do
  label=$p
  case $p in
    skipped) label="check-ports, skipped" ;;
    names-*) label="check-ports, ${p#names-} name(s)" ;;
    build-helper-10) label="build-helper $HELPER, 10 names" ;;
    after-bind) label="check-ports, 1 name, after a bind" ;;
  esac
  printf '%-34s %s\n' "$label" "$(stats "${times[$p]}")"
done
# What a further name costs, from pairs of runs of one round (the rounds share the machine's state).
diffs() { paste -d' ' <(tr ' ' '\n' <<<"${times[$1]}" | grep .) <(tr ' ' '\n' <<<"${times[$2]}" | grep .) |
  awk '{ printf "%d ", $1 - $2 }'; }
printf '%-34s %s\n' "1 name - after a bind, paired" "$(stats "$(diffs names-1 after-bind)")"
printf '%-34s %s\n' "after a bind - skipped, paired" "$(stats "$(diffs after-bind skipped)")"
printf '%-34s %s\n' "10 names - 1 name, paired" "$(stats "$(diffs names-10 names-1)")"
printf '%-34s %s\n' "100 names - 1 name, paired" "$(stats "$(diffs names-100 names-1)")"
