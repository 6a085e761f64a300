package w2v.testing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import w2v.model.EmbeddingTable;
import w2v.model.WordVectors;

/**
 * Test-only vectors: built in memory, or written to and read from word2vec TEXT format with a minimal parser
 * (the real reader is another engineer's work; these tests must not depend on it).
 */
public final class TestVectors {

    private TestVectors() {
    }

    public static WordVectors of(String[] words, float[][] vectors) {
        Arena arena = Arena.ofShared();
        EmbeddingTable t = EmbeddingTable.allocate(arena, words.length, vectors[0].length);
        for (int i = 0; i < words.length; i++) {
            t.setRow(i, vectors[i]);
        }
        return new WordVectors(words.clone(), t, arena);
    }

    /** n words w0..w(n-1) with Gaussian vectors. */
    public static WordVectors random(int n, int dim, long seed) {
        Random rnd = new Random(seed);
        String[] words = new String[n];
        float[][] v = new float[n][dim];
        for (int i = 0; i < n; i++) {
            words[i] = "w" + i;
            for (int d = 0; d < dim; d++) {
                v[i][d] = (float) rnd.nextGaussian();
            }
        }
        return of(words, v);
    }

    /** word2vec text format: {@code count dim}, then {@code word v1 ... vd}, floats at full precision. */
    public static void writeText(Path file, String[] words, float[][] vectors) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(words.length + " " + vectors[0].length + "\n");
            for (int i = 0; i < words.length; i++) {
                StringBuilder sb = new StringBuilder(words[i]);
                for (float x : vectors[i]) {
                    sb.append(' ').append(Float.toString(x));
                }
                w.write(sb.append('\n').toString());
            }
        }
    }

    /** Minimal text-format parser: header line, then one word and dim floats per line. */
    public static WordVectors readText(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String[] header = lines.get(0).trim().split(" ");
        int n = Integer.parseInt(header[0]);
        int dim = Integer.parseInt(header[1]);
        String[] words = new String[n];
        float[][] v = new float[n][dim];
        for (int i = 0; i < n; i++) {
            String[] parts = lines.get(i + 1).stripTrailing().split(" ");
            words[i] = parts[0];
            for (int d = 0; d < dim; d++) {
                v[i][d] = Float.parseFloat(parts[d + 1]);
            }
        }
        return of(words, v);
    }
}
