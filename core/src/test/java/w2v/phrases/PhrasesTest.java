package w2v.phrases;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import w2v.corpus.CorpusException;
import w2v.corpus.CorpusFile;
import w2v.testing.Python;

/** word2phrase's phrases: hand-computed scores, planted collocations, and the line-by-line port as oracle. */
class PhrasesTest {

    @TempDir
    Path dir;

    /** 21 words; counts new 6, york 5, new_york 5, is 3, big 3, is_big 3, york_is 3, big_new 3 (across lines). */
    private static final String HAND = """
            new york is big
            new york is big
            new york is big
            new york city
            new york city
            the new car
            """;

    @Test
    void handComputedScoresDecideWhichBigramsJoin() throws Exception {
        // (5 - 2) / 6 / 5 * 21 = 2.1 for new_york, (3 - 2) / 3 / 3 * 21 = 2.33 for is_big, in float arithmetic.
        assertEquals(2.1000001f, Scorer.defaultScore(6, 5, 5, 2, 21));
        assertEquals(2.3333333f, Scorer.defaultScore(3, 3, 3, 2, 21));
        assertEquals(1.4f, Scorer.defaultScore(5, 3, 3, 2, 21), 1e-6f); // york_is
        String both = " new_york is_big\n".repeat(3) + " new_york city\n".repeat(2) + " the new car\n";
        assertEquals(both, phrases(HAND, 2, 2.0));
        // The float score 2.1000001 is above the float 2.1 (2.0999999): joined, as word2phrase joins it.
        assertEquals(both, phrases(HAND, 2, 2.1));
        // york is not joined to new: is_big's (3 - 2) / 3 / 3 * 21 alone passes; "is" still may join "big",
        // because the word before it was not joined. "the" and "car" are below min-count: never joined.
        assertEquals(" new york is_big\n".repeat(3) + " new york city\n".repeat(2) + " the new car\n",
                phrases(HAND, 2, 2.2));
        assertEquals(HAND.lines().map(l -> " " + l + "\n").reduce("", String::concat), phrases(HAND, 2, 2.4));
    }

    @Test
    void aJoinedWordDoesNotJoinTheNextOneInTheSamePass() throws Exception {
        // a_b, b_c and c_d all score the same; b joins a, so c may not join b (pb = 0), but d joins c.
        String text = "a b c d\n".repeat(10);
        String out = phrases(text, 1, 0.5);
        assertEquals(" a_b c_d\n".repeat(10), out);
    }

    @Test
    void npmiScoresAsGensimDoes() throws Exception {
        // new_york: ln((5/21) / ((6/21)(5/21))) / -ln(5/21) = ln(3.5) / ln(4.2) = 0.873; is_big: ln 7 / ln 7 = 1.
        assertEquals(Math.log(3.5) / Math.log(4.2), Scorer.npmi(6, 5, 5, 21), 1e-12);
        assertEquals(" new_york is_big\n".repeat(3) + " new_york city\n".repeat(2) + " the new car\n",
                phrases(HAND, 2, 0.87, Phrases.Scoring.NPMI, 1, Phrases.CHUNK_BYTES));
        assertEquals(" new york is_big\n".repeat(3) + " new york city\n".repeat(2) + " the new car\n",
                phrases(HAND, 2, 0.88, Phrases.Scoring.NPMI, 1, Phrases.CHUNK_BYTES));
        // npmi never joins an unknown bigram, even with a negative threshold (word2phrase's score would be 0).
        assertEquals(" the cat\n".repeat(3), phrases(" the cat\n".repeat(3), 5, -1, Phrases.Scoring.NPMI, 1,
                Phrases.CHUNK_BYTES));
    }

    @Test
    void npmiFormulaMatchesGensimsScorer() {
        Python.requireGensim();
        long[][] cases = {{6, 5, 5, 21}, {1000, 20, 19, 1_000_000}, {50_000, 40_000, 3, 20_000_000}, {7, 7, 7, 7000}};
        StringBuilder args = new StringBuilder();
        for (long[] c : cases) {
            args.append(c[0]).append(',').append(c[1]).append(',').append(c[2]).append(',').append(c[3]).append(' ');
        }
        String out = Python.run("""
                import sys
                from gensim.models.phrases import npmi_scorer
                for case in sys.argv[1].split():
                    a, b, ab, n = map(int, case.split(','))
                    print(repr(npmi_scorer(a, b, ab, 0, 1, n)))
                """, args.toString().trim());
        List<String> lines = out.lines().toList();
        for (int i = 0; i < cases.length; i++) {
            long[] c = cases[i];
            assertEquals(Double.parseDouble(lines.get(i)), Scorer.npmi(c[0], c[1], c[2], c[3]), 1e-15,
                    "npmi" + Arrays.toString(c));
        }
    }

    @Test
    void wordToPhraseDropsTheLastInsertedEntryWhenNoneIsBelowMinCount() throws Exception {
        // Every entry reaches min-count 1, so SortVocab's loop removes the last one it sorted: "b" (count 1,
        // inserted last). Without that, "_a_b" (count 2: the bigram of "" and "a_b", and of "_a" and "b")
        // would join b to _a. word2phrase writes " a_b _a b" (checked against the npm build).
        assertEquals(" a_b _a b\n", phrases("a_b _a b\n", 1, 0.5));
    }

    @Test
    void joinsExactlyThePlantedCollocationsAboveTheThreshold() throws Exception {
        Planted p = Planted.generate(new Random(42));
        int above = 0;
        for (int i = 0; i < p.alone.length; i++) {
            above += p.score(i) > 100 ? 1 : 0;
        }
        assertTrue(above >= 3 && above <= p.alone.length - 3, "the plan puts pairs on both sides: " + above);
        Path in = write("planted.txt", p.text);
        byte[] expectedFromOneThread = null;
        for (int threads : new int[] {1, 2, 3}) {
            Path out = dir.resolve("planted-" + threads + ".txt");
            new Phrases(Phrases.Options.defaults(threads).withChunkBytes(threads == 1 ? Phrases.CHUNK_BYTES : 4096))
                    .run(CorpusFile.of(in), out);
            String text = Files.readString(out, StandardCharsets.ISO_8859_1);
            long joinedTokens = Arrays.stream(text.split("[ \n]")).filter(t -> t.contains("_")).count();
            long expectedJoins = 0;
            for (int i = 0; i < p.alone.length; i++) {
                long found = count(text, " px" + i + "_py" + i + " ");
                boolean join = p.score(i) > 100;
                assertEquals(join ? Planted.TOGETHER : 0, found, "pair " + i + " scores " + p.score(i));
                expectedJoins += found;
            }
            assertEquals(expectedJoins, joinedTokens, "no filler bigram is joined");
            byte[] bytes = Files.readAllBytes(out);
            if (expectedFromOneThread == null) {
                expectedFromOneThread = bytes;
            }
            assertArrayEquals(expectedFromOneThread, bytes, "the same bytes with " + threads + " threads");
        }
    }

    /**
     * Random text with what trips a port up: words with '_' that collide with bigrams, carriage returns inside
     * words and lines, tabs, runs of spaces, empty lines, literal {@code </s>}, words over 178 bytes, bigrams
     * over 179, UTF-8, and sometimes no newline at the end (word2phrase loses that last word).
     */
    @ParameterizedTest(name = "seed {0}")
    @CsvSource({"1", "2", "3", "4"})
    void sameBytesAsTheLineByLinePortForAnyThreadsAndChunks(long seed) throws Exception {
        Random r = new Random(seed);
        byte[] text = awkwardText(r, 3000 + r.nextInt(3000));
        Path in = write("awkward-" + seed + ".txt", text);
        long[] minCounts = {1, 2, 3, 5};
        double[] thresholds = {-1, 0, 0.5, 2, 10, 100};
        for (int k = 0; k < 3; k++) {
            long mc = minCounts[r.nextInt(minCounts.length)];
            double th = thresholds[r.nextInt(thresholds.length)];
            byte[] expected = Word2PhraseReference.run(text, mc, th, Phrases.Scoring.DEFAULT);
            for (int threads : new int[] {1, 2, 3}) {
                // chunks of one byte: every word straddles; the thread handing over each costs, so once only
                for (long chunk : k == 0 && threads == 2 ? new long[] {1} : new long[] {13, Phrases.CHUNK_BYTES}) {
                    Path out = dir.resolve("out");
                    new Phrases(Phrases.Options.defaults(threads).withMinCount(mc).withThreshold(th)
                            .withChunkBytes(chunk)).run(CorpusFile.of(in), out);
                    assertArrayEquals(expected, Files.readAllBytes(out),
                            "min-count " + mc + ", threshold " + th + ", " + threads + " threads, chunks of " + chunk);
                }
            }
        }
        double npmi = r.nextDouble() * 1.2 - 0.2;
        byte[] expected = Word2PhraseReference.run(text, 2, npmi, Phrases.Scoring.NPMI);
        Path out = dir.resolve("out-npmi");
        new Phrases(Phrases.Options.defaults(2).withMinCount(2).withThreshold(npmi).withScoring(Phrases.Scoring.NPMI)
                .withChunkBytes(50)).run(CorpusFile.of(in), out);
        assertArrayEquals(expected, Files.readAllBytes(out), "npmi " + npmi);
    }

    @Test
    void aNulByteFailsWithItsOffsetAndLeavesTheOutputAlone() throws Exception {
        byte[] text = "word ".repeat(20_000).getBytes(StandardCharsets.US_ASCII); // past CorpusFile's 64 KB sniff
        text[90_001] = 0;
        Path in = write("nul.txt", text);
        Path out = write("out.txt", "old".getBytes(StandardCharsets.US_ASCII));
        CorpusException e = assertThrows(CorpusException.class,
                () -> new Phrases(Phrases.Options.defaults(2)).run(CorpusFile.of(in), out));
        assertEquals(in + ": contains a NUL byte at offset 90001: this looks like a binary file, not text",
                e.getMessage());
        assertEquals("old", Files.readString(out));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file left");
        }
    }

    @Test
    void aStopRequestEndsTheRunWithoutWritingAnything() throws Exception {
        Path in = write("hand.txt", HAND.getBytes(StandardCharsets.US_ASCII));
        Path out = write("out.txt", "old".getBytes(StandardCharsets.US_ASCII));
        Phrases p = new Phrases(Phrases.Options.defaults(2).withChunkBytes(10));
        p.requestStop();
        assertThrows(java.util.concurrent.CancellationException.class, () -> p.run(CorpusFile.of(in), out));
        assertEquals("old", Files.readString(out));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file left");
        }
    }

    @Test
    void aMemoryBoundPrunesRareEntriesAndStillOnlyJoinsWords() throws Exception {
        Planted p = Planted.generate(new Random(7));
        Path in = write("planted.txt", p.text);
        Path out = dir.resolve("out.txt");
        Phrases.Result r = new Phrases(Phrases.Options.defaults(2).withMaxKeys(20_000)).run(CorpusFile.of(in), out);
        assertTrue(r.pruned() > 0, "pruned " + r.pruned());
        Phrases.Result full = new Phrases(Phrases.Options.defaults(2)).run(CorpusFile.of(in), dir.resolve("full"));
        assertEquals(0, full.pruned());
        assertTrue(r.distinct() < full.distinct(), r.distinct() + " < " + full.distinct());
        // Nothing but the separators changed: '_' back to ' ' gives the input (which has no '_').
        String written = Files.readString(out, StandardCharsets.ISO_8859_1).replace('_', ' ');
        String input = new String(p.text, StandardCharsets.ISO_8859_1);
        assertEquals(input.lines().map(l -> " " + l).toList(), written.lines().toList());
        assertTrue(r.joined() > 0);
    }

    @Test
    void resultCountsWordsLinesAndJoins() throws Exception {
        Path in = write("hand.txt", HAND.getBytes(StandardCharsets.US_ASCII));
        Phrases.Result r = new Phrases(Phrases.Options.defaults(1).withMinCount(2).withThreshold(2))
                .run(CorpusFile.of(in), dir.resolve("out"));
        assertEquals(21, r.words());
        assertEquals(6, r.lines());
        assertEquals(8, r.joined()); // 5 new_york, 3 is_big
        assertEquals(10, r.kept()); // new york is big city, and new_york york_is is_big big_new york_city
    }

    // ---------------------------------------------------------------------------------------------------------

    private String phrases(String text, long minCount, double threshold) throws Exception {
        return phrases(text, minCount, threshold, Phrases.Scoring.DEFAULT, 1, Phrases.CHUNK_BYTES);
    }

    private String phrases(String text, long minCount, double threshold, Phrases.Scoring scoring, int threads,
            long chunk) throws Exception {
        Path in = write("in.txt", text.getBytes(StandardCharsets.UTF_8));
        Path out = dir.resolve("out.txt");
        new Phrases(Phrases.Options.defaults(threads).withMinCount(minCount).withThreshold(threshold)
                .withScoring(scoring).withChunkBytes(chunk)).run(CorpusFile.of(in), out);
        String s = Files.readString(out, StandardCharsets.UTF_8);
        byte[] reference = Word2PhraseReference.run(text.getBytes(StandardCharsets.UTF_8), minCount, threshold, scoring);
        assertEquals(new String(reference, StandardCharsets.UTF_8), s, "the line-by-line port agrees");
        return s;
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private static long count(String haystack, String needle) {
        long n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    /**
     * Filler drawn uniformly from 500 words, and pairs px_i py_i planted 40 times each, their words also
     * planted alone {@code alone[i]} times, always between two filler words: count(px_i) = count(py_i) =
     * 40 + alone[i] and count(px_i_py_i) = 40, so each pair's score is known in advance.
     */
    private record Planted(byte[] text, long words, int[] alone) {
        static final int TOGETHER = 40;
        static final int FILLER = 500;

        double score(int i) {
            long c = TOGETHER + alone[i];
            return Scorer.defaultScore(c, c, TOGETHER, 5, words);
        }

        static Planted generate(Random r) {
            int[] alone = {0, 10, 30, 60, 90, 200, 260, 400, 600, 900};
            List<String> plants = new ArrayList<>();
            for (int i = 0; i < alone.length; i++) {
                for (int k = 0; k < TOGETHER; k++) {
                    plants.add("px" + i + " py" + i);
                }
                for (int k = 0; k < alone[i]; k++) {
                    plants.add("px" + i);
                    plants.add("py" + i);
                }
            }
            java.util.Collections.shuffle(plants, r);
            StringBuilder b = new StringBuilder();
            long words = 0;
            int next = 0;
            while (next < plants.size() || words < 100_000) {
                int len = 3 + r.nextInt(15);
                b.append('f').append(r.nextInt(FILLER));
                for (int k = 1; k < len - 1; k++) {
                    // a plant only between filler words: never at a line's edge, never next to another plant
                    if (next < plants.size() && r.nextInt(4) == 0) {
                        String plant = plants.get(next++);
                        b.append(' ').append(plant).append(' ').append('f').append(r.nextInt(FILLER));
                        words += plant.contains(" ") ? 3 : 2;
                        k++;
                    } else {
                        b.append(' ').append('f').append(r.nextInt(FILLER));
                        words++;
                    }
                }
                b.append(' ').append('f').append(r.nextInt(FILLER)).append('\n');
                words += 2;
            }
            return new Planted(b.toString().getBytes(StandardCharsets.US_ASCII), words, alone);
        }
    }

    private static byte[] awkwardText(Random r, int tokens) {
        String[] common = {"the", "of", "new", "york", "city", "is", "a", "big", "apple", "san", "francisco", "bay",
                "area", "é", "naïve", "東京"};
        String[] underscored = {"new_york", "san_francisco", "_a", "a_", "the_", "_", "__", "new_york_city", "is_a"};
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int i = 0; i < tokens; i++) {
            int kind = r.nextInt(100);
            byte[] w;
            if (kind < 70) {
                w = common[Math.min(common.length - 1, (int) Math.abs(r.nextGaussian() * 5))].getBytes(StandardCharsets.UTF_8);
            } else if (kind < 82) {
                w = underscored[r.nextInt(underscored.length)].getBytes(StandardCharsets.UTF_8);
            } else if (kind < 85) {
                w = "</s>".getBytes(StandardCharsets.US_ASCII);
            } else if (kind < 88) {
                w = ("x".repeat(85 + r.nextInt(10)) + r.nextInt(3)).getBytes(StandardCharsets.US_ASCII);
            } else if (kind < 90) {
                w = ("long" + r.nextInt(3)).repeat(40 + r.nextInt(20)).getBytes(StandardCharsets.US_ASCII);
            } else if (kind < 94) {
                w = ("ci\rty" + (r.nextBoolean() ? "\r" : "")).getBytes(StandardCharsets.US_ASCII);
            } else {
                w = ("w" + r.nextInt(400)).getBytes(StandardCharsets.US_ASCII);
            }
            b.writeBytes(w);
            int sep = r.nextInt(100);
            String s = sep < 70 ? " " : sep < 78 ? "\n" : sep < 82 ? "\r\n" : sep < 86 ? "\t" : sep < 90 ? "   "
                    : sep < 93 ? "\n\n" : sep < 96 ? " \n " : sep < 98 ? "\r \r" : "\n\r\n";
            b.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
        }
        if (r.nextBoolean()) {
            b.writeBytes("tail".getBytes(StandardCharsets.US_ASCII)); // no separator after it: word2phrase drops it
        }
        return b.toByteArray();
    }
}
