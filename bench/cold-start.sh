#!/usr/bin/env bash
# Whole-process cold start of the sts-kit command line: wall time and peak RSS of render, import
# (and import --spec) and validate (and validate --format sarif) of the page's MySQL example, each a
# fresh process, beside a fresh JVM that reads and writes the same manifest with fabric8 and a JVM
# that does nothing. Measured with /usr/bin/time (Debian's "time" package); the rows run
# interleaved, round after round, so a change in the machine's load hits every row alike. Prints a Markdown table (median, min and max over the runs, and the median
# CPU time, which other processes on a loaded machine do not inflate as they do wall time) and the
# load average.
#
# Builds nothing. Before it, from the repository root (the README's commands):
#   mvn -B -ntp -q package -DskipTests -pl cli -am     # cli/target/sts-kit, sts-kit.jar, sts-kit.jsa
#   mvn -B -ntp -q package -DskipTests -pl bench -am   # bench/target/benchmarks.jar (the baselines)
#
# usage: bench/cold-start.sh [RUNS]            RUNS per row, default 11 (at least 10)
#        bench/cold-start.sh --levers [RUNS]   also each JVM option of the launcher on its own
# BASELINE_JAR=path/to/an/older/sts-kit.jar adds its three commands (java -jar) as rows "before".
set -euo pipefail
cd "$(dirname "$0")/.."

levers=false
if [ "${1:-}" = "--levers" ]; then
  levers=true
  shift
fi
runs=${1:-11}

if [ ! -x /usr/bin/time ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "cold-start: installing Debian's 'time' package for /usr/bin/time" >&2
    apt-get install -y -qq time >&2
  else
    echo "cold-start: needs /usr/bin/time (Debian/Ubuntu: apt-get install time)" >&2
    exit 2
  fi
fi
for f in cli/target/sts-kit cli/target/sts-kit.jar bench/target/benchmarks.jar; do
  if [ ! -e "$f" ]; then
    echo "cold-start: $f is missing; build it first (see the top of $0)" >&2
    exit 2
  fi
done
[ -e cli/target/sts-kit.jsa ] || echo "cold-start: note: cli/target/sts-kit.jsa is missing: the launcher runs without it" >&2

java=${JAVA_HOME:+$JAVA_HOME/bin/}java
spec=examples/specs/mysql.yaml
page=test-fixtures/src/main/resources/dev/stskit/fixtures/page/mysql-statefulset.yaml
jsa=$(pwd -P)/cli/target/sts-kit.jsa
cds="-XX:SharedArchiveFile=$jsa -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off"

labels=()
commands=()
row() { labels+=("$1"); commands+=("$2"); }

for c in "render $spec" "import $page" "validate $page"; do
  row "\`cli/target/sts-kit ${c%% *}\`" "cli/target/sts-kit $c"
done
# the other output forms of the two commands a CI job calls most
row "\`cli/target/sts-kit import --spec\`" "cli/target/sts-kit import --spec $page"
row "\`cli/target/sts-kit validate --format sarif\`" "cli/target/sts-kit validate --format sarif $page"
for c in "render $spec" "import $page" "validate $page"; do
  row "\`java -jar cli/target/sts-kit.jar ${c%% *}\`" "$java -jar cli/target/sts-kit.jar $c"
done
if [ -n "${BASELINE_JAR:-}" ]; then
  for c in "render $spec" "import $page" "validate $page"; do
    row "before: \`java -jar $(basename "$BASELINE_JAR") ${c%% *}\`" "$java -jar $BASELINE_JAR $c"
  done
fi
if $levers; then
  for c in "render $spec" "import $page" "validate $page"; do
    cmd=${c%% *}
    row "$cmd, AppCDS archive only" "$java $cds -jar cli/target/sts-kit.jar $c"
    row "$cmd, C1 only (-XX:TieredStopAtLevel=1)" "$java -XX:TieredStopAtLevel=1 -jar cli/target/sts-kit.jar $c"
    row "$cmd, SerialGC only" "$java -XX:+UseSerialGC -jar cli/target/sts-kit.jar $c"
    row "$cmd, archive + C1 + SerialGC" \
      "$java $cds -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar cli/target/sts-kit.jar $c"
  done
fi
row "fabric8 read + write of the page's YAML (fresh JVM)" \
  "$java -cp bench/target/benchmarks.jar dev.stskit.bench.Fabric8ReadWrite $page"
row "JVM doing nothing (empty main)" "$java -cp bench/target/benchmarks.jar dev.stskit.bench.DoNothing"

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for ((r = 1; r <= runs; r++)); do
  for i in "${!commands[@]}"; do
    # shellcheck disable=SC2086 # each command is a list of words
    code=0
    /usr/bin/time -f '%e %M %U %S' -o "$out/t" ${commands[$i]} >/dev/null 2>"$out/err" || code=$?
    if [ "$code" -gt 1 ]; then # 1 is validate's "there are error findings"
      echo "cold-start: '${commands[$i]}' failed (exit $code):" >&2
      cat "$out/err" >&2
      exit 1
    fi
    tail -n 1 "$out/t" >>"$out/$i"
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

echo "$runs runs per row, interleaved; $(nproc) CPUs; $("$java" -version 2>&1 | head -n 1)"
echo "load average (1, 5, 15 min): $load_before before, $load_after after"
echo
echo "| command | wall median, s | min | max | peak RSS median, MB | min | max | CPU (user + sys) median, s |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for i in "${!commands[@]}"; do
  wall=$(cut -d' ' -f1 "$out/$i" | sort -g | awk '{a[NR] = $1} END {printf "%.2f | %.2f | %.2f", a[int((NR + 1) / 2)], a[1], a[NR]}')
  rss=$(cut -d' ' -f2 "$out/$i" | sort -g | awk '{a[NR] = $1 / 1024} END {printf "%.0f | %.0f | %.0f", a[int((NR + 1) / 2)], a[1], a[NR]}')
  cpu=$(awk '{print $3 + $4}' "$out/$i" | sort -g | awk '{a[NR] = $1} END {printf "%.2f", a[int((NR + 1) / 2)]}')
  echo "| ${labels[$i]} | $wall | $rss | $cpu |"
done
