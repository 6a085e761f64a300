package w2v.phrases;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * Byte strings and their counts in one open-addressing array. A slot is 32 bytes, half a cache line, and
 * holds the hash and length, the first 16 bytes of the key and the count: most words and bigrams are at most
 * 16 bytes, so a lookup reads one line and nothing else (longer keys keep bytes 8.. in a pool). Not
 * thread-safe.
 *
 * <p>The slots are off the heap: as long[] arrays, the thousand partitions of a large corpus (half a gigabyte)
 * were copied by every young collection until they reached the old generation, a second in all (37 pauses).
 * Each array belongs to an automatic arena, freed once the table drops it.
 */
final class KeyTable {

    private static final int STRIDE = 4;
    private static final int META = 0, HEAD = 1, TAIL = 2, COUNT = 3;
    /** Keys up to this long live in the slot; longer ones keep bytes [8, len) in the pool. */
    private static final int INLINE = 16;
    private static final double MAX_LOAD = 0.7;

    private MemorySegment slots;
    private int mask;
    private int size;
    private int growAt;
    private byte[] pool = new byte[64];
    private int poolSize;

    /** A table for about {@code expected} keys before it first grows. */
    KeyTable(int expected) {
        allocate(capacityFor(expected));
    }

    /**
     * A table for exactly {@code keys} keys, as full as it may get: the smaller a read-only table, the more of
     * it stays in cache.
     */
    static KeyTable sized(int keys) {
        KeyTable t = new KeyTable(0);
        int capacity = 16;
        while (keys > (int) (capacity * MAX_LOAD)) {
            capacity *= 2;
        }
        t.allocate(capacity);
        return t;
    }

    private static int capacityFor(int keys) {
        long want = Math.max(16, (long) keys * 2);
        if (want > 1 << 28) {
            throw new IllegalStateException("more than 2^27 keys in one table");
        }
        return Integer.highestOneBit((int) want - 1) << 1;
    }

    private void allocate(int capacity) {
        slots = Arena.ofAuto().allocate((long) capacity * STRIDE * Long.BYTES, 64); // zeroed, slots line-aligned
        mask = capacity - 1;
        growAt = (int) (capacity * MAX_LOAD);
    }

    private static long get(MemorySegment s, long i) {
        return s.getAtIndex(ValueLayout.JAVA_LONG, i);
    }

    private static void set(MemorySegment s, long i, long v) {
        s.setAtIndex(ValueLayout.JAVA_LONG, i, v);
    }

    int size() {
        return size;
    }

    /** Slots, occupied or not: entries are numbered 0 ..< capacity for {@link #occupied} and friends. */
    int capacity() {
        return mask + 1;
    }

    private static long meta(int hash, int len) {
        return (long) hash << 32 | (len + 1); // never 0: 0 marks an empty slot
    }

    /** The count of the key, 0 if absent. */
    long count(int hash, byte[] b, int off, int len) {
        long m = meta(hash, len);
        long head = Keys.word(b, off, len);
        long tail = len <= INLINE ? Keys.word(b, off + 8, len - 8) : 0;
        MemorySegment s = slots;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            long at = (long) i * STRIDE;
            long sm = get(s, at + META);
            if (sm == 0) {
                return 0;
            }
            if (sm == m && get(s, at + HEAD) == head && tailMatches(get(s, at + TAIL), tail, b, off, len)) {
                return get(s, at + COUNT);
            }
        }
    }

    /**
     * Reads the first slot a key of this hash probes, and returns it so the read cannot be optimised away.
     * Touching the slots of many keys before looking any of them up lets their cache misses overlap.
     */
    long touch(int hash) {
        return get(slots, (long) (hash & mask) * STRIDE);
    }

    /** Adds {@code n} to the key's count, creating it if absent. */
    void add(int hash, byte[] b, int off, int len, long n) {
        long m = meta(hash, len);
        long head = Keys.word(b, off, len);
        long tail = len <= INLINE ? Keys.word(b, off + 8, len - 8) : 0;
        MemorySegment s = slots;
        long at;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            at = (long) i * STRIDE;
            long sm = get(s, at + META);
            if (sm == 0) {
                break;
            }
            if (sm == m && get(s, at + HEAD) == head && tailMatches(get(s, at + TAIL), tail, b, off, len)) {
                set(s, at + COUNT, get(s, at + COUNT) + n);
                return;
            }
        }
        set(s, at + META, m);
        set(s, at + HEAD, head);
        set(s, at + TAIL, len <= INLINE ? tail : appendToPool(b, off + 8, len - 8));
        set(s, at + COUNT, n);
        if (++size > growAt) {
            rebuild(capacityFor(size), 0);
        }
    }

    private boolean tailMatches(long stored, long tail, byte[] b, int off, int len) {
        if (len <= INLINE) {
            return stored == tail;
        }
        int p = (int) stored;
        return Arrays.equals(pool, p, p + len - 8, b, off + 8, off + len);
    }

    private int appendToPool(byte[] b, int off, int len) {
        if (poolSize + len > pool.length) {
            long want = Math.max(2L * pool.length, (long) poolSize + len);
            if (want > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("more than 2 GB of long keys in one table");
            }
            pool = Arrays.copyOf(pool, (int) want);
        }
        System.arraycopy(b, off, pool, poolSize, len);
        int at = poolSize;
        poolSize += len;
        return at;
    }

    boolean occupied(int e) {
        return get(slots, (long) e * STRIDE + META) != 0;
    }

    long count(int e) {
        return get(slots, (long) e * STRIDE + COUNT);
    }

    int hash(int e) {
        return (int) (get(slots, (long) e * STRIDE + META) >>> 32);
    }

    /** Copies entry e's key into {@code dst} (at least {@link Keys#MAX_BIGRAM_BYTES} + 8 long); returns its length. */
    int key(int e, byte[] dst) {
        long at = (long) e * STRIDE;
        int len = (int) get(slots, at + META) - 1;
        Keys.put(dst, 0, get(slots, at + HEAD), Math.min(len, 8));
        if (len <= INLINE) {
            Keys.put(dst, 8, get(slots, at + TAIL), Math.max(0, len - 8));
        } else {
            System.arraycopy(pool, (int) get(slots, at + TAIL), dst, 8, len - 8);
        }
        return len;
    }

    /**
     * Drops every key counted at most {@code atMost} times (word2phrase's ReduceVocab); returns how many.
     */
    int removeAtMost(long atMost) {
        int before = size;
        rebuild(mask + 1, atMost + 1);
        return before - size;
    }

    /** Rehashes into {@code capacity} slots, keeping the entries counted at least {@code minCount} times. */
    private void rebuild(int capacity, long minCount) {
        MemorySegment old = slots;
        byte[] oldPool = pool;
        allocate(capacity);
        if (minCount > 0) {
            pool = new byte[Math.max(64, poolSize)];
            poolSize = 0;
        }
        size = 0;
        for (long at = 0, end = old.byteSize() / Long.BYTES; at < end; at += STRIDE) {
            long m = get(old, at + META);
            if (m == 0 || get(old, at + COUNT) < minCount) {
                continue;
            }
            int len = (int) m - 1;
            int i = (int) (m >>> 32) & mask;
            while (get(slots, (long) i * STRIDE + META) != 0) {
                i = (i + 1) & mask;
            }
            long to = (long) i * STRIDE;
            set(slots, to + META, m);
            set(slots, to + HEAD, get(old, at + HEAD));
            set(slots, to + TAIL, len <= INLINE || minCount == 0
                    ? get(old, at + TAIL) : appendToPool(oldPool, (int) get(old, at + TAIL), len - 8));
            set(slots, to + COUNT, get(old, at + COUNT));
            size++;
        }
    }
}
