package w2v.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FloatFormatTest {

    private static final MathContext SIX = new MathContext(6, RoundingMode.HALF_EVEN);

    /**
     * An independent statement of the spec: the exact value rounded half-even to 6 significant digits (what
     * glibc's printf does), trailing zeros stripped, printed plain when -4 <= exponent < 6 as %g does.
     */
    static String reference(float v) {
        String sign = Float.floatToRawIntBits(v) < 0 ? "-" : "";
        if (v == 0) {
            return sign + "0";
        }
        BigDecimal r = new BigDecimal(Math.abs((double) v)).round(SIX);
        int exp = r.precision() - r.scale() - 1;
        BigDecimal stripped = r.stripTrailingZeros();
        if (exp >= -4 && exp < 6) {
            return sign + stripped.toPlainString();
        }
        String digits = stripped.unscaledValue().toString();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }

    @Test
    void edgeCasesAsCPrintfWritesThem() {
        // Expected strings are what printf("%g", (double) v) prints with glibc.
        String[][] cases = {
            {"0", "0"}, {"-0", "-0.0"}, {"1", "1"}, {"-1", "-1"}, {"0.1", "0.1"}, {"0.5", "0.5"},
            {"1e-05", "1e-5"}, {"0.0001", "1e-4"}, {"1.5e-07", "1.5e-7"}, {"-1.5e-07", "-1.5e-7"},
            {"123456", "123456"}, {"1.23457e+06", "1234567"}, {"1e+06", "1e6"}, {"100000", "1e5"},
            {"10", "9.999995"}, {"9.99999", "9.999994"}, {"1e+06", "999999.5"}, {"999998", "999998.5"},
            {"3.40282e+38", "3.4028235e38"}, {"1.4013e-45", "1.4e-45"}, {"1.17549e-38", "1.17549435e-38"},
            {"0.0123457", "0.012345678"}, {"-0.000123457", "-0.00012345678"}, {"12.5", "12.5"},
            {"1e+10", "1e10"}, {"1e-10", "1e-10"}, {"0.001", "0.001"}, {"1e+30", "1e30"},
        };
        for (String[] c : cases) {
            float v = Float.parseFloat(c[1]);
            assertEquals(c[0], FloatFormat.toString(v), c[1]);
            assertEquals(c[0], reference(v), "reference for " + c[1]);
        }
    }

    @Test
    void powersOfTenAndTheirNeighbours() {
        for (int e = -45; e <= 38; e++) {
            float p = Float.parseFloat("1e" + e);
            for (float v : new float[] {p, Math.nextUp(p), Math.nextDown(p), -p}) {
                if (Float.isFinite(v)) {
                    assertEquals(reference(v), FloatFormat.toString(v), () -> "bits " + Integer.toHexString(Float.floatToRawIntBits(v)));
                }
            }
        }
    }

    @Test
    void matchesBigDecimalOverMillionsOfRandomFloats() {
        SplittableRandom rnd = new SplittableRandom(42);
        for (int i = 0; i < 1_000_000; i++) {
            check(Float.intBitsToFloat(rnd.nextInt())); // every exponent, subnormals included
            check((float) rnd.nextDouble(-1, 1)); // the range embeddings live in
        }
        for (int i = 0; i < 20_000; i++) {
            check(Float.intBitsToFloat(rnd.nextInt(0x00800000))); // subnormals
        }
    }

    /** Floats next to 6-digit ties (n.5 at the 7th digit), where the fast path must hand over to BigDecimal. */
    @Test
    void valuesNextToRoundingTies() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < 300_000; i++) {
            long n = rnd.nextLong(100_000, 1_000_000);
            int e = rnd.nextInt(-44, 38);
            float t = new BigDecimal(n * 10 + 5).scaleByPowerOfTen(e - 6).floatValue();
            for (float v : new float[] {t, Math.nextUp(t), Math.nextDown(t)}) {
                check(v);
            }
        }
        // Integers with an exact tie at the 7th digit: half-even decides.
        for (int n = 1_000_005; n < 16_777_216; n += 10_000_010 / 7) {
            check((float) n);
        }
        check(1234565f);
        assertEquals("1.23456e+06", FloatFormat.toString(1234565f)); // exact tie, 6 is even
        assertEquals("1.23458e+06", FloatFormat.toString(1234575f)); // exact tie, 7 is odd
    }

    private static void check(float v) {
        if (!Float.isFinite(v)) {
            return;
        }
        String ours = FloatFormat.toString(v);
        String expected = reference(v);
        if (!expected.equals(ours)) {
            assertEquals(expected, ours, "bits 0x" + Integer.toHexString(Float.floatToRawIntBits(v)) + " = " + v);
        }
    }
}
