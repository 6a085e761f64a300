package w2v.vocab;

import java.util.Arrays;

/**
 * An open-addressing hash table of byte strings, each with a count and the file offset where it was first
 * seen. The bytes of all entries live in one growing pool, so a million words cost a few arrays instead of a
 * million objects (a Java String costs ~80 bytes; DL4J #2370). Not thread-safe: each counting thread has its own.
 */
public final class ByteStringTable {

    private static final int EMPTY = -1;

    private byte[] pool = new byte[1 << 16];
    private int poolSize;
    private int[] start = new int[1024];
    private int[] length = new int[1024];
    private int[] hash = new int[1024];
    private long[] count = new long[1024];
    private long[] firstSeen = new long[1024];
    private int size;
    private int[] slots = newSlots(2048);

    public int size() {
        return size;
    }

    /** Index of the entry for these bytes, or -1. */
    public int find(byte[] b, int off, int len) {
        int h = hash(b, off, len);
        int mask = slots.length - 1;
        for (int s = h & mask; ; s = (s + 1) & mask) {
            int e = slots[s];
            if (e == EMPTY) {
                return -1;
            }
            if (hash[e] == h && equalsAt(e, b, off, len)) {
                return e;
            }
        }
    }

    /** Adds {@code n} to the count of these bytes, creating the entry (first seen at {@code offset}) if new. */
    public int add(byte[] b, int off, int len, long n, long offset) {
        int h = hash(b, off, len);
        int mask = slots.length - 1;
        int s = h & mask;
        for (; ; s = (s + 1) & mask) {
            int e = slots[s];
            if (e == EMPTY) {
                break;
            }
            if (hash[e] == h && equalsAt(e, b, off, len)) {
                count[e] += n;
                if (offset < firstSeen[e]) {
                    firstSeen[e] = offset;
                }
                return e;
            }
        }
        int e = append(b, off, len, h, n, offset);
        slots[s] = e;
        if (size * 2 > slots.length) {
            rehash(slots.length * 2);
        }
        return e;
    }

    public long count(int e) {
        return count[e];
    }

    public long firstSeen(int e) {
        return firstSeen[e];
    }

    public int length(int e) {
        return length[e];
    }

    public byte[] bytes(int e) {
        return Arrays.copyOfRange(pool, start[e], start[e] + length[e]);
    }

    /** Bytes this table occupies (for the memory summary). */
    public long footprintBytes() {
        return pool.length + (long) start.length * (4 + 4 + 4 + 8 + 8) + slots.length * 4L;
    }

    /** Keeps only the entries with count > minCount; returns how many were removed. */
    public int removeAtMost(long minCount) {
        int kept = 0;
        int newPoolSize = 0;
        for (int e = 0; e < size; e++) {
            if (count[e] > minCount) {
                System.arraycopy(pool, start[e], pool, newPoolSize, length[e]);
                start[kept] = newPoolSize;
                length[kept] = length[e];
                hash[kept] = hash[e];
                count[kept] = count[e];
                firstSeen[kept] = firstSeen[e];
                newPoolSize += length[e];
                kept++;
            }
        }
        int removed = size - kept;
        size = kept;
        poolSize = newPoolSize;
        rehash(slots.length);
        return removed;
    }

    private int append(byte[] b, int off, int len, int h, long n, long offset) {
        if (size == start.length) {
            int cap = size * 2;
            start = Arrays.copyOf(start, cap);
            length = Arrays.copyOf(length, cap);
            hash = Arrays.copyOf(hash, cap);
            count = Arrays.copyOf(count, cap);
            firstSeen = Arrays.copyOf(firstSeen, cap);
        }
        if (poolSize + len > pool.length) {
            long want = Math.max((long) pool.length * 2, (long) poolSize + len);
            if (want > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("vocabulary exceeds 2 GB of word bytes; use -max-vocab");
            }
            pool = Arrays.copyOf(pool, (int) want);
        }
        System.arraycopy(b, off, pool, poolSize, len);
        int e = size++;
        start[e] = poolSize;
        length[e] = len;
        hash[e] = h;
        count[e] = n;
        firstSeen[e] = offset;
        poolSize += len;
        return e;
    }

    private void rehash(int capacity) {
        int[] s = newSlots(capacity);
        int mask = capacity - 1;
        for (int e = 0; e < size; e++) {
            int i = hash[e] & mask;
            while (s[i] != EMPTY) {
                i = (i + 1) & mask;
            }
            s[i] = e;
        }
        slots = s;
    }

    private boolean equalsAt(int e, byte[] b, int off, int len) {
        return length[e] == len && Arrays.equals(pool, start[e], start[e] + len, b, off, off + len);
    }

    private static int[] newSlots(int capacity) {
        int[] s = new int[capacity];
        Arrays.fill(s, EMPTY);
        return s;
    }

    /** FNV-1a with a final avalanche, so linear probing sees well-spread low bits. */
    static int hash(byte[] b, int off, int len) {
        int h = 0x811C9DC5;
        for (int i = off, end = off + len; i < end; i++) {
            h = (h ^ b[i]) * 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        return h;
    }
}
