package w2v.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static w2v.cli.CommandTestSupport.input;
import static w2v.cli.CommandTestSupport.run;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryCommandsTest {

    private static final VectorLoader LOADER = CommandTestSupport::readText;

    @TempDir
    Path dir;
    private String vectors;

    @BeforeEach
    void files() throws Exception {
        vectors = CommandTestSupport.royals(dir).toString();
    }

    private static List<String> words(String table) {
        // Rows of the ranking tables: "   1  prince    0.777778" -> prince
        return table.lines().filter(l -> l.matches("\\s*\\d+\\s+\\S+\\s+-?[0-9.]+")).map(l -> l.trim().split("\\s+")[1])
                .toList();
    }

    @Test
    void similarListsNeighboursOfEachQueryAndSumsWordsOfOneArgument() throws Exception {
        var r = run(new SimilarCommand(LOADER, input("")), vectors, "king", "king woman", "-k", "3");
        assertEquals(0, r.status(), r.err());
        assertEquals(List.of("prince", "man", "queen", "crown", "queen", "man"), words(r.out()));
        assertTrue(r.out().contains("   1  prince  0.777778"), r.out());
        assertTrue(r.out().contains("king (#3) + woman (#2)"), r.out());
    }

    @Test
    void similarReportsUnknownWordsOnOneLineAndExitsOne() throws Exception {
        var r = run(new SimilarCommand(LOADER, input("")), vectors, "unicorn", "apple", "-k", "2");
        assertEquals(1, r.status());
        assertEquals(List.of("w2v similar: not in the vocabulary: unicorn"), r.errLines());
        assertEquals(List.of("pear", "banana"), words(r.out()));
    }

    @Test
    void similarWithoutWordsPromptsLikeDistance() throws Exception {
        var r = run(new SimilarCommand(LOADER, input("king\n\nunicorn\napple pear\nEXIT\nqueen\n")), vectors, "-k", "2");
        assertEquals(0, r.status(), r.err());
        assertEquals(List.of("prince", "man", "banana", "cherry"), words(r.out()));
        assertTrue(r.out().contains("Out of dictionary word: unicorn"));
        assertEquals(5, r.out().split(java.util.regex.Pattern.quote(SimilarCommand.PROMPT), -1).length - 1, r.out()); // stops at EXIT
    }

    @Test
    void analogyWithBothMethods() throws Exception {
        var add = run(new AnalogyCommand(LOADER, input("")), vectors, "man", "king", "woman", "-k", "2");
        assertEquals(0, add.status(), add.err());
        assertEquals(List.of("crown", "queen"), words(add.out()));
        assertTrue(add.out().startsWith("man : king :: woman : ?"), add.out());
        var mul = run(new AnalogyCommand(LOADER, input("")), vectors, "man", "king", "woman", "boy", "prince", "girl",
                "-k", "1", "--method", "mul");
        assertEquals(0, mul.status(), mul.err());
        assertEquals(List.of("queen", "princess"), words(mul.out()));
    }

    @Test
    void analogyPromptsLikeWordAnalogy() throws Exception {
        var r = run(new AnalogyCommand(LOADER, input("man king\nman king woman\n")), vectors, "-k", "1",
                "--method", "MUL");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("2 words were entered; three are needed"), r.out());
        assertEquals(List.of("queen"), words(r.out()));
    }

    @Test
    void usageErrorsAreOneLinePlusUsageAndExitTwo() throws Exception {
        var r = run(new AnalogyCommand(LOADER, input("")), vectors, "man", "king");
        assertEquals(2, r.status());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.errLines().get(0).startsWith("w2v analogy: words come in threes"), r.err());
        assertTrue(r.errLines().size() == 1 && r.err().contains("; usage: w2v analogy FILE"), r.err());

        r = run(new AnalogyCommand(LOADER, input("")), vectors, "man", "king", "woman", "--method", "div");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("unknown analogy method 'div'"), r.err());

        r = run(new SimilarCommand(LOADER, input("")), vectors, "king", "--bogus");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("\"--bogus\" is not a valid option"), r.err());

        r = run(new EvalCommand(LOADER, input("")), vectors);
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("w2v eval: nothing to evaluate"), r.err());

        r = run(new MapCommand(LOADER, input("")), vectors, "king");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("-o"), r.err());
    }

    @Test
    void helpGoesToStdoutWithExitZero() throws Exception {
        var r = run(new EvalCommand(LOADER, input("")), "--help");
        assertEquals(0, r.status());
        assertTrue(r.out().contains("--analogies") && r.out().contains("--json"), r.out());
    }

    @Test
    void fileErrorsAreOneLineWithoutStackTrace() throws Exception {
        var r = run(new SimilarCommand(LOADER, input("")), dir.resolve("missing.txt").toString(), "king");
        assertEquals(1, r.status());
        assertEquals(List.of("w2v similar: no such file: " + dir.resolve("missing.txt")), r.errLines());

        r = run(new EvalCommand(LOADER, input("")), vectors, "--analogies", dir.resolve("nope.txt").toString());
        assertEquals(1, r.status());
        assertEquals(List.of("w2v eval: no such file: " + dir.resolve("nope.txt")), r.errLines());

        // A loader failure (here: the real reader, whatever state it is in) is still one line, never a trace.
        r = run(new SimilarCommand(VectorLoader.STANDARD, input("")), vectors, "king");
        assertTrue(r.status() == 0 || (r.status() == 1 && r.errLines().size() == 1), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void evalPrintsSectionsAndCorrelationsAndJson() throws Exception {
        Path q = dir.resolve("questions.txt");
        Files.writeString(q, """
                : family
                man king woman queen
                boy prince girl princess
                man woman boy girl
                man king unicorn queen
                : gram1-things
                apple pear king man
                """, StandardCharsets.UTF_8);
        Path s = dir.resolve("pairs.tsv");
        Files.writeString(s, """
                # source: made up
                king\tqueen\t8
                apple\tpear\t9
                man\tapple\t1
                girl\tprincess\t7
                unicorn\tking\t5
                """, StandardCharsets.UTF_8);
        var r = run(new EvalCommand(LOADER, input("")), vectors, "--analogies", q.toString(), "--similarity",
                s.toString());
        assertEquals(0, r.status(), r.err());
        // 3CosAdd: man:king::woman -> crown (wrong), boy:prince::girl -> princess, man:woman::boy -> girl,
        // apple:pear::king -> man (right).
        assertTrue(r.out().contains("  family: 66.7% (2/3)\n"), r.out());
        assertTrue(r.out().contains("  gram1-things: 100.0% (1/1)\n"), r.out());
        assertTrue(r.out().contains("  semantic: 66.7% (2/3)\n"), r.out());
        assertTrue(r.out().contains("  syntactic: 100.0% (1/1)\n"), r.out());
        assertTrue(r.out().contains("  Total accuracy: 75.0% (3/4)\n"), r.out());
        assertTrue(r.out().contains("out of vocabulary: 1 of 5 questions skipped (20.0%)"), r.out());
        assertTrue(r.out().contains("4 pairs, 1 with unknown words (20.0%)"), r.out());

        var mul = run(new EvalCommand(LOADER, input("")), vectors, "-a", q.toString(), "--method", "mul");
        assertTrue(mul.out().contains("  family: 100.0% (3/3)\n"), mul.out());

        var json = run(new EvalCommand(LOADER, input("")), vectors, "-a", q.toString(), "-s", s.toString(), "--json");
        assertEquals(0, json.status(), json.err());
        String j = json.out().strip();
        assertTrue(j.startsWith("{\"vectors\":") && j.endsWith("]}"), j);
        assertTrue(j.contains("\"total\":{\"section\":\"Total accuracy\",\"correct\":3,\"total\":4,\"accuracy\":0.75}"),
                j);
        assertTrue(j.contains("\"pairs\":4,\"oov\":1"), j);
        assertEquals(1, j.lines().count());
    }

    @Test
    void mapWritesThePngOfTheRequestedSize() throws Exception {
        Path png = dir.resolve("words.png");
        var r = run(new MapCommand(LOADER, input("")), vectors, "king", "apple", "-k", "3", "-o", png.toString(),
                "--size", "500x400");
        assertEquals(0, r.status(), r.err());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(500, img.getWidth());
        assertEquals(400, img.getHeight());
        assertTrue(r.out().startsWith("wrote " + png + ": 8 words, 500x400"), r.out());

        r = run(new MapCommand(LOADER, input("")), vectors, "king", "-o", png.toString(), "--size", "big");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--size must be WIDTHxHEIGHT"), r.err());
    }

    @Test
    void classesWritesTheKMeansClassOfEveryWordInFileOrder() throws Exception {
        Path out = dir.resolve("classes.txt");
        var r = run(new ClassesCommand(LOADER, input("")), vectors, "3", "-o", out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("wrote 3 classes of 13 words to " + out), r.out());
        try (var v = CommandTestSupport.readText(Path.of(vectors), 0)) {
            int[] expected = w2v.cluster.KMeans.classes(v, 3);
            List<String> lines = Files.readAllLines(out);
            assertEquals(13, lines.size());
            for (int i = 0; i < 13; i++) {
                assertEquals(v.word(i) + " " + expected[i], lines.get(i));
            }
        }

        for (String[] bad : new String[][] {{vectors, "14"}, {vectors, "0"}, {vectors, "x"}, {vectors}}) {
            List<String> args = new java.util.ArrayList<>(List.of(bad));
            args.addAll(List.of("-o", dir.resolve("bad.txt").toString()));
            r = run(new ClassesCommand(LOADER, input("")), args.toArray(String[]::new));
            assertEquals(2, r.status(), String.join(" ", bad) + ": " + r.err());
            assertEquals(1, r.errLines().size(), r.err());
            assertTrue(r.errLines().size() == 1 && r.err().contains("; usage: w2v classes FILE K"), r.err());
            assertFalse(Files.exists(dir.resolve("bad.txt")));
        }
        r = run(new ClassesCommand(LOADER, input("")), vectors, "2", "-o", dir.resolve("no/such/dir.txt").toString());
        assertEquals(1, r.status());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("does not exist"), r.err());
    }
}
