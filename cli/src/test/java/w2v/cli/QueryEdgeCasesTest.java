package w2v.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static w2v.cli.CommandTestSupport.input;
import static w2v.cli.CommandTestSupport.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queries and evaluation inputs that used to give an empty answer, a 0/0, a NaN or an out-of-memory: each now
 * gets an answer or one line saying why, with its exit code.
 */
class QueryEdgeCasesTest {

    private static final VectorLoader LOADER = CommandTestSupport::readText;
    /** Rows a and b ordinary, zero and nan without a direction, huge with a norm that overflows a float. */
    private static final String ODD = """
            6 3
            a 1 0 0
            b 0.9 0.1 0
            zero 0 0 0
            huge 3e38 3e38 0
            nan NaN 1 0
            d -1 0 0
            """;
    private static final String NO_QUESTION = ": no analogy question found (expected lines 'a b c d' and ': section' "
            + "headers)";

    @TempDir
    Path dir;
    private String royals;
    private String odd;

    @BeforeEach
    void files() throws Exception {
        royals = CommandTestSupport.royals(dir).toString();
        odd = Files.writeString(dir.resolve("odd.txt"), ODD).toString();
    }

    private static List<String> rankedWords(String table) {
        return table.lines().filter(l -> l.matches("\\s*\\d+\\s+\\S+\\s+-?[0-9.]+")).map(l -> l.trim().split("\\s+")[1])
                .toList();
    }

    private static void assertUsage(CommandTestSupport.Run r, String message, String command) {
        assertEquals(2, r.status(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.errLines().get(0).startsWith("w2v " + command + ": " + message + "; usage: w2v " + command),
                r.err());
        assertEquals("", r.out());
    }

    @Test
    void aHugeKListsEveryOtherWordWithoutRunningOutOfMemory() throws Exception {
        var similar = run(new SimilarCommand(LOADER, input("")), royals, "king", "-k", "1000000000");
        assertEquals(0, similar.status(), similar.err());
        assertEquals(12, rankedWords(similar.out()).size(), similar.out());
        assertFalse(rankedWords(similar.out()).contains("king"));

        var analogy = run(new AnalogyCommand(LOADER, input("")), royals, "man", "king", "woman", "-k",
                Integer.toString(Integer.MAX_VALUE), "--method", "mul");
        assertEquals(0, analogy.status(), analogy.err());
        assertEquals(10, rankedWords(analogy.out()).size(), analogy.out());

        var map = run(new MapCommand(LOADER, input("")), royals, "king", "-k", "1000000000", "-o",
                dir.resolve("all.png").toString());
        assertEquals(0, map.status(), map.err());
        assertTrue(map.out().startsWith("wrote " + dir.resolve("all.png") + ": 13 words"), map.out());
    }

    @Test
    void emptyQueryWordsAreUsageErrorsNotEmptyTables() throws Exception {
        assertUsage(run(new SimilarCommand(LOADER, input("")), royals, ""),
                "an empty query; each query needs at least one word", "similar");
        assertUsage(run(new SimilarCommand(LOADER, input("")), royals, "king", " \t "),
                "an empty query; each query needs at least one word", "similar");
        assertUsage(run(new AnalogyCommand(LOADER, input("")), royals, "man", "", "woman"),
                "an empty word; A, B and C each need one", "analogy");
        assertUsage(run(new MapCommand(LOADER, input("")), royals, "king", " ", "-o", dir.resolve("m.png").toString()),
                "an empty word; each WORD needs at least one character", "map");
        assertFalse(Files.exists(dir.resolve("m.png")));

        // At the prompt a blank line is skipped, never answered with an empty table.
        var prompt = run(new SimilarCommand(LOADER, input("\n   \nEXIT\n")), royals);
        assertEquals(0, prompt.status(), prompt.err());
        assertFalse(prompt.out().contains("rank"), prompt.out());
        var analogyPrompt = run(new AnalogyCommand(LOADER, input(" \nEXIT\n")), royals);
        assertFalse(analogyPrompt.out().contains("rank"), analogyPrompt.out());
    }

    @Test
    void wordsWithoutADirectionAreOneLineAndExitOne() throws Exception {
        var zero = run(new SimilarCommand(LOADER, input("")), odd, "zero");
        assertEquals(1, zero.status());
        assertEquals(List.of("w2v similar: 'zero' has a zero vector; it has no direction to compare"), zero.errLines());
        assertEquals("", zero.out());

        var nan = run(new SimilarCommand(LOADER, input("")), odd, "nan");
        assertEquals(1, nan.status());
        assertEquals(List.of("w2v similar: 'nan' has NaN or infinite values in its vector; it has no direction to "
                + "compare"), nan.errLines());

        // 3e38 normalises (its float norm would overflow) and rows without a direction are never listed.
        var huge = run(new SimilarCommand(LOADER, input("")), odd, "huge", "a", "-k", "100");
        assertEquals(0, huge.status(), huge.err());
        assertEquals(List.of("b", "a", "d", "b", "huge", "d"), rankedWords(huge.out()));
        assertTrue(huge.out().contains("   2  a     0.707107"), huge.out());
        assertFalse(huge.out().toLowerCase(java.util.Locale.ROOT).contains("nan"), huge.out());

        var analogy = run(new AnalogyCommand(LOADER, input("")), odd, "a", "zero", "b");
        assertEquals(1, analogy.status());
        assertEquals(List.of("w2v analogy: 'zero' has a zero vector; it has no direction to compare"),
                analogy.errLines());

        var map = run(new MapCommand(LOADER, input("")), odd, "zero", "a", "-k", "2", "-o",
                dir.resolve("m.png").toString());
        assertEquals(1, map.status());
        assertEquals(List.of("w2v map: 'zero' has a zero vector; it has no direction to compare; left out"),
                map.errLines());

        var prompt = run(new SimilarCommand(LOADER, input("zero\nEXIT\n")), odd);
        assertEquals(0, prompt.status(), prompt.err());
        assertTrue(prompt.out().contains("'zero' has a zero vector; it has no direction to compare"), prompt.out());
        assertFalse(prompt.out().contains("rank"), prompt.out());
    }

    @Test
    void kAndRestrictBelowOneAreUsageErrorsSayingWhatWasGiven() throws Exception {
        String png = dir.resolve("m.png").toString();
        assertUsage(run(new SimilarCommand(LOADER, input("")), royals, "king", "-k", "0"),
                "-k must be at least 1, got 0", "similar");
        assertUsage(run(new AnalogyCommand(LOADER, input("")), royals, "man", "king", "woman", "-k", "-3"),
                "-k must be at least 1, got -3", "analogy");
        assertUsage(run(new MapCommand(LOADER, input("")), royals, "king", "-k", "-1", "-o", png),
                "-k must not be negative, got -1", "map");
        assertUsage(run(new SimilarCommand(LOADER, input("")), royals, "king", "--restrict", "0"),
                "--restrict must be at least 1, got 0", "similar");
        assertUsage(run(new AnalogyCommand(LOADER, input("")), royals, "man", "king", "woman", "--restrict", "0"),
                "--restrict must be at least 1, got 0", "analogy");
        assertUsage(run(new MapCommand(LOADER, input("")), royals, "king", "--restrict", "0", "-o", png),
                "--restrict must be at least 1, got 0", "map");
        Path q = questions(": s\nman king woman queen\n");
        assertUsage(run(new EvalCommand(LOADER, input("")), royals, "-a", q.toString(), "--restrict", "0"),
                "--restrict must be at least 1, got 0", "eval");
        assertUsage(run(new EvalCommand(LOADER, input("")), royals, "-a", q.toString(), "--similarity-restrict", "-5"),
                "--similarity-restrict must be at least 1, got -5", "eval");
    }

    @Test
    void anAnalogyFileWithoutQuestionsIsAnError() throws Exception {
        for (String text : new String[] {"", ": family\n", ": family\nman king woman\n"}) {
            Path q = questions(text);
            var r = run(new EvalCommand(LOADER, input("")), royals, "--analogies", q.toString());
            assertEquals(1, r.status(), text);
            assertEquals(List.of("w2v eval: " + q + NO_QUESTION), r.errLines());
            assertEquals("", r.out(), "refused before the vectors are read");
        }
    }

    @Test
    void analogyQuestionsWithOnlyUnknownWordsAreReportedNotScored() throws Exception {
        Path q = questions(": family\nman king woman unicorn\ndragon king woman queen\n");
        var r = run(new EvalCommand(LOADER, input("")), royals, "--analogies", q.toString());
        assertEquals(1, r.status());
        assertEquals(List.of("w2v eval: " + q + ": none of the 2 questions could be answered: each has a word that "
                + "is not among the first 300000 words of the vectors"), r.errLines());
        assertFalse(r.out().contains("accuracy"), r.out());
    }

    @Test
    void nanAndNonNumericScoresAreSkippedWithAWarning() throws Exception {
        Path s = Files.writeString(dir.resolve("wordsim.tsv"), """
                # made up
                king\tqueen\t8
                king\tprince\tnan
                apple\tpear\t9
                man\tapple\t1
                boy\tgirl\tabout five
                girl\tprincess\t7
                """, StandardCharsets.UTF_8);
        var r = run(new EvalCommand(LOADER, input("")), royals, "--similarity", s.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(List.of("w2v eval: " + s + ": 2 pairs with a non-numeric score skipped (first at line 3)"),
                r.errLines());
        assertTrue(r.out().contains("Spearman 0.8000"), r.out());
        assertTrue(r.out().contains("4 pairs, 0 with unknown words"), r.out());
    }

    @Test
    void similarityFilesThatCannotBeUsedAreOneLine() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.tsv"), "");
        Path sub = Files.createDirectory(dir.resolve("pairs"));
        Path binary = Files.write(dir.resolve("vectors.bin"), new byte[] {'2', ' ', '3', 0, 1, 2, '\n'});
        Path unknown = Files.writeString(dir.resolve("unknown.tsv"), "unicorn\tking\t5\ndragon\tqueen\t4\n");
        Object[][] cases = {
            {empty, ": no word pair found (expected lines 'word1<TAB>word2<TAB>score'; '#' starts a comment)"},
            {sub, ": is a directory, not a word-pair file"},
            {binary, ": not a text file (a NUL byte on line 1); expected a word-pair file"},
            {unknown, ": none of the 2 pairs could be scored: each has a word that is not among the first 300000 "
                    + "words of the vectors"},
        };
        for (Object[] c : cases) {
            var r = run(new EvalCommand(LOADER, input("")), royals, "--similarity", c[0].toString());
            assertEquals(1, r.status(), c[0] + ": " + r.err());
            assertEquals(List.of("w2v eval: " + c[0] + c[1]), r.errLines());
        }
    }

    @Test
    void trainChecksTheEvalFileBeforeTraining() throws Exception {
        Path corpus = corpus();
        Path binary = Files.write(dir.resolve("vectors.bin"), new byte[] {'2', ' ', '3', 0, 1, 2, '\n'});
        Path sub = Files.createDirectory(dir.resolve("questions"));
        Object[][] cases = {
            {questions(": family\n"), NO_QUESTION},
            {sub, ": is a directory, not an analogy questions file"},
            {binary, ": not a text file (a NUL byte on line 1); expected an analogy questions file"},
            {dir.resolve("missing.txt"), ": no such file or directory"},
        };
        for (Object[] c : cases) {
            Path out = dir.resolve("v.txt");
            CliRun r = CliRun.of("train", "-train", corpus.toString(), "-output", out.toString(), "-size", "8",
                    "-iter", "1", "-debug", "1", "-eval", c[0].toString());
            assertEquals(1, r.exit(), c[0] + ": " + r.err());
            // -debug 1 prints the vocabulary once counted: one line only means nothing was read or trained.
            assertEquals(List.of("w2v train: -eval " + c[0] + c[1]), r.err().lines().toList());
            assertFalse(Files.exists(out), "no training for " + c[0]);
        }
    }

    @Test
    void trainSaysWhenNoEvalQuestionCouldBeAnswered() throws Exception {
        Path q = questions(": s\nunicorn w1 w2 w3\n");
        Path out = dir.resolve("v.txt");
        CliRun r = CliRun.of("train", "-train", corpus().toString(), "-output", out.toString(), "-size", "8",
                "-iter", "1", "-debug", "0", "-eval", q.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("w2v train: warning: -eval " + q + ": the only question could not be answered: it has a "
                + "word that is not among the first 30000 words of the vectors"), r.err().lines().toList());
        assertFalse(r.out().contains("accuracy"), r.out());
        assertTrue(Files.exists(out), "the vectors are written all the same");
    }

    private Path questions(String text) throws Exception {
        return Files.writeString(Files.createTempFile(dir, "questions", ".txt"), text, StandardCharsets.UTF_8);
    }

    private Path corpus() throws Exception {
        Random r = new Random(5);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            b.append('w').append((int) Math.abs(r.nextGaussian() * 30)).append(r.nextInt(15) == 0 ? '\n' : ' ');
        }
        return Files.writeString(dir.resolve("corpus.txt"), b);
    }
}
