package w2v.vocab;

import java.util.Arrays;
import java.util.function.LongUnaryOperator;
import w2v.text.WordHash;

/**
 * One counting thread's table of words: open addressing over the words' UTF-8 bytes, each slot holding all a
 * token needs, so counting a word costs one slot (and, for a word longer than 8 bytes, its bytes in the pool).
 * The caller brings the word's {@link WordHash}, which {@link w2v.corpus.TokenReader} computes while it finds the
 * word's end. Not thread-safe.
 *
 * <p>The vocabulary pass is one lookup per token in a table of a few hundred thousand words, which does not fit
 * in a core's cache: {@link ByteStringTable}'s slot, then the entry it points to, then the pool, were two or three
 * cache misses for a rare word. Here a slot is 32 bytes: the first 8 bytes of the word (zero-padded), where its
 * other bytes are in the pool and its length, its count and where it was first seen. Load stays at most 3/4,
 * so the table is no larger than the two arrays it replaces.
 */
final class WordCounts {

    /** Longs per slot: first 8 bytes, pool start << 32 | length, count (0: empty slot), first offset. */
    private static final int SLOT = 4;
    private static final int PREFIX = 0, PLACE = 1, COUNT = 2, FIRST_SEEN = 3;

    // Small at first, so that the table grows while the JIT is still profiling the counting loop (growth it has
    // not seen would throw the loop's compiled code away, see TokenReader's buffer).
    private long[] slots = new long[1024 * SLOT];
    private int mask = 1023;
    private int size;
    private byte[] pool = new byte[1 << 12];
    private int poolSize;

    int size() {
        return size;
    }

    /**
     * Adds {@code n} (at least 1) to the count of {@code b[off, off + len)}, whose {@link WordHash} is {@code hash},
     * creating its slot (first seen at {@code offset}) if it is new; keeps the smaller first offset.
     */
    void add(byte[] b, int off, int len, int hash, long n, long offset) {
        long prefix = WordHash.chunk(b, off, len);
        long[] s = slots;
        int m = mask;
        for (int i = hash & m; ; i = (i + 1) & m) {
            int at = i * SLOT;
            long count = s[at + COUNT];
            if (count == 0) {
                insert(at, b, off, len, prefix, n, offset);
                return;
            }
            if (s[at + PREFIX] == prefix && (int) s[at + PLACE] == len
                    && (len <= Long.BYTES || restMatches(s[at + PLACE], b, off, len))) {
                s[at + COUNT] = count + n;
                if (offset < s[at + FIRST_SEEN]) {
                    s[at + FIRST_SEEN] = offset;
                }
                return;
            }
        }
    }

    /** The count of these bytes, 0 if absent. */
    long count(byte[] b, int off, int len) {
        long prefix = WordHash.chunk(b, off, len);
        for (int i = WordHash.of(prefix, b, off, len) & mask; ; i = (i + 1) & mask) {
            int at = i * SLOT;
            if (slots[at + COUNT] == 0) {
                return 0;
            }
            if (slots[at + PREFIX] == prefix && (int) slots[at + PLACE] == len
                    && (len <= Long.BYTES || restMatches(slots[at + PLACE], b, off, len))) {
                return slots[at + COUNT];
            }
        }
    }

    /** Whether the pool's bytes at {@code place} equal {@code b[off, off + len)} after the first 8. */
    private boolean restMatches(long place, byte[] b, int off, int len) {
        int start = (int) (place >>> 32);
        return Arrays.equals(pool, start + Long.BYTES, start + len, b, off + Long.BYTES, off + len);
    }

    private void insert(int at, byte[] b, int off, int len, long prefix, long n, long offset) {
        pool = ByteStringTable.roomFor(pool, poolSize, len);
        System.arraycopy(b, off, pool, poolSize, len);
        slots[at + PREFIX] = prefix;
        slots[at + PLACE] = (long) poolSize << 32 | len;
        slots[at + COUNT] = n;
        slots[at + FIRST_SEEN] = offset;
        poolSize += len;
        if (++size > (mask + 1) / 4 * 3) {
            rebuild(2 * (mask + 1), 0);
        }
    }

    /**
     * Keeps only the words with count > minCount (word2vec C's ReduceVocab); returns how many were removed.
     */
    int removeAtMost(long minCount) {
        int before = size;
        rebuild(mask + 1, minCount);
        return before - size;
    }

    /** Moves the words with count > minCount into a table of {@code capacity} slots and a compacted pool. */
    private void rebuild(int capacity, long minCount) {
        long[] old = slots;
        byte[] oldPool = pool;
        slots = new long[capacity * SLOT];
        mask = capacity - 1;
        pool = new byte[oldPool.length];
        poolSize = 0;
        size = 0;
        for (int at = 0; at < old.length; at += SLOT) {
            long count = old[at + COUNT];
            if (count > minCount) {
                int start = (int) (old[at + PLACE] >>> 32), len = (int) old[at + PLACE];
                int to = free(WordHash.of(old[at + PREFIX], oldPool, start, len));
                System.arraycopy(oldPool, start, pool, poolSize, len);
                slots[to + PREFIX] = old[at + PREFIX];
                slots[to + PLACE] = (long) poolSize << 32 | len;
                slots[to + COUNT] = count;
                slots[to + FIRST_SEEN] = old[at + FIRST_SEEN];
                poolSize += len;
                size++;
            }
        }
    }

    /** The first empty slot from {@code hash}'s on, as an index into {@link #slots}. */
    private int free(int hash) {
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            if (slots[i * SLOT + COUNT] == 0) {
                return i * SLOT;
            }
        }
    }

    /** Adds every word of {@code other} (counts summed, the smaller first offset kept), from its pool in place. */
    void addAll(WordCounts other) {
        long[] s = other.slots;
        for (int at = 0; at < s.length; at += SLOT) {
            if (s[at + COUNT] != 0) {
                int start = (int) (s[at + PLACE] >>> 32), len = (int) s[at + PLACE];
                add(other.pool, start, len, WordHash.of(s[at + PREFIX], other.pool, start, len), s[at + COUNT],
                        s[at + FIRST_SEEN]);
            }
        }
    }

    /** Replaces every first offset by {@code f} of it (an order-preserving map keeps the table's meaning). */
    void mapFirstSeen(LongUnaryOperator f) {
        for (int at = 0; at < slots.length; at += SLOT) {
            if (slots[at + COUNT] != 0) {
                slots[at + FIRST_SEEN] = f.applyAsLong(slots[at + FIRST_SEEN]);
            }
        }
    }

    /** The highest count of a word other than {@code except}. */
    long highestCountExcept(byte[] except) {
        long max = 0;
        for (int at = 0; at < slots.length; at += SLOT) {
            long count = slots[at + COUNT];
            if (count > max && !is(at, except)) {
                max = count;
            }
        }
        return max;
    }

    /**
     * The words with count >= minCount, and {@code always} whatever its count, in a {@link ByteStringTable}
     * (in no particular order: {@link VocabularyBuilder#finish} orders them).
     */
    ByteStringTable toTable(long minCount, byte[] always) {
        ByteStringTable t = new ByteStringTable();
        for (int at = 0; at < slots.length; at += SLOT) {
            long count = slots[at + COUNT];
            if (count != 0 && (count >= minCount || is(at, always))) {
                int start = (int) (slots[at + PLACE] >>> 32), len = (int) slots[at + PLACE];
                t.add(pool, start, len, count, slots[at + FIRST_SEEN]);
            }
        }
        return t;
    }

    private boolean is(int at, byte[] word) {
        int start = (int) (slots[at + PLACE] >>> 32), len = (int) slots[at + PLACE];
        return Arrays.equals(pool, start, start + len, word, 0, word.length);
    }

    /** Bytes this table occupies. */
    long footprintBytes() {
        return pool.length + slots.length * 8L;
    }
}
