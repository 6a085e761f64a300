package w2v.vocab;

import java.util.Arrays;
import w2v.text.WordHash;

/**
 * An open-addressing hash table of byte strings, each with a count and the file offset where it was first
 * seen. The bytes of all entries live in one growing pool, so a million words cost a few arrays instead of a
 * million objects (a Java String costs ~80 bytes; DL4J #2370). Not thread-safe: each counting thread has its own.
 *
 * <p>Counting a corpus is one lookup per token, and a table of a few hundred thousand words does not fit in the
 * core's cache, so the layout is about cache misses: a slot holds the hash beside the entry number (a probe
 * that does not match never leaves the slot array), and an entry keeps its first 8 bytes, length, count and
 * first offset together in 32 bytes (most words are at most 8 bytes: their lookup never reads the pool).
 */
public final class ByteStringTable {

    /** Longs per entry: first 8 bytes (little-endian, zero-padded), start << 32 | length, count, first seen. */
    private static final int ENTRY = 4;
    private static final int PREFIX = 0, PLACE = 1, COUNT = 2, FIRST_SEEN = 3;

    // Small at first so that the pool grows (and the entries: 1024 words) while the JIT is still profiling a
    // counting loop: growth it has not seen would throw the loop's compiled code away (see TokenReader's buffer).
    private byte[] pool = new byte[1 << 12];
    private int poolSize;
    private long[] entries = new long[1024 * ENTRY];
    private int size;
    /** hash << 32 | (entry + 1); 0 is an empty slot. */
    private long[] slots = new long[2048];

    public int size() {
        return size;
    }

    /** Index of the entry for these bytes, or -1. */
    public int find(byte[] b, int off, int len) {
        checkSlots();
        long prefix = prefix(b, off, len);
        int h = hash(prefix, b, off, len);
        int mask = slots.length - 1;
        for (int s = h & mask; ; s = (s + 1) & mask) {
            long slot = slots[s];
            if (slot == 0) {
                return -1;
            }
            int e = (int) slot - 1;
            if ((int) (slot >>> 32) == h && matches(e, prefix, b, off, len)) {
                return e;
            }
        }
    }

    /** Adds {@code n} to the count of these bytes, creating the entry (first seen at {@code offset}) if new. */
    public int add(byte[] b, int off, int len, long n, long offset) {
        long prefix = prefix(b, off, len);
        return add(b, off, len, hash(prefix, b, off, len), n, offset);
    }

    /** As {@link #add(byte[], int, int, long, long)}, with the bytes' {@link WordHash} known. */
    public int add(byte[] b, int off, int len, int h, long n, long offset) {
        checkSlots();
        long prefix = prefix(b, off, len);
        int mask = slots.length - 1;
        int s = h & mask;
        for (; ; s = (s + 1) & mask) {
            long slot = slots[s];
            if (slot == 0) {
                break;
            }
            int e = (int) slot - 1;
            if ((int) (slot >>> 32) == h && matches(e, prefix, b, off, len)) {
                int at = e * ENTRY;
                entries[at + COUNT] += n;
                if (offset < entries[at + FIRST_SEEN]) {
                    entries[at + FIRST_SEEN] = offset;
                }
                return e;
            }
        }
        int e = append(b, off, len, prefix, n, offset);
        slots[s] = (long) h << 32 | (e + 1);
        if (size * 2 > slots.length) {
            rehash(slots.length * 2);
        }
        return e;
    }

    /**
     * Adds every entry of {@code other} (counts summed, the smaller first offset kept), reading its words from
     * its pool in place: merging the threads' tables should not copy each word into an array of its own.
     */
    public void addAll(ByteStringTable other) {
        for (int e = 0; e < other.size; e++) {
            add(other.pool, other.start(e), other.length(e), other.count(e), other.firstSeen(e));
        }
    }

    public long count(int e) {
        return entries[e * ENTRY + COUNT];
    }

    public long firstSeen(int e) {
        return entries[e * ENTRY + FIRST_SEEN];
    }

    /** Replaces every first offset by {@code f} of it (an order-preserving map keeps the table's meaning). */
    void mapFirstSeen(java.util.function.LongUnaryOperator f) {
        for (int e = 0; e < size; e++) {
            entries[e * ENTRY + FIRST_SEEN] = f.applyAsLong(entries[e * ENTRY + FIRST_SEEN]);
        }
    }

    public int length(int e) {
        return (int) entries[e * ENTRY + PLACE];
    }

    public byte[] bytes(int e) {
        int start = start(e);
        return Arrays.copyOfRange(pool, start, start + length(e));
    }

    /** Bytes this table occupies (for the memory summary). */
    public long footprintBytes() {
        return pool.length + entries.length * 8L + (slots == null ? 0 : slots.length * 8L);
    }

    /**
     * Frees the hash slots of a table that another index now looks words up in ({@link WordIndex}): entries stay
     * readable by number, but {@link #find} and {@link #add} no longer work.
     */
    void dropSlots() {
        slots = null;
    }

    private void checkSlots() {
        if (slots == null) {
            throw new IllegalStateException("this table's slots were dropped: look words up in its WordIndex");
        }
    }

    /** Keeps only the entries with count > minCount; returns how many were removed. */
    public int removeAtMost(long minCount) {
        int kept = 0;
        int newPoolSize = 0;
        for (int e = 0; e < size; e++) {
            int at = e * ENTRY;
            if (entries[at + COUNT] > minCount) {
                int len = length(e);
                System.arraycopy(pool, start(e), pool, newPoolSize, len);
                System.arraycopy(entries, at, entries, kept * ENTRY, ENTRY);
                entries[kept * ENTRY + PLACE] = (long) newPoolSize << 32 | len;
                newPoolSize += len;
                kept++;
            }
        }
        int removed = size - kept;
        size = kept;
        poolSize = newPoolSize;
        long[] s = new long[slots.length];
        for (int e = 0; e < size; e++) {
            int h = hash(entries[e * ENTRY + PREFIX], pool, start(e), length(e));
            place(s, (long) h << 32 | (e + 1));
        }
        slots = s;
        return removed;
    }

    private int start(int e) {
        return (int) (entries[e * ENTRY + PLACE] >>> 32);
    }

    /** Whether entry e is these bytes, whose {@link #prefix} is {@code prefix}. */
    boolean matches(int e, long prefix, byte[] b, int off, int len) {
        int at = e * ENTRY;
        if (entries[at + PREFIX] != prefix || (int) entries[at + PLACE] != len) {
            return false;
        }
        if (len <= Long.BYTES) {
            return true;
        }
        int start = start(e);
        return Arrays.equals(pool, start + Long.BYTES, start + len, b, off + Long.BYTES, off + len);
    }

    /** {@code pool}, or a copy twice as large (at least), when {@code used + more} bytes do not fit in it. */
    static byte[] roomFor(byte[] pool, int used, int more) {
        if (used + more <= pool.length) {
            return pool;
        }
        long want = Math.max((long) pool.length * 2, (long) used + more);
        if (want > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("vocabulary exceeds 2 GB of word bytes; use -max-vocab");
        }
        return Arrays.copyOf(pool, (int) want);
    }

    private int append(byte[] b, int off, int len, long prefix, long n, long offset) {
        if ((size + 1) * ENTRY > entries.length) {
            entries = Arrays.copyOf(entries, entries.length * 2);
        }
        pool = roomFor(pool, poolSize, len);
        System.arraycopy(b, off, pool, poolSize, len);
        int e = size++;
        int at = e * ENTRY;
        entries[at + PREFIX] = prefix;
        entries[at + PLACE] = (long) poolSize << 32 | len;
        entries[at + COUNT] = n;
        entries[at + FIRST_SEEN] = offset;
        poolSize += len;
        return e;
    }

    private void rehash(int capacity) {
        long[] s = new long[capacity];
        for (long slot : slots) {
            if (slot != 0) {
                place(s, slot);
            }
        }
        slots = s;
    }

    /** Puts a slot (hash in its upper half) into the first free place of {@code s} from its hash on. */
    private static void place(long[] s, long slot) {
        int mask = s.length - 1;
        int i = (int) (slot >>> 32) & mask;
        while (s[i] != 0) {
            i = (i + 1) & mask;
        }
        s[i] = slot;
    }

    /** The first min(len, 8) bytes as a little-endian long, zero-padded. */
    static long prefix(byte[] b, int off, int len) {
        return WordHash.chunk(b, off, len);
    }

    /** {@link WordHash} of the bytes, whose {@link #prefix} is {@code prefix}. */
    static int hash(long prefix, byte[] b, int off, int len) {
        return WordHash.of(prefix, b, off, len);
    }
}
