#!/usr/bin/env bash
# Runs the JMH benchmarks with JDK 25, building bench/target/benchmarks.jar first when it is missing or older
# than any source or pom of core, data or bench.
#
#   bench/run-jmh.sh                      # everything (about 8 minutes: each run is 3x1 s warm-up + 5x1 s)
#   bench/run-jmh.sh 'KernelBench.dot'    # a regex over benchmark names, then any JMH options:
#   bench/run-jmh.sh KernelBench -p table=L2 -p dim=128
#   bench/run-jmh.sh TrainStep -wi 5 -i 10 -f 2
#   bench/run-jmh.sh -l                   # list the benchmarks
#
# Every benchmark forks with --add-modules=jdk.incubator.vector (its @Fork annotation). A -jvmArgsAppend given
# here REPLACES that list, so this script puts the module flag back in front of yours.
# Results also go to ${W2V_BENCH_DIR:-/tmp/w2v-bench}/jmh-DATE.{txt,json} unless you pass -rf/-rff/-o yourself.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$here/bin/jdk25.sh"
w2v_find_jdk25
JAR="$here/bench/target/benchmarks.jar"

stale() {
  [ -f "$JAR" ] || return 0
  [ -n "$(find "$here/pom.xml" "$here/core" "$here/data" "$here/bench" \
            \( -name target -prune \) -o \( -type f \( -name '*.java' -o -name 'pom.xml' \) -newer "$JAR" -print \) \
            2>/dev/null | head -1)" ]
}

if stale; then
  echo "run-jmh: building benchmarks.jar..." >&2
  (cd "$here" && ./mvnw -B -q -ntp -DskipTests -pl bench -am package >&2)
fi

MODULE_FLAGS="--add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED"
args=()
own_output=0
while [ $# -gt 0 ]; do
  case "$1" in
    -jvmArgsAppend)
      [ $# -ge 2 ] || { echo "run-jmh: -jvmArgsAppend needs a value" >&2; exit 2; }
      case "$2" in
        *jdk.incubator.vector*) args+=("$1" "$2") ;;
        *) args+=("$1" "$MODULE_FLAGS $2") ;;
      esac
      shift 2 ;;
    -rf|-rff) own_output=1; args+=("$1"); shift ;;
    -l|-lp|-lprof|-h|-help) exec "$JAVA_HOME/bin/java" -jar "$JAR" "$@" ;;
    *) args+=("$1"); shift ;;
  esac
done

if [ "$own_output" = 0 ]; then
  out_dir="${W2V_BENCH_DIR:-/tmp/w2v-bench}"
  mkdir -p "$out_dir"
  stamp="$(date +%Y%m%d-%H%M%S)"
  args+=(-rf json -rff "$out_dir/jmh-$stamp.json")
  echo "run-jmh: results in $out_dir/jmh-$stamp.{txt,json}" >&2
  "$JAVA_HOME/bin/java" -jar "$JAR" "${args[@]}" 2>&1 | tee "$out_dir/jmh-$stamp.txt"
  exit "${PIPESTATUS[0]}"
fi
exec "$JAVA_HOME/bin/java" -jar "$JAR" "${args[@]}"
