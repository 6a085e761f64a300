package w2v.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import w2v.io.VectorWriter.Format;
import w2v.model.WordVectors;

/** Our writer, then our reader: binary bit for bit, text to the 6 significant digits it carries. */
class RoundTripTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 16, 100, 301})
    void binaryIsBitForBit(int dim) throws IOException {
        String[] words = Fixtures.words(60);
        try (WordVectors original = Fixtures.random(words, dim, dim)) {
            Path file = dir.resolve("v.bin");
            VectorWriter.write(original, file, Format.BINARY);
            for (Boolean binary : new Boolean[] {null, true}) {
                try (WordVectors read = VectorReader.read(file, new ReadOptions(binary, false, 0))) {
                    compare(original, read, false);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 16, 100, 301})
    void textKeepsSixSignificantDigits(int dim) throws IOException {
        String[] words = Fixtures.words(60);
        try (WordVectors original = Fixtures.random(words, dim, dim + 1000)) {
            Path file = dir.resolve("v.txt");
            VectorWriter.write(original, file, Format.TEXT);
            for (Boolean binary : new Boolean[] {null, false}) {
                try (WordVectors read = VectorReader.read(file, new ReadOptions(binary, false, 0))) {
                    compare(original, read, true);
                }
            }
        }
    }

    static void compare(WordVectors expected, WordVectors actual, boolean sixDigits) {
        assertEquals(expected.size(), actual.size());
        assertEquals(expected.dim(), actual.dim());
        for (int r = 0; r < expected.size(); r++) {
            assertEquals(expected.word(r), actual.word(r));
            for (int i = 0; i < expected.dim(); i++) {
                float e = expected.table().get(r, i);
                if (sixDigits) {
                    e = Float.parseFloat(FloatFormatTest.reference(e)); // the value rounded to 6 digits
                }
                float a = actual.table().get(r, i);
                if (Float.floatToRawIntBits(e) != Float.floatToRawIntBits(a)) {
                    assertEquals(e, a, "row " + r + " value " + i + " of " + expected.word(r));
                    assertEquals(Float.floatToRawIntBits(e), Float.floatToRawIntBits(a), "sign, row " + r);
                }
            }
            for (int i = actual.dim(); i < actual.table().stride(); i++) {
                assertEquals(0f, actual.table().get(r, i), "padding must stay zero");
            }
        }
    }
}
