#!/usr/bin/env bash
# Is this machine quiet enough to benchmark on? Training is bound by random reads of rows in tables of tens of
# megabytes, so this runs one probe per CPU, all at once, each pinned to its CPU: random read-modify-writes in
# its own table of MB megabytes, reporting the rate every half second. On a quiet machine the rates are flat;
# on a shared host they dip together when neighbours load the memory system, and a training run in such a
# spell is slower for reasons that are not ours. Prints each CPU's rates, then min / median / max.
# Then, with two CPUs or more, how long a cache line written on CPU 0 takes to reach CPU 1 (ping-pong, one way):
# ~30 ns when the two share a last-level cache. On a virtual machine the host may move them apart (~170 ns on
# the Zen 4 of BENCHMARKS.md, for seconds at a time), and every line both workers write then costs that.
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

if [ "$cpus" -lt 2 ]; then
  exit 0
fi
cat > "$DIR/pingpong.c" <<'EOF'
/* One-way latency of a cache line between CPU 0 and CPU 1 for argv[1] seconds, in ns, every 0.5 s. */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static _Alignas(64) atomic_long flag;

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static void pin(int cpu) {
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    pthread_setaffinity_np(pthread_self(), sizeof set, &set);
}

static void *pong(void *unused) { /* answers 2i+1 with 2i+2 until told to stop */
    pin(1);
    for (long i = 0;; i++) {
        long v;
        while ((v = atomic_load_explicit(&flag, memory_order_acquire)) != 2 * i + 1) {
            if (v < 0) {
                return NULL;
            }
        }
        atomic_store_explicit(&flag, 2 * i + 2, memory_order_release);
    }
}

int main(int argc, char **argv) {
    double seconds = atof(argv[1]);
    pin(0);
    pthread_t t;
    pthread_create(&t, NULL, pong, NULL);
    long k = 0, trips = 0;
    double start = now(), last = start;
    while (last - start < seconds) {
        for (int i = 0; i < 10000; i++, k++) {
            atomic_store_explicit(&flag, 2 * k + 1, memory_order_release);
            while (atomic_load_explicit(&flag, memory_order_acquire) != 2 * k + 2) {
            }
        }
        trips += 10000;
        double t1 = now();
        if (t1 - last >= 0.5) {
            printf("%.0f\n", (t1 - last) / trips * 1e9 / 2);
            fflush(stdout);
            trips = 0;
            last = t1;
        }
    }
    atomic_store(&flag, -1);
    pthread_join(t, NULL);
    return 0;
}
EOF
gcc -O2 -pthread -o "$DIR/pingpong" "$DIR/pingpong.c"
"$DIR/pingpong" "$(( SECONDS_TO_RUN < 10 ? SECONDS_TO_RUN : 10 ))" > "$DIR/pingpong.txt"
echo "A cache line from CPU 0 to CPU 1, ns one way, per 0.5 s:"
echo "$(tr '\n' ' ' < "$DIR/pingpong.txt")"
sort -n "$DIR/pingpong.txt" | awk '{ v[NR] = $1; if ($1 > 100) far++ } END {
  printf "min %d  median %d  max %d  (over 100 ns, CPUs apart: %.0f%% of the time)\n",
    v[1], v[int((NR + 1) / 2)], v[NR], 100 * far / NR }'
