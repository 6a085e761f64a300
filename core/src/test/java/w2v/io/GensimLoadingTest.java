package w2v.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import w2v.io.GensimCompatibilityTest.Dump;
import w2v.io.ReadOptions.UnicodeErrors;
import w2v.io.VectorWriter.Format;
import w2v.model.WordVectors;
import w2v.testing.Python;

/**
 * The files gensim users load, read by us with detection and by gensim's {@code load_word2vec_format} told
 * what they are: headerless GloVe text, gzip (several members too), a limit, invalid UTF-8 under each
 * {@code unicode_errors}. Words must match in order, values bit for bit in binary and within 1e-6 in text
 * (gensim parses text through a double, which can round a second time).
 */
class GensimLoadingTest {

    /** argv: sextuples (file, binary 0/1, no_header 0/1, unicode_errors, limit (0 = none), dump file). */
    private static final String LOAD = """
            import sys
            from gensim.models import KeyedVectors
            args = sys.argv[1:]
            for i in range(0, len(args), 6):
                path, binary, no_header, errors, limit, dump = args[i:i + 6]
                try:
                    kv = KeyedVectors.load_word2vec_format(path, binary=binary == '1', no_header=no_header == '1',
                                                           unicode_errors=errors, limit=int(limit) or None)
                except Exception as e:
                    with open(dump, 'w', encoding='utf-8') as f:
                        f.write('error ' + type(e).__name__ + '\\n')
                    continue
                with open(dump, 'w', encoding='utf-8', newline='\\n') as f:
                    f.write(f"{len(kv.index_to_key)} {kv.vector_size}\\n")
                    for w in kv.index_to_key:
                        f.write(w + "\\t" + kv[w].astype('<f4').tobytes().hex() + "\\n")
            """;

    @TempDir
    Path dir;

    private final List<Case> cases = new ArrayList<>();

    /** One file, how gensim is told to read it, and how we read it. */
    private record Case(Path file, boolean binary, boolean noHeader, UnicodeErrors errors, int limit,
                        ReadOptions ours) {
        Path dump() {
            return Path.of(file + "." + noHeader + "." + errors + "." + limit + ".dump");
        }

        String what() {
            return file.getFileName() + " with " + ours;
        }
    }

    @BeforeAll
    static void gensimIsInstalled() {
        Python.requireGensim();
    }

    private void gensim(Path file, boolean binary, boolean noHeader, UnicodeErrors errors, int limit,
                        ReadOptions ours) {
        cases.add(new Case(file, binary, noHeader, errors, limit, ours));
    }

    /** Runs gensim on every case, then reads each ourselves and compares. */
    private void compareAll() throws IOException {
        List<String> args = new ArrayList<>();
        for (Case c : cases) {
            args.addAll(List.of(c.file().toString(), c.binary() ? "1" : "0", c.noHeader() ? "1" : "0",
                    c.errors().name().toLowerCase(Locale.ROOT), String.valueOf(c.limit()), c.dump().toString()));
        }
        Python.run(LOAD, args.toArray(String[]::new));
        for (Case c : cases) {
            String theirs = Files.readString(c.dump(), StandardCharsets.UTF_8);
            if (theirs.startsWith("error ")) {
                fail(c.what() + ": gensim failed: " + theirs.strip());
            }
            try (WordVectors ours = VectorReader.read(c.file(), c.ours())) {
                assertSame(ours, GensimCompatibilityTest.dump(c.dump()), !c.binary(), c.what());
            }
        }
    }

    private static void assertSame(WordVectors ours, Dump theirs, boolean text, String what) {
        assertEquals(theirs.words(), List.of(wordsOf(ours)), what + ": words");
        assertEquals(theirs.dim(), ours.dim(), what + ": dim");
        for (int r = 0; r < ours.size(); r++) {
            float[] t = theirs.vectors().get(r);
            for (int i = 0; i < ours.dim(); i++) {
                float o = ours.table().get(r, i);
                boolean same = text ? Math.abs(o - t[i]) <= 1e-6 * Math.max(1, Math.abs(t[i]))
                        : Float.floatToRawIntBits(o) == Float.floatToRawIntBits(t[i]);
                if (!same) {
                    fail(what + ": word " + ours.word(r) + " value " + i + ": ours " + o + ", gensim " + t[i]);
                }
            }
        }
    }

    private static String[] wordsOf(WordVectors v) {
        String[] w = new String[v.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = v.word(i);
        }
        return w;
    }

    /** GloVe's layout: "word v1 ... vd", no header, five decimals; more than one 1 MiB buffer of it. */
    private static byte[] glove(String[] words, int dim, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            sb.append(w);
            for (int i = 0; i < dim; i++) {
                sb.append(' ').append(String.format(Locale.ROOT, "%.5f", rnd.nextDouble(-2, 2)));
            }
            sb.append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The bytes compressed as consecutive gzip members, split at the given offsets (what pigz and cat make). */
    static byte[] gzip(byte[] content, int... splits) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int from = 0;
        for (int k = 0; k <= splits.length; k++) {
            int to = k < splits.length ? splits[k] : content.length;
            ByteArrayOutputStream member = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(member)) {
                gz.write(content, from, to - from);
            }
            out.writeBytes(member.toByteArray());
            from = to;
        }
        return out.toByteArray();
    }

    @Test
    void headerlessGloveTextPlainAndGzippedAsGensimNoHeader() throws IOException {
        String[] words = Fixtures.words(2500);
        byte[] text = glove(words, 50, 3);
        assertTrue(text.length > InputBuffer.CAPACITY, "the rows must span several buffers");
        Path plain = Files.write(dir.resolve("glove.6B.50d.txt"), text);
        Path gz = Files.write(dir.resolve("glove.6B.50d.txt.gz"), gzip(text, text.length / 3));
        for (Path f : List.of(plain, gz)) {
            gensim(f, false, true, UnicodeErrors.STRICT, 0, ReadOptions.DEFAULT);
            gensim(f, false, true, UnicodeErrors.STRICT, 0, ReadOptions.DEFAULT.withNoHeader(true));
            gensim(f, false, true, UnicodeErrors.STRICT, 7, ReadOptions.DEFAULT.withLimit(7));
            gensim(f, false, true, UnicodeErrors.STRICT, 2499, ReadOptions.DEFAULT.withLimit(2499));
        }
        compareAll();
        try (WordVectors v = VectorReader.read(plain, ReadOptions.DEFAULT)) {
            assertEquals(2500, v.size(), "all rows, counted before reading");
            assertEquals(50, v.dim());
        }
    }

    @Test
    void gzippedWord2vecBinaryAndTextSingleAndMultiMemberAndWithLimit() throws IOException {
        try (WordVectors v = Fixtures.random(Fixtures.words(3000), 100, 5)) {
            Path bin = dir.resolve("vectors.bin");
            Path txt = dir.resolve("vectors.txt");
            VectorWriter.write(v, bin, Format.BINARY);
            VectorWriter.write(v, txt, Format.TEXT);
            byte[] b = Files.readAllBytes(bin);
            byte[] t = Files.readAllBytes(txt);
            Path binGz = Files.write(dir.resolve("GoogleNews-vectors-negative300.bin.gz"), gzip(b));
            Path txtGz = Files.write(dir.resolve("vectors.txt.gz"), gzip(t));
            // Member boundaries inside the header, inside a word and inside a vector.
            Path binMulti = Files.write(dir.resolve("multi.bin.gz"), gzip(b, 3, 1001, 1003, b.length / 2));
            Path txtMulti = Files.write(dir.resolve("multi.txt.gz"), gzip(t, 5, t.length / 3));
            for (Path f : List.of(binGz, binMulti)) {
                gensim(f, true, false, UnicodeErrors.STRICT, 0, ReadOptions.DEFAULT);
                gensim(f, true, false, UnicodeErrors.STRICT, 0, ReadOptions.DEFAULT.withBinary(true));
            }
            for (Path f : List.of(txtGz, txtMulti)) {
                gensim(f, false, false, UnicodeErrors.STRICT, 0, ReadOptions.DEFAULT);
            }
            for (Path f : List.of(bin, binGz)) {
                gensim(f, true, false, UnicodeErrors.STRICT, 5, ReadOptions.DEFAULT.withLimit(5));
            }
            for (Path f : List.of(txt, txtGz)) {
                gensim(f, false, false, UnicodeErrors.STRICT, 5, ReadOptions.DEFAULT.withLimit(5));
            }
            compareAll();
        }
    }

    /** Words with each kind of invalid UTF-8: cut characters, stray continuation bytes, overlong, surrogate. */
    private static final byte[][] INVALID_WORDS = {
        bytes("caf", 0xC3), bytes("", 0x80, 'a', 'b', 'c'), bytes("o", 0xC0, 0xAF, 'v'), bytes("s", 0xED, 0xA0, 0x80),
        bytes("big", 0xF4, 0x90, 0x80, 0x80), bytes("eu", 0xE2, 0x82, 'z'), bytes("smile", 0xF0, 0x9F, 0x98),
        bytes("ff", 0xFF, 0xFE, 'q'), bytes("ok\u00e9", 0xA9),
    };

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (haystack[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    private static byte[] bytes(String prefix, int... rest) {
        byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] b = new byte[p.length + rest.length];
        System.arraycopy(p, 0, b, 0, p.length);
        for (int i = 0; i < rest.length; i++) {
            b[p.length + i] = (byte) rest[i];
        }
        return b;
    }

    @Test
    void invalidUtf8FailsUnderStrictLikeGensimAndReadsAsGensimReplacesOrIgnores() throws IOException {
        String[] valid = {"the", "caf\u00e9", "\uFFFDlegit"}; // a real U+FFFD must stay under every choice
        int rows = valid.length + INVALID_WORDS.length;
        int dim = 3;
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        ByteArrayOutputStream bin = new ByteArrayOutputStream();
        text.writeBytes(Fixtures.ascii(rows + " " + dim + "\n"));
        bin.writeBytes(Fixtures.ascii(rows + " " + dim + "\n"));
        for (int r = 0; r < rows; r++) {
            byte[] w = r < valid.length ? Fixtures.ascii(valid[r]) : INVALID_WORDS[r - valid.length];
            float[] v = {r, -r / 4f, 0.5f};
            text.writeBytes(w);
            text.writeBytes(Fixtures.ascii(" " + r + " " + (-r / 4f) + " 0.5\n"));
            bin.writeBytes(w);
            bin.writeBytes(Fixtures.ascii(" "));
            bin.writeBytes(Fixtures.le(v));
        }
        Path txt = Files.write(dir.resolve("invalid.txt"), text.toByteArray());
        Path binFile = Files.write(dir.resolve("invalid.bin"), bin.toByteArray());
        Path glove = Files.write(dir.resolve("invalid.glove.txt"),
                java.util.Arrays.copyOfRange(text.toByteArray(), (rows + " " + dim + "\n").length(), text.size()));
        for (UnicodeErrors e : new UnicodeErrors[] {UnicodeErrors.REPLACE, UnicodeErrors.IGNORE}) {
            gensim(txt, false, false, e, 0, ReadOptions.DEFAULT.withUnicodeErrors(e));
            gensim(binFile, true, false, e, 0, ReadOptions.DEFAULT.withUnicodeErrors(e));
            gensim(glove, false, true, e, 0, ReadOptions.DEFAULT.withUnicodeErrors(e));
        }
        compareAll();

        // strict: gensim raises UnicodeDecodeError, we name the place.
        List<String> args = new ArrayList<>();
        for (Path f : List.of(txt, binFile, glove)) {
            args.addAll(List.of(f.toString(), f == binFile ? "1" : "0", f == glove ? "1" : "0", "strict", "0",
                    f + ".strict.dump"));
        }
        Python.run(LOAD, args.toArray(String[]::new));
        for (Path f : List.of(txt, binFile, glove)) {
            assertEquals("error UnicodeDecodeError", Files.readString(Path.of(f + ".strict.dump")).strip(), f.toString());
            IOException e = assertThrows(IOException.class, () -> VectorReader.read(f, ReadOptions.DEFAULT).close());
            InvalidUtf8Exception invalid = assertInstanceOf(InvalidUtf8Exception.class, e);
            long bad = indexOf(Files.readAllBytes(f), Fixtures.concat(INVALID_WORDS[0], Fixtures.ascii(" "))) + 3;
            String where = (f == binFile ? "row 4" : f == glove ? "line 4" : "line 5") + ", byte offset " + bad;
            assertEquals(f + ": " + where + ": invalid UTF-8 (byte 0xC3) in word \"caf\uFFFD\"", invalid.problem());
            assertEquals(invalid.problem() + "; load with UnicodeErrors.REPLACE to accept it"
                    + " (invalid UTF-8 becomes U+FFFD)", invalid.getMessage());
        }
    }
}
