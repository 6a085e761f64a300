package w2v.io;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import w2v.model.EmbeddingTable;
import w2v.model.WordVectors;

/** Builds small models and files for the format tests. */
final class Fixtures {

    /** Words from several scripts and planes: Hangul, accented Latin, emoji (4-byte UTF-8), CJK, symbols. */
    static final String[] UNICODE_WORDS = {
        "</s>", "the", "café", "naïve", "Ångström", "über", "사과", "한국어", "日本語", "中文", "🙂", "👩‍💻", "𝄞",
        "ß", "Ωμέγα", "привет", "a-b", "x.y", "\"quoted\"", "tab\\t", "#",
    };

    private Fixtures() {
    }

    static WordVectors vectors(String[] words, float[][] values) {
        Arena arena = Arena.ofShared();
        EmbeddingTable t = EmbeddingTable.allocate(arena, words.length, values[0].length);
        for (int i = 0; i < words.length; i++) {
            t.setRow(i, values[i]);
        }
        return new WordVectors(words, t, arena);
    }

    /** Random values around the magnitude of trained embeddings, plus awkward ones in the first rows. */
    static WordVectors random(String[] words, int dim, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[][] v = new float[words.length][dim];
        float[] awkward = {0f, -0f, Float.MIN_VALUE, -Float.MIN_NORMAL, Float.MAX_VALUE, -1e-7f, 9.999995f, 1e6f,
            123456.5f, 1.5e-7f, 1f, -1f, 0.1f};
        for (int i = 0; i < words.length; i++) {
            for (int j = 0; j < dim; j++) {
                int k = i * dim + j;
                v[i][j] = k < awkward.length ? awkward[k]
                        : rnd.nextInt(10) == 0 ? Float.intBitsToFloat(rnd.nextInt() & 0x7F7FFFFF | (rnd.nextInt() & 0x80000000))
                        : (float) rnd.nextDouble(-1, 1) / (float) Math.pow(10, rnd.nextInt(4));
            }
        }
        return vectors(words, v);
    }

    static String[] words(int n) {
        String[] w = new String[n];
        for (int i = 0; i < n; i++) {
            w[i] = i < UNICODE_WORDS.length ? UNICODE_WORDS[i] : "w" + i;
        }
        return w;
    }

    static Path write(Path dir, String name, String content) throws IOException {
        return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
    }

    /** Files in {@code dir} other than the given ones: leftovers such as temporary files. */
    static List<Path> others(Path dir, Path... expected) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> !List.of(expected).contains(p)).forEach(out::add);
        }
        return out;
    }

    /** Little-endian float32 bytes. */
    static byte[] le(float... v) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 * v.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (float f : v) {
            b.putFloat(f);
        }
        return b.array();
    }

    static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
