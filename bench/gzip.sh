#!/usr/bin/env bash
# Does training from a gzip file keep up with training from the same text uncompressed? Trains on the .gz and on
# the plain file back to back, alternating which goes first every round (drift on a shared host then weighs on
# both), and reports per run the training words/sec and the CPU seconds of the whole process (counting and
# training), per round the ratio gzip / plain, the median ratio, and the ratio of all CPU seconds (on a loaded
# host the words/sec of one run can be off by 50%, its CPU seconds by 20%).
#
#   bench/gzip.sh                                   # 3 rounds, skip-gram, 2 threads, the shared corpus
#   bench/gzip.sh --rounds 5 --cbow
#   bench/gzip.sh --together                        # both at once, each pinned to a CPU of its own
#
# With --together the two runs of a round go side by side, each with both its threads on one CPU (taskset), the
# CPUs swapped every round, as bench/pair.sh does: on a shared host whose speed drifts by 20-40% within minutes,
# both then see the same host, and the ratio measures the CPU work on the path of a run.
#
# Options: --together (above), --corpus FILE.gz [../shared/data/corpus-clean.txt.gz beside this checkout;
# gunzipped once into ${W2V_BENCH_DIR:-/tmp/w2v-bench}/corpus, where bench/e2e.sh keeps it too], --rounds N [3],
# --cbow (alpha 0.05). Settings: -size 100 -window 5 -negative 5 -sample 1e-4 -iter 1 -min-count 5 -threads 2.
# The output, with the date, the commit and the CPU model, is also written to bench/results/gzip-DATE.txt.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_DIR="${W2V_BENCH_DIR:-/tmp/w2v-bench}"
CORPUS="$here/../shared/data/corpus-clean.txt.gz"
ROUNDS=3
CBOW=0
W2V="${W2V_BIN:-$here/bin/w2v}"

TOGETHER=0

die() { echo "gzip: $*" >&2; exit 2; }
. "$here/bench/round-options.sh"
OPTIONS=()
for a in "$@"; do
  if [ "$a" = --together ]; then TOGETHER=1; else OPTIONS+=("$a"); fi
done
parse_round_options ${OPTIONS[@]+"${OPTIONS[@]}"}
[ "${#ARGS_LEFT[@]}" = 0 ] || die "unexpected argument '${ARGS_LEFT[0]}' (bench/gzip.sh --help)"
if [ "$TOGETHER" = 1 ]; then
  command -v taskset >/dev/null || die "--together needs taskset (util-linux)"
  [ "$(nproc)" -ge 2 ] || die "--together needs 2 CPUs"
fi
[ -s "$CORPUS" ] || die "corpus not found or empty: $CORPUS"
[ "$(head -c 2 "$CORPUS" | od -An -tx1 | tr -d ' ')" = 1f8b ] || die "not a gzip file: $CORPUS"
[ -x /usr/bin/time ] || die "needs GNU time (/usr/bin/time)"

mkdir -p "$BENCH_DIR/corpus" "$BENCH_DIR/gzip" || die "cannot create $BENCH_DIR"
PLAIN="$BENCH_DIR/corpus/$(basename "$CORPUS" .gz)"
if [ ! -s "$PLAIN" ]; then
  gzip -dc "$CORPUS" >"$PLAIN.part" && mv "$PLAIN.part" "$PLAIN" || die "could not gunzip $CORPUS into $PLAIN"
fi
if [ "$CBOW" = 1 ]; then ALPHA=0.05; else ALPHA=0.025; fi
ARGS=(-cbow "$CBOW" -size 100 -window 5 -negative 5 -sample 1e-4 -iter 1 -min-count 5 -alpha "$ALPHA"
  -threads 2 -binary 1 -debug 1)
mkdir -p "$here/bench/results"
OUT="$here/bench/results/gzip-$(date +%Y-%m-%d-%H%M)$([ "$TOGETHER" = 1 ] && echo -together).txt"

# One run on $1 named $2 (pinned to CPU $3 if given); prints "words/sec cpu-seconds wall-seconds".
run() {
  local log="$BENCH_DIR/gzip/$2.log" pin=()
  [ -z "${3:-}" ] || pin=(taskset -c "$3")
  /usr/bin/time -f 'cpu %U %S wall %e' -o "$BENCH_DIR/gzip/$2.time" ${pin[@]+"${pin[@]}"} \
    "$W2V" train -train "$1" "${ARGS[@]}" -output "$BENCH_DIR/gzip/$2.bin" >"$log" 2>&1 ||
    die "training failed on $1 (log: $log)"
  local wps cpu
  wps=$(tr '\r' '\n' <"$log" | sed -n 's/^Trained .* s: \([0-9.]*\)\([kM]\) words\/sec.*/\1 \2/p' |
    awk '{print $1 * ($2 == "M" ? 1e6 : 1e3)}')
  cpu=$(awk '{printf "%.1f %s", $2 + $3, $5}' "$BENCH_DIR/gzip/$2.time")
  [ -n "$wps" ] || die "no 'Trained ... words/sec' line in $log"
  echo "$wps $cpu"
}

{
  echo "bench/gzip.sh --rounds $ROUNDS$([ "$CBOW" = 1 ] && echo ' --cbow')$([ "$TOGETHER" = 1 ] && echo ' --together')"
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit: $(git -C "$here" rev-parse --short HEAD)$(git -C "$here" diff --quiet HEAD -- core cli || echo ' (modified)')"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(nproc) cores; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "gzip: $CORPUS ($(stat -c %s "$CORPUS") bytes); plain: $PLAIN ($(stat -c %s "$PLAIN") bytes)"
  echo "flags: ${ARGS[*]}$([ "$TOGETHER" = 1 ] && echo '; --together: both runs at once, each on one CPU, swapped every round')"
  echo
  printf '%-6s %-6s %14s %10s %9s\n' round input words/sec cpu-s wall-s
  RATIOS=()
  CPU_PLAIN=0
  CPU_GZIP=0
  for r in $(seq 1 "$ROUNDS"); do
    if [ $((r % 2)) = 1 ]; then order="plain gzip"; else order="gzip plain"; fi
    if [ "$TOGETHER" = 1 ]; then
      cpu_of_plain=$((r % 2)); cpu_of_gzip=$((1 - r % 2))
      run "$PLAIN" plain "$cpu_of_plain" >"$BENCH_DIR/gzip/plain.result" &
      run "$CORPUS" gzip "$cpu_of_gzip" >"$BENCH_DIR/gzip/gzip.result" &
      wait
    fi
    for input in $order; do
      if [ "$input" = plain ]; then f="$PLAIN"; else f="$CORPUS"; fi
      if [ "$TOGETHER" = 1 ]; then
        read -r wps cpu wall <"$BENCH_DIR/gzip/$input.result"
      else
        read -r wps cpu wall < <(run "$f" "$input")
      fi
      [ -n "${wall:-}" ] || exit 2 # run() said why
      printf '%-6s %-6s %14.0f %10s %9s\n' "$r" "$input" "$wps" "$cpu" "$wall"
      eval "wps_$input=$wps"
      if [ "$input" = plain ]; then
        CPU_PLAIN=$(awk -v a="$CPU_PLAIN" -v b="$cpu" 'BEGIN {print a + b}')
      else
        CPU_GZIP=$(awk -v a="$CPU_GZIP" -v b="$cpu" 'BEGIN {print a + b}')
      fi
    done
    ratio=$(awk -v g="$wps_gzip" -v p="$wps_plain" 'BEGIN {printf "%.3f", g / p}')
    RATIOS+=("$ratio")
    echo "round $r: gzip / plain words/sec = $ratio"
  done
  printf '%s\n' "${RATIOS[@]}" | sort -n | awk '{a[NR] = $1} END {m = NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2;
    printf "median gzip / plain words/sec over %d rounds: %.3f (min %.3f, max %.3f)\n", NR, m, a[1], a[NR]}'
  awk -v g="$CPU_GZIP" -v p="$CPU_PLAIN" 'BEGIN {printf "CPU seconds, all rounds: gzip %.1f, plain %.1f, gzip / plain %.3f\n", g, p, g / p}'
} 2>&1 | tee "$OUT"
echo "written to $OUT" >&2
