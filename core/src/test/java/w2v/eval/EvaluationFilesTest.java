package w2v.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import w2v.model.WordVectors;
import w2v.search.NormalizedMatrix;
import w2v.testing.TestVectors;

/** Evaluation files that are empty, wrong or partly unusable: a clear sentence, never a silent 0/0 or NaN. */
class EvaluationFilesTest {

    private static WordVectors vectors;
    private static NormalizedMatrix matrix;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        vectors = TestVectors.readText(HandMadeVectorsTest.royals());
        matrix = NormalizedMatrix.of(vectors);
    }

    @AfterAll
    static void close() {
        matrix.close();
        vectors.close();
    }

    @Test
    void aQuestionsFileWithoutQuestionsIsAnError() throws Exception {
        String expected = ": no analogy question found (expected lines 'a b c d' and ': section' headers)";
        for (String text : new String[] {"", ": family\n", ": family\nman king woman\n\n: gram\none two\n"}) {
            Path q = Files.writeString(dir.resolve("q.txt"), text);
            IOException e = assertThrows(IOException.class, () -> AnalogyEvaluation.readQuestions(q), text);
            assertEquals(q + expected, e.getMessage());
            assertEquals("q.txt" + expected, assertThrows(IOException.class,
                    () -> AnalogyEvaluation.evaluate(matrix, "q.txt", text.lines().toList(),
                            AnalogyEvaluation.Options.DEFAULT)).getMessage());
        }
    }

    @Test
    void questionsAreParsedOnceAndEvaluateLikeTheFile() throws Exception {
        Path q = Files.writeString(dir.resolve("q.txt"), ": family\nman king woman queen\nbad line\n"
                + ": gram1-things\napple pear king man\n");
        AnalogyEvaluation.Questions parsed = AnalogyEvaluation.readQuestions(q);
        assertEquals(List.of("family", "gram1-things"), parsed.sections());
        assertEquals(2, parsed.size());
        assertEquals(1, parsed.ignoredLines());
        AnalogyEvaluation.Result viaParsed = AnalogyEvaluation.evaluate(matrix, parsed,
                AnalogyEvaluation.Options.DEFAULT);
        AnalogyEvaluation.Result viaFile = AnalogyEvaluation.evaluate(matrix, q, AnalogyEvaluation.Options.DEFAULT);
        assertEquals(viaFile.sections(), viaParsed.sections());
        assertEquals("q.txt", viaParsed.source());
        assertNull(viaParsed.noAnswer());
    }

    @Test
    void questionsWhoseWordsAreAllUnknownSayNoneWasAnswered() throws Exception {
        AnalogyEvaluation.Questions q = AnalogyEvaluation.parseQuestions("q.txt",
                List.of(": s\n", "man king woman unicorn\n", "x y z w\n"));
        AnalogyEvaluation.Result r = AnalogyEvaluation.evaluate(matrix, q, AnalogyEvaluation.Options.DEFAULT);
        assertEquals(0, r.answered());
        assertEquals("none of the 2 questions could be answered: each has a word that is not among the first "
                + "300000 words of the vectors", r.noAnswer());
        AnalogyEvaluation.Result one = AnalogyEvaluation.evaluate(matrix, AnalogyEvaluation.parseQuestions("q.txt",
                List.of(": s", "a b c d")), AnalogyEvaluation.Options.DEFAULT.withRestrict(4));
        assertEquals("the only question could not be answered: it has a word that is not among the first 4 words "
                + "of the vectors", one.noAnswer());
    }

    @Test
    void directoriesBinaryAndNonUtf8FilesAreNamedAndRefused() throws Exception {
        Path binary = Files.write(dir.resolve("vectors.bin"), new byte[] {'1', '3', ' ', '5', '\n', 'a', ' ', 0, 0});
        Path latin1 = Files.write(dir.resolve("latin1.txt"), ": s\ncaf\u00e9 a b c\n".getBytes(StandardCharsets.ISO_8859_1));
        Path sub = Files.createDirectory(dir.resolve("sub"));
        assertEquals(sub + ": is a directory, not an analogy questions file",
                assertThrows(IOException.class, () -> AnalogyEvaluation.readQuestions(sub)).getMessage());
        assertEquals(sub + ": is a directory, not a word-pair file",
                assertThrows(IOException.class, () -> SimilarityEvaluation.readPairs(sub, "\t")).getMessage());
        assertEquals(binary + ": not a text file (a NUL byte on line 2); expected an analogy questions file",
                assertThrows(IOException.class, () -> AnalogyEvaluation.readQuestions(binary)).getMessage());
        assertEquals(binary + ": not a text file (a NUL byte on line 2); expected a word-pair file",
                assertThrows(IOException.class, () -> SimilarityEvaluation.readPairs(binary, "\t")).getMessage());
        assertEquals(latin1 + ": not UTF-8 text (line 2); expected an analogy questions file",
                assertThrows(IOException.class, () -> AnalogyEvaluation.readQuestions(latin1)).getMessage());
        assertThrows(NoSuchFileException.class, () -> AnalogyEvaluation.readQuestions(dir.resolve("none.txt")));
        // Past the first block, lines are still checked as they come.
        Path late = dir.resolve("late.txt");
        Files.write(late, (": s\n" + "a b c d\n".repeat(10_000) + "caf\u00e9 a b c\n").getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(late + ": not UTF-8 text (line 10002); expected an analogy questions file",
                assertThrows(IOException.class, () -> AnalogyEvaluation.readQuestions(late)).getMessage());
    }

    @Test
    void aLineOverOneMebibyteIsNotReadWhole() throws Exception {
        Path big = Files.write(dir.resolve("corpus.txt"), "word ".repeat(300_000).getBytes(StandardCharsets.UTF_8));
        assertEquals(big + ": line 1 is over 1 MiB long; expected a word-pair file",
                assertThrows(IOException.class, () -> SimilarityEvaluation.readPairs(big, "\t")).getMessage());
    }

    @Test
    void linesAreSplitAsPythonDoes() throws Exception {
        byte[] b = "a\r\nb\rc\n\nd".getBytes(StandardCharsets.UTF_8);
        Path f = Files.write(dir.resolve("f.txt"), b);
        List<String> binary = new ArrayList<>();
        EvalFiles.forEachLine(f, "x", false, (line, n) -> binary.add(line));
        List<String> text = new ArrayList<>();
        EvalFiles.forEachLine(f, "x", true, (line, n) -> text.add(line));
        assertEquals(PythonText.binaryLines(b, "f"), binary);
        assertEquals(PythonText.textLines(b, "f"), text);
    }

    @Test
    void nanInfiniteAndNonNumericScoresAreSkippedAndCounted() throws Exception {
        List<String> clean = List.of("# made up", "king\tqueen\t8", "apple\tpear\t9", "man\tapple\t1",
                "girl\tprincess\t7");
        List<String> dirty = new ArrayList<>(clean);
        dirty.add(2, "king\tprince\tnan");
        dirty.add("boy\tgirl\tinf");
        dirty.add("boy\tman\tlots");
        SimilarityEvaluation.Pairs pairs = SimilarityEvaluation.parsePairs("wordsim.tsv", dirty, "\t");
        assertEquals(3, pairs.invalidScores());
        assertEquals("wordsim.tsv: 3 pairs with a non-numeric score skipped (first at line 3)", pairs.warning());
        SimilarityEvaluation.Result r = SimilarityEvaluation.evaluate(matrix, pairs,
                SimilarityEvaluation.Options.DEFAULT);
        SimilarityEvaluation.Result expected = SimilarityEvaluation.evaluate(matrix, "wordsim.tsv", clean,
                SimilarityEvaluation.Options.DEFAULT);
        assertFalse(Double.isNaN(r.spearman()));
        assertEquals(expected.spearman(), r.spearman());
        assertEquals(expected.pearson(), r.pearson());
        assertEquals(4, r.pairs());
        assertEquals(3, r.invalidScores());
        assertTrue(r.toJson().contains("\"invalidScores\":3"), r.toJson());
        assertNull(SimilarityEvaluation.parsePairs("w", clean, "\t").warning());

        SimilarityEvaluation.Pairs one = SimilarityEvaluation.parsePairs("wordsim.tsv",
                List.of("king\tqueen\t8", "a\tb", "apple\tpear\tNaN"), "\t");
        assertEquals("wordsim.tsv: 1 pair with a non-numeric score skipped (first at line 3); 1 line without three "
                + "fields skipped (first at line 2)", one.warning());
    }

    @Test
    void aWordPairFileWithoutAValidPairIsAnError() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.tsv"), "# only a comment\n\n");
        assertEquals(empty + ": no word pair found (expected lines 'word1<TAB>word2<TAB>score'; '#' starts a comment)",
                assertThrows(IOException.class, () -> SimilarityEvaluation.readPairs(empty, "\t")).getMessage());
        Path spaces = Files.writeString(dir.resolve("spaces.txt"), "king queen 8\n");
        assertEquals(spaces + ": no word pair found (expected lines 'word1<TAB>word2<TAB>score'; '#' starts a "
                + "comment)", assertThrows(IOException.class, () -> SimilarityEvaluation.readPairs(spaces, "\t"))
                .getMessage());
        Path nan = Files.writeString(dir.resolve("nan.tsv"), "word1\tword2\tscore\nking\tqueen\tnan\n");
        assertEquals(nan + ": no word pair with a numeric score found (2 skipped, the first at line 1)",
                assertThrows(IOException.class, () -> SimilarityEvaluation.readPairs(nan, "\t")).getMessage());
        SimilarityEvaluation.Pairs unknown = SimilarityEvaluation.parsePairs("w.tsv",
                List.of("unicorn\tking\t5", "dragon\tqueen\t4"), "\t");
        assertEquals("w.tsv: none of the 2 pairs could be scored: each has a word that is not among the first "
                + "300000 words of the vectors", assertThrows(IllegalArgumentException.class,
                        () -> SimilarityEvaluation.evaluate(matrix, unknown, SimilarityEvaluation.Options.DEFAULT))
                .getMessage());
    }
}
