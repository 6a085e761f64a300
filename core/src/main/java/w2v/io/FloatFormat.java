package w2v.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.ByteOrder;

/**
 * Formats a float like C's {@code printf("%g")}: 6 significant digits, trailing zeros dropped, plain decimal
 * notation for magnitudes from 1e-4 to below 1e6 and {@code d.ddddde±XX} outside that range. The digits are
 * those of the float's exact binary value rounded half-even to 6 significant digits, as glibc does, so the
 * output is reproducible and the shortest text that denotes that rounded value.
 *
 * <p>Why not {@link Float#toString}: it allocates a String per value (a 100k x 300 model has 30M values) and
 * writes up to 9 digits, which the text format has never carried (word2vec C writes {@code %lf}, 6 decimals).
 *
 * <p>The fast path scales the value by a power of ten in double arithmetic; the scaled value is within about
 * 1e-10 of the exact one, so the rounding decision is right unless the fraction is within 1e-7 of one half.
 * Those rare cases (and none other) take an exact BigDecimal path.
 *
 * <p>Writing a text vector file is mostly this method (8M values for an 82k x 100 model), and embedding values
 * are random in sign, exponent and digit count: every branch on them is mispredicted a good part of the time.
 * So the common cases, magnitudes from 1e-4 to below 1e6, are laid out without branches, as whole words.
 */
final class FloatFormat {

    /** Longest output: "-1.23457e-38" is 12 bytes; subnormals give "-1.4013e-45". */
    static final int MAX_LENGTH = 12;
    /** Bytes {@link #format} may store into: the sign and two 8-byte words. */
    static final int ROOM = 17;

    private static final int DIGITS = 6;
    private static final MathContext SIX = new MathContext(DIGITS, RoundingMode.HALF_EVEN);
    private static final int POW_MIN = -60;
    private static final int POW_MAX = 60;
    /** POW10[i] is the double nearest 10^(i + POW_MIN), as Double.parseDouble gives it. */
    private static final double[] POW10 = new double[POW_MAX - POW_MIN + 1];

    /** Binary exponents of positive floats as doubles: subnormals down to 2^-149, normals up to 2^127. */
    private static final int EXP_MIN = -149;
    private static final int EXP_MAX = 127;
    /** Per binary exponent b: floor(log10(2^b)), and the bits of the next power of ten as a double. */
    private static final int[] FLOOR_LOG10 = new int[EXP_MAX - EXP_MIN + 1];
    private static final long[] NEXT_POW10_BITS = new long[EXP_MAX - EXP_MIN + 1];
    /** "0." followed by 0 to 3 zeros, as little-endian words. */
    private static final long[] ZEROS_PREFIX = new long[4];
    private static final VarHandle LITTLE_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** THREE_DIGITS[n] holds the ASCII digits of n (000 to 999) in its low three bytes, first digit highest. */
    private static final int[] THREE_DIGITS = new int[1000];

    static {
        for (int n = 0; n < 1000; n++) {
            THREE_DIGITS[n] = ('0' + n / 100) << 16 | ('0' + n / 10 % 10) << 8 | ('0' + n % 10);
        }
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = Double.parseDouble("1e" + (i + POW_MIN));
        }
        for (int b = EXP_MIN; b <= EXP_MAX; b++) {
            // 2^b is exact as a BigDecimal; its digit count gives floor(log10) without floating-point doubt.
            BigDecimal p = new BigDecimal(Math.scalb(1.0, b));
            int e = p.precision() - p.scale() - 1;
            FLOOR_LOG10[b - EXP_MIN] = e;
            NEXT_POW10_BITS[b - EXP_MIN] = Double.doubleToRawLongBits(pow10(e + 1));
        }
        for (int z = 0; z < ZEROS_PREFIX.length; z++) {
            long prefix = '0' | '.' << 8;
            for (int k = 0; k < z; k++) {
                prefix |= (long) '0' << 8 * (2 + k);
            }
            ZEROS_PREFIX[z] = prefix;
        }
    }

    private FloatFormat() {
    }

    /**
     * Writes {@code v} into {@code out} at {@code pos} as ASCII and returns the position after it.
     * {@code out} must have {@link #ROOM} bytes free at {@code pos}: the text is at most {@link #MAX_LENGTH}
     * bytes, but the common cases store whole 8-byte words and may leave bytes after the returned position
     * (which the next value or the buffer's end overwrites). The caller rejects NaN and infinities.
     */
    static int format(float v, byte[] out, int pos) {
        // Half of all values are negative, at random: a branch on the sign would be mispredicted half the time.
        int bits = Float.floatToRawIntBits(v);
        out[pos] = '-';
        pos += bits >>> 31;
        if ((bits & 0x7FFFFFFF) == 0) {
            out[pos++] = '0';
            return pos;
        }
        double d = Math.abs((double) v);
        int e10 = decimalExponent(d);
        double scaled = d * pow10(DIGITS - 1 - e10);
        long n = (long) scaled;
        // n outside six digits: d sits on a power of ten that the double arithmetic put on the wrong side.
        if (n < 100_000 || n > 999_999 || Math.abs(scaled - n - 0.5) < 1e-7) {
            return layout(exactDigits(d), exactExponent(d), out, pos);
        }
        n = (long) (scaled + 0.5); // exact: the fraction is not within 1e-7 of one half
        if (n == 1_000_000) {
            n = 100_000;
            e10++;
        }
        int digits = (int) n;
        if (e10 >= -4 && e10 < 0) {
            return fraction(digits, e10, out, pos);
        }
        if (e10 >= 0 && e10 < DIGITS) {
            return fixed(digits, e10, out, pos);
        }
        return layout(digits, e10, out, pos);
    }

    /**
     * floor(log10 d) for a positive d in float range, without a branch: the binary exponent leaves two
     * candidates and one comparison with the power of ten between them picks one (d's bits and the power's
     * compare as longs because both are positive doubles). Values within a rounding error of a power of ten may
     * come out one off; the six-digit check in {@link #format} sends those to the exact path.
     */
    private static int decimalExponent(double d) {
        int i = Math.getExponent(d) - EXP_MIN;
        return FLOOR_LOG10[i] + (int) ((NEXT_POW10_BITS[i] - 1 - Double.doubleToRawLongBits(d)) >>> 63);
    }

    /**
     * 0.000ddddd for -4 <= e10 < 0, stored as two little-endian words: "0." and the leading zeros, then the
     * digits shifted in behind them; the length drops the trailing zeros.
     */
    private static int fraction(int digits, int e10, byte[] out, int pos) {
        long ascii = ascii(digits);
        int zeros = -e10 - 1;
        int shift = 8 * (2 + zeros);
        long text = Long.reverseBytes(ascii) >>> 16; // first digit in the lowest byte
        LITTLE_ENDIAN_LONG.set(out, pos, ZEROS_PREFIX[zeros] | text << shift);
        LITTLE_ENDIAN_LONG.set(out, pos + 8, text >>> (64 - shift));
        return pos + 2 + zeros + significant(ascii);
    }

    /**
     * d.ddddd to dddddd for 0 <= e10 < 6: the digits with a point after the first e10 + 1, in one word; no
     * point when the digits after it are all zeros.
     */
    private static int fixed(int digits, int e10, byte[] out, int pos) {
        long ascii = ascii(digits);
        int point = e10 + 1;
        long text = Long.reverseBytes(ascii) >>> 16;
        long low = (1L << 8 * point) - 1;
        LITTLE_ENDIAN_LONG.set(out, pos, text & low | (long) '.' << 8 * point | (text & ~low) << 8);
        int len = significant(ascii);
        return pos + Math.max(len, point) + ((point - len) >>> 31);
    }

    /** The six digits as ASCII, one per byte, most significant in the high byte of the low 48 bits. */
    private static long ascii(int digits) {
        return (long) THREE_DIGITS[digits / 1000] << 24 | THREE_DIGITS[digits % 1000];
    }

    /** How many of the six digits remain once trailing zeros are dropped (1 to 6; the first is never 0). */
    private static int significant(long ascii) {
        // Each byte minus '0' is a digit; the zero bytes at the bottom are the trailing zeros to drop.
        return DIGITS - Long.numberOfTrailingZeros(ascii - 0x30_30_30_30_30_30L) / 8;
    }

    /** Formats into a new String; for messages and tests, not for bulk output. */
    static String toString(float v) {
        byte[] b = new byte[ROOM];
        int n = format(v, b, 0);
        return new String(b, 0, n, java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static double pow10(int k) {
        return POW10[k - POW_MIN];
    }

    private static BigDecimal exactRounded(double d) {
        return new BigDecimal(d).round(SIX);
    }

    /** The 6 significant digits of d rounded exactly, as an int in [100000, 999999]. */
    private static int exactDigits(double d) {
        BigDecimal r = exactRounded(d);
        return r.unscaledValue().intValueExact() * (int) Math.pow(10, DIGITS - r.precision());
    }

    private static int exactExponent(double d) {
        BigDecimal r = exactRounded(d);
        return r.precision() - r.scale() - 1;
    }

    /**
     * Writes digits (6 of them, the first non-zero) times 10^(e10 - 5) in %g layout: fixed notation when
     * -4 <= e10 < 6, else exponent notation; trailing zeros and a bare decimal point dropped.
     */
    private static int layout(int digits, int e10, byte[] out, int pos) {
        long ascii = ascii(digits);
        int len = significant(ascii);
        if (e10 < -4 || e10 >= DIGITS) {
            out[pos++] = digit(ascii, 0);
            if (len > 1) {
                out[pos++] = '.';
                pos = putDigits(ascii, 1, len, out, pos);
            }
            out[pos++] = 'e';
            out[pos++] = (byte) (e10 < 0 ? '-' : '+');
            int a = Math.abs(e10);
            out[pos++] = (byte) ('0' + a / 10);
            out[pos++] = (byte) ('0' + a % 10);
            return pos;
        }
        if (e10 < 0) {
            out[pos++] = '0';
            out[pos++] = '.';
            for (int i = -1; i > e10; i--) {
                out[pos++] = '0';
            }
            return putDigits(ascii, 0, len, out, pos);
        }
        // e10 + 1 integer digits, zero-padded when the digits run out, then the rest as the fraction.
        int intDigits = Math.min(len, e10 + 1);
        pos = putDigits(ascii, 0, intDigits, out, pos);
        for (int i = intDigits; i <= e10; i++) {
            out[pos++] = '0';
        }
        if (len > e10 + 1) {
            out[pos++] = '.';
            pos = putDigits(ascii, e10 + 1, len, out, pos);
        }
        return pos;
    }

    /** Digit i (0 = most significant) of the 6 packed in {@code ascii}. */
    private static byte digit(long ascii, int i) {
        return (byte) (ascii >>> (8 * (DIGITS - 1 - i)));
    }

    private static int putDigits(long ascii, int from, int to, byte[] out, int pos) {
        for (int i = from; i < to; i++) {
            out[pos++] = digit(ascii, i);
        }
        return pos;
    }
}
