package w2v.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PlantedCorpusTest {
    private static final PlantedCorpus.Spec SPEC = PlantedCorpus.Spec.defaults().withWords(1_000_000).withSeed(42);
    private static PlantedCorpus corpus;
    private static byte[] text;
    private static String[][] sentences;
    private static Map<String, Integer> counts;

    @BeforeAll
    static void generate() throws IOException {
        corpus = new PlantedCorpus(SPEC);
        text = bytes(corpus);
        String[] lines = new String(text, StandardCharsets.US_ASCII).split("\n", -1);
        assertEquals("", lines[lines.length - 1], "the corpus ends with a newline");
        sentences = new String[lines.length - 1][];
        counts = new HashMap<>();
        for (int i = 0; i < sentences.length; i++) {
            sentences[i] = lines[i].split(" ", -1);
            for (String w : sentences[i]) {
                counts.merge(w, 1, Integer::sum);
            }
        }
    }

    private static byte[] bytes(PlantedCorpus c) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long n = c.write(out);
        assertEquals(out.size(), n, "write returns the number of bytes written");
        return out.toByteArray();
    }

    @Test
    void sameSpecGivesSameBytesAndOtherSeedDiffers() throws IOException {
        PlantedCorpus.Spec small = SPEC.withWords(50_000);
        assertArrayEquals(bytes(new PlantedCorpus(small)), bytes(new PlantedCorpus(small)));
        assertFalse(Arrays.equals(bytes(new PlantedCorpus(small)), bytes(new PlantedCorpus(small.withSeed(43)))));
        assertNotEquals(new PlantedCorpus(small).analogies(), new PlantedCorpus(small.withSeed(43)).analogies());
    }

    @Test
    void emitsExactlyTheRequestedWordCount() throws IOException {
        long total = Arrays.stream(sentences).mapToLong(s -> s.length).sum();
        assertEquals(SPEC.words(), total);
        for (long words : new long[] {0, 1, 4, 41, 12_345}) {
            byte[] b = bytes(new PlantedCorpus(SPEC.withWords(words)));
            String s = new String(b, StandardCharsets.US_ASCII);
            long n = s.isEmpty() ? 0 : Arrays.stream(s.split("\n")).mapToLong(l -> l.split(" ").length).sum();
            assertEquals(words, n, "words=" + words);
        }
    }

    @Test
    void formatIsLowercaseWordsSingleSpacesOneSentencePerLine() {
        for (int i = 0; i < sentences.length; i++) {
            String[] s = sentences[i];
            if (i < sentences.length - 1) {
                assertTrue(s.length >= SPEC.minSentence() && s.length <= SPEC.maxSentence(),
                    "sentence " + i + " has " + s.length + " words");
            }
            for (String w : s) {
                assertTrue(w.matches("[a-z]+"), "bad token '" + w + "' in sentence " + i);
            }
        }
        // Lengths vary over the whole range.
        Set<Integer> lengths = new HashSet<>();
        for (String[] s : sentences) {
            lengths.add(s.length);
        }
        assertTrue(lengths.contains(SPEC.minSentence()) && lengths.contains(SPEC.maxSentence()), lengths::toString);
    }

    @Test
    void smallerCorpusIsAPrefixOfALargerOne() throws IOException {
        byte[] small = bytes(new PlantedCorpus(SPEC.withWords(20_000)));
        // The small one's last sentence may be cut short: compare up to its last complete line.
        int lastFullLine = lastIndexOf(small, (byte) '\n', small.length - 2);
        assertArrayEquals(Arrays.copyOf(small, lastFullLine + 1), Arrays.copyOf(text, lastFullLine + 1));
    }

    private static int lastIndexOf(byte[] b, byte v, int from) {
        for (int i = from; i >= 0; i--) {
            if (b[i] == v) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void fillerFrequenciesFollowZipf() {
        List<String> filler = corpus.fillerWords();
        assertEquals(SPEC.fillerWords(), filler.size());
        double f1 = counts.get(filler.get(0));
        double f10 = counts.get(filler.get(9));
        double f100 = counts.get(filler.get(99));
        // Exponent 1: rank 1 is 10x rank 10 and 100x rank 100 (sampling noise aside).
        assertTrue(f1 / f100 > 60 && f1 / f100 < 160, "f1/f100 = " + f1 / f100);
        assertTrue(f1 / f10 > 7 && f1 / f10 < 14, "f1/f10 = " + f1 / f10);
        // Frequent enough that subsampling at 1e-3 matters: the top word is several percent of the text.
        assertTrue(f1 / SPEC.words() > 0.05, "top filler share " + f1 / SPEC.words());
        // The tail exists: the top 100 filler words are under 70% of the text.
        double top100 = filler.subList(0, 100).stream().mapToDouble(w -> counts.getOrDefault(w, 0)).sum();
        assertTrue(top100 / SPEC.words() < 0.7, "top-100 share " + top100 / SPEC.words());
    }

    @Test
    void everyAnalogyWordOccursOften() {
        for (Analogy a : corpus.analogies()) {
            for (String w : List.of(a.a(), a.b(), a.c(), a.d())) {
                int n = counts.getOrDefault(w, 0);
                assertTrue(n >= 60, w + " occurs only " + n + " times in 1M words (about 114 expected)");
            }
        }
        for (Relation r : corpus.relations()) {
            for (Relation.Pair p : r.pairs()) {
                for (String t : p.topicWords()) {
                    assertTrue(counts.getOrDefault(t, 0) >= 150, "topic word " + t + " occurs " + counts.get(t) + " times");
                }
            }
        }
    }

    @Test
    void pairsShareTopicWordsAndRolesShareMarkersInTheText() {
        int window = 5;
        // For every planted word, the planted words seen within the window around it.
        Map<String, Map<String, Integer>> near = new HashMap<>();
        Set<String> planted = new HashSet<>(corpus.vocabulary().subList(SPEC.fillerWords(),
            corpus.vocabulary().size()));
        for (String[] s : sentences) {
            for (int i = 0; i < s.length; i++) {
                if (!corpus.entityWords().contains(s[i])) {
                    continue;
                }
                Map<String, Integer> m = near.computeIfAbsent(s[i], k -> new HashMap<>());
                for (int j = Math.max(0, i - window); j < Math.min(s.length, i + window + 1); j++) {
                    if (j != i && planted.contains(s[j])) {
                        m.merge(s[j], 1, Integer::sum);
                    }
                }
            }
        }
        for (Relation r : corpus.relations()) {
            for (Relation.Pair p : r.pairs()) {
                Map<String, Integer> nx = near.get(p.x());
                Map<String, Integer> ny = near.get(p.y());
                for (String t : p.topicWords()) {
                    assertTrue(nx.getOrDefault(t, 0) >= 10 && ny.getOrDefault(t, 0) >= 10,
                        "topic word " + t + " near " + p.x() + " " + nx.get(t) + " and " + p.y() + " " + ny.get(t));
                }
                assertMostlyFrom(nx, p.topicWords(), r.xMarkers(), p.x());
                assertMostlyFrom(ny, p.topicWords(), r.yMarkers(), p.y());
            }
        }
    }

    /** At least 95% of the planted words around {@code word} are its own topic words or its role's markers. */
    private static void assertMostlyFrom(Map<String, Integer> near, List<String> topics, List<String> markers,
                                         String word) {
        long own = 0;
        long total = 0;
        long ownMarkers = 0;
        for (Map.Entry<String, Integer> e : near.entrySet()) {
            total += e.getValue();
            if (topics.contains(e.getKey()) || markers.contains(e.getKey())) {
                own += e.getValue();
            }
            if (markers.contains(e.getKey())) {
                ownMarkers += e.getValue();
            }
        }
        assertTrue(own >= 0.95 * total, word + ": " + own + " of " + total + " nearby planted words are its own");
        assertTrue(ownMarkers >= 0.25 * total, word + ": only " + ownMarkers + " role markers nearby");
    }

    @Test
    void analogiesCoverEveryOrderedPairOfEveryRelation() {
        List<Analogy> all = corpus.analogies();
        int n = SPEC.entitiesPerRelation();
        assertEquals(SPEC.relations() * n * (n - 1), all.size());
        assertEquals(all.size(), new HashSet<>(all).size(), "no duplicate questions");
        Set<String> vocab = new HashSet<>(corpus.vocabulary());
        assertEquals(corpus.vocabulary().size(), vocab.size(), "vocabulary has no duplicates");
        for (Analogy a : all) {
            assertTrue(vocab.containsAll(List.of(a.a(), a.b(), a.c(), a.d())), a::line);
            assertEquals(4, new HashSet<>(List.of(a.a(), a.b(), a.c(), a.d())).size(), a::line);
        }
        Set<String> sections = new HashSet<>();
        all.forEach(a -> sections.add(a.section()));
        assertEquals(Set.of("capital-world", "gram-plural", "gram-past-tense"), sections);
    }

    @Test
    void questionsFileHasGoogleFormat() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        corpus.writeQuestions(out);
        String[] lines = out.toString(StandardCharsets.US_ASCII).split("\n");
        int questions = 0;
        int sections = 0;
        for (String line : lines) {
            if (line.startsWith(": ")) {
                sections++;
            } else {
                assertTrue(line.matches("[a-z]+ [a-z]+ [a-z]+ [a-z]+"), line);
                questions++;
            }
        }
        assertTrue(lines[0].startsWith(": "));
        assertEquals(SPEC.relations(), sections);
        assertEquals(corpus.analogies().size(), questions);
    }

    @Test
    void plantedWordsDoNotDependOnCorpusSize() {
        PlantedCorpus tiny = new PlantedCorpus(SPEC.withWords(10));
        assertEquals(corpus.vocabulary(), tiny.vocabulary());
        assertEquals(corpus.relations(), tiny.relations());
        // Nor on the filler vocabulary size.
        assertEquals(corpus.relations(), new PlantedCorpus(SPEC.withFillerWords(500)).relations());
    }

    @Test
    void expectedNeighboursAreThePartnerTopicsAndSameRole() {
        Relation capitals = corpus.relations().get(0);
        Relation.Pair p = capitals.pairs().get(7);
        Set<String> nb = corpus.expectedNeighbours(p.y());
        assertTrue(nb.contains(p.x()));
        assertTrue(nb.containsAll(p.topicWords()));
        assertTrue(nb.contains(capitals.pairs().get(3).y()));
        assertFalse(nb.contains(p.y()), "not itself");
        assertFalse(nb.contains(capitals.pairs().get(3).x()), "not another entity's partner");
        assertTrue(corpus.expectedNeighbours("the").isEmpty());
    }

    @Test
    void streamsWithoutPerWordAllocation() throws IOException {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        PlantedCorpus c = new PlantedCorpus(SPEC.withWords(20_000_000));
        CountingSink sink = new CountingSink();
        c.write(sink); // warm-up
        long before = threads.getCurrentThreadAllocatedBytes();
        long t0 = System.nanoTime();
        long bytes = c.write(sink);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(bytes > 80_000_000, "20M words should be ~100 MB, got " + bytes);
        assertTrue(allocated < 1_000_000, "writing 20M words allocated " + allocated + " bytes");
        System.out.printf("PlantedCorpus: %d bytes in %.2f s (%.0f MB/s), %d bytes allocated%n",
            bytes, seconds, bytes / 1e6 / seconds, allocated);
    }

    private static final class CountingSink extends OutputStream {
        long n;

        @Override
        public void write(int b) {
            n++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            n += len;
        }
    }

    @Test
    void smallSpecIsTheDemoSize() {
        PlantedCorpus small = new PlantedCorpus(PlantedCorpus.Spec.small());
        assertEquals(500_000, small.spec().words());
        assertEquals(3 * 20 * 19, small.analogies().size());
    }

    @Test
    void rejectsBadSpecs() {
        PlantedCorpus.Spec d = PlantedCorpus.Spec.defaults();
        assertThrows(IllegalArgumentException.class, () -> d.withWords(-1));
        assertThrows(IllegalArgumentException.class, () -> d.withRelations(4, 10));
        assertThrows(IllegalArgumentException.class, () -> d.withRelations(1, 1));
        assertThrows(IllegalArgumentException.class, () -> d.withFillerWords(10));
        assertThrows(IllegalArgumentException.class, () -> d.withPlantedFraction(0));
    }
}
