package w2v.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FloatParserTest {

    private static float parse(String s) {
        byte[] b = ("xx" + s + "yy").getBytes(StandardCharsets.ISO_8859_1); // parse a slice, as the reader does
        return FloatParser.parse(b, 2, 2 + s.length());
    }

    /** Float.parseFloat is correctly rounded since JDK 19; it is the reference. */
    private static void same(String s) {
        float expected = Float.parseFloat(s);
        float actual = parse(s);
        if (Float.floatToRawIntBits(expected) != Float.floatToRawIntBits(actual)) {
            assertEquals(expected, actual, s);
            assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(actual), "sign of " + s);
        }
    }

    @Test
    void formsThatWriterToolsProduce() {
        for (String s : new String[] {"0", "-0", "0.0", "-0.0", "+1", "1", "1.", ".5", "-.5", "0.057181", "-0.054718",
            "1e-05", "1.5e-07", "1E+06", "3.4028235e38", "3.4028236e38", "1.4e-45", "7e-46", "1e-50", "1e39",
            "0.12345678901234567890123", "123456789012345678901234567890", "1234567890123456789", "9007199254740993",
            "0.000000000000000000000000000000000000000000001401298464324817", "00000.000100", "1e0", "1e-0",
            "2.5e-3", "100000000000000000000000000000000000000e-38"}) {
            same(s);
        }
        assertTrue(Float.isInfinite(parse("1e39")));
        assertTrue(Float.isInfinite(parse("-1e400000")));
        assertEquals(0f, parse("1e-400000"));
    }

    @Test
    void randomFloatsInEveryNotation() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (int i = 0; i < 50_000; i++) {
            float v = rnd.nextBoolean() ? Float.intBitsToFloat(rnd.nextInt()) : (float) rnd.nextDouble(-1, 1);
            if (!Float.isFinite(v)) {
                continue;
            }
            same(Float.toString(v));
            same(FloatFormat.toString(v));
            same(String.format(Locale.ROOT, "%.9g", v));
            same(String.format(Locale.ROOT, "%.6f", v));
            same(String.format(Locale.ROOT, "%.17e", (double) v));
        }
    }

    @Test
    void randomDecimalStrings() {
        SplittableRandom rnd = new SplittableRandom(2);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            sb.setLength(0);
            if (rnd.nextBoolean()) {
                sb.append('-');
            }
            int intDigits = rnd.nextInt(0, 12);
            for (int k = 0; k < intDigits; k++) {
                sb.append((char) ('0' + rnd.nextInt(10)));
            }
            int fracDigits = rnd.nextInt(intDigits == 0 ? 1 : 0, 22);
            if (fracDigits > 0 || rnd.nextBoolean()) {
                sb.append('.');
            }
            for (int k = 0; k < fracDigits; k++) {
                sb.append((char) ('0' + rnd.nextInt(10)));
            }
            if (rnd.nextBoolean()) {
                sb.append(rnd.nextBoolean() ? 'e' : 'E').append(rnd.nextInt(-55, 45));
            }
            same(sb.toString());
        }
    }

    /** Exactly halfway between two floats: the double-rounding trap, decided by ties-to-even. */
    @Test
    void exactMidpointsBetweenFloats() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < 20_000; i++) {
            float f = Math.abs(Float.intBitsToFloat(rnd.nextInt()));
            if (!Float.isFinite(f) || f == Float.MAX_VALUE) {
                continue;
            }
            BigDecimal mid = new BigDecimal(f).add(new BigDecimal(Math.nextUp(f))).divide(BigDecimal.TWO);
            same(mid.toString());
            same(mid.toPlainString());
            same(mid.add(new BigDecimal("1e-70")).toString()); // just above: rounds up
        }
        // A mantissa below 2^53 whose double is exactly a float midpoint: 1 + 2^-24.
        same("1.000000059604644775390625");
    }

    @Test
    void rejectsWhatIsNotADecimalNumber() {
        for (String s : new String[] {"", "-", "+", ".", "-.", "e5", "1e", "1e+", "1e-x", "1.2.3", "0x10", "1f", "1d",
            "NaN", "nan", "Infinity", "-inf", "1,5", " 1", "1 ", "--1", "1e5.0", "abc"}) {
            assertTrue(Float.isNaN(parse(s)), () -> "accepted \"" + s + "\"");
        }
    }

    @Test
    void describesWhyAValueIsRejected() {
        assertEquals("NaN", describe("nan"));
        assertEquals("NaN", describe("-NaN"));
        assertEquals("infinite", describe("inf"));
        assertEquals("infinite", describe("-Infinity"));
        assertEquals("out of float range", describe("1e39"));
        assertEquals("not a number", describe("abc"));
    }

    private static String describe(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return FloatParser.describe(b, 0, b.length);
    }
}
