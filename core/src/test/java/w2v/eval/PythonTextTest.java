package w2v.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PythonTextTest {

    @Test
    void percentFormatRoundsTheExactBinaryValueHalfEvenLikePython() {
        assertEquals("0.12", PythonText.fixed(0.125, 2));   // exactly half: to even
        assertEquals("0.38", PythonText.fixed(0.375, 2));
        assertEquals("2.67", PythonText.fixed(2.675, 2));   // 2.67499999... in binary
        assertEquals("0.1", PythonText.fixed(0.05, 1));     // 0.05000000000000000277
        assertEquals("50.0%", PythonText.percent(100.0 * (1.0 / 2)));
        assertEquals("-0.0", PythonText.fixed(-0.01, 1));
        assertEquals("nan", PythonText.fixed(Double.NaN, 4));
    }

    @Test
    void splitStripAndFloatLikePython() {
        assertEquals(List.of("a", "b", "c"), PythonText.split("  a\tb\u00a0c \n"));
        assertEquals(List.of("a", "", "b\n"), PythonText.split("a\t\tb\n", "\t"));
        assertEquals("x y", PythonText.strip("\u3000 x y\r\n"));
        assertEquals("capital", PythonText.lstrip(": :capital", ": "));
        assertEquals(6.77, PythonText.parseFloat("6.77\n"));
        assertEquals(1000.0, PythonText.parseFloat(" 1_000 "));
        assertEquals(5.0, PythonText.parseFloat("5."));
        assertEquals(Double.NEGATIVE_INFINITY, PythonText.parseFloat("-Infinity"));
        assertNull(PythonText.parseFloat("lots"));
        assertNull(PythonText.parseFloat("1.5f"));
        assertNull(PythonText.parseFloat("0x10"));
    }

    @Test
    void linesAsPythonIteratesFiles() throws Exception {
        byte[] b = "a\r\nb\rc\n\nd".getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of("a\r\n", "b\rc\n", "\n", "d"), PythonText.binaryLines(b, "f"));
        assertEquals(List.of("a\n", "b\n", "c\n", "\n", "d"), PythonText.textLines(b, "f"));
    }
}
