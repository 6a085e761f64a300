package w2v.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static w2v.cli.CommandTestSupport.input;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every query command reads, through the real reader, headerless GloVe text, gzip and invalid UTF-8 as asked. */
class VectorFormatsCommandTest {

    @TempDir
    Path dir;
    private Path royals;
    private Path gloveGz;
    private Path invalid;

    /** A query command with its arguments after the vector file. */
    private record Query(String name, Supplier<Command> command, List<String> args) {
    }

    private List<Query> queries() throws IOException {
        Path questions = Files.writeString(dir.resolve("questions.txt"), ": family\nman king woman queen\n");
        return List.of(
                new Query("similar", () -> new SimilarCommand(VectorLoader.STANDARD, input("")), List.of("king", "-k", "2")),
                new Query("analogy", () -> new AnalogyCommand(VectorLoader.STANDARD, input("")),
                        List.of("man", "king", "woman", "-k", "2")),
                new Query("eval", () -> new EvalCommand(VectorLoader.STANDARD, input("")),
                        List.of("--analogies", questions.toString())),
                new Query("map", () -> new MapCommand(VectorLoader.STANDARD, input("")),
                        List.of("king", "-k", "2", "-o", dir.resolve("map.png").toString())),
                new Query("classes", () -> new ClassesCommand(VectorLoader.STANDARD, input("")),
                        List.of("3", "-o", dir.resolve("classes.txt").toString())));
    }

    private static CommandTestSupport.Run run(Query q, Path file, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of(file.toString()));
        args.addAll(q.args());
        args.addAll(List.of(more));
        return CommandTestSupport.run(q.command().get(), args.toArray(String[]::new));
    }

    @BeforeEach
    void files() throws IOException {
        royals = CommandTestSupport.royals(dir);
        String glove = CommandTestSupport.ROYALS.substring(CommandTestSupport.ROYALS.indexOf('\n') + 1);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(glove.getBytes(StandardCharsets.UTF_8));
        }
        gloveGz = Files.write(dir.resolve("royals.glove.txt.gz"), gz.toByteArray());
        ByteArrayOutputStream bad = new ByteArrayOutputStream();
        bad.writeBytes(CommandTestSupport.ROYALS.replace("13 5", "14 5").getBytes(StandardCharsets.UTF_8));
        bad.writeBytes(new byte[] {'c', 'a', 'f', (byte) 0xC3});
        bad.writeBytes(" 1 1 1 1 1\n".getBytes(StandardCharsets.UTF_8));
        invalid = Files.write(dir.resolve("invalid.txt"), bad.toByteArray());
    }

    @Test
    void everyQueryCommandReadsGzippedGloveAsTheWord2vecTextFile() throws Exception {
        for (Query q : queries()) {
            var expected = run(q, royals);
            assertEquals(0, expected.status(), q.name() + ": " + expected.err());
            var r = run(q, gloveGz);
            assertEquals(0, r.status(), q.name() + ": " + r.err());
            assertEquals(normalised(expected.out(), royals), normalised(r.out(), gloveGz), q.name());
        }
    }

    /** The output without the file's name and the timings. */
    private static String normalised(String out, Path file) {
        return out.replace(file.toString(), "FILE").replace(file.getFileName().toString(), "FILE")
                .replaceAll("\\d+\\.\\d+ s\\b", "T s");
    }

    @Test
    void invalidUtf8FailsByDefaultNamingTheFlagAndReadsWithReplace() throws Exception {
        long offset = CommandTestSupport.ROYALS.getBytes(StandardCharsets.UTF_8).length + 3;
        for (Query q : queries()) {
            var r = run(q, invalid);
            assertEquals(1, r.status(), q.name() + ": " + r.err());
            assertEquals(List.of("w2v " + q.name() + ": " + invalid + ": line 15, byte offset " + offset
                    + ": invalid UTF-8 (byte 0xC3) in word \"caf\uFFFD\"; rerun with --unicode-errors replace to accept"
                    + " it (invalid UTF-8 becomes U+FFFD)"), r.errLines(), q.name());

            r = run(q, invalid, "--unicode-errors", "replace");
            assertEquals(0, r.status(), q.name() + ": " + r.err());
            r = run(q, invalid, "--unicode-errors", "strict");
            assertEquals(1, r.status(), q.name() + ": " + r.err());
            r = run(q, invalid, "--unicode-errors", "bogus");
            assertEquals(2, r.status(), q.name() + ": " + r.err());
            assertTrue(r.errLines().get(0).contains("\"bogus\" is not a valid value for \"--unicode-errors\""), r.err());
        }
        Path classes = dir.resolve("classes.txt");
        var r = CommandTestSupport.run(new ClassesCommand(VectorLoader.STANDARD, input("")), invalid.toString(), "2",
                "-o", classes.toString(), "--unicode-errors", "replace");
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.readAllLines(classes).get(13).startsWith("caf\uFFFD "), Files.readString(classes));
    }

    @Test
    void aFastTextModelGetsOneLineSayingToLoadTheVecFile() throws Exception {
        Path bin = Files.write(dir.resolve("model.bin"), new byte[] {(byte) 0xBA, 0x16, 0x4F, 0x2F, 12, 0, 0, 0, 0, 0});
        var r = CommandTestSupport.run(new SimilarCommand(VectorLoader.STANDARD, input("")), bin.toString(), "king");
        assertEquals(1, r.status());
        assertEquals(List.of("w2v similar: " + bin + ": this is a fastText model (.bin), not word vectors: load the"
                + " .vec file fastText writes beside it"), r.errLines());
    }
}
