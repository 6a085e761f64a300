package w2v.io;

import java.nio.charset.StandardCharsets;

/**
 * Parses an ASCII decimal number ({@code [+-]digits[.digits][(e|E)[+-]digits]}, also {@code .5} and
 * {@code 5.}) straight from a byte array to the correctly rounded float, without a String per value.
 *
 * <p>Fast path (Clinger): at most 18 significant digits, a mantissa below 2^53 and a power of ten up to
 * 10^22 are all exact doubles, so one multiplication or division gives the correctly rounded double. Casting
 * that double to float rounds a second time, which is wrong only when the double lies exactly halfway between
 * two floats; that case, and everything outside the fast path, goes to {@link Float#parseFloat} after this
 * class has checked the syntax (parseFloat would also accept hex, "NaN", "Infinity" and a trailing 'f').
 */
final class FloatParser {

    /** Returned for text that is not a decimal number; callers then call {@link #describe} for the message. */
    static final float INVALID = Float.NaN;

    private static final double[] EXACT_POW10 = new double[23];
    private static final long MAX_EXACT_MANTISSA = 1L << 53;

    static {
        double p = 1;
        for (int i = 0; i < EXACT_POW10.length; i++) {
            EXACT_POW10[i] = p;
            p *= 10;
        }
    }

    private FloatParser() {
    }

    /**
     * The float that {@code b[from, to)} denotes; {@link #INVALID} (NaN) when it is not a decimal number;
     * an infinity when the number is beyond the float range. Never returns NaN for valid input.
     */
    static float parse(byte[] b, int from, int to) {
        int i = from;
        if (i == to) {
            return INVALID;
        }
        boolean negative = false;
        if (b[i] == '-' || b[i] == '+') {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int significant = 0; // digits accumulated into mantissa
        int dropped = 0; // non-zero or zero digits after the 18th significant one (19 could overflow a long), before the point
        boolean lostNonZero = false;
        int exponent = 0;
        int digits = 0;
        for (; i < to && isDigit(b[i]); i++, digits++) {
            int dgt = b[i] - '0';
            if (significant < 18) {
                if (mantissa != 0 || dgt != 0) {
                    mantissa = mantissa * 10 + dgt;
                    significant++;
                }
            } else {
                dropped++;
                lostNonZero |= dgt != 0;
            }
        }
        exponent += dropped;
        if (i < to && b[i] == '.') {
            i++;
            for (; i < to && isDigit(b[i]); i++, digits++) {
                int dgt = b[i] - '0';
                if (significant < 18) {
                    if (mantissa != 0 || dgt != 0) {
                        mantissa = mantissa * 10 + dgt;
                        significant++;
                    }
                    exponent--;
                } else {
                    lostNonZero |= dgt != 0;
                }
            }
        }
        if (digits == 0) {
            return INVALID;
        }
        if (i < to && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean expNegative = false;
            if (i < to && (b[i] == '-' || b[i] == '+')) {
                expNegative = b[i] == '-';
                i++;
            }
            if (i == to) {
                return INVALID;
            }
            int e = 0;
            for (; i < to && isDigit(b[i]); i++) {
                if (e < 100_000) {
                    e = e * 10 + (b[i] - '0');
                }
            }
            exponent += expNegative ? -e : e;
        }
        if (i != to) {
            return INVALID;
        }
        if (mantissa == 0) {
            return negative ? -0.0f : 0.0f;
        }
        if (!lostNonZero && mantissa < MAX_EXACT_MANTISSA && exponent >= -22 && exponent <= 22) {
            double d = exponent < 0 ? mantissa / EXACT_POW10[-exponent] : mantissa * EXACT_POW10[exponent];
            float f = (float) d;
            if (!isFloatMidpoint(d, f)) {
                return negative ? -f : f;
            }
        }
        return Float.parseFloat(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
    }

    /** True when d lies exactly halfway between f (d rounded to float) and f's neighbour on d's side. */
    private static boolean isFloatMidpoint(double d, float f) {
        if (d >= 0x1p-126 && d <= Float.MAX_VALUE) {
            // A normal float keeps 24 of the double's 53 significant bits; a midpoint has the 29 bits dropped
            // equal to 1 followed by 28 zeros.
            return (Double.doubleToRawLongBits(d) & 0x1FFF_FFFFL) == 0x1000_0000L;
        }
        double fd = f;
        if (fd == d) {
            return false;
        }
        float other = d > fd ? Math.nextUp(f) : Math.nextDown(f);
        return (fd + (double) other) * 0.5 == d; // both are floats: the sum and the halving are exact
    }

    /**
     * Why {@code b[from, to)} cannot be a vector value, for an error message: "NaN", "infinite", "out of
     * float range" or "not a number".
     */
    static String describe(byte[] b, int from, int to) {
        String s = new String(b, from, to - from, StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
        String unsigned = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
        if (unsigned.equals("nan") || unsigned.startsWith("nan(")) {
            return "NaN";
        }
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return "infinite";
        }
        float v = parse(b, from, to);
        if (Float.isInfinite(v)) {
            return "out of float range";
        }
        return "not a number";
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }
}
