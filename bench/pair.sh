#!/usr/bin/env bash
# Is build B faster or slower than build A? Runs them at the same time, each pinned to a CPU of its own with
# -threads 1, and swaps the CPUs every round.
#
# Why: on these shared hosts the speed of a run drifts by 20-40% within minutes, so two builds run one after the
# other differ mostly by when they ran; a 5% difference needs dozens of alternating pairs. Run side by side, both
# see the same host at the same moment, and the drift cancels in each round's difference. Each JVM has one CPU
# for everything (workers, JIT compiler, GC), so this measures the CPU work on the path of a run, the situation
# of a run that uses every core; it does not show gains that come from using an idle core.
#
#   bench/pair.sh /tmp/base/bin/w2v bin/w2v                    # 8 rounds, skip-gram, a 4M-word corpus
#   bench/pair.sh --rounds 12 --cbow /tmp/base/bin/w2v bin/w2v
#
# Options: --corpus FILE [the first 23 MB of the gunzipped shared corpus], --rounds N [8], --cbow (alpha 0.05).
# Prints per round the whole-run and training seconds of A and B and B - A; then the mean difference, its
# standard error, and in how many rounds B was slower. Needs taskset and 2 CPUs. Work files go to
# ${W2V_BENCH_DIR:-/tmp/w2v-bench}/pair.
set -euo pipefail

BENCH_DIR="${W2V_BENCH_DIR:-/tmp/w2v-bench}"
FULL="$BENCH_DIR/corpus/corpus-clean.txt"
CORPUS=""
ROUNDS=8
CBOW=0

die() { echo "pair: $*" >&2; exit 2; }
BINS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --corpus) [ $# -ge 2 ] || die "--corpus needs a file"; CORPUS="$2"; shift 2 ;;
    --rounds) [ $# -ge 2 ] || die "--rounds needs a number"; ROUNDS="$2"; shift 2 ;;
    --cbow) CBOW=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
    -*) die "unknown option '$1' ($0 --help lists them)" ;;
    *) BINS+=("$1"); shift ;;
  esac
done
[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || die "--rounds must be a positive number (got '$ROUNDS')"
[ "${#BINS[@]}" = 2 ] || die "give two launchers, A then B (bench/pair.sh --help)"
for b in "${BINS[@]}"; do
  [ -x "$b" ] || die "not an executable launcher: $b"
done
command -v taskset >/dev/null || die "needs taskset (util-linux)"
[ "$(nproc)" -ge 2 ] || die "needs 2 CPUs"

WORK="$BENCH_DIR/pair"
mkdir -p "$WORK" || die "cannot create $WORK"
if [ -z "$CORPUS" ]; then
  [ -s "$FULL" ] || die "corpus not found: $FULL (run bench/e2e.sh once, or pass --corpus)"
  CORPUS="$WORK/corpus-23mb.txt"
  [ -s "$CORPUS" ] || head -c 23000000 "$FULL" >"$CORPUS"
fi
[ -s "$CORPUS" ] || die "corpus not found or empty: $CORPUS"
if [ "$CBOW" = 1 ]; then ALPHA=0.05; else ALPHA=0.025; fi
ARGS=(-train "$CORPUS" -cbow "$CBOW" -size 100 -window 5 -sample 1e-4 -min-count 5 -negative 5 -iter 1
  -alpha "$ALPHA" -threads 1 -binary 1)

# One run of launcher $1 on CPU $2, writing "wall training" seconds to $3.
run() {
  local log="$3.log" start end
  start=$EPOCHREALTIME
  taskset -c "$2" "$1" train "${ARGS[@]}" -output "$3.bin" >"$log" 2>&1 || { echo "failed" >"$3"; return; }
  end=$EPOCHREALTIME
  echo "$(awk -v s="$start" -v e="$end" 'BEGIN {printf "%.2f", e - s}') $(tr '\r' '\n' <"$log" |
    sed -n 's/^Trained .* in \([0-9.]*\) s:.*/\1/p' | head -1)" >"$3"
}

echo "A: ${BINS[0]}"
echo "B: ${BINS[1]}"
echo "corpus: $CORPUS; $ROUNDS rounds; seconds as whole run / training"
DIFFS=()
for r in $(seq 1 "$ROUNDS"); do
  if [ $((r % 2)) = 1 ]; then ca=0 cb=1; else ca=1 cb=0; fi
  run "${BINS[0]}" "$ca" "$WORK/a" &
  run "${BINS[1]}" "$cb" "$WORK/b" &
  wait
  read -r wa ta <"$WORK/a"
  read -r wb tb <"$WORK/b"
  [ "$wa" != failed ] && [ "$wb" != failed ] || die "round $r: a run failed (logs: $WORK/a.log, $WORK/b.log)"
  d=$(awk -v a="$wa" -v b="$wb" 'BEGIN {printf "%+.2f", b - a}')
  DIFFS+=("$d")
  printf 'round %d: A on CPU %d %s / %s   B on CPU %d %s / %s   B - A %s s\n' "$r" "$ca" "$wa" "$ta" "$cb" "$wb" "$tb" "$d"
done
printf '%s\n' "${DIFFS[@]}" | awk '{s += $1; q += $1 * $1; n++; if ($1 > 0) slower++}
  END {m = s / n; v = n > 1 ? (q - n * m * m) / (n - 1) : 0; if (v < 0) v = 0
       printf "B - A: mean %+.2f s, standard error %.2f s; B slower in %d of %d rounds\n", m, sqrt(v / n), slower, n}'
