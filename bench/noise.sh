#!/usr/bin/env bash
# Is this machine quiet enough to benchmark on? Training is bound by random reads of rows in tables of tens of
# megabytes, so this runs one probe per CPU, all at once, each pinned to its CPU: random read-modify-writes in
# its own table of MB megabytes, reporting the rate every half second. On a quiet machine the rates are flat;
# on a shared host they dip together when neighbours load the memory system, and a training run in such a
# spell is slower for reasons that are not ours. Prints each CPU's rates, then min / median / max.
#
# usage: bench/noise.sh [SECONDS] [MB]        (defaults: 15 s, 64 MB per CPU; needs gcc and taskset)
set -euo pipefail

SECONDS_TO_RUN="${1:-15}"
MB="${2:-64}"
if ! [[ "$SECONDS_TO_RUN" =~ ^[1-9][0-9]*$ && "$MB" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: bench/noise.sh [SECONDS] [MB]  (positive integers)" >&2
  exit 2
fi
for tool in gcc taskset; do
  command -v "$tool" > /dev/null || { echo "noise.sh: $tool not found" >&2; exit 1; }
done

DIR="${W2V_BENCH_DIR:-/tmp/w2v-bench}/noise"
mkdir -p "$DIR"
cat > "$DIR/probe.c" <<'EOF'
/* Random read-modify-writes of longs in a table of argv[2] MB; prints millions per second every 0.5 s. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static volatile unsigned long long sink; /* the sums land here, so the compiler must keep the loop */

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    double seconds = atof(argv[1]);
    size_t n = (size_t) atol(argv[2]) * 1024 * 1024 / sizeof(long);
    long *table = calloc(n, sizeof(long));
    if (table == NULL) {
        fprintf(stderr, "probe: cannot allocate %s MB\n", argv[2]);
        return 1;
    }
    for (size_t i = 0; i < n; i++) {
        table[i] = (long) i; /* every page faulted in before the clock starts */
    }
    unsigned long long x = 88172645463325252ULL, sum = 0, batches = 0;
    double start = now(), last = start;
    for (;;) {
        for (int k = 0; k < 100000; k++) {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            size_t i = x % n;
            sum += table[i];
            table[i] = (long) sum;
        }
        batches++;
        double t = now();
        if (t - last >= 0.5) {
            printf("%.1f\n", batches * 0.1 / (t - last));
            fflush(stdout);
            batches = 0;
            last = t;
        }
        if (t - start >= seconds) {
            break;
        }
    }
    sink = sum;
    return 0;
}
EOF
gcc -O2 -o "$DIR/probe" "$DIR/probe.c"

cpus=$(nproc)
pids=()
for ((c = 0; c < cpus; c++)); do
  taskset -c "$c" "$DIR/probe" "$SECONDS_TO_RUN" "$MB" > "$DIR/cpu$c.txt" &
  pids+=($!)
done
for p in "${pids[@]}"; do
  wait "$p"
done

echo "Random read-modify-writes, millions/sec per 0.5 s, ${MB} MB table per CPU, ${cpus} CPUs at once:"
for ((c = 0; c < cpus; c++)); do
  echo "cpu $c: $(tr '\n' ' ' < "$DIR/cpu$c.txt")"
  sort -n "$DIR/cpu$c.txt" | awk -v c="$c" '{ v[NR] = $1 } END {
    printf "cpu %d: min %.1f  median %.1f  max %.1f  (min is %.0f%% below max)\n",
      c, v[1], v[int((NR + 1) / 2)], v[NR], 100 * (1 - v[1] / v[NR]) }'
done
