package w2v.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PyTest {

    @Test
    void percentFormatRoundsTheExactBinaryValueHalfEvenLikePython() {
        assertEquals("0.12", Py.fixed(0.125, 2));   // exactly half: to even
        assertEquals("0.38", Py.fixed(0.375, 2));
        assertEquals("2.67", Py.fixed(2.675, 2));   // 2.67499999... in binary
        assertEquals("0.1", Py.fixed(0.05, 1));     // 0.05000000000000000277
        assertEquals("50.0%", Py.percent(100.0 * (1.0 / 2)));
        assertEquals("-0.0", Py.fixed(-0.01, 1));
        assertEquals("nan", Py.fixed(Double.NaN, 4));
    }

    @Test
    void splitStripAndFloatLikePython() {
        assertEquals(List.of("a", "b", "c"), Py.split("  a\tb\u00a0c \n"));
        assertEquals(List.of("a", "", "b\n"), Py.split("a\t\tb\n", "\t"));
        assertEquals("x y", Py.strip("\u3000 x y\r\n"));
        assertEquals("capital", Py.lstrip(": :capital", ": "));
        assertEquals(6.77, Py.parseFloat("6.77\n"));
        assertEquals(1000.0, Py.parseFloat(" 1_000 "));
        assertEquals(5.0, Py.parseFloat("5."));
        assertEquals(Double.NEGATIVE_INFINITY, Py.parseFloat("-Infinity"));
        assertNull(Py.parseFloat("lots"));
        assertNull(Py.parseFloat("1.5f"));
        assertNull(Py.parseFloat("0x10"));
    }

    @Test
    void linesAsPythonIteratesFiles() throws Exception {
        byte[] b = "a\r\nb\rc\n\nd".getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of("a\r\n", "b\rc\n", "\n", "d"), Py.binaryLines(b, "f"));
        assertEquals(List.of("a\n", "b\n", "c\n", "\n", "d"), Py.textLines(b, "f"));
    }
}
