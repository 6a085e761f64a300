#!/usr/bin/env bash
# w2v phrases against word2vec C's word2phrase, as demo-phrases.sh runs it: normalise the text (its sed and tr),
# then two passes, -threshold 200 on the text and -threshold 100 on the result. Compares the outputs byte for
# byte (cmp) and the times (wall, user, system, peak RSS from /usr/bin/time -v), and appends the table to
# bench/results/phrases.md with the date, commit, machine and load.
#
#   bench/phrases.sh                          # the shared raw corpus, 2 rounds
#   bench/phrases.sh FILE[.gz] [ROUNDS]
#
# Environment: W2V_BENCH_DIR work directory [/tmp/w2v-bench]; W2V_WORD2PHRASE the word2phrase binary
# [~/.cache/w2v-peers/node_modules/word2vec/src/word2phrase, which
# `npm install --prefix ~/.cache/w2v-peers word2vec@1.1.5` builds]; W2V_BIN our launcher [bin/w2v].
# Rounds alternate the two tools, for shared machines where one run can be far off; every run is in the table.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="${1:-$here/../shared/data/corpus-raw.txt.gz}"
rounds="${2:-2}"
work="${W2V_BENCH_DIR:-/tmp/w2v-bench}/phrases"
c_bin="${W2V_WORD2PHRASE:-$HOME/.cache/w2v-peers/node_modules/word2vec/src/word2phrase}"
w2v="${W2V_BIN:-$here/bin/w2v}"
results="$here/bench/results/phrases.md"

[ -r "$corpus" ] || { echo "bench/phrases.sh: $corpus: corpus not found (give its path)" >&2; exit 1; }
corpus="$(realpath "$corpus")"
[ -x "$c_bin" ] || { echo "bench/phrases.sh: no word2phrase at $c_bin; build it with" \
  "npm install --prefix ~/.cache/w2v-peers word2vec@1.1.5, or set W2V_WORD2PHRASE" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench/phrases.sh: GNU time is needed (apt-get install time)" >&2; exit 1; }
mkdir -p "$work"

# demo-phrases.sh's normalisation, byte by byte (C locale): curly and prime quotes to ', '' to a space, and every
# byte other than letters, ', _, space and newline to a space.
norm="$work/norm0"
echo "normalising $corpus into $norm" >&2
if [[ "$corpus" == *.gz ]]; then gzip -dc "$corpus"; else cat "$corpus"; fi \
  | LC_ALL=C sed -e "s/’/'/g" -e "s/′/'/g" -e "s/''/ /g" | LC_ALL=C tr -c "A-Za-z'_ \n" " " > "$norm"

"$w2v" --help >/dev/null 2>&1 || true # builds the launcher's jars outside the timed runs

rows=()
# timed TOOL PASS ROUND OUTPUT COMMAND...: one run under /usr/bin/time -v, one table row
timed() {
  local tool="$1" pass="$2" round="$3" out="$4"
  shift 4
  local log="$work/time-$tool-$pass-$round.log" load
  load="$(cut -d' ' -f1 /proc/loadavg)"
  /usr/bin/time -v "$@" > "$work/stdout-$tool-$pass.log" 2> "$log"
  local wall user sys rss
  wall="$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.2f", s}' "$log")"
  user="$(awk -F': ' '/User time/ {print $2}' "$log")"
  sys="$(awk -F': ' '/System time/ {print $2}' "$log")"
  rss="$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$log")"
  rows+=("| $tool | $pass | $round | $wall | $user | $sys | $rss | $load | $(stat -c %s "$out") |")
  echo "$tool pass $pass round $round: $wall s wall, $user s user, $sys s sys, $rss MB (load $load before)" >&2
}

for round in $(seq 1 "$rounds"); do
  timed word2phrase 1 "$round" "$work/c-phrase0" "$c_bin" -train "$norm" -output "$work/c-phrase0" -threshold 200 -debug 2
  timed word2phrase 2 "$round" "$work/c-phrase1" "$c_bin" -train "$work/c-phrase0" -output "$work/c-phrase1" -threshold 100 -debug 2
  timed w2v 1 "$round" "$work/w-phrase0" "$w2v" phrases -train "$norm" -output "$work/w-phrase0" -threshold 200 -debug 1
  timed w2v 2 "$round" "$work/w-phrase1" "$w2v" phrases -train "$work/w-phrase0" -output "$work/w-phrase1" -threshold 100 -debug 1
done

same() { if cmp -s "$1" "$2"; then echo "identical"; else echo "DIFFERENT ($(cmp "$1" "$2" 2>&1 | head -1))"; fi; }
pass1="$(same "$work/c-phrase0" "$work/w-phrase0")"
pass2="$(same "$work/c-phrase1" "$work/w-phrase1")"

commit="$(git -C "$here" rev-parse --short HEAD)$(git -C "$here" diff --quiet HEAD -- core cli || echo '+changes')"
{
  echo
  echo "## $(date -u '+%Y-%m-%d %H:%M UTC'): word2phrase vs w2v phrases, demo-phrases.sh's two passes"
  echo
  echo "- commit: $commit; $("${JAVA_HOME:-/usr}/bin/java" -version 2>&1 | head -1 || true)"
  echo "- machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores," \
    "$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo); load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- corpus: $corpus normalised as demo-phrases.sh does: $(stat -c %s "$norm") bytes, $(wc -l < "$norm") lines"
  echo "- word2phrase: $c_bin (npm word2vec 1.1.5, single-threaded); w2v phrases: -threads $(nproc) (the default)"
  echo "- bytes: pass 1 (-threshold 200) $pass1; pass 2 (-threshold 100) $pass2"
  echo "- load: the 1-minute load average just before each run; above the core count, other work shared the cores"
  echo
  echo "| tool | pass | round | wall s | user s | sys s | peak RSS MB | load | output bytes |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
} >> "$results"
echo "pass 1: $pass1; pass 2: $pass2; appended to $results" >&2
