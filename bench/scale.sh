#!/usr/bin/env bash
# Flat-memory check: trains on a small and a large generated corpus with the same vocabulary and reports peak RSS
# and words/sec for each, plus the progress lines (cumulative words/sec over the run) of the large one.
#
#   bench/scale.sh                       # 20M words (~100 MB) against 1050M words (~5.2 GB)
#   bench/scale.sh 2M 100M               # smaller, for a trial
#
# Needs ~6 GB free in ${W2V_BENCH_DIR:-/tmp/w2v-bench}/scale; the corpora are generated once and kept there.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$here/bin/jdk25.sh"
w2v_find_jdk25
SMALL="${1:-20M}"
LARGE="${2:-1050M}"
DIR="${W2V_BENCH_DIR:-/tmp/w2v-bench}/scale"
mkdir -p "$DIR"
"$here/bin/w2v" --help >/dev/null 2>&1 || true # builds if needed, outside the timings
[ -x /usr/bin/time ] || { echo "scale: needs GNU time (apt-get install time)" >&2; exit 1; }
CP="$here/cli/target/lib/*"
for words in "$SMALL" "$LARGE"; do
  corpus="$DIR/planted-$words.txt"
  if [ ! -s "$corpus" ]; then
    echo "scale: generating $words words into $corpus ..." >&2
    "$JAVA_HOME/bin/java" -cp "$CP" w2v.data.GenerateCorpus --words "$words" --seed 1 --out "$corpus"
  fi
  bytes=$(stat -c %s "$corpus")
  log="$DIR/train-$words.log"
  /usr/bin/time -f "peak RSS %M KB, wall %e s, CPU %U+%S s" -o "$log.time" \
    "$here/bin/w2v" train -train "$corpus" -output "$DIR/vectors-$words.bin" -binary 1 -cbow 0 -size 100 \
      -window 5 -negative 5 -sample 1e-4 -min-count 5 -iter 1 -threads 2 > "$log" 2>&1
  echo "$words words, $bytes bytes: $(grep -h '^Trained' "$log" | sed 's/; wrote.*//'); $(cat "$log.time")"
  grep -h '^Memory' "$log" || true
done
echo "progress of the $LARGE-word run (cumulative words/sec, every 10 s):"
grep -h '^Progress' "$DIR/train-$LARGE.log" | awk 'NR % 6 == 1' || true
