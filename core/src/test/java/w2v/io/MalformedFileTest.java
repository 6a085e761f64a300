package w2v.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static w2v.io.Fixtures.ascii;
import static w2v.io.Fixtures.concat;
import static w2v.io.Fixtures.le;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import w2v.model.WordVectors;

/** Every way a file can be wrong gets a one-line message: file, line or byte offset, expected, found. */
class MalformedFileTest {

    private static final ReadOptions AUTO = ReadOptions.DEFAULT;
    private static final ReadOptions BINARY = new ReadOptions(true, false, 0);
    private static final ReadOptions WITH_HEADER = AUTO.withNoHeader(false);

    @TempDir
    Path dir;

    /** Reads {@code content}, expects failure, returns the message after "path: ". */
    private String error(byte[] content, ReadOptions options) throws IOException {
        Path file = Files.write(dir.resolve("vectors"), content);
        VectorFormatException e = assertThrows(VectorFormatException.class, () -> {
            try (WordVectors v = VectorReader.read(file, options)) {
                v.size();
            }
        });
        String m = e.getMessage();
        assertEquals(1, m.lines().count(), m);
        assertTrue(m.startsWith(file + ": "), m);
        return m.substring(file.toString().length() + 2);
    }

    private String error(String content) throws IOException {
        return error(ascii(content), AUTO);
    }

    // --- header ---

    @Test
    void emptyFile() throws IOException {
        assertEquals("empty file, expected a word2vec header \"<count> <dim>\" or, in a file without header, a row"
                + " \"<word> <value> ... <value>\"", error(""));
        assertEquals("empty file, expected a word2vec header \"<count> <dim>\"", error(ascii(""), WITH_HEADER));
        assertEquals("empty file, expected a row \"<word> <value> ... <value>\" (the file has no header, as asked)",
                error(ascii(""), AUTO.withNoHeader(true)));
    }

    @Test
    void missingHeaderWhenOneIsRequired() throws IOException {
        assertEquals("line 1: expected a word2vec header \"<count> <dim>\", found \"the 0.418 0.24968\"",
                error(ascii("the 0.418 0.24968\nof 0.1 0.2\n"), WITH_HEADER));
        assertEquals("line 1: expected a word2vec header \"<count> <dim>\", found \"the 0.418 0.24968\"",
                error(ascii("the 0.418 0.24968\nof 0.1 0.2\n"), BINARY));
    }

    @Test
    void badHeaders() throws IOException {
        String neither = "line 1: expected a word2vec header \"<count> <dim>\" or, in a file without header, a row"
                + " \"<word> <value> ... <value>\", found ";
        assertEquals(neither + "\"3\"", error("3\na 1\n"));
        assertEquals(neither + "\"2 x\"", error("2 x\n"));
        assertEquals(neither + "\"\"", error("\n2 1\na 1\n"));
        // Not two integers, so the first row of a file without header, whose rows then disagree with it.
        assertEquals("line 2: expected 2 values after word \"a\", found 3 (as many as on line 1: the file has no"
                + " header)", error("2 3 4\na 1 2 3\n"));
        assertEquals("line 1: expected a word2vec header \"<count> <dim>\", found \"2 3 4\"",
                error(ascii("2 3 4\na 1 2 3\n"), WITH_HEADER));
        assertEquals("line 1: expected a word2vec header \"<count> <dim>\", found \"-2 3\"", error(ascii("-2 3\n"),
                WITH_HEADER));
        assertEquals("line 1: the dimension in the header must be between 1 and 16777216, found \"2 0\"",
                error("2 0\na\nb\n"));
        assertTrue(error("99999999999 3\n").startsWith("line 1: the header declares more rows than can be loaded"));
        // A header line that never ends: a binary blob, not a word2vec file.
        assertTrue(error(new byte[10_000], AUTO).startsWith("line 1: expected a word2vec header"));
        assertTrue(error(new byte[3 << 20], AUTO).startsWith("line 1: expected a word2vec header"));
    }

    @Test
    void headerDeclaringFarMoreRowsThanTheFileHoldsFailsBeforeAllocating() throws IOException {
        assertEquals("the header declares 1000000000 rows of 300 values, which take at least 601999999999 bytes in"
                + " text, but only 6 bytes follow the header: the file has fewer rows than declared or a wrong header",
                error("1000000000 300\na 1 2\n"));
    }

    // --- text rows ---

    @Test
    void fewerTextRowsThanDeclared() throws IOException {
        assertEquals("line 4: expected row 3 of the 3 the header declares, found the end of the file",
                error("3 2\nalpha 1 2\nbeta 3 4\n"));
    }

    @Test
    void moreTextRowsThanDeclared() throws IOException {
        assertEquals("line 3: expected the end of the file after the 1 rows the header declares, found \"b 3 4\"",
                error("1 2\na 1 2\nb 3 4\n"));
    }

    @Test
    void textRowWithTooFewValues() throws IOException {
        assertEquals("line 3: expected 3 values after word \"b\", found 2", error("3 3\na 1 2 3\nb 1 2\nc 1 2 3\n"));
        assertEquals("line 2: expected 2 values after word \"word\", found 0", error("1 2\nword\n"));
    }

    @Test
    void textRowWithTooManyValues() throws IOException {
        assertEquals("line 2: expected 2 values after word \"a\", found 4", error("2 2\na 1 2 3 4\nb 1 2\n"));
    }

    @Test
    void nonNumericNaNAndInfiniteValues() throws IOException {
        assertEquals("line 2: value 2 of word \"a\" is not a number: \"x2\"", error("1 2\na 1 x2\n"));
        assertEquals("line 3: value 1 of word \"b\" is NaN: \"nan\"", error("2 2\na 1 2\nb nan 1\n"));
        assertEquals("line 2: value 2 of word \"a\" is NaN: \"NaN\"", error("1 2\na 1 NaN\n"));
        assertEquals("line 2: value 1 of word \"a\" is infinite: \"-inf\"", error("1 2\na -inf 1\n"));
        assertEquals("line 2: value 1 of word \"a\" is infinite: \"Infinity\"", error("1 2\na Infinity 1\n"));
        assertEquals("line 2: value 2 of word \"a\" is out of float range: \"1e39\"", error("1 2\na 1 1e39\n"));
        assertEquals("line 2: value 1 of word \"a\" is not a number: \"0,5\"", error("1 2\na 0,5 1\n"));
    }

    @Test
    void emptyLineAmongRows() throws IOException {
        assertEquals("line 3: expected a word and 1 values, found an empty line", error("2 1\na 1\n\nb 2\n"));
    }

    @Test
    void invalidUtf8InATextWordNamesLineAndByteOffset() throws IOException {
        byte[] file = concat(ascii("2 1\nok 1\ncaf"), new byte[] {(byte) 0xC3}, ascii(" 1\n"));
        assertEquals("line 3, byte offset 12: invalid UTF-8 (byte 0xC3) in word \"caf\uFFFD\"; load with"
                + " UnicodeErrors.REPLACE to accept it (invalid UTF-8 becomes U+FFFD)", error(file, AUTO));
    }

    // --- binary rows ---

    @Test
    void truncatedInsideAVector() throws IOException {
        byte[] file = concat(ascii("1 2\na "), le(1f), new byte[2]);
        assertEquals("row 1, byte offset 6: truncated file: word \"a\" needs 8 bytes of vector (2 float32), the file"
                + " ends 2 bytes short", error(file, BINARY));
    }

    @Test
    void truncatedInsideAWord() throws IOException {
        byte[] file = concat(ascii("2 2\nalpha "), le(1f, 2f), ascii("\nbeta_gamma_delta"));
        assertEquals("row 2, byte offset 35: truncated file: it ends inside word \"beta_gamma_delta\"",
                error(file, BINARY));
    }

    @Test
    void fewerBinaryRowsThanDeclared() throws IOException {
        byte[] file = concat(ascii("3 2\nalpha "), le(1f, 2f), ascii("\nbeta "), le(3f, 4f), ascii("\n"));
        assertEquals("byte offset 33: expected row 3 of the 3 the header declares, found the end of the file",
                error(file, BINARY));
        assertEquals("byte offset 33: expected row 3 of the 3 the header declares, found the end of the file",
                error(file, AUTO));
    }

    @Test
    void moreBinaryRowsThanDeclared() throws IOException {
        byte[] file = concat(ascii("1 2\na "), le(1f, 2f), ascii("\nb "), le(3f, 4f), ascii("\n"));
        String m = error(file, BINARY);
        assertTrue(m.startsWith("byte offset 15: expected the end of the file after the 1 rows the header declares,"
                + " found more: \"b "), m);
    }

    @Test
    void nanAndInfinityInBinary() throws IOException {
        assertEquals("row 1, byte offset 10: value 2 of word \"a\" is NaN",
                error(concat(ascii("1 2\na "), le(1f, Float.NaN), ascii("\n")), BINARY));
        assertEquals("row 2, byte offset 17: value 1 of word \"b\" is infinite",
                error(concat(ascii("2 2\na "), le(1f, 2f), ascii("\nb "), le(Float.NEGATIVE_INFINITY, 1f)), AUTO));
    }

    @Test
    void invalidUtf8InABinaryWordNamesRowAndByteOffset() throws IOException {
        byte[] file = concat(ascii("2 1\nok "), le(1f), ascii("\nx"), new byte[] {(byte) 0xFF}, ascii(" "), le(2f));
        assertEquals("row 2, byte offset 13: invalid UTF-8 (byte 0xFF) in word \"x\uFFFD\"; load with"
                + " UnicodeErrors.REPLACE to accept it (invalid UTF-8 becomes U+FFFD)", error(file, BINARY));
    }

    @Test
    void binaryRowsLongerThanTheHeaderSays() throws IOException {
        // Three floats per row but the header says two: the third float's bytes land where a word should be.
        byte[] file = concat(ascii("2 2\na "), le(1f, 2f, 3f), ascii("\nb "), le(1f, 2f, 3f), ascii("\n"));
        assertEquals("row 2, byte offset 14: expected a word followed by a space, found byte 0x00 after \"\" (is the"
                + " dimension in the header right?)", error(file, BINARY));
    }

    // --- headerless rows ---

    @Test
    void headerlessRowWithAnotherNumberOfValuesNamesTheLine() throws IOException {
        String noHeader = " (as many as on line 1: the file has no header)";
        assertEquals("line 3: expected 2 values after word \"c\", found 1" + noHeader, error("a 1 2\nb 3 4\nc 5\nd 6 7\n"));
        assertEquals("line 2: expected 2 values after word \"b\", found 3" + noHeader, error("a 1 2\nb 3 4 5\n"));
        assertEquals("line 2: expected a word and 2 values, found an empty line", error("a 1 2\n\nb 3 4\n"));
        assertEquals("line 2: value 1 of word \"b\" is not a number: \"x\"", error("a 1 2\nb x 4\n"));
        assertEquals("line 1: value 1 of word \"a\" is not a number: \"x\"", error(ascii("a x\n"), AUTO.withNoHeader(true)));
        assertEquals("line 1: expected a row \"<word> <value> ... <value>\" (the file has no header, as asked), found"
                + " \"a\"", error(ascii("a\nb 1\n"), AUTO.withNoHeader(true)));
    }

    @Test
    void binaryWithoutHeaderIsAProgrammingError() throws IOException {
        Path file = Fixtures.write(dir, "v.txt", "a 1\n");
        assertThrows(IllegalArgumentException.class,
                () -> VectorReader.read(file, AUTO.withBinary(true).withNoHeader(true)));
    }

    // --- other kinds of file ---

    @Test
    void fastTextBinaryModelSaysToLoadTheVecFile() throws IOException {
        byte[] model = concat(new byte[] {(byte) 0xBA, 0x16, 0x4F, 0x2F}, new byte[] {12, 0, 0, 0}, new byte[100]);
        String vec = "a fastText model (.bin), not word vectors: load the .vec file fastText writes beside it";
        assertEquals("this is " + vec, error(model, AUTO));
        assertEquals("this is " + vec, error(model, BINARY));
        assertEquals("the decompressed data is " + vec, error(GensimLoadingTest.gzip(model), AUTO));
    }

    @Test
    void archivesOtherCompressionsAndPicklesAreNamed() throws IOException {
        assertEquals("this is a zip archive: unzip it and load the vector file inside",
                error(concat(ascii("PK"), new byte[] {3, 4, 20, 0}, ascii("glove.6B.50d.txt")), AUTO));
        assertEquals("this is bzip2-compressed, which is not read directly (gzip is): decompress it with bunzip2 first",
                error(concat(ascii("BZh91AY&SY"), new byte[20]), AUTO));
        assertEquals("this is xz-compressed, which is not read directly (gzip is): decompress it with unxz first",
                error(concat(new byte[] {(byte) 0xFD, '7', 'z', 'X', 'Z', 0}, new byte[20]), AUTO));
        assertEquals("this is a Python pickle, such as a gensim .model file, not a word2vec file: in gensim, write the"
                + " vectors with KeyedVectors.save_word2vec_format (model.wv.save_word2vec_format(path)) and load that",
                error(concat(new byte[] {(byte) 0x80, 4, (byte) 0x95}, ascii("gensim.models.word2vec")), AUTO));
        assertEquals("the decompressed data is gzip again: decompress the file once with gunzip and load the result",
                error(GensimLoadingTest.gzip(GensimLoadingTest.gzip(ascii("1 1\na 1\n"))), AUTO));
    }

    // --- gzip ---

    @Test
    void truncatedGzipIsOneLineNamingTheFile() throws IOException {
        byte[] content = ascii("3 2\nalpha 1 2\nbeta 3 4\ngamma 5 6\n");
        byte[] gz = GensimLoadingTest.gzip(content);
        String truncated = "truncated gzip file: the compressed data ends after ";
        String end = " bytes of content, before the end of the gzip stream (an incomplete download or copy?)";
        // In the header, inside the deflate data, inside the 8-byte trailer.
        assertEquals(truncated + 0 + end, error(java.util.Arrays.copyOf(gz, 5), AUTO));
        String m = error(java.util.Arrays.copyOf(gz, gz.length - 12), AUTO);
        assertTrue(m.startsWith(truncated) && m.endsWith(end), m);
        assertEquals(truncated + content.length + end, error(java.util.Arrays.copyOf(gz, gz.length - 3), AUTO));
    }

    @Test
    void corruptGzipIsOneLineNamingTheFile() throws IOException {
        byte[] content = ascii("3 2\nalpha 1 2\nbeta 3 4\ngamma 5 6\n");
        byte[] gz = GensimLoadingTest.gzip(content);
        gz[gz.length - 6] ^= 0x55; // the CRC
        assertEquals("corrupt gzip data after " + content.length + " bytes of content (Corrupt GZIP trailer)",
                error(gz, AUTO));
        gz = GensimLoadingTest.gzip(content);
        gz[12] = (byte) 0xFF; // deflate data: a reserved block type
        assertTrue(error(gz, AUTO).startsWith("corrupt gzip data after 0 bytes of content ("), error(gz, AUTO));
    }

    @Test
    void offsetsInAGzipFileAreInTheDecompressedData() throws IOException {
        byte[] file = concat(ascii("1 2\na "), le(1f), new byte[2]);
        assertEquals("row 1, decompressed byte offset 6: truncated file: word \"a\" needs 8 bytes of vector (2"
                + " float32), the file ends 2 bytes short", error(GensimLoadingTest.gzip(file), BINARY));
        byte[] text = concat(ascii("2 1\nok 1\ncaf"), new byte[] {(byte) 0xC3}, ascii(" 1\n"));
        assertTrue(error(GensimLoadingTest.gzip(text), AUTO).startsWith("line 3, decompressed byte offset 12: invalid"));
    }

    @Test
    void gzipHeaderDeclaringFarMoreRowsThanTheFileCanHoldFailsBeforeAllocating() throws IOException {
        byte[] gz = GensimLoadingTest.gzip(ascii("1000000000 300\na 1 2\n"));
        assertEquals("the header declares 1000000000 rows of 300 values, which take at least 601999999999 bytes in"
                + " text, but the gzip file cannot decompress to more than " + (gz.length * 1032L - 15) + " bytes after"
                + " the header: the file has fewer rows than declared or a wrong header", error(gz, AUTO));
    }

    @Test
    void negativeLimitIsAProgrammingError() throws IOException {
        Path file = Fixtures.write(dir, "v.txt", "1 1\na 1\n");
        assertThrows(IllegalArgumentException.class, () -> VectorReader.read(file, new ReadOptions(null, false, -1)));
    }

    @Test
    void missingFileAndDirectory() throws IOException {
        Path missing = dir.resolve("nope.bin");
        IOException e = assertThrows(IOException.class, () -> VectorReader.read(missing, AUTO));
        assertEquals("cannot read " + missing + ": no such file", e.getMessage());
        e = assertThrows(IOException.class, () -> VectorReader.read(dir, AUTO));
        assertEquals("cannot read " + dir + ": it is a directory", e.getMessage());
    }
}
