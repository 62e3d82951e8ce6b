#!/usr/bin/env bash
# Checks of what a release ships (issue #23), run from the repository root after the main build (.ci/run):
#  (a) reproducible: the tracked files copied to two folders and built one after the other (the plugin jar, its
#      sources and javadoc jars: -Prelease) give byte-identical jars; where not, the differing entries are named;
#  (b) the jar's m2e lifecycle mapping ignores every goal of the jar's plugin descriptor and names no other;
#  (c) mvn site is green, with plugin-info.html and a page per goal that names each parameter a user can set.
# Prints one line per check and exits non-zero if any failed. Logs: target/package-checks/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
logs="$root/target/package-checks"
rm -rf "$logs"
mkdir -p "$logs"
work=$(mktemp -d "${TMPDIR:-/tmp}/package-checks.XXXXXX")
trap 'rm -rf "$work"' EXIT

passed=0
failed=0
ok() { echo "ok: $*"; passed=$((passed + 1)); }
bad() { echo "FAILED: $*"; failed=$((failed + 1)); }
since() { echo "$(($(date +%s) - $1)) s"; }

# The files a clean clone has: only what git tracks (no target/, no .ci/cache).
copy() {
  mkdir -p "$1"
  git -C "$root" ls-files -z | tar -C "$root" --null -T - -cf - | tar -C "$1" -xf -
}
build() {
  (cd "$1" && mvn -B -ntp -q package -Prelease -DskipTests -Dinvoker.skip) >"$logs/$2.log" 2>&1
}

# (a) Reproducible jars
start=$(date +%s)
copy "$work/one"
copy "$work/two"
built=yes
for n in one two; do
  if ! build "$work/$n" "build-$n"; then
    bad "reproducible: the build in copy $n failed (target/package-checks/build-$n.log):"
    grep -E '^\[ERROR\]' "$logs/build-$n.log" | head -10 || tail -20 "$logs/build-$n.log"
    built=no
  fi
done
if [ "$built" = yes ]; then
  for kind in sources javadoc; do
    compgen -G "$work/one/target/*-$kind.jar" >/dev/null || bad "reproducible: no $kind jar was built"
  done
  same=()
  for path in "$work/one/target/"*.jar; do
    jar=$(basename "$path")
    if [ ! -f "$work/two/target/$jar" ]; then
      bad "reproducible: $jar built in one copy only"
    elif cmp -s "$work/one/target/$jar" "$work/two/target/$jar"; then
      same+=("$jar")
    else
      bad "reproducible: $jar differs between two builds of the same files; entries that differ:"
      python3 - "$work/one/target/$jar" "$work/two/target/$jar" <<'PY'
import difflib, sys, zipfile
a, b = (zipfile.ZipFile(p) for p in sys.argv[1:3])
ia, ib = ({i.filename: i for i in z.infolist()} for z in (a, b))
if list(ia) != list(ib):
    print("    entry names or order differ:", sorted(set(ia) ^ set(ib))[:10] or "(same names, other order)")
common = [n for n in ia if n in ib]
content = [n for n in common if ia[n].CRC != ib[n].CRC]
other = [n for n in common if n not in content
         and (ia[n].date_time, ia[n].external_attr, ia[n].extra) != (ib[n].date_time, ib[n].external_attr, ib[n].extra)]
for name in content[:10]:
    print(f"    {name}: content differs")
    if not name.endswith((".class", ".jar", ".png", ".gif", ".zip")):
        old = a.read(name).decode("utf-8", "replace").splitlines()
        new = b.read(name).decode("utf-8", "replace").splitlines()
        for line in list(difflib.unified_diff(old, new, lineterm="", n=0))[2:6]:
            print("      " + line[:160])
if len(content) > 10:
    print(f"    ... and {len(content) - 10} more entries whose content differs")
if other:
    x, y = ia[other[0]], ib[other[0]]
    print(f"    {len(other)} entries differ in time or attributes only, e.g. {other[0]}: {x.date_time} / {y.date_time}")
PY
    fi
  done
  if [ ${#same[@]} -gt 0 ]; then ok "reproducible: identical in two builds: ${same[*]} ($(since "$start"))"; fi
fi

# (b) The m2e mapping in the built jar against the jar's plugin descriptor
jar=$(ls "$work/one/target/"*.jar 2>/dev/null | grep -vE -- '-(sources|javadoc)\.jar$' | head -1 || true)
if [ -z "$jar" ]; then
  bad "m2e: no plugin jar to read"
elif result=$(python3 - "$jar" <<'PY'
import sys, zipfile
import xml.etree.ElementTree as ET
jar = zipfile.ZipFile(sys.argv[1])
names = set(jar.namelist())
mapping_name = "META-INF/m2e/lifecycle-mapping-metadata.xml"
if mapping_name not in names:
    sys.exit(f"the jar has no {mapping_name}")
goals = {m.findtext("goal").strip()
         for m in ET.fromstring(jar.read("META-INF/maven/plugin.xml")).iterfind("mojos/mojo")}
mapped = {}
for execution in ET.fromstring(jar.read(mapping_name)).iterfind("pluginExecutions/pluginExecution"):
    actions = [a.tag for a in execution.find("action")]
    for goal in execution.iterfind("pluginExecutionFilter/goals/goal"):
        mapped.setdefault(goal.text.strip(), []).extend(actions)
problems = [f"{g} is not mapped to ignore (mapped: {mapped.get(g)})" for g in sorted(goals) if mapped.get(g) != ["ignore"]]
problems += [f"{g} is mapped but not a goal of plugin.xml" for g in sorted(set(mapped) - goals)]
if not goals:
    problems.append("plugin.xml has no goal")
if problems:
    sys.exit("; ".join(problems))
print(", ".join(sorted(goals)))
PY
); then
  ok "m2e: the jar's lifecycle mapping ignores every goal of its plugin.xml: $result"
else
  bad "m2e: ${result:-see above}"
fi

# (c) The site, in the first copy (already compiled)
start=$(date +%s)
if (cd "$work/one" && mvn -B -ntp -q site) >"$logs/site.log" 2>&1; then
  site="$work/one/target/site"
  missing=()
  for page in index.html plugin-info.html; do [ -f "$site/$page" ] || missing+=("$page"); done
  # goal and parameters a user can set (the report leaves out read-only ones such as project and session)
  while read -r goal params; do
    page="$site/$goal-mojo.html"
    if [ ! -f "$page" ]; then missing+=("$goal-mojo.html"); continue; fi
    for p in $params; do
      grep -qE "id=\"$p\"|&lt;$p&gt;" "$page" || missing+=("$goal-mojo.html: parameter $p")
    done
  done < <(python3 - "$work/one/target/classes/META-INF/maven/plugin.xml" <<'PY'
import sys
import xml.etree.ElementTree as ET
for mojo in ET.parse(sys.argv[1]).getroot().iterfind("mojos/mojo"):
    params = [p.findtext("name") for p in mojo.iterfind("parameters/parameter") if p.findtext("editable") == "true"]
    print(mojo.findtext("goal"), " ".join(params))
PY
  )
  if [ ${#missing[@]} -eq 0 ]; then
    ok "site: mvn site green; plugin-info.html and a page per goal naming each of its parameters ($(since "$start"))"
  else
    bad "site: missing from target/site: ${missing[*]}"
  fi
else
  bad "site: mvn site failed (target/package-checks/site.log):"
  grep -E '^\[ERROR\]' "$logs/site.log" | head -10 || tail -20 "$logs/site.log"
fi

echo "package checks: $passed ok, $failed failed"
[ "$failed" -eq 0 ]
