package w2v.text;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The hash of a word's bytes, built eight bytes at a time in the order they are read, so that a reader that
 * finds a word's end eight bytes at a time has its hash when it has its length ({@code TokenReader}), and the
 * tables that count and look up words ({@code ByteStringTable}, {@code WordIndex}) take it from there instead
 * of reading the bytes again. A word is cut into little-endian chunks of 8 bytes, the last zero-padded:
 * {@code finish(step(...step(first(c0), c1)..., cn), length)}; the length goes in at the end, as "ab" and
 * "ab\0" have the same chunks.
 */
public final class WordHash {

    private static final VarHandle LITTLE_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;

    private WordHash() {
    }

    /** The state after the first chunk. */
    public static long first(long chunk) {
        return chunk * MULTIPLIER;
    }

    /** The state after one more chunk. */
    public static long step(long state, long chunk) {
        return (state ^ state >>> 32 ^ chunk) * MULTIPLIER;
    }

    /** The hash: a final avalanche, so that linear probing sees well-spread low bits. */
    public static int finish(long state, int length) {
        // Multiplied before the avalanche: a length that differs in a low bit only must still move the high bits.
        long h = (state ^ length) * MULTIPLIER;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 32;
        return (int) h;
    }

    /** The hash of {@code b[off, off + len)}. */
    public static int of(byte[] b, int off, int len) {
        return of(chunk(b, off, len), b, off, len);
    }

    /** The hash of {@code b[off, off + len)}, whose first chunk ({@link #chunk}{@code (b, off, len)}) is known. */
    public static int of(long firstChunk, byte[] b, int off, int len) {
        long h = first(firstChunk);
        for (int i = off + Long.BYTES, end = off + len; i < end; i += Long.BYTES) {
            h = step(h, chunk(b, i, end - i));
        }
        return finish(h, len);
    }

    /** The 8 bytes from b[i] as a little-endian long; the caller makes sure they are in the array. */
    public static long longAt(byte[] b, int i) {
        return (long) LITTLE_ENDIAN_LONG.get(b, i);
    }

    /** min(left, 8) bytes from b[i] as a little-endian long, zero-padded; reads no byte outside the array. */
    public static long chunk(byte[] b, int i, int left) {
        if (left >= Long.BYTES) {
            return longAt(b, i);
        }
        if (i + Long.BYTES <= b.length) {
            return longAt(b, i) & ((1L << 8 * left) - 1); // left 0 gives mask 0
        }
        long v = 0;
        for (int k = 0; k < left; k++) { // counting up: C2 trapped (loop_limit_check) on the downward loop
            v |= (long) (b[i + k] & 0xFF) << 8 * k;
        }
        return v;
    }
}
