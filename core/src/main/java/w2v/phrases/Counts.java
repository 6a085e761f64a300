package w2v.phrases;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The counts of all words and bigrams, shared by the counting threads: one {@link KeyTable} per partition of
 * the hash space, each behind its own lock. A thread does not insert key by key: it appends each key to a
 * small buffer per partition ({@link Batch}) and adds a full buffer to its partition at once. A table of
 * millions of bigrams is far bigger than the caches, and inserting in corpus order missed them on almost
 * every bigram; a partition holds a few thousand keys, and stays in cache while a buffer of them is added.
 *
 * <p>Memory is bounded as in word2phrase: when more than {@code maxKeys} keys are held, every key counted at
 * most once is dropped, the next time at most twice, and so on (ReduceVocab).
 */
final class Counts {

    /** A partition should stay in the core's caches: about this many keys (~32 bytes each, at most 70% full). */
    private static final int KEYS_PER_PARTITION = 8 << 10;
    /**
     * A thread's buffers, all partitions together; a record is 5 bytes plus the key. Buffers of 8 KB per
     * partition (1024 partitions for 120 MB of text) counted as fast as 32 KB within the noise of a shared host.
     */
    private static final int BATCH_BUDGET = 8 << 20;
    private static final int MIN_BATCH = 1 << 10, MAX_BATCH = 16 << 10;

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final KeyTable[] parts;
    private final int shift;
    private final int batchBytes;
    private final long maxKeys;
    private final AtomicLong keys = new AtomicLong();
    private final Object reduceLock = new Object();
    private long minReduce = 1;
    private volatile long pruned;

    /**
     * @param expectedKeys a guess of the distinct keys, to size the partitions
     * @param maxKeys the most keys held before the rarest are pruned
     */
    Counts(long expectedKeys, long maxKeys) {
        long want = Math.max(1, Math.min(expectedKeys, maxKeys) / KEYS_PER_PARTITION);
        int bits = Math.clamp(64 - Long.numberOfLeadingZeros(want - 1), 1, 12);
        this.parts = new KeyTable[1 << bits];
        this.shift = 64 - bits;
        this.maxKeys = maxKeys;
        this.batchBytes = Math.clamp(BATCH_BUDGET / parts.length, MIN_BATCH, MAX_BATCH);
        // Sized for the guess at once: growing a table rehashes all its keys, once per doubling.
        int perPartition = (int) Math.min(KEYS_PER_PARTITION * 4L, Math.min(expectedKeys, maxKeys) / parts.length + 1);
        for (int p = 0; p < parts.length; p++) {
            parts[p] = new KeyTable(perPartition);
        }
    }

    int partition(long hash) {
        return (int) (hash >>> shift);
    }

    int partitions() {
        return parts.length;
    }

    KeyTable part(int p) {
        return parts[p];
    }

    /** Lets partition p go once its entries are copied elsewhere. */
    void release(int p) {
        parts[p] = null;
    }

    long keys() {
        return keys.get();
    }

    /** Keys dropped by the memory bound. */
    long pruned() {
        return pruned;
    }

    /** Adds one occurrence directly (for the few bigrams that straddle two chunks). */
    void addNow(byte[] b, int off, int len) {
        long h = Keys.hash(b, off, len);
        KeyTable t = parts[partition(h)];
        synchronized (t) {
            int before = t.size();
            t.add((int) h, b, off, len, 1);
            keys.addAndGet(t.size() - before);
        }
        reduceIfFull();
    }

    private void reduceIfFull() {
        if (keys.get() <= maxKeys) {
            return;
        }
        synchronized (reduceLock) {
            while (keys.get() > maxKeys) {
                long removed = 0;
                for (KeyTable t : parts) {
                    synchronized (t) {
                        removed += t.removeAtMost(minReduce);
                    }
                }
                keys.addAndGet(-removed);
                pruned += removed;
                minReduce++;
            }
        }
    }

    /** One thread's buffers. */
    Batch batch() {
        return new Batch();
    }

    final class Batch {
        private final byte[][] buffers = new byte[parts.length][batchBytes];
        private final int[] fill = new int[parts.length];
        /** Where the touched slots go (see {@link KeyTable#touch}). */
        long sink;

        /** Counts one occurrence of b[off, off + len) (len <= 255). */
        void add(byte[] b, int off, int len) {
            long h = Keys.hash(b, off, len);
            int p = partition(h);
            int at = fill[p];
            if (at + 5 + len > batchBytes) {
                flush(p);
                at = 0;
            }
            byte[] buf = buffers[p];
            buf[at] = (byte) len;
            INT.set(buf, at + 1, (int) h);
            System.arraycopy(b, off, buf, at + 5, len);
            fill[p] = at + 5 + len;
        }

        private void flush(int p) {
            byte[] buf = buffers[p];
            int end = fill[p];
            KeyTable t = parts[p];
            synchronized (t) {
                int before = t.size();
                long touched = 0; // all the buffer's slots first, so that their cache misses overlap
                for (int at = 0; at < end; at += 5 + (buf[at] & 0xFF)) {
                    touched += t.touch(hashAt(buf, at));
                }
                sink += touched;
                for (int at = 0; at < end; at += 5 + (buf[at] & 0xFF)) {
                    t.add(hashAt(buf, at), buf, at + 5, buf[at] & 0xFF, 1);
                }
                keys.addAndGet(t.size() - before);
            }
            fill[p] = 0;
            reduceIfFull();
        }

        private static int hashAt(byte[] buf, int at) {
            return (int) INT.get(buf, at + 1);
        }

        /** Adds whatever is still buffered. */
        void flushAll() {
            for (int p = 0; p < buffers.length; p++) {
                if (fill[p] > 0) {
                    flush(p);
                }
            }
        }
    }
}
