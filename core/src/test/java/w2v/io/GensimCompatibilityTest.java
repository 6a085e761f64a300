package w2v.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import w2v.io.VectorWriter.Format;
import w2v.model.WordVectors;
import w2v.testing.Python;

/**
 * Our files through gensim's {@code KeyedVectors.load_word2vec_format}, and gensim's
 * {@code save_word2vec_format} files through our reader. gensim dumps what it sees as word, tab, the vector's
 * little-endian float32 bytes in hex: comparisons are exact.
 */
class GensimCompatibilityTest {

    private static final int[] DIMS = {1, 7, 100, 301};

    /** argv: triples of (word2vec file, "1" for binary, dump file). */
    private static final String LOAD = """
            import sys
            from gensim.models import KeyedVectors
            args = sys.argv[1:]
            for i in range(0, len(args), 3):
                path, binary, dump = args[i], args[i + 1] == '1', args[i + 2]
                kv = KeyedVectors.load_word2vec_format(path, binary=binary)
                with open(dump, 'w', encoding='utf-8', newline='\\n') as f:
                    f.write(f"{len(kv.index_to_key)} {kv.vector_size}\\n")
                    for w in kv.index_to_key:
                        f.write(w + "\\t" + kv[w].astype('<f4').tobytes().hex() + "\\n")
            """;

    /** argv: words file, then (dim, binary file, text file, dump file) quadruples. */
    private static final String SAVE = """
            import sys
            import numpy as np
            from gensim.models import KeyedVectors
            with open(sys.argv[1], encoding='utf-8') as f:
                words = f.read().split('\\n')
            args = sys.argv[2:]
            for i in range(0, len(args), 4):
                dim, binary, text, dump = int(args[i]), args[i + 1], args[i + 2], args[i + 3]
                rng = np.random.default_rng(dim)
                vecs = (rng.standard_normal((len(words), dim)) * 0.1).astype(np.float32)
                awkward = np.array([-0.0, 1e-8, 1e-40, 3.4e38, -1.5e-7, 123456.7, 1.0, 0.1], dtype=np.float32)
                flat = vecs.reshape(-1)
                flat[:len(awkward)] = awkward
                kv = KeyedVectors(dim)
                kv.add_vectors(words, vecs)
                kv.save_word2vec_format(binary, binary=True)
                kv.save_word2vec_format(text, binary=False)
                with open(dump, 'w', encoding='utf-8', newline='\\n') as f:
                    f.write(f"{len(words)} {dim}\\n")
                    for w, v in zip(words, vecs):
                        f.write(w + "\\t" + v.astype('<f4').tobytes().hex() + "\\n")
            """;

    @TempDir
    Path dir;

    @BeforeAll
    static void gensimIsInstalled() {
        Python.requireGensim();
    }

    @Test
    void gensimReadsOurBinaryBitForBitAndOurTextAsWeDo() throws IOException {
        List<String> args = new ArrayList<>();
        List<WordVectors> models = new ArrayList<>();
        try {
            for (int dim : DIMS) {
                WordVectors v = Fixtures.random(Fixtures.words(200), dim, 31 * dim);
                models.add(v);
                for (Format f : Format.values()) {
                    Path file = dir.resolve(dim + "." + f);
                    VectorWriter.write(v, file, f);
                    args.addAll(List.of(file.toString(), f == Format.BINARY ? "1" : "0", file + ".dump"));
                }
            }
            Python.run(LOAD, args.toArray(String[]::new));
            for (int k = 0; k < DIMS.length; k++) {
                WordVectors original = models.get(k);
                Path bin = dir.resolve(DIMS[k] + ".BINARY");
                assertSame(original, dump(Path.of(bin + ".dump")), "gensim reading " + bin);
                Path text = dir.resolve(DIMS[k] + ".TEXT");
                try (WordVectors ours = VectorReader.read(text, ReadOptions.DEFAULT)) {
                    assertSame(ours, dump(Path.of(text + ".dump")), "gensim reading " + text);
                    RoundTripTest.compare(original, ours, true);
                }
            }
        } finally {
            models.forEach(WordVectors::close);
        }
    }

    @Test
    void weReadGensimsBinaryAndTextBitForBit() throws IOException {
        Path words = dir.resolve("words.txt");
        Files.writeString(words, String.join("\n", Fixtures.words(150)), StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of(words.toString()));
        for (int dim : DIMS) {
            args.addAll(List.of(String.valueOf(dim), dir.resolve(dim + ".bin").toString(),
                    dir.resolve(dim + ".txt").toString(), dir.resolve(dim + ".dump").toString()));
        }
        Python.run(SAVE, args.toArray(String[]::new));
        for (int dim : DIMS) {
            Dump expected = dump(dir.resolve(dim + ".dump"));
            // gensim writes text values with repr(float32): the shortest string that parses back to the same
            // float, so our parser must land on exactly the same bits.
            for (String name : new String[] {dim + ".bin", dim + ".txt"}) {
                for (Boolean binary : new Boolean[] {null, name.endsWith(".bin")}) {
                    try (WordVectors ours = VectorReader.read(dir.resolve(name), new ReadOptions(binary, false, 0))) {
                        assertSame(ours, expected, "reading gensim's " + name + " with binary=" + binary);
                    }
                }
            }
        }
    }

    /** Python's '%.6g' is C's printf("%g") on a correctly rounded dtoa: our formatter must print the same. */
    @Test
    void formatterPrintsWhatPrintfPercentGPrints() throws IOException {
        SplittableRandom rnd = new SplittableRandom(17);
        int n = 200_000;
        ByteBuffer floats = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            float v;
            do {
                v = switch (i % 3) {
                    case 0 -> Float.intBitsToFloat(rnd.nextInt());
                    case 1 -> (float) rnd.nextDouble(-1, 1);
                    default -> new java.math.BigDecimal(rnd.nextLong(1_000_000, 10_000_000) * 10 + 5)
                            .scaleByPowerOfTen(rnd.nextInt(-45, 30)).floatValue(); // next to a 6-digit tie
                };
            } while (!Float.isFinite(v));
            values[i] = v;
            floats.putFloat(v);
        }
        Path in = Files.write(dir.resolve("floats.bin"), floats.array());
        Path out = dir.resolve("printf.txt");
        Python.run("""
                import sys, numpy as np
                v = np.fromfile(sys.argv[1], dtype='<f4')
                with open(sys.argv[2], 'w') as f:
                    f.write('\\n'.join('%.6g' % float(x) for x in v))
                """, in.toString(), out.toString());
        List<String> printf = Files.readAllLines(out);
        assertEquals(n, printf.size());
        for (int i = 0; i < n; i++) {
            if (!printf.get(i).equals(FloatFormat.toString(values[i]))) {
                assertEquals(printf.get(i), FloatFormat.toString(values[i]),
                        "bits 0x" + Integer.toHexString(Float.floatToRawIntBits(values[i])));
            }
        }
    }

    record Dump(int count, int dim, List<String> words, List<float[]> vectors) {
    }

    static Dump dump(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String[] header = lines.get(0).split(" ");
        List<String> words = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            int tab = line.lastIndexOf('\t');
            words.add(line.substring(0, tab));
            ByteBuffer b = ByteBuffer.wrap(HexFormat.of().parseHex(line.substring(tab + 1))).order(ByteOrder.LITTLE_ENDIAN);
            float[] v = new float[b.capacity() / 4];
            for (int i = 0; i < v.length; i++) {
                v[i] = b.getFloat();
            }
            vectors.add(v);
        }
        return new Dump(Integer.parseInt(header[0]), Integer.parseInt(header[1]), words, vectors);
    }

    private static void assertSame(WordVectors ours, Dump theirs, String what) {
        assertEquals(theirs.count(), ours.size(), what + ": count");
        assertEquals(theirs.dim(), ours.dim(), what + ": dim");
        for (int r = 0; r < ours.size(); r++) {
            assertEquals(theirs.words().get(r), ours.word(r), what + ": word " + r);
            float[] t = theirs.vectors().get(r);
            for (int i = 0; i < ours.dim(); i++) {
                float o = ours.table().get(r, i);
                if (Float.floatToRawIntBits(o) != Float.floatToRawIntBits(t[i])) {
                    fail(what + ": word " + ours.word(r) + " value " + i + ": ours " + o + ", gensim " + t[i]);
                }
            }
        }
    }
}
