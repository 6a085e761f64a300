#!/usr/bin/env bash
# Word classes (-classes K): ours against word2vec C on the same vectors, for agreement and for time.
#
# word2vec C runs K-means only at the end of a training run, so this trains C once with -threads 1 (which is
# deterministic) writing the vectors, once more with -classes K timing its K-means (from the moment it creates
# the output file to its exit), then runs 'w2v classes' on C's vectors. Prints both times, the share of words
# given C's class number, and for each labelling the mean projection of the words on their class's unit
# centroid (what K-means increases; equal values mean equally good classes).
#
#   bench/classes.sh                      # 500 classes, first 30 MB of the shared corpus, CBOW, 1 epoch
#   bench/classes.sh --classes 100 --mb 100
#
# W2V_BIN: our launcher [bin/w2v of this checkout]; W2V_C_BIN: word2vec C [the npm build that bench/e2e.sh
# installs]. Needs python3 with numpy. Work files go to ${W2V_BENCH_DIR:-/tmp/w2v-bench}/classes.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_DIR="${W2V_BENCH_DIR:-/tmp/w2v-bench}"
CORPUS="$BENCH_DIR/corpus/corpus-clean.txt"
OURS_BIN="${W2V_BIN:-$here/bin/w2v}"
C_BIN="${W2V_C_BIN:-$BENCH_DIR/peers/word2vec-npm/node_modules/word2vec/src/word2vec}"
K=500
MB=30

die() { echo "classes: $*" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --classes) K="${2:?}"; shift 2 ;;
    --mb) MB="${2:?}"; shift 2 ;;
    --corpus) CORPUS="${2:?}"; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) die "unknown option '$1' (bench/classes.sh --help)" ;;
  esac
done
[[ "$K" =~ ^[1-9][0-9]*$ && "$MB" =~ ^[1-9][0-9]*$ ]] || die "--classes and --mb take positive integers"
[ -s "$CORPUS" ] || die "corpus not found or empty: $CORPUS (run bench/e2e.sh once, or pass --corpus)"
[ -x "$C_BIN" ] || die "word2vec C not found at $C_BIN (run bench/e2e.sh once, or set W2V_C_BIN)"
python3 -c 'import numpy' 2>/dev/null || die "python3 with numpy is needed"

DIR="$BENCH_DIR/classes"
mkdir -p "$DIR"
head -c "$((MB * 1000000))" "$CORPUS" > "$DIR/corpus.txt"
settings=(-cbow 1 -size 100 -window 5 -negative 5 -hs 0 -sample 1e-4 -threads 1 -iter 1 -min-count 5)

"$C_BIN" -train "$DIR/corpus.txt" -output "$DIR/c-vectors.bin" -binary 1 "${settings[@]}" > /dev/null
rm -f "$DIR/c-classes.txt"
start=$(date +%s.%N)
"$C_BIN" -train "$DIR/corpus.txt" -output "$DIR/c-classes.txt" -classes "$K" "${settings[@]}" > /dev/null &
c_pid=$!
while [ ! -e "$DIR/c-classes.txt" ] && kill -0 "$c_pid" 2>/dev/null; do sleep 0.02; done
kmeans_start=$(date +%s.%N)
wait "$c_pid"
end=$(date +%s.%N)

ours_start=$(date +%s.%N)
"$OURS_BIN" classes "$DIR/c-vectors.bin" "$K" -o "$DIR/ours-classes.txt" 2>&1 | grep -v '^WARNING: Using incubator'
ours_end=$(date +%s.%N)

python3 - "$DIR" "$K" "$kmeans_start" "$end" "$ours_start" "$ours_end" <<'PY'
import sys
import numpy as np
d, k = sys.argv[1], int(sys.argv[2])
c_s, c_e, o_s, o_e = map(float, sys.argv[3:7])
with open(d + "/c-vectors.bin", "rb") as f:
    n, dim = map(int, f.readline().split())
    v = np.zeros((n, dim))
    for i in range(n):
        while f.read(1) not in (b" ", b""):
            pass
        v[i] = np.frombuffer(f.read(4 * dim), dtype="<f4")
def labels(name):
    with open(d + "/" + name, "rb") as f:
        return np.array([int(line.split()[-1]) for line in f])
def projection(lab):
    total = 0.0
    for c in np.unique(lab):
        rows = v[lab == c]
        s = rows.sum(0)
        total += (rows @ (s / np.linalg.norm(s))).sum()
    return total / n
c, o = labels("c-classes.txt"), labels("ours-classes.txt")
assert len(c) == len(o) == n, (len(c), len(o), n)
print(f"{n:,} words x {dim}, {k} classes")
print(f"word2vec C K-means: {c_e - c_s:.2f} s (its output file's creation to its exit)")
print(f"w2v classes:        {o_e - o_s:.2f} s (whole command: JVM start, reading, K-means, writing)")
print(f"same class number as C: {np.mean(c == o) * 100:.2f}% of words; classes used: C {len(np.unique(c))}, ours {len(np.unique(o))}")
print(f"mean projection on the class centroid: C {projection(c):.6f}, ours {projection(o):.6f}")
PY
