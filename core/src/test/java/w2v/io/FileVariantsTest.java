package w2v.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static w2v.io.Fixtures.ascii;
import static w2v.io.Fixtures.concat;
import static w2v.io.Fixtures.le;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import w2v.io.VectorWriter.Format;
import w2v.model.WordVectors;

/** What other tools write, and the liberties they take, all read the same. */
class FileVariantsTest {

    @TempDir
    Path dir;

    private WordVectors read(byte[] content, ReadOptions options) throws IOException {
        return VectorReader.read(Files.write(dir.resolve("v"), content), options);
    }

    private static void expect(WordVectors v, String[] words, float[][] values) {
        assertEquals(words.length, v.size());
        for (int r = 0; r < words.length; r++) {
            assertEquals(words[r], v.word(r));
            assertArrayEquals(values[r], v.vector(r), 0f, words[r]);
        }
    }

    private static final String[] AB = {"a", "b"};
    private static final float[][] AB_VALUES = {{1f, 2f}, {3f, -4.5f}};

    @Test
    void textLineEndingsAndSpacing() throws IOException {
        String[] variants = {
            "2 2\na 1 2\nb 3 -4.5\n", // ours and gensim's
            "2 2\na 1.000000 2.000000 \nb 3.000000 -4.500000 \n", // word2vec C: "%lf " then "\n"
            "2 2\r\na 1 2\r\nb 3 -4.5\r\n", // CRLF
            "2 2 \r\na 1 2 \r\nb 3 -4.5 \r\n", // CRLF after a trailing space
            "2 2\na 1 2\nb 3 -4.5", // no newline at the end
            "2\t2\n  a  1\t2\nb 3 -4.5\n\n\n", // tabs, extra blanks, blank lines at the end
            "2 2\na +1 2e0\nb 3. -45E-1\n", // other number spellings
            "\uFEFF2 2\na 1 2\nb 3 -4.5\n", // a byte order mark
        };
        for (String s : variants) {
            for (Boolean binary : new Boolean[] {null, false}) {
                try (WordVectors v = read(ascii(s), new ReadOptions(binary, false, 0))) {
                    expect(v, AB, AB_VALUES);
                }
            }
        }
    }

    @Test
    void binaryWithAndWithoutNewlinesAndWithLeadingSpaces() throws IOException {
        byte[][] variants = {
            concat(ascii("2 2\na "), le(1f, 2f), ascii("\nb "), le(3f, -4.5f), ascii("\n")), // word2vec C, us
            concat(ascii("2 2\na "), le(1f, 2f), ascii("b "), le(3f, -4.5f)), // gensim: no newline
            concat(ascii("2 2\n a "), le(1f, 2f), ascii("  b "), le(3f, -4.5f), ascii(" ")), // leading spaces
            concat(ascii("2 2\r\na "), le(1f, 2f), ascii("\r\nb "), le(3f, -4.5f), ascii("\r\n")), // CRLF
        };
        for (byte[] file : variants) {
            for (Boolean binary : new Boolean[] {null, true}) {
                try (WordVectors v = read(file, new ReadOptions(binary, false, 0))) {
                    expect(v, AB, AB_VALUES);
                }
            }
        }
    }

    @Test
    void headerOnlyFilesHoldNoRows() throws IOException {
        for (String s : new String[] {"0 5\n", "0 5", "0 5\n\n"}) {
            try (WordVectors v = read(ascii(s), ReadOptions.DEFAULT)) {
                assertEquals(0, v.size());
                assertEquals(5, v.dim());
            }
        }
    }

    @Test
    void limitReadsOnlyTheFirstWords() throws IOException {
        // Whatever follows the limit is not looked at: gensim's limit behaves the same.
        byte[] text = ascii("4 2\na 1 2\nb 3 -4.5\nc 5\nd x y\n");
        byte[] binary = concat(ascii("4 2\na "), le(1f, 2f), ascii("\nb "), le(3f, -4.5f), ascii("\nc "), le(5f));
        for (byte[] file : new byte[][] {text, binary}) {
            try (WordVectors v = read(file, new ReadOptions(null, false, 2))) {
                expect(v, AB, AB_VALUES);
                assertEquals(2, v.table().rows());
            }
        }
        try (WordVectors v = read(ascii("2 2\na 1 2\nb 3 -4.5\n"), new ReadOptions(null, false, 10))) {
            expect(v, AB, AB_VALUES);
        }
    }

    @Test
    void invalidUtf8IsReplacedWhenAsked() throws IOException {
        // word2vec C cuts words at 100 bytes, sometimes inside a character: "caf" + the first byte of "é".
        byte[] text = concat(ascii("1 1\ncaf"), new byte[] {(byte) 0xC3}, ascii(" 1\n"));
        byte[] binary = concat(ascii("1 1\ncaf"), new byte[] {(byte) 0xC3}, ascii(" "), le(1f));
        for (byte[] file : new byte[][] {text, binary}) {
            try (WordVectors v = read(file, new ReadOptions(null, true, 0))) {
                assertEquals("caf\uFFFD", v.word(0));
                assertEquals(1f, v.table().get(0, 0));
            }
        }
    }

    @Test
    void headerlessTextLineEndingsAndSpacing() throws IOException {
        String[] variants = {
            "a 1 2\nb 3 -4.5\n", // GloVe
            "a 1 2\r\nb 3 -4.5\r\n", // CRLF
            "a 1 2\nb 3 -4.5", // no newline at the end
            "  a  1\t2 \nb 3 -4.5\n\n \n", // tabs, extra blanks, blank lines at the end
            "\uFEFFa 1 2\nb 3 -4.5\n", // a byte order mark
        };
        for (String s : variants) {
            for (Boolean noHeader : new Boolean[] {null, true}) {
                try (WordVectors v = read(ascii(s), ReadOptions.DEFAULT.withNoHeader(noHeader))) {
                    expect(v, AB, AB_VALUES);
                    assertEquals(2, v.table().rows(), "counted before allocating");
                }
            }
        }
    }

    @Test
    void aFirstLineOfTwoIntegersIsAHeaderUnlessTheCallerSaysThereIsNone() throws IOException {
        byte[] file = ascii("1 2\n3 4\n");
        try (WordVectors v = read(file, ReadOptions.DEFAULT.withNoHeader(true))) {
            expect(v, new String[] {"1", "3"}, new float[][] {{2f}, {4f}});
        }
        try (WordVectors v = read(ascii("1 2\n3 4 5\n"), ReadOptions.DEFAULT)) {
            expect(v, new String[] {"3"}, new float[][] {{4f, 5f}});
        }
        // Three integers, a negative one or a decimal: not a header, so a row.
        for (String s : new String[] {"1 2 3\n4 5 6\n", "-1 2\n4 5\n", "1 2.0\n4 5\n"}) {
            try (WordVectors v = read(ascii(s), ReadOptions.DEFAULT)) {
                assertEquals(2, v.size(), s);
                assertEquals("4", v.word(1), s);
            }
        }
    }

    @Test
    void limitOnAHeaderlessFileCountsOnlyThatFar() throws IOException {
        byte[] file = ascii("a 1 2\nb 3 -4.5\nc 5\nd x y\n"); // the rows past the limit are not read
        try (WordVectors v = read(file, ReadOptions.DEFAULT.withLimit(2))) {
            expect(v, AB, AB_VALUES);
            assertEquals(2, v.table().rows());
        }
        try (WordVectors v = read(ascii("a 1 2\nb 3 -4.5\n"), ReadOptions.DEFAULT.withLimit(10))) {
            expect(v, AB, AB_VALUES);
        }
    }

    @Test
    void gzipIsRecognisedByItsBytesNotItsName() throws IOException {
        byte[] text = ascii("2 2\na 1 2\nb 3 -4.5\n");
        byte[] binary = concat(ascii("2 2\na "), le(1f, 2f), ascii("\nb "), le(3f, -4.5f), ascii("\n"));
        byte[] glove = ascii("a 1 2\nb 3 -4.5\n");
        for (byte[] content : new byte[][] {text, binary, glove}) {
            try (WordVectors v = read(GensimLoadingTest.gzip(content), ReadOptions.DEFAULT)) {
                expect(v, AB, AB_VALUES);
            }
            try (WordVectors v = VectorReader.read(Files.write(dir.resolve("plain.gz"), content), ReadOptions.DEFAULT)) {
                expect(v, AB, AB_VALUES);
            }
        }
        // One member per byte: every boundary falls somewhere different.
        int[] everyByte = java.util.stream.IntStream.range(1, binary.length).toArray();
        try (WordVectors v = read(GensimLoadingTest.gzip(binary, everyByte), ReadOptions.DEFAULT)) {
            expect(v, AB, AB_VALUES);
        }
    }

    @Test
    void unicodeErrorsIgnoreDropsTheInvalidBytes() throws IOException {
        byte[] text = concat(ascii("2 1\ncaf"), new byte[] {(byte) 0xC3}, ascii(" 1\nx"),
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, ascii("y 2\n"));
        try (WordVectors v = read(text, ReadOptions.DEFAULT.withUnicodeErrors(ReadOptions.UnicodeErrors.IGNORE))) {
            assertEquals("caf", v.word(0));
            assertEquals("xy", v.word(1));
        }
        try (WordVectors v = read(text, ReadOptions.DEFAULT.withUnicodeErrors(ReadOptions.UnicodeErrors.REPLACE))) {
            assertEquals("caf\uFFFD", v.word(0));
            assertEquals("x\uFFFD\uFFFD\uFFFDy", v.word(1), "three maximal subparts, as Python replaces them");
        }
    }

    @Test
    void detectsTheFormatOfDimensionOneFiles() throws IOException {
        try (WordVectors v = read(concat(ascii("1 1\na "), le(0.25f), ascii("\n")), ReadOptions.DEFAULT)) {
            assertEquals(0.25f, v.table().get(0, 0));
        }
        try (WordVectors v = read(ascii("2 1\na 0.25\nb 0.75\n"), ReadOptions.DEFAULT)) {
            assertEquals(0.75f, v.table().get(1, 0));
        }
        // Every value exactly 4 characters: a valid binary file as well; text wins, as documented.
        try (WordVectors v = read(ascii("2 1\na 0.12\nb 0.34\n"), ReadOptions.DEFAULT)) {
            assertEquals(0.34f, v.table().get(1, 0));
        }
    }

    @Test
    void malformedTextIsStillReportedAsText() throws IOException {
        // The third row is short: neither reading works, and the file has no control bytes, so it is text.
        Path file = Fixtures.write(dir, "v.txt", "3 3\na 1 2 3\nb 4 5 6\nc 7 8\n");
        VectorFormatException e = org.junit.jupiter.api.Assertions.assertThrows(VectorFormatException.class,
                () -> VectorReader.read(file, ReadOptions.DEFAULT));
        assertEquals(file + ": line 4: expected 3 values after word \"c\", found 2", e.getMessage());
    }

    /** Rows cross the 1 MiB buffer boundary at every possible place in a few MB of both formats. */
    @Test
    void filesLargerThanTheBuffer() throws IOException {
        try (WordVectors original = Fixtures.random(Fixtures.words(6000), 100, 99)) {
            for (Format f : Format.values()) {
                Path file = dir.resolve("big." + f);
                VectorWriter.write(original, file, f);
                assertTrue(Files.size(file) > 2 * InputBuffer.CAPACITY);
                try (WordVectors read = VectorReader.read(file, ReadOptions.DEFAULT)) {
                    RoundTripTest.compare(original, read, f == Format.TEXT);
                }
            }
        }
    }

    /**
     * Files the word2vec C tool (npm word2vec@1.1.5 build) wrote from one training run:
     * {@code word2vec -train corpus.txt -output F -size 7 -window 3 -threads 1 -iter 1 -min-count 1 -cbow 0
     * -negative 2 -binary 0|1} on a corpus of the 18 words below. Text carries "%lf " values, binary has a newline
     * after each vector.
     */
    @Test
    void filesWrittenByWord2vecC() throws IOException {
        byte[] text = resource("word2vec-c-text.txt");
        byte[] binary = resource("word2vec-c-binary.bin");
        String firstRow = new String(text, java.nio.charset.StandardCharsets.UTF_8).lines().skip(1).findFirst().orElseThrow();
        assertTrue(firstRow.startsWith("</s> ") && firstRow.endsWith(" "), firstRow);
        try (WordVectors t = read(text, ReadOptions.DEFAULT); WordVectors b = read(binary, ReadOptions.DEFAULT)) {
            assertEquals(19, t.size());
            assertEquals(7, t.dim());
            assertEquals(19, b.size());
            for (String w : new String[] {"</s>", "café", "naïve", "über", "사과", "한국어", "日本", "中文", "🙂", "𝄞"}) {
                assertTrue(t.indexOf(w) >= 0, w);
                assertEquals(t.indexOf(w), b.indexOf(w), w);
            }
            for (int r = 0; r < 19; r++) {
                assertEquals(t.word(r), b.word(r));
                for (int i = 0; i < 7; i++) {
                    float exact = b.table().get(r, i);
                    // %lf keeps 6 decimals of the same float.
                    assertEquals(String.format(Locale.ROOT, "%.6f", exact), String.format(Locale.ROOT, "%.6f", t.table().get(r, i)));
                    assertEquals(exact, t.table().get(r, i), 5.000001e-7f);
                }
            }
        }
    }

    /** The same layout made by hand, so the exact bytes the C tool writes are spelled out in the test. */
    @Test
    void handMadeWord2vecCLayout() throws IOException {
        float[][] values = {{0.057181f, -0.054718f, 0.5f}, {-0.000012f, 1f, -2f}};
        String[] words = {"</s>", "사과"};
        StringBuilder text = new StringBuilder("2 3\n");
        java.io.ByteArrayOutputStream bin = new java.io.ByteArrayOutputStream();
        bin.writeBytes(ascii("2 3\n"));
        for (int r = 0; r < 2; r++) {
            text.append(words[r]).append(' ');
            bin.writeBytes(ascii(words[r] + " "));
            for (float v : values[r]) {
                text.append(String.format(Locale.ROOT, "%f ", v)); // fprintf(fo, "%lf ", syn0[...])
                bin.writeBytes(le(v)); // fwrite(&syn0[...], sizeof(real), 1, fo)
            }
            text.append('\n'); // fprintf(fo, "\n")
            bin.writeBytes(ascii("\n"));
        }
        assertEquals("2 3\n</s> 0.057181 -0.054718 0.500000 \n사과 -0.000012 1.000000 -2.000000 \n", text.toString());
        try (WordVectors t = read(ascii(text.toString()), ReadOptions.DEFAULT)) {
            expect(t, words, values);
        }
        try (WordVectors b = read(bin.toByteArray(), ReadOptions.DEFAULT)) {
            expect(b, words, values);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = FileVariantsTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
