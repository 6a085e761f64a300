#!/usr/bin/env bash
# Analogy accuracy and WordSim-353 over several random seeds, ours against word2vec C (and gensim), on the
# shared corpus.
#
# Why: with two or more threads a run is not reproducible, but most of its variance is not from the threads.
# Each worker's random stream fixes which words are subsampled, how far each window reaches and which negatives
# are drawn; that plan is the same for every run with one seed, and different seeds give plans whose accuracy
# differs by ~0.4 points (CBOW, standard deviation), against ~0.1 between runs of one seed. word2vec C has no
# seed flag (its streams start at the thread number), so comparing one of its runs with one of ours compares
# two draws of that spread. This script compares the distributions: ours with -seed S, and word2vec C built
# with its starting states shifted by S (a copy of the npm package's word2vec.c with two lines changed; nothing
# else differs).
#
#   bench/seeds.sh --cbow --seeds 1,11,21,31,41,51
#   bench/seeds.sh --trainers ours --seeds 1,2,3,4,5 --threads 1
#   bench/seeds.sh --hs --ours-flags '-batch 0' --seeds 1,11,21
#   bench/seeds.sh --cbow --shuffle-lines 1001 --seeds 1,2,3,4
#
# Options:
#   --corpus FILE    text corpus [the gunzipped shared corpus from bench/e2e.sh's cache]
#   --shuffle-lines S train on the corpus with its lines in another order, shuffled by Python's
#                    random.Random(S) (written once next to the corpus): the order of the lines moves CBOW's
#                    accuracy by as much as the seed does, and differently for each trainer (BENCHMARKS.md)
#   --cbow           CBOW (alpha 0.05) instead of skip-gram (alpha 0.025)
#   --hs             hierarchical softmax instead of negative sampling (-hs 1 -negative 0)
#   --ours-flags S   more flags for ours only, e.g. '-batch 0' (recorded in the table's title)
#   --threads N      threads for both trainers [2]
#   --iter N         epochs for both trainers [1]
#   --seeds LIST     comma-separated seeds [1,11,21,31,41,51]
#   --trainers LIST  any of ours,word2vec,gensim [ours,word2vec]; gensim trains with corpus_file and seed=S
#                    through bench/e2e/gensim_train.py (Debian's python3-gensim, or W2V_BENCH_PYTHON)
#   --results FILE   markdown file the tables are appended to [bench/results/seeds.md]
#
# Fixed settings as bench/e2e.sh: -size 100 -window 5 -sample 1e-4 -min-count 5, -negative 5 -hs 0 unless
# --hs.
# Every run's vectors are scored twice by `w2v eval`: analogies (restrict 30000) and Spearman's rho on WordSim-353
# (wordsim353.tsv next to the questions; pairs with an unknown word skipped, as gensim's evaluate_word_pairs).
# W2V_BIN: our launcher to run [bin/w2v of this checkout].
# Needs word2vec C's source from a bench/e2e.sh run (W2V_BENCH_DIR, default /tmp/w2v-bench) and gcc.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ARGS="$*"
BENCH_DIR="${W2V_BENCH_DIR:-/tmp/w2v-bench}"
CORPUS="$BENCH_DIR/corpus/corpus-clean.txt"
QUESTIONS="$here/../shared/data/eval/questions-words.txt"
WORDSIM="$here/../shared/data/eval/wordsim353.tsv"
CBOW=0
HS=0
OURS_FLAGS=""
THREADS=2
ITER=1
SEEDS=1,11,21,31,41,51
TRAINERS=ours,word2vec
SHUFFLE=""
RESULTS="$here/bench/results/seeds.md"
PY="${W2V_BENCH_PYTHON:-/usr/bin/python3}"
OURS_BIN="${W2V_BIN:-$here/bin/w2v}" # another checkout's launcher, so editing this one does not rebuild mid-run

die() { echo "seeds: $*" >&2; exit 2; }
usage() { sed -n '2,/^set -uo/{/^set -uo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --corpus) [ $# -ge 2 ] || die "--corpus needs a file"; CORPUS="$2"; shift 2 ;;
    --shuffle-lines) [ $# -ge 2 ] || die "--shuffle-lines needs a number"; SHUFFLE="$2"; shift 2 ;;
    --cbow) CBOW=1; shift ;;
    --hs) HS=1; shift ;;
    --ours-flags) [ $# -ge 2 ] || die "--ours-flags needs a string"; OURS_FLAGS="$2"; shift 2 ;;
    --threads) [ $# -ge 2 ] || die "--threads needs a number"; THREADS="$2"; shift 2 ;;
    --iter) [ $# -ge 2 ] || die "--iter needs a number"; ITER="$2"; shift 2 ;;
    --seeds) [ $# -ge 2 ] || die "--seeds needs a list"; SEEDS="$2"; shift 2 ;;
    --trainers) [ $# -ge 2 ] || die "--trainers needs a list"; TRAINERS="$2"; shift 2 ;;
    --results) [ $# -ge 2 ] || die "--results needs a file"; RESULTS="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown option '$1' (bench/seeds.sh --help lists them)" ;;
  esac
done
[[ "$THREADS" =~ ^[1-9][0-9]*$ ]] || die "--threads must be a positive number (got '$THREADS')"
[[ "$ITER" =~ ^[1-9][0-9]*$ ]] || die "--iter must be a positive number (got '$ITER')"
[[ "$SEEDS" =~ ^[0-9]+(,[0-9]+)*$ ]] || die "--seeds must look like 1,2,3 (got '$SEEDS')"
[ -f "$CORPUS" ] || die "corpus not found: $CORPUS (run bench/e2e.sh once, or pass --corpus)"
if [ -n "$SHUFFLE" ]; then
  [[ "$SHUFFLE" =~ ^[0-9]+$ ]] || die "--shuffle-lines must be a number (got '$SHUFFLE')"
  shuffled="${CORPUS%.txt}-lines-shuffled-$SHUFFLE.txt"
  if [ ! -s "$shuffled" ]; then
    python3 - "$CORPUS" "$shuffled.tmp" "$SHUFFLE" <<'PY' && mv "$shuffled.tmp" "$shuffled" || die "cannot write $shuffled"
import random, sys
lines = open(sys.argv[1], 'rb').read().split(b'\n')
if lines and lines[-1] == b'':
    lines.pop()
random.Random(int(sys.argv[3])).shuffle(lines)
open(sys.argv[2], 'wb').write(b'\n'.join(lines) + b'\n')
PY
  fi
  CORPUS="$shuffled"
fi
[ -f "$QUESTIONS" ] || die "analogy questions not found: $QUESTIONS"
[ -f "$WORDSIM" ] || die "WordSim-353 not found: $WORDSIM"
IFS=, read -r -a SEED_LIST <<<"$SEEDS"
IFS=, read -r -a TRAINER_LIST <<<"$TRAINERS"
if [ "$CBOW" = 1 ]; then ALPHA=0.05; ARCH=cbow; else ALPHA=0.025; ARCH=skipgram; fi
if [ "$HS" = 1 ]; then NEG=0; ARCH+=" hs"; else NEG=5; fi
read -r -a OURS_EXTRA <<<"$OURS_FLAGS"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/w2v-seeds.XXXXXX")" || die "cannot create a work directory"
trap 'rm -rf "$WORK"' EXIT
COMMON=(-train "$CORPUS" -cbow "$CBOW" -size 100 -window 5 -sample 1e-4 -min-count 5 -negative "$NEG" -hs "$HS"
  -iter "$ITER" -alpha "$ALPHA" -threads "$THREADS" -binary 1)

"$OURS_BIN" --help >/dev/null 2>&1 || die "$OURS_BIN does not start"

c_binary() { # SEED -> path of word2vec C with its random streams shifted by SEED
  local src="$BENCH_DIR/peers/word2vec-npm/node_modules/word2vec/src/word2vec.c" out="$WORK/word2vec-$1"
  [ -f "$src" ] || die "word2vec C source not found at $src (bench/e2e.sh installs it)"
  sed -e 's/unsigned long long next_random = (long long)id;/unsigned long long next_random = (long long)id + W2V_SEED;/' \
      -e 's/unsigned long long next_random = 1;/unsigned long long next_random = 1 + W2V_SEED;/' "$src" >"$WORK/w2v.c"
  [ "$(grep -c 'W2V_SEED' "$WORK/w2v.c")" = 2 ] || die "word2vec.c does not have the two lines this script shifts"
  gcc "$WORK/w2v.c" -o "$out" -lm -pthread -O3 -march=native -Wall -funroll-loops -Wno-unused-result \
      -fno-stack-protector -DW2V_SEED="$1" 2>"$WORK/gcc.log" || die "gcc failed: $(head -3 "$WORK/gcc.log")"
  echo "$out"
}

scores() { # FILE -> "correct total rho"
  "$OURS_BIN" eval "$1" --analogies "$QUESTIONS" --restrict 30000 --similarity "$WORDSIM" 2>/dev/null | awk '
    /Total accuracy:/ && !a {match($0, /\(([0-9]+)\/([0-9]+)\)/); split(substr($0, RSTART + 1, RLENGTH - 2), q, "/"); a = 1}
    /^similarity .*Spearman/ && !r {match($0, /Spearman -?[0-9.]+/); rho = substr($0, RSTART + 9, RLENGTH - 9); r = 1}
    END {if (a && r) print q[1], q[2], rho}'
}

declare -A CORRECT RHO
TOTAL=""
for seed in "${SEED_LIST[@]}"; do
  for t in "${TRAINER_LIST[@]}"; do
    out="$WORK/$t-$seed.bin"
    case "$t" in
      ours) "$OURS_BIN" train "${COMMON[@]}" "${OURS_EXTRA[@]}" -seed "$seed" -output "$out" >"$WORK/log" 2>&1 ;;
      word2vec) "$(c_binary "$seed")" "${COMMON[@]}" -output "$out" >"$WORK/log" 2>&1 ;;
      gensim) "$PY" "$here/bench/e2e/gensim_train.py" "$CORPUS" "$out" --threads "$THREADS" --iter "$ITER" \
                --sg $((1 - CBOW)) --hs "$HS" --negative "$NEG" --alpha "$ALPHA" --binary 1 --size 100 --window 5 \
                --sample 1e-4 --min-count 5 --seed "$seed" >"$WORK/log" 2>&1 ;;
      *) die "unknown trainer '$t' (ours, word2vec, gensim)" ;;
    esac || die "$t failed with seed $seed: $(tail -2 "$WORK/log")"
    read -r correct total rho < <(scores "$out")
    [ -n "${rho:-}" ] || die "could not evaluate $t's vectors for seed $seed"
    CORRECT[$t,$seed]=$correct
    RHO[$t,$seed]=$rho
    TOTAL=$total
    echo "seeds: $t seed $seed: $correct / $total, WordSim-353 rho $rho" >&2
    rm -f "$out"
  done
done

# One results table: a row per trainer, a column per seed (values from the associative array named $1, keyed
# "trainer,seed"), then the two statistics columns headed $2, which the awk program $3 prints from the values.
seed_table() {
  local -n values=$1
  echo "| trainer | $(printf '%s | ' "${SEED_LIST[@]/#/seed }")$2 |"
  echo "|---|$(printf -- '---:|%.0s' "${SEED_LIST[@]}")---:|---:|"
  for t in "${TRAINER_LIST[@]}"; do
    local vals=()
    for seed in "${SEED_LIST[@]}"; do vals+=("${values[$t,$seed]}"); done
    echo "| $t | $(printf '%s | ' "${vals[@]}")$(printf '%s\n' "${vals[@]}" | awk -v n="$TOTAL" "$3") |"
  done
}

{
  echo
  echo "## $(date -u +%Y-%m-%d) $ARCH, $THREADS thread(s), $ITER epoch(s): \`bench/seeds.sh $ARGS\`"
  echo
  echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores."
  echo "Correct answers of $TOTAL (gensim evaluate_word_analogies, restrict_vocab 30000)."
  echo
  seed_table CORRECT "mean % | sd (points)" \
    '{s+=$1; q+=$1*$1; c++} END {m=s/c; v=(c>1)?(q-c*m*m)/(c-1):0; if (v<0) v=0; printf "%.2f | %.2f", 100*m/n, 100*sqrt(v)/n}'
  echo
  echo "WordSim-353, Spearman's rho (w2v eval --similarity, pairs with unknown words skipped)."
  echo
  seed_table RHO "mean | sd" \
    '{s+=$1; q+=$1*$1; c++} END {m=s/c; v=(c>1)?(q-c*m*m)/(c-1):0; if (v<0) v=0; printf "%.4f | %.4f", m, sqrt(v)}'
} | tee -a "$RESULTS"
