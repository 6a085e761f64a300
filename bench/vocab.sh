#!/usr/bin/env bash
# Vocabulary-only run, ours against word2vec C: `w2v train -train C -save-vocab V` without -output, and
# word2vec C's run with the same flags and no -output (it returns after saving the vocabulary). Alternates the two
# --rounds times (ours first in odd rounds), prints each whole-process wall time and the ratio of the medians,
# checks that both vocabulary files are byte-identical, and appends a dated result with machine and commit to
# bench/results/vocab.md.
#
#   bench/vocab.sh                      # 5 rounds on the shared corpus, 2 threads
#   bench/vocab.sh --rounds 3 --corpus FILE --threads 1
#
# Environment: W2V_BIN our launcher [bin/w2v]; W2V_C_BIN word2vec C [built by bench/e2e.sh under
# ${W2V_BENCH_DIR:-/tmp/w2v-bench}/peers/word2vec-npm].
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$here/bin/jdk25.sh"
w2v_find_jdk25
BENCH_DIR="${W2V_BENCH_DIR:-/tmp/w2v-bench}"
CORPUS="$BENCH_DIR/corpus/corpus-clean.txt"
ROUNDS=5
THREADS=2
W2V="${W2V_BIN:-$here/bin/w2v}"
C="${W2V_C_BIN:-$BENCH_DIR/peers/word2vec-npm/node_modules/word2vec/src/word2vec}"
die() { echo "vocab: $*" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) ROUNDS="${2:?}"; shift 2 ;;
    --corpus) CORPUS="${2:?}"; shift 2 ;;
    --threads) THREADS="${2:?}"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) die "unknown option '$1' (bench/vocab.sh --help)" ;;
  esac
done
[ -s "$CORPUS" ] || die "corpus not found or empty: $CORPUS"
[ -x "$C" ] || die "word2vec C not found at $C: run bench/e2e.sh --trainers word2vec once, or set W2V_C_BIN"
[ -x /usr/bin/time ] || die "needs GNU time (/usr/bin/time)"
FLAGS=(-min-count 5 -threads "$THREADS" -size 100 -window 5 -sample 1e-4 -negative 5 -hs 0 -iter 1 -binary 1 -cbow 0)
WORK="$BENCH_DIR/vocab"
mkdir -p "$WORK"
"$W2V" --help >/dev/null 2>&1 || die "$W2V does not start"

run() { # NAME: prints the wall seconds of one run
  local t="$WORK/$1.time"
  if [ "$1" = ours ]; then
    /usr/bin/time -f %e -o "$t" "$W2V" train -train "$CORPUS" -save-vocab "$WORK/ours.vocab" "${FLAGS[@]}" -debug 0 \
      >"$WORK/ours.log" 2>&1 || die "ours failed (log: $WORK/ours.log)"
  else
    /usr/bin/time -f %e -o "$t" "$C" -train "$CORPUS" -save-vocab "$WORK/c.vocab" "${FLAGS[@]}" \
      >"$WORK/c.log" 2>&1 || die "word2vec C failed (log: $WORK/c.log)"
  fi
  tail -1 "$t"
}

ours=() cs=()
for r in $(seq 1 "$ROUNDS"); do
  if [ $((r % 2)) = 1 ]; then o=$(run ours); c=$(run c); else c=$(run c); o=$(run ours); fi
  ours+=("$o"); cs+=("$c")
  printf 'round %d: ours %s s, word2vec C %s s, ratio %.2f\n' "$r" "$o" "$c" "$(echo "$c / $o" | bc -l)"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
mo=$(median "${ours[@]}"); mc=$(median "${cs[@]}")
same=$(cmp -s "$WORK/ours.vocab" "$WORK/c.vocab" && echo "identical" || echo "DIFFERENT")
summary=$(printf 'median ours %s s, word2vec C %s s: C / ours %.2f; vocabulary files %s' "$mo" "$mc" \
  "$(echo "$mc / $mo" | bc -l)" "$same")
echo "$summary"
{
  echo
  echo "## $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$here" rev-parse --short HEAD)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(nproc) cores; load at start $(cut -d' ' -f1 /proc/loadavg);" \
    "corpus $CORPUS; -threads $THREADS; $ROUNDS rounds"
  echo "ours: ${ours[*]} s; word2vec C: ${cs[*]} s"
  echo "$summary"
} >>"$here/bench/results/vocab.md"
