package w2v.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.foreign.Arena;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import w2v.model.EmbeddingTable;
import w2v.model.WordVectors;

/** Runs commands on captured streams; reads word2vec text with a test-only parser (the real reader is not ours). */
final class CommandTestSupport {

    /** 13 hand-made 5-d vectors (the same as core's royals.txt). */
    static final String ROYALS = """
            13 5
            man 0 2 0 1 0
            woman 0 0 2 1 0
            king 2 2 0 1 0
            queen 2 0 2 1 0
            boy 0 2 0 -1 0
            girl 0 0 2 -1 0
            prince 2 2 0 -1 0
            princess 2 0 2 -1 0
            crown 3 0 4 2 0
            apple 0 0 0 0 3
            pear 0 0 0 1 3
            banana 1 0 0 -1 4
            cherry 0 0 1 0 2
            """;

    record Run(int status, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private CommandTestSupport() {
    }

    static Path royals(Path dir) throws IOException {
        Path f = dir.resolve("royals.txt");
        Files.writeString(f, ROYALS, StandardCharsets.UTF_8);
        return f;
    }

    /** Test-only word2vec text parser honouring {@code limit}. */
    /** As a {@link VectorLoader}: only the limit of the options applies. */
    static WordVectors readText(Path file, w2v.io.ReadOptions options) throws IOException {
        return readText(file, options.limit());
    }

    static WordVectors readText(Path file, int limit) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String[] header = lines.get(0).trim().split(" ");
        int n = Integer.parseInt(header[0]);
        if (limit > 0) {
            n = Math.min(n, limit);
        }
        int dim = Integer.parseInt(header[1]);
        Arena arena = Arena.ofShared();
        EmbeddingTable t = EmbeddingTable.allocate(arena, n, dim);
        String[] words = new String[n];
        float[] v = new float[dim];
        for (int i = 0; i < n; i++) {
            String[] parts = lines.get(i + 1).stripTrailing().split(" ");
            words[i] = parts[0];
            for (int d = 0; d < dim; d++) {
                v[d] = Float.parseFloat(parts[d + 1]);
            }
            t.setRow(i, v);
        }
        return new WordVectors(words, t, arena);
    }

    static Run run(Command c, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = c.run(args, o, e);
        }
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static ByteArrayInputStream input(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
