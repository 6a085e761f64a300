#!/usr/bin/env bash
# End-to-end benchmark: trains our w2v, word2vec C, fastText and gensim on the same corpus with the same settings
# and reports, per trainer and thread count, the whole-process wall time (start to written vector file, as a
# user times it), words/sec (corpus words x epochs / wall time), peak RSS and Google analogy accuracy.
#
#   bench/e2e.sh                                  # skip-gram, negative 5, 1 epoch, 2 threads, shared corpus
#   bench/e2e.sh --threads 1,2 --iter 5
#   bench/e2e.sh --trainers ours,pword2vec --repeat 5 --no-eval
#   bench/e2e.sh --cbow --hs --max-bytes 20000000 --trainers ours,word2vec
#
# Options:
#   --corpus FILE      text, one sentence per line (.gz is gunzipped once into the cache dir)
#                      [default ../shared/data/corpus-clean.txt.gz, beside this checkout]
#   --max-bytes N      train on the first N bytes only (cut at a line end; cached), for trial runs
#   --cbow             CBOW instead of skip-gram (learning rate 0.05 instead of 0.025, for every trainer)
#   --hs               hierarchical softmax instead of negative sampling (-hs 1 -negative 0)
#   --iter N           epochs [1]
#   --threads LIST     comma-separated thread counts, each run for every trainer [2]
#   --repeat N         run everything N times, round after round, for shared machines where a single run can
#                      be 30% off: the table shows each trainer's median, a second one every round's words/sec
#                      and ours against each peer within the round; analogies come from the first round [1]
#   --trainers LIST    any of ours,word2vec,fasttext,gensim,pword2vec, run in that order, each at every thread
#                      count before the next [the first four; pword2vec needs W2V_PWORD2VEC_BIN, a pWord2Vec
#                      binary built by hand]
#   --binary           ours, word2vec C and gensim write the binary format (fastText always writes .vec)
#   --no-eval          skip the analogy evaluation
#   --no-install       never install a missing peer or tool; skip it with a note
#   --keep-vectors     keep the vector files (deleted after evaluation by default: ~80 MB each)
#   --results FILE     markdown file the table is appended to [bench/results/e2e.md]
#   --note TEXT        a remark recorded with the results (e.g. "quiet machine")
#
# Fixed settings: -size 100 -window 5 -sample 1e-4 -min-count 5, negative 5 unless --hs, learning rate of
# word2vec C (0.025 skip-gram, 0.05 CBOW) passed explicitly to all, fastText without subwords (-minn 0 -maxn 0).
#
# Environment: W2V_BENCH_DIR cache and run directory [/tmp/w2v-bench]; W2V_BIN our launcher [bin/w2v of this
# checkout]; W2V_C_BIN a word2vec C binary to use instead of installing the npm package; W2V_BENCH_PYTHON the
# Python that has gensim and matplotlib [/usr/bin/python3, Debian's].
#
# Peers are installed when missing: word2vec C from the npm package word2vec@1.1.5 into the cache dir (its
# postinstall builds it with make; built by hand if npm skipped that), fastText, gensim, GNU time and
# matplotlib from Debian. A peer that cannot be had is skipped with a note; a trainer that fails is reported as
# failed and the others still run.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
invocation="bench/e2e.sh"
for a in "$@"; do
  if [[ "$a" =~ ^[A-Za-z0-9_./,:=+-]+$ ]]; then invocation+=" $a"; else invocation+=" '${a//\'/\'\\\'\'}'"; fi
done

CORPUS="$here/../shared/data/corpus-clean.txt.gz"
QUESTIONS="$here/../shared/data/eval/questions-words.txt"
BENCH_DIR="${W2V_BENCH_DIR:-/tmp/w2v-bench}"
PY="${W2V_BENCH_PYTHON:-/usr/bin/python3}"
MAX_BYTES=0
CBOW=0
HS=0
ITER=1
THREADS=2
ROUNDS=1
TRAINERS=ours,word2vec,fasttext,gensim
BINARY=0
EVAL=1
INSTALL=1
KEEP=0
RESULTS="$here/bench/results/e2e.md"
NOTE=""
SIZE=100
WINDOW=5
SAMPLE=1e-4
MIN_COUNT=5

usage() { sed -n '2,/^set -uo/{/^set -uo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; }
die() { echo "e2e: $*" >&2; exit 2; }
need_value() { [ $# -ge 2 ] && [ -n "$2" ] || die "$1 needs a value"; }

while [ $# -gt 0 ]; do
  case "$1" in
    --corpus) need_value "$@"; CORPUS="$2"; shift 2 ;;
    --max-bytes) need_value "$@"; MAX_BYTES="$2"; shift 2 ;;
    --cbow) CBOW=1; shift ;;
    --hs) HS=1; shift ;;
    --iter) need_value "$@"; ITER="$2"; shift 2 ;;
    --threads) need_value "$@"; THREADS="$2"; shift 2 ;;
    --repeat) need_value "$@"; ROUNDS="$2"; shift 2 ;;
    --trainers) need_value "$@"; TRAINERS="$2"; shift 2 ;;
    --binary) BINARY=1; shift ;;
    --no-eval) EVAL=0; shift ;;
    --no-install) INSTALL=0; shift ;;
    --keep-vectors) KEEP=1; shift ;;
    --results) need_value "$@"; RESULTS="$2"; shift 2 ;;
    --note) need_value "$@"; NOTE="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown option '$1' (bench/e2e.sh --help lists them)" ;;
  esac
done

[[ "$MAX_BYTES" =~ ^[0-9]+$ ]] || die "--max-bytes must be a number of bytes (got '$MAX_BYTES')"
[[ "$ITER" =~ ^[1-9][0-9]*$ ]] || die "--iter must be a positive number (got '$ITER')"
[[ "$ROUNDS" =~ ^[1-9][0-9]?$ ]] || die "--repeat must be a number of rounds from 1 to 99 (got '$ROUNDS')"
[[ "$THREADS" =~ ^[1-9][0-9]*(,[1-9][0-9]*)*$ ]] || die "--threads must look like 1,2,4 (got '$THREADS')"
IFS=, read -r -a THREAD_LIST <<<"$THREADS"
IFS=, read -r -a TRAINER_LIST <<<"$TRAINERS"
for t in "${TRAINER_LIST[@]}"; do
  case "$t" in ours|word2vec|fasttext|gensim|pword2vec) ;;
    *) die "unknown trainer '$t' (ours, word2vec, fasttext, gensim, pword2vec)" ;; esac
done
[ -f "$CORPUS" ] || die "corpus not found: $CORPUS"

if [ "$CBOW" = 1 ]; then ALPHA=0.05; ARCH=cbow; else ALPHA=0.025; ARCH=skipgram; fi
if [ "$HS" = 1 ]; then NEG=0; OBJ=hs; else NEG=5; OBJ="negative $NEG"; fi
SETTINGS="$ARCH, $OBJ, size $SIZE, window $WINDOW, sample $SAMPLE, min-count $MIN_COUNT, iter $ITER, alpha $ALPHA"

STAMP="$(date +%Y%m%d-%H%M%S)"
RUN_DIR="$BENCH_DIR/e2e-$STAMP"
mkdir -p "$RUN_DIR" "$BENCH_DIR/corpus" "$BENCH_DIR/peers" || die "cannot create $RUN_DIR"
NOTES=()
note() { NOTES+=("$*"); echo "e2e: $*" >&2; }
say() { echo "e2e: $*" >&2; }

# ---------------------------------------------------------------------------------------------------------------
# Tools and peers

SUDO_OK=0
[ "$(id -u)" = 0 ] && command -v apt-get >/dev/null && SUDO_OK=1
APT_UPDATED=0
apt_install() { # PACKAGE...: installs from Debian when allowed; 0 on success
  [ "$INSTALL" = 1 ] && [ "$SUDO_OK" = 1 ] || return 1
  say "installing Debian package(s) $* ..."
  if DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >>"$RUN_DIR/install.log" 2>&1; then
    return 0
  fi
  if [ "$APT_UPDATED" = 0 ]; then
    APT_UPDATED=1
    apt-get update -qq >>"$RUN_DIR/install.log" 2>&1
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >>"$RUN_DIR/install.log" 2>&1 && return 0
  fi
  return 1
}

GNU_TIME=/usr/bin/time
if ! "$GNU_TIME" -v true >/dev/null 2>&1; then
  apt_install time || true
  if ! "$GNU_TIME" -v true >/dev/null 2>&1; then
    GNU_TIME=""
    note "GNU time is missing and could not be installed: peak RSS is read from /proc (VmHWM), sampled"
  fi
fi

have_trainer() { local t; for t in "${TRAINER_LIST[@]}"; do [ "$t" = "$1" ] && return 0; done; return 1; }
declare -A AVAILABLE

# ours
OURS_BIN="${W2V_BIN:-$here/bin/w2v}"
if have_trainer ours; then
  say "building ours (if needed) before timing anything..."
  if "$OURS_BIN" --help >"$RUN_DIR/ours-build.log" 2>&1; then
    AVAILABLE[ours]=1
  else
    note "ours: $OURS_BIN does not start (see $RUN_DIR/ours-build.log); skipped"
  fi
fi

# word2vec C, from the npm package word2vec@1.1.5
W2V_C=""
if have_trainer word2vec; then
  npm_dir="$BENCH_DIR/peers/word2vec-npm"
  src_dir="$npm_dir/node_modules/word2vec/src"
  if [ -n "${W2V_C_BIN:-}" ]; then
    W2V_C="$W2V_C_BIN"
  elif [ -x "$src_dir/word2vec" ]; then
    W2V_C="$src_dir/word2vec"
  elif [ "$INSTALL" = 1 ] && command -v npm >/dev/null; then
    say "installing word2vec@1.1.5 from npm into $npm_dir ..."
    mkdir -p "$npm_dir"
    [ -f "$npm_dir/package.json" ] || echo '{"private": true}' >"$npm_dir/package.json"
    if (cd "$npm_dir" && npm install --no-audit --no-fund word2vec@1.1.5) >>"$RUN_DIR/install.log" 2>&1; then
      # Recent npm versions may skip the package's postinstall (make --directory=src): build it ourselves.
      if [ ! -x "$src_dir/word2vec" ] && [ -f "$src_dir/makefile" ]; then
        command -v make >/dev/null && command -v gcc >/dev/null || apt_install make gcc libc6-dev || true
        make --directory="$src_dir" word2vec >>"$RUN_DIR/install.log" 2>&1 || true
      fi
      [ -x "$src_dir/word2vec" ] && W2V_C="$src_dir/word2vec"
    fi
  fi
  if [ -n "$W2V_C" ] && [ -x "$W2V_C" ]; then
    AVAILABLE[word2vec]=1
  elif [ -n "${W2V_C_BIN:-}" ]; then
    note "word2vec C: W2V_C_BIN=$W2V_C_BIN is not an executable; skipped"
  elif [ "$INSTALL" = 0 ]; then
    note "word2vec C: not in $npm_dir and --no-install given; skipped"
  else
    note "word2vec C: npm word2vec@1.1.5 could not be installed or built (see $RUN_DIR/install.log); skipped"
  fi
fi

# fastText
if have_trainer fasttext; then
  command -v fasttext >/dev/null || apt_install fasttext || true
  if command -v fasttext >/dev/null; then
    AVAILABLE[fasttext]=1
  else
    note "fastText: Debian package fasttext not installable; skipped"
  fi
fi

# gensim (also needed for the analogy evaluation)
HAVE_GENSIM=0
if have_trainer gensim || [ "$EVAL" = 1 ]; then
  "$PY" -c 'import gensim' >/dev/null 2>&1 || apt_install python3-gensim || true
  if "$PY" -c 'import gensim' >/dev/null 2>&1; then
    HAVE_GENSIM=1
  else
    note "gensim: $PY cannot import gensim and Debian python3-gensim could not be installed"
  fi
fi
if have_trainer gensim; then
  if [ "$HAVE_GENSIM" = 1 ]; then AVAILABLE[gensim]=1; else note "gensim: skipped"; fi
fi

# pWord2Vec (Intel's HogBatch skip-gram): packaged nowhere, so only a binary built by hand is run
# (W2V_PWORD2VEC_BIN; bench/README.md says how it was built for BENCHMARKS.md). Skip-gram with negative sampling only.
if have_trainer pword2vec; then
  if [ -z "${W2V_PWORD2VEC_BIN:-}" ] || [ ! -x "${W2V_PWORD2VEC_BIN}" ]; then
    note "pWord2Vec: set W2V_PWORD2VEC_BIN to a built pWord2Vec binary; skipped"
  elif [ "$CBOW" = 1 ] || [ "$HS" = 1 ]; then
    note "pWord2Vec: trains skip-gram with negative sampling only; skipped"
  else
    AVAILABLE[pword2vec]=1
  fi
fi
if [ "$EVAL" = 1 ] && [ "$HAVE_GENSIM" = 0 ]; then
  EVAL=0
  note "analogy evaluation skipped: it needs gensim"
fi
if [ "$EVAL" = 1 ] && [ ! -f "$QUESTIONS" ]; then
  EVAL=0
  note "analogy evaluation skipped: $QUESTIONS not found"
fi

HAVE_MPL=0
"$PY" -c 'import matplotlib' >/dev/null 2>&1 || apt_install python3-matplotlib || true
if "$PY" -c 'import matplotlib' >/dev/null 2>&1; then
  HAVE_MPL=1
else
  note "no plot: $PY cannot import matplotlib and Debian python3-matplotlib could not be installed"
fi

# ---------------------------------------------------------------------------------------------------------------
# Corpus: gunzipped and truncated once, into the cache; its word count cached beside it

case "$CORPUS" in
  *.gz)
    TRAIN_FILE="$BENCH_DIR/corpus/$(basename "$CORPUS" .gz)"
    if [ ! -s "$TRAIN_FILE" ] || [ "$CORPUS" -nt "$TRAIN_FILE" ]; then
      say "gunzipping $CORPUS into $TRAIN_FILE (once) ..."
      gunzip -c "$CORPUS" >"$TRAIN_FILE.tmp" && mv "$TRAIN_FILE.tmp" "$TRAIN_FILE" || die "cannot gunzip $CORPUS"
    fi ;;
  *) TRAIN_FILE="$CORPUS" ;;
esac
if [ "$MAX_BYTES" != 0 ]; then
  cut_file="$BENCH_DIR/corpus/$(basename "$TRAIN_FILE").first-$MAX_BYTES"
  if [ ! -s "$cut_file" ] || [ "$TRAIN_FILE" -nt "$cut_file" ]; then
    say "cutting the first $MAX_BYTES bytes (to a line end) into $cut_file ..."
    "$PY" - "$TRAIN_FILE" "$cut_file.tmp" "$MAX_BYTES" <<'PYEOF' && mv "$cut_file.tmp" "$cut_file" || die "cannot cut the corpus"
import sys
src, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(src, "rb") as f:
    data = f.read(n + 1)
if len(data) > n:
    data = data[:n]
    end = data.rfind(b"\n")
    data = data[: end + 1] if end >= 0 else data
with open(dst, "wb") as f:
    f.write(data)
PYEOF
  fi
  TRAIN_FILE="$cut_file"
fi
if [ ! -s "$TRAIN_FILE.words" ] || [ "$TRAIN_FILE" -nt "$TRAIN_FILE.words" ]; then
  say "counting words in $TRAIN_FILE ..."
  LC_ALL=C wc -w <"$TRAIN_FILE" | tr -d ' ' >"$TRAIN_FILE.words"
fi
WORDS="$(cat "$TRAIN_FILE.words")"
BYTES="$(stat -c %s "$TRAIN_FILE")"
TOTAL_WORDS=$((WORDS * ITER))
say "corpus $TRAIN_FILE: $BYTES bytes, $WORDS words; $SETTINGS; threads $THREADS"

# ---------------------------------------------------------------------------------------------------------------
# Running one trainer

# Fills CMD (the command) and VEC (the vector file it writes) for trainer $1 with $2 threads; $3 is added to the
# file names (the round, with --repeat).
build_command() {
  local name="$1" threads="$2" out="$RUN_DIR/$1-t$2${3:-}"
  local ext=txt
  [ "$BINARY" = 1 ] && ext=bin
  case "$name" in
    ours)
      VEC="$out.$ext"
      CMD=("$OURS_BIN" train -train "$TRAIN_FILE" -output "$VEC" -size "$SIZE" -window "$WINDOW"
           -sample "$SAMPLE" -hs "$HS" -negative "$NEG" -min-count "$MIN_COUNT" -iter "$ITER" -threads "$threads"
           -cbow "$CBOW" -alpha "$ALPHA" -binary "$BINARY") ;;
    word2vec)
      VEC="$out.$ext"
      CMD=("$W2V_C" -train "$TRAIN_FILE" -output "$VEC" -size "$SIZE" -window "$WINDOW" -sample "$SAMPLE"
           -hs "$HS" -negative "$NEG" -min-count "$MIN_COUNT" -iter "$ITER" -threads "$threads" -cbow "$CBOW"
           -alpha "$ALPHA" -binary "$BINARY") ;;
    pword2vec)
      VEC="$out.$ext"
      CMD=("$W2V_PWORD2VEC_BIN" -train "$TRAIN_FILE" -output "$VEC" -size "$SIZE" -window "$WINDOW"
           -sample "$SAMPLE" -negative "$NEG" -min-count "$MIN_COUNT" -iter "$ITER" -threads "$threads"
           -alpha "$ALPHA" -binary "$BINARY") ;;
    fasttext)
      VEC="$out.vec"
      local mode=skipgram loss=()
      [ "$CBOW" = 1 ] && mode=cbow
      [ "$HS" = 1 ] && loss=(-loss hs)
      CMD=(fasttext "$mode" -input "$TRAIN_FILE" -output "$out" -dim "$SIZE" -ws "$WINDOW" -neg "$NEG"
           -t "$SAMPLE" -minCount "$MIN_COUNT" -epoch "$ITER" -thread "$threads" -minn 0 -maxn 0 -lr "$ALPHA"
           "${loss[@]}") ;;
    gensim)
      VEC="$out.$ext"
      CMD=("$PY" "$here/bench/e2e/gensim_train.py" "$TRAIN_FILE" "$VEC" --threads "$threads" --iter "$ITER"
           --sg $((1 - CBOW)) --hs "$HS" --negative "$NEG" --alpha "$ALPHA" --binary "$BINARY" --size "$SIZE"
           --window "$WINDOW" --sample "$SAMPLE" --min-count "$MIN_COUNT") ;;
  esac
}

# Runs CMD with stdout and stderr into $1 (progress output such as word2vec C's \r lines never reaches the
# terminal); sets START (epoch seconds), WALL (s), RSS_MB, CPU_S (user + system seconds) and RC. With
# $2 = stamp, each line is prefixed with its arrival time (for our phases; not for the peers, whose frequent progress output a shell loop would slow down).
timed_run() {
  local log="$1" stamp="${2:-}" tfile="$1.time" end
  local -a runner=()
  [ -n "$GNU_TIME" ] && runner=("$GNU_TIME" -v -o "$tfile")
  START=$EPOCHREALTIME
  if [ -n "$GNU_TIME" ]; then
    if [ "$stamp" = stamp ]; then
      "${runner[@]}" "${CMD[@]}" </dev/null 2>&1 \
        | while IFS= read -r line; do printf '%s %s\n' "$EPOCHREALTIME" "$line"; done >"$log"
      RC=${PIPESTATUS[0]}
    else
      "${runner[@]}" "${CMD[@]}" </dev/null >"$log" 2>&1
      RC=$?
    fi
    end=$EPOCHREALTIME
    RSS_MB="$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$tfile")"
    CPU_S="$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.1f", s}' "$tfile")"
  else
    # No GNU time: poll the process's high-water mark in /proc (the launchers exec, so it is the trainer).
    if [ "$stamp" = stamp ]; then
      "${CMD[@]}" </dev/null > >(while IFS= read -r line; do printf '%s %s\n' "$EPOCHREALTIME" "$line"; done >"$log") 2>&1 &
    else
      "${CMD[@]}" </dev/null >"$log" 2>&1 &
    fi
    local pid=$! hwm=0 kb
    while kill -0 "$pid" 2>/dev/null; do
      kb="$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null)"
      [ -n "$kb" ] && [ "$kb" -gt "$hwm" ] && hwm=$kb
      sleep 0.1
    done
    wait "$pid"
    RC=$?
    end=$EPOCHREALTIME
    sleep 0.2  # let the time-stamping reader drain
    RSS_MB=$((hwm / 1024))
    CPU_S="-"
  fi
  WALL="$(awk -v s="$START" -v e="$end" 'BEGIN {printf "%.2f", e - s}')"
}

# The last meaningful line of a failed run's log, without its time stamp.
failure_reason() {
  tr '\r' '\n' <"$1" | sed -E 's/^[0-9]+\.[0-9]+ //' | grep -v -E '^\s*Command (exited|terminated)' | grep -v -E '^\s*$|^WARNING: Using incubator' | tail -1 | cut -c1-160
}

# Our phases from the time-stamped log: start-up + vocabulary (until the vocabulary summary line), training and
# writing (from the final summary line), and the rest (model allocation and initialisation, JVM exit).
ours_phases() {
  local log="$1" start="$2" wall="$3"
  awk -v start="$start" -v wall="$wall" '
    { last = $1 - start }
    / Vocabulary: [0-9,]+ words \(count/ { vocab = $1 - start }
    / Trained .* in [0-9.]+ s: .* in [0-9.]+ s$/ {
      match($0, / in [0-9.]+ s:/); train = substr($0, RSTART + 4, RLENGTH - 7)
      match($0, / in [0-9.]+ s$/); write = substr($0, RSTART + 4, RLENGTH - 6)
    }
    END {
      if (vocab == "") { print "no vocabulary summary line"; exit }
      if (train == "") {
        printf "start-up + vocabulary %.2f s, then no training summary: the run ended %.2f s later\n", vocab, last - vocab
        exit
      }
      printf "start-up + vocabulary %.2f s, training %.2f s, writing %.2f s, other %.2f s (model set-up, exit)\n",
        vocab, train, write, wall - vocab - train - write
    }' "$log"
}

RUNS_TSV="$RUN_DIR/runs.tsv"
printf 'trainer\tthreads\twall_s\tcpu_s\twords_per_sec\trss_mb\tanalogy\tstatus\tround\n' >"$RUNS_TSV"
# One entry per run, keyed trainer/threads/round; the table's rows (ROW_*, keyed trainer/threads) come after.
declare -A RUN_WALL RUN_CPU RUN_WPS RUN_RSS RUN_STATUS ROW_WALL ROW_CPU ROW_WPS ROW_RSS ROW_ACC ROW_STATUS
PHASES=()

for round in $(seq 1 "$ROUNDS"); do
  suffix=""
  [ "$ROUNDS" -gt 1 ] && suffix="-r$round" && say "round $round of $ROUNDS"
  # Each trainer's thread counts back to back: a trainer's scaling (2 threads / 1 thread) then comes from runs
  # a minute apart. Thread count outermost put ten minutes of peers between them, and this host's speed
  # drifts by up to 40% in that time (2 vCPUs, 2026-12-03).
  for name in "${TRAINER_LIST[@]}"; do
    for threads in "${THREAD_LIST[@]}"; do
      key="$name/$threads"
      if [ -z "${AVAILABLE[$name]:-}" ]; then
        continue
      fi
      build_command "$name" "$threads" "$suffix"
      log="$RUN_DIR/$name-t$threads$suffix.log"
      say "running $name with $threads thread(s) ... (log: $log)"
      if [ "$name" = ours ]; then timed_run "$log" stamp; else timed_run "$log"; fi
      run="$key/$round"
      RUN_WALL[$run]="$WALL"
      RUN_CPU[$run]="$CPU_S"
      RUN_RSS[$run]="${RSS_MB:--}"
      acc="-"
      if [ "$RC" = 0 ] && [ -s "$VEC" ]; then
        RUN_STATUS[$run]=ok
        RUN_WPS[$run]="$(awk -v w="$TOTAL_WORDS" -v s="$WALL" 'BEGIN {printf "%.0f", w / s}')"
        if [ "$EVAL" = 1 ] && [ "$round" = 1 ]; then
          say "  evaluating analogies of $VEC ..."
          bin=0
          case "$VEC" in *.bin) bin=1 ;; esac
          if acc="$("$PY" "$here/bench/e2e/analogy.py" "$VEC" "$QUESTIONS" "$bin" 2>"$log.eval")"; then
            read -r pct answered _ <<<"$acc"
            acc="$pct ($answered q)"
          else
            acc="eval failed"
            note "$name, $threads threads: analogy evaluation failed: $(tail -1 "$log.eval")"
          fi
        fi
      else
        RUN_WPS[$run]="-"
        if [ "$RC" = 0 ]; then
          RUN_STATUS[$run]="failed: exit 0 but no vector file $VEC"
        else
          RUN_STATUS[$run]="failed (exit $RC): $(failure_reason "$log")"
        fi
        note "$name, $threads threads${suffix:+, round $round}: ${RUN_STATUS[$run]}"
      fi
      [ "$round" = 1 ] && ROW_ACC[$key]="$acc"
      if [ "$name" = ours ]; then
        PHASES+=("ours, $threads threads${suffix:+, round $round}: $(ours_phases "$log" "$START" "$WALL")")
      fi
      [ "$KEEP" = 1 ] || rm -f "$VEC" "$RUN_DIR/$name-t$threads$suffix.bin"  # fastText's model file too
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$threads" "$WALL" "$CPU_S" "${RUN_WPS[$run]}" \
        "${RUN_RSS[$run]}" "$acc" "${RUN_STATUS[$run]}" "$round" >>"$RUNS_TSV"
      say "  $name, $threads threads: wall ${WALL} s (CPU ${CPU_S} s), ${RUN_WPS[$run]} words/s, peak RSS ${RUN_RSS[$run]} MB, analogy $acc (${RUN_STATUS[$run]})"
    done
  done
done

# The median of the numbers given ("-" if there are none).
median() {
  printf '%s\n' "$@" | grep -E '^[0-9.]+$' | sort -g | awk '{v[NR] = $1}
    END {if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}

# A table row per trainer and thread count: with one round its run, with several the medians of wall time,
# CPU time and words/sec over the rounds that succeeded, and the highest peak RSS.
for threads in "${THREAD_LIST[@]}"; do
  for name in "${TRAINER_LIST[@]}"; do
    key="$name/$threads"
    [ -n "${RUN_STATUS[$key/1]:-}" ] || continue
    walls=() cpus=() rss=() ok=0 failure=""
    for round in $(seq 1 "$ROUNDS"); do
      run="$key/$round"
      rss+=("${RUN_RSS[$run]}")
      if [ "${RUN_STATUS[$run]}" = ok ]; then
        ok=$((ok + 1)); walls+=("${RUN_WALL[$run]}"); cpus+=("${RUN_CPU[$run]}")
      elif [ -z "$failure" ]; then
        failure="${RUN_STATUS[$run]}"; [ "$ROUNDS" -gt 1 ] && failure="round $round $failure"
      fi
    done
    ROW_RSS[$key]="$(printf '%s\n' "${rss[@]}" | grep -E '^[0-9]+$' | sort -n | tail -1)"
    [ -n "${ROW_RSS[$key]}" ] || ROW_RSS[$key]="-"
    if [ "$ok" = 0 ]; then
      ROW_WALL[$key]="${RUN_WALL[$key/1]}"; ROW_CPU[$key]="${RUN_CPU[$key/1]}"; ROW_WPS[$key]="-"
      ROW_STATUS[$key]="$failure"
      continue
    fi
    ROW_WALL[$key]="$(median "${walls[@]}")"
    ROW_CPU[$key]="$(median "${cpus[@]}")"
    wps=()
    for round in $(seq 1 "$ROUNDS"); do wps+=("${RUN_WPS[$key/$round]}"); done
    ROW_WPS[$key]="$(printf '%.0f' "$(median "${wps[@]}")")"
    ROW_STATUS[$key]=ok
    [ "$ok" -lt "$ROUNDS" ] && ROW_STATUS[$key]="ok in $ok of $ROUNDS rounds; $failure"
  done
done

# ---------------------------------------------------------------------------------------------------------------
# Report

fmt_int() { echo "$1" | sed -e ':a' -e 's/\B[0-9]\{3\}\>/,&/' -e 'ta'; }

TABLE="| trainer | threads | wall s | CPU s | words/sec | vs word2vec C | peak RSS MB | analogy % (questions) | status |
|---|---:|---:|---:|---:|---:|---:|---:|---|"
for threads in "${THREAD_LIST[@]}"; do
  for name in "${TRAINER_LIST[@]}"; do
    key="$name/$threads"
    if [ -z "${ROW_STATUS[$key]:-}" ]; then
      TABLE+=$'\n'"| $name | $threads | - | - | - | - | - | - | not run (unavailable) |"
      continue
    fi
    wps="${ROW_WPS[$key]}"
    ratio="-"
    cwps="${ROW_WPS[word2vec/$threads]:-}"
    if [ "$wps" != "-" ] && [ -n "$cwps" ] && [ "$cwps" != "-" ]; then
      ratio="$(awk -v a="$wps" -v b="$cwps" 'BEGIN {printf "%.2fx", a / b}')"
    fi
    [ "$wps" != "-" ] && wps="$(fmt_int "$wps")"
    TABLE+=$'\n'"| $name | $threads | ${ROW_WALL[$key]} | ${ROW_CPU[$key]} | $wps | $ratio | ${ROW_RSS[$key]} | ${ROW_ACC[$key]} | ${ROW_STATUS[$key]//|/\\|} |"
  done
done

# With --repeat: each round's words/sec, and ours against each peer within the round (runs minutes apart share
# the machine's mood; rounds do not), with the medians over rounds.
ROUNDS_TABLE=""
if [ "$ROUNDS" -gt 1 ]; then
  ran=() peers=()
  for name in "${TRAINER_LIST[@]}"; do
    [ -n "${AVAILABLE[$name]:-}" ] || continue
    ran+=("$name")
    [ "$name" != ours ] && [ -n "${AVAILABLE[ours]:-}" ] && peers+=("$name")
  done
  [ ${#ran[@]} -gt 0 ] && ROUNDS_TABLE="| threads | round |"
  sep="|---:|---|"
  for name in "${ran[@]}"; do ROUNDS_TABLE+=" $name words/sec |"; sep+="---:|"; done
  for p in "${peers[@]}"; do ROUNDS_TABLE+=" ours / $p |"; sep+="---:|"; done
  [ ${#ran[@]} -gt 0 ] && ROUNDS_TABLE+=$'\n'"$sep"
  for threads in "${THREAD_LIST[@]}"; do
    [ ${#ran[@]} -gt 0 ] || break
    declare -A col=()
    for round in $(seq 1 "$ROUNDS") median; do
      line="| $threads | $round |"
      for name in "${ran[@]}"; do
        if [ "$round" = median ]; then
          v="$(median ${col[$name]:-})"
        else
          v="${RUN_WPS[$name/$threads/$round]:--}"
          [ "$v" != "-" ] && col[$name]+=" $v"
        fi
        [ "$v" != "-" ] && v="$(fmt_int "$(printf '%.0f' "$v")")"
        line+=" $v |"
      done
      for p in "${peers[@]}"; do
        if [ "$round" = median ]; then
          r="$(median ${col[ratio_$p]:-})"
          [ "$r" != "-" ] && r="$(printf '%.2fx' "$r")"
        else
          a="${RUN_WPS[ours/$threads/$round]:--}" b="${RUN_WPS[$p/$threads/$round]:--}" r="-"
          if [ "$a" != "-" ] && [ "$b" != "-" ]; then
            r="$(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.3f", a / b}')"
            col[ratio_$p]+=" $r"
            r="$(printf '%.2fx' "$r")"
          fi
        fi
        line+=" $r |"
      done
      [ "$round" = median ] && line="${line//| median |/| **median** |}"
      ROUNDS_TABLE+=$'\n'"$line"
    done
    unset col
  done
fi

PNG=""
if [ "$HAVE_MPL" = 1 ]; then
  PNG="$RUN_DIR/words-per-sec.png"
  if ! "$PY" "$here/bench/e2e/plot.py" "$RUNS_TSV" "$PNG" \
      "$(basename "$TRAIN_FILE"), $SETTINGS ($STAMP)" 2>"$RUN_DIR/plot.log"; then
    note "plot failed: $(tail -1 "$RUN_DIR/plot.log")"
    PNG=""
  fi
fi

cpu="$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)"
cores="$(nproc)"
mem="$(free -g 2>/dev/null | awk '/^Mem:/ {print $2 " GiB"}')"
load="$(cut -d' ' -f1-3 /proc/loadavg)"
ours_home="$(cd "$(dirname "$OURS_BIN")/.." && pwd)"
commit="$(git -C "$ours_home" rev-parse --short HEAD 2>/dev/null || echo unknown)"
dirty="$(git -C "$ours_home" status --porcelain --untracked-files=no 2>/dev/null | head -1)"
[ -n "$dirty" ] && commit+=" (with uncommitted changes)"
versions="ours $commit"
[ "$ours_home" != "$here" ] && versions+=" (W2V_BIN=$OURS_BIN)"
[ -n "${AVAILABLE[word2vec]:-}" ] && versions+=", word2vec C (npm word2vec@1.1.5: $W2V_C)"
[ -n "${AVAILABLE[pword2vec]:-}" ] && versions+=", pWord2Vec ($W2V_PWORD2VEC_BIN)"
[ -n "${AVAILABLE[fasttext]:-}" ] && versions+=", fastText $(dpkg-query -W -f '${Version}' fasttext 2>/dev/null || echo '?')"
[ "$HAVE_GENSIM" = 1 ] && versions+=", gensim $("$PY" -c 'import gensim; print(gensim.__version__)' 2>/dev/null)"
java_version="$("${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java" -version 2>&1 | head -1)"

REPORT="## $(date '+%Y-%m-%d %H:%M %Z'): $SETTINGS

- command: \`$invocation\`
- machine: $cpu, $cores cores, $mem; load average at the end $load
- corpus: \`$TRAIN_FILE\` ($BYTES bytes, $WORDS words x $ITER epochs = $TOTAL_WORDS)
- versions: $versions; $java_version
- words/sec = corpus words x epochs / whole-process wall time (start to written vector file); CPU s = user +
  system time of the process (wall x threads well above it means the machine was busy); analogy = gensim
  \`evaluate_word_analogies(questions-words.txt, restrict_vocab=30000, case_insensitive=True)\`, questions = how
  many of the 19,544 have all four words among the 30,000 most frequent
- run directory: \`$RUN_DIR\`${PNG:+; plot: \`$PNG\`}${NOTE:+
- note: $NOTE}

$TABLE
"
if [ -n "$ROUNDS_TABLE" ]; then
  REPORT+=$'\n'"$ROUNDS rounds; the table above shows each trainer's median (analogy: first round). By round:"$'\n\n'
  REPORT+="$ROUNDS_TABLE"$'\n'
fi
if [ ${#PHASES[@]} -gt 0 ]; then
  REPORT+=$'\n'"Our phases:"$'\n'
  for p in "${PHASES[@]}"; do REPORT+="- $p"$'\n'; done
fi
if [ ${#NOTES[@]} -gt 0 ]; then
  REPORT+=$'\n'"Notes:"$'\n'
  for n in "${NOTES[@]}"; do REPORT+="- $n"$'\n'; done
fi
[ "$HAVE_MPL" = 1 ] || REPORT+=$'\n'"No plot: matplotlib is not available."$'\n'

echo
echo "$REPORT"
echo "$REPORT" >"$RUN_DIR/report.md"
mkdir -p "$(dirname "$RESULTS")"
[ -s "$RESULTS" ] || printf '# End-to-end benchmark results (bench/e2e.sh)\n\nNewest last.\n\n' >"$RESULTS"
echo "$REPORT" >>"$RESULTS"
say "appended to $RESULTS; logs in $RUN_DIR"
