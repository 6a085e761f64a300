package w2v.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import w2v.io.VectorWriter.Format;
import w2v.model.EmbeddingTable;
import w2v.model.WordVectors;

class VectorWriterTest {

    @TempDir
    Path dir;

    @Test
    void textLayoutIsHeaderThenOneRowPerWordWithPercentGValues() throws IOException {
        try (WordVectors v = Fixtures.vectors(new String[] {"</s>", "café"},
                new float[][] {{0.5f, -1.5e-7f, 123456.7f}, {0f, -0f, 9.999995f}})) {
            Path out = dir.resolve("v.txt");
            VectorWriter.write(v, out, Format.TEXT);
            assertEquals("2 3\n</s> 0.5 -1.5e-07 123457\ncafé 0 -0 10\n", Files.readString(out));
        }
    }

    @Test
    void binaryLayoutIsWordSpaceLittleEndianFloatsNewline() throws IOException {
        try (WordVectors v = Fixtures.vectors(new String[] {"a", "사과"}, new float[][] {{1f, -2f}, {Float.MIN_VALUE, -0f}})) {
            Path out = dir.resolve("v.bin");
            VectorWriter.write(v, out, Format.BINARY);
            byte[] expected = Fixtures.concat(Fixtures.ascii("2 2\na "), Fixtures.le(1f, -2f), Fixtures.ascii("\n사과 "),
                    Fixtures.le(Float.MIN_VALUE, -0f), Fixtures.ascii("\n"));
            assertArrayEquals(expected, Files.readAllBytes(out));
        }
    }

    @Test
    void byteWordsStringWordsAndStreamsWriteTheSameBytes() throws IOException {
        String[] words = Fixtures.words(300);
        try (WordVectors v = Fixtures.random(words, 17, 5)) {
            byte[][] utf8 = new byte[words.length][];
            for (int i = 0; i < words.length; i++) {
                utf8[i] = words[i].getBytes(StandardCharsets.UTF_8);
            }
            for (Format f : Format.values()) {
                Path a = dir.resolve("a" + f);
                Path b = dir.resolve("b" + f);
                VectorWriter.write(v, a, f);
                VectorWriter.write(utf8, v.table(), b, f);
                ByteArrayOutputStream stream = new ByteArrayOutputStream();
                VectorWriter.write(v, stream, f);
                assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), f.toString());
                assertArrayEquals(Files.readAllBytes(a), stream.toByteArray(), f.toString());
            }
        }
    }

    /** Text formatted on several threads comes out in row order, byte for byte what one thread writes. */
    @Test
    void textFormattedOnSeveralThreadsIsTheSameFile() throws IOException {
        int rows = 3 * VectorEncoder.CHUNK_ROWS + 17; // several chunks and a short last one
        String[] words = Fixtures.words(rows);
        words[VectorEncoder.CHUNK_ROWS + 3] = "x".repeat(OutputBuffer.CAPACITY + 5); // longer than any buffer
        for (int dim : new int[] {13, 6000}) { // rows of ~150 bytes, and rows longer than a chunk's buffer
            try (WordVectors v = Fixtures.random(words, dim, 7)) {
                Path one = dir.resolve("one.txt");
                VectorWriter.write(v, one, Format.TEXT, 1);
                byte[] expected = Files.readAllBytes(one);
                for (int threads : new int[] {2, 3, 8}) {
                    Path many = dir.resolve("many" + threads + ".txt");
                    VectorWriter.write(v, many, Format.TEXT, threads, 0);
                    assertArrayEquals(expected, Files.readAllBytes(many), dim + " dimensions, " + threads + " threads");
                }
            }
        }
    }

    /** The first bad row in file order is reported, as with one thread, though later chunks fail too. */
    @Test
    void severalThreadsReportTheFirstBadRowInFileOrder() throws IOException {
        int rows = 4 * VectorEncoder.CHUNK_ROWS;
        float[][] values = new float[rows][2];
        values[2 * VectorEncoder.CHUNK_ROWS + 5][1] = Float.NaN;
        values[3 * VectorEncoder.CHUNK_ROWS + 1][0] = Float.POSITIVE_INFINITY;
        values[3 * VectorEncoder.CHUNK_ROWS + 2][0] = Float.NaN;
        try (WordVectors v = Fixtures.vectors(Fixtures.words(rows), values)) {
            Path out = dir.resolve("bad.txt");
            Files.writeString(out, "previous\n");
            String one = assertThrows(IllegalArgumentException.class,
                    () -> VectorWriter.write(v, out, Format.TEXT, 1)).getMessage();
            String four = assertThrows(IllegalArgumentException.class,
                    () -> VectorWriter.write(v, out, Format.TEXT, 4, 0)).getMessage();
            assertEquals(one, four);
            assertTrue(one.contains("value 1 of word " + (2 * VectorEncoder.CHUNK_ROWS + 5)), one);
            assertEquals("previous\n", Files.readString(out));
            assertEquals(java.util.List.of(), Fixtures.others(dir, out));
        }
    }

    /** Rows longer than the 1 MiB output buffer, and a word longer than it, still come out whole. */
    @Test
    void rowsLargerThanTheBufferAreWrittenWhole() throws IOException {
        int dim = 300_000;
        byte[] longWord = "x".repeat(OutputBuffer.CAPACITY + 3).getBytes(StandardCharsets.US_ASCII);
        try (Arena arena = Arena.ofConfined()) {
            EmbeddingTable t = EmbeddingTable.allocate(arena, 2, dim);
            for (int i = 0; i < dim; i++) {
                t.set(0, i, i);
                t.set(1, i, -i);
            }
            Path out = dir.resolve("big.bin");
            VectorWriter.write(new byte[][] {longWord, "y".getBytes(StandardCharsets.US_ASCII)}, t, out, Format.BINARY);
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(out)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            int header = ("2 " + dim + "\n").length();
            assertEquals(header + 2 * (4 * dim + 2) + longWord.length + 1, b.capacity());
            assertEquals(dim - 1, b.getFloat(header + longWord.length + 1 + 4 * (dim - 1)), 0f);
            Path text = dir.resolve("big.txt");
            VectorWriter.write(new byte[][] {longWord, "y".getBytes(StandardCharsets.US_ASCII)}, t, text, Format.TEXT);
            String[] lines = Files.readString(text).split("\n");
            assertEquals(3, lines.length);
            assertEquals(dim + 1, lines[2].split(" ").length);
            assertTrue(lines[2].endsWith(" -299999"), lines[2].substring(lines[2].length() - 20));
        }
    }

    @Test
    void emptyVocabularyIsJustTheHeader() throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            EmbeddingTable t = EmbeddingTable.allocate(arena, 0, 5);
            for (Format f : Format.values()) {
                Path out = dir.resolve("empty." + f);
                VectorWriter.write(new byte[0][], t, out, f);
                assertEquals("0 5\n", Files.readString(out));
                try (WordVectors read = VectorReader.read(out, ReadOptions.DEFAULT)) {
                    assertEquals(0, read.size());
                    assertEquals(5, read.dim());
                }
            }
        }
    }

    @Test
    void rejectsWordsTheFormatCannotCarryNamingTheWord() {
        String[][] cases = {
            {"new york", "\"new york\" contains a space"},
            {"a\tb", "\"a\\tb\" contains a tab"},
            {"line\nbreak", "\"line\\nbreak\" contains a newline"},
            {"cr\r", "\"cr\\r\" contains a carriage return"},
            {"", "\"\" is empty"},
            {"bad\uD800", "has no UTF-8 form"},
            {"nul\0", "contains a NUL byte"},
        };
        for (String[] c : cases) {
            try (WordVectors v = Fixtures.vectors(new String[] {"ok", c[0]}, new float[][] {{1}, {2}})) {
                Path out = dir.resolve("w.txt");
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> VectorWriter.write(v, out, Format.TEXT));
                assertTrue(e.getMessage().contains(c[1]), e.getMessage());
                assertTrue(e.getMessage().startsWith("cannot write " + out + ": word 1 "), e.getMessage());
                assertEquals(1, e.getMessage().lines().count());
                assertTrue(Files.notExists(out));
            }
        }
    }

    @Test
    void rejectsWordBytesThatAreNotUtf8() throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            EmbeddingTable t = EmbeddingTable.allocate(arena, 1, 1);
            byte[][] words = {{'c', 'a', 'f', (byte) 0xC3}};
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> VectorWriter.write(words, t, dir.resolve("u.bin"), Format.BINARY));
            assertTrue(e.getMessage().contains("is not valid UTF-8 (byte 0xC3 at index 3)"), e.getMessage());
            assertTrue(e.getMessage().contains("\"caf\uFFFD\""), e.getMessage());
        }
    }

    @Test
    void rejectsNaNAndInfinityNamingWordRowAndIndex() {
        float[][] cases = {{Float.NaN}, {Float.POSITIVE_INFINITY}, {Float.NEGATIVE_INFINITY}};
        String[] names = {"NaN", "+Infinity", "-Infinity"};
        for (int i = 0; i < cases.length; i++) {
            for (Format f : Format.values()) {
                try (WordVectors v = Fixtures.vectors(new String[] {"fine", "broken"},
                        new float[][] {{1, 2}, {3, cases[i][0]}})) {
                    Path out = dir.resolve("nan");
                    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                            () -> VectorWriter.write(v, out, f));
                    assertEquals("cannot write " + out + ": value 1 of word 1 \"broken\" is " + names[i]
                            + ", which the word2vec format cannot carry", e.getMessage());
                }
            }
        }
    }
}
