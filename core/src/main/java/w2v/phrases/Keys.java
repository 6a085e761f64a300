package w2v.phrases;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Hashing and 8-byte loads of the byte strings counted: words and {@code a_b} bigrams. */
final class Keys {

    private static final VarHandle LITTLE_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** word2phrase cuts {@code a_b} to MAX_STRING - 1 = 179 bytes (bigram_word[MAX_STRING - 1] = 0). */
    static final int MAX_BIGRAM_BYTES = 179;

    private Keys() {
    }

    /**
     * 64 well-mixed bits: the top ones choose a partition, the low 32 a slot. Eight bytes per multiply; the
     * length goes in so that zero-padded loads of different lengths differ.
     */
    static long hash(byte[] b, int off, int len) {
        long h = (word(b, off, len) ^ len) * 0x9E3779B97F4A7C15L;
        for (int i = off + Long.BYTES, end = off + len; i < end; i += Long.BYTES) {
            h = (h ^ h >>> 32 ^ word(b, i, end - i)) * 0x9E3779B97F4A7C15L;
        }
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return h ^ h >>> 32;
    }

    /** min(left, 8) bytes from b[i] as a little-endian long, zero-padded (0 for left <= 0); reads nothing outside b. */
    static long word(byte[] b, int i, int left) {
        if (left >= Long.BYTES) {
            return (long) LITTLE_ENDIAN_LONG.get(b, i);
        }
        if (left <= 0) {
            return 0;
        }
        if (i + Long.BYTES <= b.length) {
            return (long) LITTLE_ENDIAN_LONG.get(b, i) & ((1L << 8 * left) - 1);
        }
        long v = 0;
        for (int k = 0; k < left; k++) {
            v |= (long) (b[i + k] & 0xFF) << 8 * k;
        }
        return v;
    }

    /** Stores the low {@code n} bytes of {@code v} (little-endian) at b[i]. */
    static void put(byte[] b, int i, long v, int n) {
        for (int k = 0; k < n; k++) {
            b[i + k] = (byte) (v >>> 8 * k);
        }
    }
}
