#!/usr/bin/env bash
# Distributed training in Spark's local mode: ours (w2v.spark.SparkTrain, our benchmark settings: skip-gram,
# negative sampling, subsampling 1e-4) against MLlib's ml.feature.Word2Vec (skip-gram, hierarchical softmax, no
# subsampling; its fastest BLAS: the Vector API one, native BLAS off), same corpus, partitions and epochs.
# Whole-program words/sec (Spark's start included); analogy accuracy as bench/seeds.sh measures it (gensim's
# evaluate_word_analogies, restrict_vocab 30000, MLlib's vectors sorted by corpus frequency first).
# Usage: bench/spark.sh [CORPUS] [EPOCHS] [PARTITIONS]
#   defaults: /tmp/w2v-bench/corpus/corpus-clean.txt, 5 epochs, 2 partitions; MASTER (default local[2]);
#   ours: SYNC_WORDS (-sync-words, default 2000000), THREADS (-threads per task, default 1), OURS_SETTINGS=hs to
#   train ours with MLlib's settings (hierarchical softmax, no subsampling) instead of ours; SKIP_MLLIB=1 runs
#   ours alone (~10 min of MLlib saved; the line then says mllib - -).
# Each run is appended to bench/results/spark-runs.tsv, and bench/spark_report.py rewrites the accuracy-against-
# partitions table of BENCHMARKS.md and bench/results/spark-accuracy.png from it (when python3 has matplotlib).
# Ends with: spark: ours <words/sec> <analogy %> mllib <words/sec> <analogy %>
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$here/bin/jdk25.sh"
w2v_find_jdk25
CORPUS="${1:-/tmp/w2v-bench/corpus/corpus-clean.txt}"
EPOCHS="${2:-5}"
PARTITIONS="${3:-2}"
MASTER="${MASTER:-local[2]}"
SYNC_WORDS="${SYNC_WORDS:-2000000}"
THREADS="${THREADS:-1}"
OURS_SETTINGS="${OURS_SETTINGS:-ns}"
SKIP_MLLIB="${SKIP_MLLIB:-0}"
case "$OURS_SETTINGS" in
  ns) OURS_FLAGS=(-sample 1e-4 -negative 5 -hs 0) ;;
  hs) OURS_FLAGS=(-sample 0 -negative 0 -hs 1) ;;
  *) echo "bench/spark.sh: OURS_SETTINGS must be ns or hs (got $OURS_SETTINGS)" >&2; exit 1 ;;
esac
QUESTIONS="$here/../shared/data/eval/questions-words.txt"
[ -f "$QUESTIONS" ] || QUESTIONS=/work/shared/data/eval/questions-words.txt
die() { echo "bench/spark.sh: $*" >&2; exit 1; }
[ -r "$CORPUS" ] || die "cannot read the corpus $CORPUS"
[ -r "$QUESTIONS" ] || die "cannot read the analogy questions $QUESTIONS"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# Spark's jars come from Maven (provided scope): the build's class path, Spark included.
(cd "$here" && ./mvnw -B -q -ntp -DskipTests -pl spark -am package >&2 &&
  ./mvnw -B -q -ntp -pl spark -am dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$WORK/cp.txt" >&2) || die "build failed"
CP="$here/spark/target/classes:$here/core/target/classes:$(cat "$WORK/cp.txt")"
OPENS=(--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true)
JAVA=("$JAVA_HOME/bin/java" --add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED "${OPENS[@]}"
  -Xmx6g -Dspark.master="$MASTER" -Dspark.ui.enabled=false -Dspark.driver.memory=6g -cp "$CP")

words=$(awk '{ n += NF + 1 } END { print n }' "$CORPUS")
accuracy() { # FILE -> percent
  "$here/bin/w2v" eval "$1" --analogies "$QUESTIONS" --restrict 30000 2>/dev/null |
    sed -n 's/.*Total accuracy: \([0-9.]*\)%.*/\1/p' | head -1
}
elapsed() { # COMMAND... -> seconds on stdout, the command's output in $WORK/log
  local t0 t1
  t0=$(date +%s.%N)
  "$@" >"$WORK/log" 2>&1 || die "$1 failed: $(grep -v WARN "$WORK/log" | tail -3)"
  t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc -l
}

load="$(cut -d' ' -f1 /proc/loadavg)"
s_ours=$(elapsed "${JAVA[@]}" w2v.spark.SparkTrain -train "$CORPUS" -output "$WORK/ours.bin" -binary 1 -cbow 0 \
  -size 100 -window 5 "${OURS_FLAGS[@]}" -min-count 5 -alpha 0.025 -iter "$EPOCHS" -threads "$THREADS" \
  -partitions "$PARTITIONS" -sync-words "$SYNC_WORDS")
grep '^w2v spark' "$WORK/log" >&2 || true
a_ours=$(accuracy "$WORK/ours.bin")
s_mllib="" a_mllib=""
if [ "$SKIP_MLLIB" != 1 ]; then
  s_mllib=$(elapsed "${JAVA[@]}" -Ddev.ludovic.netlib.blas.allowNative=false w2v.spark.MllibBaseline "$CORPUS" \
    "$WORK/mllib.txt" 100 5 5 "$PARTITIONS" "$EPOCHS" 0.025 1)
  grep '^mllib' "$WORK/log" >&2 || true
  a_mllib=$(accuracy "$WORK/mllib.txt")
fi
wps() { if [ -n "$1" ]; then echo "$words * $EPOCHS / $1" | bc -l | xargs printf '%.0f'; else echo -; fi; }

# Only runs of the shared corpus go into the table.
if [ "$CORPUS" = /tmp/w2v-bench/corpus/corpus-clean.txt ] && [ "$MASTER" = "local[2]" ] && [ "$THREADS" = 1 ]; then
  RUNS="$here/bench/results/spark-runs.tsv"
  [ -f "$RUNS" ] || printf 'date\tcommit\thost\tload\ttrainer\tsettings\tpartitions\tepochs\tsync_words\twall_s\twords_per_sec\tanalogy\tnote\n' >"$RUNS"
  stamp="$(date -u '+%Y-%m-%d %H:%M')" commit="$(git -C "$here" rev-parse --short HEAD)"
  host="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(nproc) vCPUs"
  printf '%s\t%s\t%s\t%s\tours\t%s\t%s\t%s\t%s\t%.1f\t%s\t%s\tbench/spark.sh\n' "$stamp" "$commit" "$host" "$load" \
    "$OURS_SETTINGS" "$PARTITIONS" "$EPOCHS" "$SYNC_WORDS" "$s_ours" "$(wps "$s_ours")" "${a_ours:-?}" >>"$RUNS"
  if [ -n "$s_mllib" ]; then
    printf '%s\t%s\t%s\t%s\tmllib\ths\t%s\t%s\t-\t%.1f\t%s\t%s\tbench/spark.sh\n' "$stamp" "$commit" "$host" "$load" \
      "$PARTITIONS" "$EPOCHS" "$s_mllib" "$(wps "$s_mllib")" "${a_mllib:-?}" >>"$RUNS"
  fi
  /usr/bin/python3 -c 'import matplotlib' 2>/dev/null && /usr/bin/python3 "$here/bench/spark_report.py" >&2 ||
    echo "bench/spark.sh: BENCHMARKS.md not rewritten: /usr/bin/python3 has no matplotlib" >&2
fi
echo "spark: ours $(wps "$s_ours") ${a_ours:-?} mllib $(wps "$s_mllib") ${a_mllib:--}"
