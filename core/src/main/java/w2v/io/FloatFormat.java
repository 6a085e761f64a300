package w2v.io;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

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
 */
final class FloatFormat {

    /** Longest output: "-1.23457e-38" is 12 bytes; subnormals give "-1.4013e-45". */
    static final int MAX_LENGTH = 12;

    private static final int DIGITS = 6;
    private static final MathContext SIX = new MathContext(DIGITS, RoundingMode.HALF_EVEN);
    private static final int POW_MIN = -60;
    private static final int POW_MAX = 60;
    /** POW10[i] is the double nearest 10^(i + POW_MIN), as Double.parseDouble gives it. */
    private static final double[] POW10 = new double[POW_MAX - POW_MIN + 1];

    /** THREE_DIGITS[n] holds the ASCII digits of n (000 to 999) in its low three bytes, first digit highest. */
    private static final int[] THREE_DIGITS = new int[1000];

    static {
        for (int n = 0; n < 1000; n++) {
            THREE_DIGITS[n] = ('0' + n / 100) << 16 | ('0' + n / 10 % 10) << 8 | ('0' + n % 10);
        }
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = Double.parseDouble("1e" + (i + POW_MIN));
        }
    }

    private FloatFormat() {
    }

    /**
     * Writes {@code v} into {@code out} at {@code pos} as ASCII and returns the position after it.
     * {@code out} must have {@link #MAX_LENGTH} bytes free. The caller rejects NaN and infinities.
     */
    static int format(float v, byte[] out, int pos) {
        if (Float.floatToRawIntBits(v) < 0) {
            out[pos++] = '-';
        }
        if (v == 0) {
            out[pos++] = '0';
            return pos;
        }
        double d = Math.abs((double) v);
        // floor(log10 d) from the binary exponent (78913 / 2^18 ~ log10 2): off by at most one, which the range
        // check on the scaled value corrects.
        int e10 = (Math.getExponent(d) * 78913) >> 18;
        double scaled = d * pow10(DIGITS - 1 - e10);
        if (scaled >= 1e6) {
            e10++;
            scaled = d * pow10(DIGITS - 1 - e10);
        } else if (scaled < 1e5) {
            e10--;
            scaled = d * pow10(DIGITS - 1 - e10);
        }
        long n = (long) scaled;
        double frac = scaled - n;
        if (Math.abs(frac - 0.5) < 1e-7 || n < 99_999 || n > 999_999) {
            return layout(exactDigits(d), exactExponent(d), out, pos);
        }
        if (frac > 0.5) {
            n++;
        }
        if (n < 100_000) {
            n = 100_000; // 99999.99.. rounded up: same digits, same exponent
        }
        if (n == 1_000_000) {
            n = 100_000;
            e10++;
        }
        return layout((int) n, e10, out, pos);
    }

    /** Formats into a new String; for messages and tests, not for bulk output. */
    static String toString(float v) {
        byte[] b = new byte[MAX_LENGTH];
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
        // The six digits as ASCII, one per byte, most significant in the high byte: one division and two table
        // lookups instead of a chain of six divisions.
        long ascii = (long) THREE_DIGITS[digits / 1000] << 24 | THREE_DIGITS[digits % 1000];
        // Each byte minus '0' is a digit; the zero bytes at the bottom are the trailing zeros to drop.
        int len = DIGITS - Long.numberOfTrailingZeros(ascii - 0x30_30_30_30_30_30L) / 8;
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
