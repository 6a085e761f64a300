#!/usr/bin/env bash
# What keeps 2 threads from training twice as fast as 1: sharing the model, or sharing the machine?
#
# Each round trains the same words three ways, one after another, and prints the training seconds that our
# trainer reports (start-up, vocabulary and writing excluded):
#   shared       -threads 2 on the whole corpus: two Hogwild workers updating one model (what users run)
#   independent  two -threads 1 processes at once, one per half of the corpus, each with a model of its own:
#                the same work on the same two cores with nothing shared but the machine (cache, memory)
#   alone        -threads 1 on the whole corpus, the second core idle
# Half of "alone" is what each independent process would take with the machine to itself, so
#   alone / 2 -> independent   is what running on both cores costs (the hardware and the host),
#   independent -> shared      is what sharing one model between the workers costs on top.
# All three use the vocabulary of the whole corpus (-read-vocab), so every run does the same work per word.
#
#   bench/sharing.sh                 # 5 rounds, skip-gram, the shared corpus from bench/e2e.sh's cache
#   bench/sharing.sh --rounds 8 --cbow
#
# Options: --corpus FILE [the gunzipped shared corpus], --rounds N [5], --cbow (alpha 0.05).
# W2V_BIN: our launcher to run [bin/w2v of this checkout]. Work files go to ${W2V_BENCH_DIR:-/tmp/w2v-bench}/sharing.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_DIR="${W2V_BENCH_DIR:-/tmp/w2v-bench}"
CORPUS="$BENCH_DIR/corpus/corpus-clean.txt"
ROUNDS=5
CBOW=0
OURS_BIN="${W2V_BIN:-$here/bin/w2v}"

die() { echo "sharing: $*" >&2; exit 2; }
. "$here/bench/round-options.sh"
parse_round_options "$@"
[ "${#ARGS_LEFT[@]}" = 0 ] || die "unexpected argument '${ARGS_LEFT[0]}' (bench/sharing.sh --help)"
[ -s "$CORPUS" ] || die "corpus not found or empty: $CORPUS (run bench/e2e.sh once, or pass --corpus)"
if [ "$CBOW" = 1 ]; then ALPHA=0.05; else ALPHA=0.025; fi

DIR="$BENCH_DIR/sharing"
mkdir -p "$DIR"
lines=$(wc -l < "$CORPUS")
[ "$lines" -ge 2 ] || die "$CORPUS has fewer than two lines: nothing to split in halves"
half=$((lines / 2))
head -n "$half" "$CORPUS" > "$DIR/half1.txt"
tail -n +"$((half + 1))" "$CORPUS" > "$DIR/half2.txt"
"$OURS_BIN" train -train "$CORPUS" -min-count 5 -save-vocab "$DIR/vocab.txt" > /dev/null 2> "$DIR/vocab.log" \
  || die "vocabulary pass failed: $(tail -1 "$DIR/vocab.log")"

FLAGS=(-binary 1 -cbow "$CBOW" -alpha "$ALPHA" -size 100 -window 5 -negative 5 -sample 1e-4 -min-count 5 -iter 1
  -read-vocab "$DIR/vocab.txt")
train() { # threads corpus name: runs one training, leaves its log in $DIR/name.log
  "$OURS_BIN" train -train "$2" -output "$DIR/$3.bin" -threads "$1" "${FLAGS[@]}" > "$DIR/$3.log" 2>&1
}
seconds() { # the training time from the summary line "Trained ... in 12.3 s: ..."
  sed -n 's/^Trained .* in \([0-9.]*\) s:.*/\1/p' "$DIR/$1.log" | head -1
}

echo "Training seconds ($( [ "$CBOW" = 1 ] && echo CBOW || echo skip-gram ), $(basename "$CORPUS"), $lines lines split at line $half):"
printf '%-6s %8s %18s %8s %14s %14s\n' round shared "independent (2)" alone "alone/2:indep" "indep:shared"
for r in $(seq 1 "$ROUNDS"); do
  train 2 "$CORPUS" shared
  train 1 "$DIR/half1.txt" half1 & p1=$!
  train 1 "$DIR/half2.txt" half2 & p2=$!
  wait "$p1"; wait "$p2"
  train 1 "$CORPUS" alone
  s=$(seconds shared); a=$(seconds half1); b=$(seconds half2); w=$(seconds alone)
  [ -n "$s" ] && [ -n "$a" ] && [ -n "$b" ] && [ -n "$w" ] || die "a run failed; see the logs in $DIR"
  awk -v r="$r" -v s="$s" -v a="$a" -v b="$b" -v w="$w" 'BEGIN {
    i = a > b ? a : b   # the pair is done when its slower half is
    printf "%-6s %8.1f %8.1f %8.1f  %8.1f %13.2fx %13.2fx\n", r, s, a, b, w, i / (w / 2), s / i }'
done
echo "alone/2:indep = independent / (alone / 2): above 1.00x, running on both cores slows each (machine, host)."
echo "indep:shared  = shared / independent: above 1.00x, sharing one model slows the two workers further."
