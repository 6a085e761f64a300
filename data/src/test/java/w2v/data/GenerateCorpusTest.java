package w2v.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCorpusTest {
    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = GenerateCorpus.run(args, new PrintStream(out, true, StandardCharsets.US_ASCII),
            new PrintStream(err, true, StandardCharsets.US_ASCII));
        return new Result(code, out.toString(StandardCharsets.US_ASCII), err.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void writesCorpusAndQuestionsMatchingTheLibrary() throws IOException {
        Path corpus = dir.resolve("c.txt");
        Path questions = dir.resolve("q.txt");
        Result r = run("--words", "20k", "--seed", "5", "--entities", "10", "--out", corpus.toString(),
            "--questions", questions.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("20,000 words"), r.err());
        assertEquals("", r.out());

        PlantedCorpus expected = new PlantedCorpus(
            new PlantedCorpus.Spec(20_000, 5, 3000, 1.0, 3, 10, 4, 3, 8, 0.6, 5, 40));
        ByteArrayOutputStream c = new ByteArrayOutputStream();
        expected.write(c);
        assertArrayEquals(c.toByteArray(), Files.readAllBytes(corpus));
        ByteArrayOutputStream q = new ByteArrayOutputStream();
        expected.writeQuestions(q);
        assertArrayEquals(q.toByteArray(), Files.readAllBytes(questions));
    }

    @Test
    void dashWritesToStandardOutput() {
        Result r = run("--words", "100", "--out", "-");
        assertEquals(0, r.code(), r.err());
        assertEquals(100, r.out().trim().split("\\s+").length);
    }

    @Test
    void badArgumentsGiveOneLineAndExitCode2() {
        String[][] bad = {
            {},
            {"--words", "10"},
            {"--out", "x"},
            {"--words", "ten", "--out", "x"},
            {"--words", "-5", "--out", "x"},
            {"--words", "10", "--out", "x", "--relations", "4"},
            {"--words", "10", "--out", "x", "--bogus", "1"},
            {"--words", "10", "--out", "x", "--seed"},
            {"--words", "10", "--out", "x", "stray"},
            {"--words", "99999999999G", "--out", "x"},
            {"--words", "10", "--out", "x", "--zipf", "NaN"},
        };
        for (String[] args : bad) {
            Result r = run(args);
            assertEquals(2, r.code(), String.join(" ", args));
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("GenerateCorpus: "), r.err());
        }
    }

    @Test
    void unwritableOutputGivesExitCode1() {
        Result r = run("--words", "10", "--out", dir.resolve("no/such/dir/c.txt").toString());
        assertEquals(1, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void countsTakeSuffixes() {
        assertEquals(5_000_000_000L, GenerateCorpus.count("--words", "5G"));
        assertEquals(2_000_000L, GenerateCorpus.count("--words", "2m"));
        assertEquals(3_000L, GenerateCorpus.count("--words", "3k"));
        assertEquals(17L, GenerateCorpus.count("--words", "17"));
    }
}
