package w2v.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static w2v.cli.CommandTestSupport.input;
import static w2v.cli.CommandTestSupport.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code similar --negative}, {@code similarity} and {@code doesnt-match} on the hand-made royals vectors. */
class KeyedQueryCommandsTest {

    private static final VectorLoader LOADER = CommandTestSupport::readText;

    @TempDir
    Path dir;
    private String vectors;

    @BeforeEach
    void files() throws Exception {
        vectors = CommandTestSupport.royals(dir).toString();
    }

    private static List<String> words(String table) {
        return table.lines().filter(l -> l.matches("\\s*\\d+\\s+\\S+\\s+-?[0-9.]+")).map(l -> l.trim().split("\\s+")[1])
                .toList();
    }

    @Test
    void similarSubtractsNegativeWordsFromEveryQuery() throws Exception {
        // gensim: most_similar(positive=['king', 'woman'], negative=['man']) -> crown 0.977409, queen, princess.
        var r = run(new SimilarCommand(LOADER, input("")), vectors, "king woman", "prince", "--negative", "man",
                "-k", "3");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("king (#3) + woman (#2) - man (#1)\n"), r.out());
        assertTrue(r.out().contains("   1  crown     0.97741"), r.out());
        assertTrue(r.out().contains("\nprince (#7) - man (#1)\n"), r.out());
        assertEquals(List.of("crown", "queen", "princess"), words(r.out()).subList(0, 3));
        assertEquals(6, words(r.out()).size());

        // Repeated, and a query of negative words only.
        var two = run(new SimilarCommand(LOADER, input("")), vectors, "", "--negative", "man", "--negative", "boy",
                "-k", "2");
        assertEquals(0, two.status(), two.err());
        assertTrue(two.out().startsWith("- man (#1) - boy (#5)\n"), two.out());
        assertEquals(2, words(two.out()).size());
    }

    @Test
    void negativeWordsMayStartWithADash() throws Exception {
        Path f = dir.resolve("dash.txt");
        Files.writeString(f, "3 2\na 1 0\nb 1 1\n-x 0 1\n", StandardCharsets.UTF_8);
        var r = run(new SimilarCommand(LOADER, input("")), f.toString(), "b", "--negative", "-x", "-k", "1");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("b (#2) - -x (#3)\n"), r.out());
        assertEquals(List.of("a"), words(r.out()));
    }

    @Test
    void similarNegativeErrors() throws Exception {
        var r = run(new SimilarCommand(LOADER, input("")), vectors, "king", "--negative", "unicorn");
        assertEquals(1, r.status());
        assertEquals(List.of("w2v similar: not in the vocabulary: unicorn"), r.errLines());

        r = run(new SimilarCommand(LOADER, input("")), vectors, "king", "--negative", "king");
        assertEquals(1, r.status());
        assertEquals(List.of("w2v similar: king (#3) - king (#3): the vectors cancel out, there is no direction to"
                + " search"), r.errLines());

        r = run(new SimilarCommand(LOADER, input("king\n")), vectors, "--negative", "man");
        assertEquals(2, r.status());
        assertEquals(List.of("w2v similar: --negative needs a QUERY after FILE (the prompt takes positive words only); "
                + "usage: w2v similar FILE [QUERY...] [--negative WORD]... [-k N] [--restrict N]"), r.errLines());

        r = run(new SimilarCommand(LOADER, input("")), vectors, "king", "--negative");
        assertEquals(2, r.status());
        assertTrue(r.errLines().get(0).startsWith("w2v similar: Option \"--negative\" takes an operand"), r.err());

        r = run(new SimilarCommand(LOADER, input("")), "--help");
        assertEquals(0, r.status());
        assertTrue(r.out().contains("--negative WORD") && r.out().contains("\"king woman\" --negative man"), r.out());
    }

    @Test
    void similarityPrintsOneCosinePerPair() throws Exception {
        var r = run(new SimilarityCommand(LOADER, input("")), vectors, "king", "queen", "apple", "Pear");
        assertEquals(0, r.status(), r.err());
        assertEquals("0.555556\n0.948683\n", r.out());

        r = run(new SimilarityCommand(LOADER, input("")), vectors, "king", "unicorn", "king", "man");
        assertEquals(1, r.status());
        assertEquals("NaN\n0.745356\n", r.out());
        assertEquals(List.of("w2v similarity: not in the vocabulary: unicorn"), r.errLines());

        r = run(new SimilarityCommand(LOADER, input("")), vectors, "king", "queen", "man");
        assertEquals(2, r.status());
        assertEquals(List.of("w2v similarity: words come in pairs (A B), got 3; usage: w2v similarity FILE [A B...]"),
                r.errLines());
    }

    @Test
    void similarityReadsPairsFromStandardInputLineForLine() throws Exception {
        var r = run(new SimilarityCommand(LOADER, input("king queen\n\napple\tpear\nking\nunicorn dragon\nman man\n")),
                vectors);
        assertEquals(1, r.status());
        assertEquals("0.555556\n\n0.948683\nNaN\nNaN\n1.000000\n", r.out());
        assertEquals(List.of("w2v similarity: line 4: expected two words (A B), got 1",
                "w2v similarity: line 5: not in the vocabulary: unicorn, dragon"), r.errLines());

        r = run(new SimilarityCommand(LOADER, input("king queen\n")), vectors);
        assertEquals(0, r.status(), r.err());
        assertEquals("0.555556\n", r.out());
    }

    @Test
    void doesntMatchPrintsTheOddWordAndLeavesOutUnknownWords() throws Exception {
        var r = run(new DoesntMatchCommand(LOADER, input("")), vectors, "king", "queen", "prince", "apple");
        assertEquals(0, r.status(), r.err());
        assertEquals("apple\n", r.out());
        assertEquals("", r.err());

        r = run(new DoesntMatchCommand(LOADER, input("")), vectors, "apple", "pear", "unicorn", "cherry", "King");
        assertEquals(0, r.status(), r.err());
        assertEquals("King\n", r.out());
        assertEquals(List.of("w2v doesnt-match: not in the vocabulary, left out: unicorn"), r.errLines());

        r = run(new DoesntMatchCommand(LOADER, input("")), vectors, "unicorn", "dragon");
        assertEquals(1, r.status());
        assertEquals("", r.out());
        assertEquals(List.of("w2v doesnt-match: none of the words is in the vocabulary: unicorn, dragon"),
                r.errLines());

        r = run(new DoesntMatchCommand(LOADER, input("")), vectors, "king");
        assertEquals(2, r.status());
        assertEquals(List.of("w2v doesnt-match: give two words or more after FILE, got 1; usage: w2v doesnt-match "
                + "FILE WORD WORD..."), r.errLines());
    }

    @Test
    void theNewCommandsAreListedAndReachableThroughMain() throws Exception {
        CliRun help = CliRun.of("--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("\n  similarity   cosine similarity of word pairs"), help.out());
        assertTrue(help.out().contains("\n  doesnt-match the word that goes least with the others"), help.out());

        CliRun r = CliRun.of("doesnt-match", vectors, "apple", "pear", "king");
        assertEquals(0, r.exit(), r.err());
        assertEquals("king\n", r.out());
        r = CliRun.of("similarity", dir.resolve("missing.txt").toString(), "a", "b");
        assertEquals(1, r.exit());
        assertEquals("w2v similarity: no such file: " + dir.resolve("missing.txt") + "\n", r.err());
    }
}
