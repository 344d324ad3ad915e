#!/bin/sh
# Scale run of issue 12: the generator (examples' Generate: build, validate and render N workloads to
# one stream) against a fabric8 loop doing the same (Fabric8Generate: builders + Serialization.asYaml),
# and `sts-kit validate DIR` of a directory of generated files against fabric8 reading them
# (Fabric8Generate --read), every JVM with -Xmx64m. Runs are interleaved (sts-kit, fabric8, sts-kit,
# fabric8, …) so a shared machine's load falls on both alike; the table gives medians.
#
# From the repository root, after the builds of examples/README.md ("Running them") and of the CLI:
#   examples/scale.sh                                       # 10,000 workloads; validate 1,000 and 10,000 files; 3 rounds
#   SIZES=100000 VALIDATE_SIZES= ROUNDS=1 examples/scale.sh  # 100,000 workloads, once each
# Environment: SIZES (workloads per generator run), VALIDATE_SIZES (files per directory), ROUNDS,
# HEAP (default 64m), JOBS (validate --jobs; default: the processors).
set -eu
SIZES=${SIZES-10000}
VALIDATE_SIZES=${VALIDATE_SIZES-1000 10000}
ROUNDS=${ROUNDS:-3}
HEAP=${HEAP:-64m}
JOBS=${JOBS:-$(nproc)}
CP=examples/target/classes:$(cat examples/target/classpath.txt)
JAR=cli/target/sts-kit.jar
[ -f "$JAR" ] || { echo "scale.sh: $JAR missing: build the CLI first (see README)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "scale.sh: needs /usr/bin/time (Debian package 'time')" >&2; exit 2; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT INT TERM

# measure LABEL N CMD...: one run, wall/user/sys seconds and peak RSS appended to $TMP/results
measure() {
  label=$1; n=$2; shift 2
  if ! /usr/bin/time -f "%e %U %S %M" -o "$TMP/time" "$@" > /dev/null 2> "$TMP/err"; then
    echo "scale.sh: $label failed:" >&2; cat "$TMP/err" >&2; exit 1
  fi
  read -r wall user sys rss < "$TMP/time"
  load=$(cut -d' ' -f1 /proc/loadavg)
  echo "$label $n $wall $user $sys $rss $load" >> "$TMP/results"
  echo "  $label ($n): ${wall} s wall, ${user} s user, ${sys} s sys, $((rss / 1024)) MB peak RSS, load $load" >&2
}

echo "machine: $(nproc) CPUs, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for n in $VALIDATE_SIZES; do
  echo "generating $n files into a temporary directory" >&2
  java -Xmx$HEAP -cp "$CP" dev.stskit.examples.Generate "$n" --dir "$TMP/files-$n" 2> /dev/null
done
round=1
while [ "$round" -le "$ROUNDS" ]; do
  echo "round $round of $ROUNDS" >&2
  for n in $SIZES; do
    measure generate-sts-kit "$n" java -Xmx$HEAP -cp "$CP" dev.stskit.examples.Generate "$n"
    measure generate-fabric8 "$n" java -Xmx$HEAP -cp "$CP" dev.stskit.examples.Fabric8Generate "$n"
  done
  for n in $VALIDATE_SIZES; do
    measure validate-sts-kit "$n" java -Xmx$HEAP -jar "$JAR" validate "$TMP/files-$n" --jobs "$JOBS"
    measure read-fabric8 "$n" java -Xmx$HEAP -cp "$CP" dev.stskit.examples.Fabric8Generate --read "$TMP/files-$n"
  done
  round=$((round + 1))
done

# medians per (label, n): wall, CPU (user + sys), peak RSS, items a second of wall and of CPU
echo
echo "| run | N | runs | wall, median (min–max) | CPU s, median | N/s of wall | N/s of CPU | peak RSS, max | load avg (1 min) |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for key in $(awk '{print $1 "@" $2}' "$TMP/results" | sort -u -t@ -k2,2n -k1,1); do
  label=${key%@*}; n=${key#*@}
  awk -v l="$label" -v n="$n" '$1 == l && $2 == n {print $3, $4 + $5, $6, $7}' "$TMP/results" | sort -n | awk -v l="$label" -v n="$n" '
    { wall[NR] = $1; cpu[NR] = $2; if ($3 > rss) rss = $3; load = load (NR > 1 ? ", " : "") $4 }
    END {
      m = int((NR + 1) / 2)
      # CPU median sorted apart
      for (i = 1; i <= NR; i++) c[i] = cpu[i]
      for (i = 1; i <= NR; i++) for (j = i + 1; j <= NR; j++) if (c[j] < c[i]) { t = c[i]; c[i] = c[j]; c[j] = t }
      printf "| %s | %d | %d | %.1f s (%.1f–%.1f) | %.1f | %.0f | %.0f | %d MB | %s |\n", l, n, NR, wall[m], wall[1], wall[NR], c[m], n / wall[m], n / c[m], rss / 1024, load
    }'
done
