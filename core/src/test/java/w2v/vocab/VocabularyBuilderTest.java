package w2v.vocab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import w2v.corpus.CorpusFile;

class VocabularyBuilderTest {

    @TempDir
    Path dir;

    @Test
    void countsOrdersAndDropsRareWordsLikeWordToVecC() throws Exception {
        Path f = dir.resolve("c.txt");
        Files.writeString(f, "b a c a\nb a d\n\nrare c c\n");
        Vocabulary v = new VocabularyBuilder(1, 2, 0).build(CorpusFile.of(f));
        assertArrayEquals(new String[] {"</s>", "a", "c", "b"}, v.words()); // c (3) before b (2); d, rare dropped
        assertArrayEquals(new long[] {4, 3, 3, 2}, v.counts());
        assertEquals(12, v.totalCount());
        assertEquals(1, v.indexOf("a"));
        assertEquals(-1, v.indexOf("d"));
        // a and c tie at 3: a comes first because it was seen first.
    }

    @Test
    void sameVocabularyWhateverTheNumberOfThreads() throws Exception {
        Random r = new Random(11);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            b.append("w").append((int) Math.abs(r.nextGaussian() * 300)).append(r.nextInt(12) == 0 ? '\n' : ' ');
        }
        Path f = dir.resolve("big.txt");
        Files.writeString(f, b);
        Vocabulary one = new VocabularyBuilder(1, 3, 0).build(CorpusFile.of(f));
        for (int threads : new int[] {2, 3, 8}) {
            Vocabulary many = new VocabularyBuilder(threads, 3, 0).build(CorpusFile.of(f));
            assertArrayEquals(one.words(), many.words(), threads + " threads");
            assertArrayEquals(one.counts(), many.counts(), threads + " threads");
        }
    }

    @Test
    void afterCountingRunsOnceWhenEveryRangeIsCountedAndBeforeTheMerge() throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 30_000; i++) {
            b.append("w").append(i % 997).append(i % 13 == 0 ? '\n' : ' ');
        }
        Path f = dir.resolve("c.txt");
        Files.writeString(f, b);
        VocabularyBuilder builder = new VocabularyBuilder(3, 1, 0);
        long[] seen = new long[3]; // calls, tokens read by then, whether the vocabulary existed yet
        builder.afterCounting(() -> {
            seen[0]++;
            seen[1] = builder.tokensRead();
            seen[2] = builder.vocabulary() == null ? 0 : 1;
        });
        builder.build(CorpusFile.of(f));
        assertEquals(1, seen[0]);
        assertEquals(30_000, seen[1]);
        assertEquals(0, seen[2]);
    }

    @Test
    void aSavedVocabularyRebuildsTheSameHuffmanCodes() throws Exception {
        Random r = new Random(4);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 30_000; i++) {
            b.append("w").append((int) Math.abs(r.nextGaussian() * 400)).append(r.nextInt(10) == 0 ? '\n' : ' ');
        }
        Path f = dir.resolve("c.txt");
        Files.writeString(f, b);
        Vocabulary counted = new VocabularyBuilder(2, 2, 0).build(CorpusFile.of(f));
        Path saved = dir.resolve("vocab.txt");
        VocabularyFile.write(counted, saved);
        Vocabulary read = VocabularyFile.read(saved, 2);
        HuffmanTree a = HuffmanTree.build(counted);
        HuffmanTree c = HuffmanTree.build(read);
        assertArrayEquals(a.starts(), c.starts());
        assertArrayEquals(a.codes(), c.codes());
        assertArrayEquals(a.points(), c.points());
    }

    @Test
    void emptyAfterMinCountIsAClearError() throws Exception {
        Path f = dir.resolve("c.txt");
        Files.writeString(f, "a b c d\n");
        VocabularyException e = assertThrows(VocabularyException.class,
                () -> new VocabularyBuilder(2, 5, 0).build(CorpusFile.of(f)));
        assertTrue(e.getMessage().contains("no word occurs at least 5 times"), e.getMessage());
        Path blank = dir.resolve("blank.txt");
        Files.writeString(blank, "\n\n \n");
        e = assertThrows(VocabularyException.class, () -> new VocabularyBuilder(2, 1, 0).build(CorpusFile.of(blank)));
        assertTrue(e.getMessage().contains("contains no words"), e.getMessage());
    }

    @Test
    void pruningBoundsTheCountingTable() throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            b.append("u").append(i).append(' ').append("common ");
        }
        Path f = dir.resolve("c.txt");
        Files.writeString(f, b);
        VocabularyBuilder builder = new VocabularyBuilder(1, 1, 100);
        Vocabulary v = builder.build(CorpusFile.of(f));
        assertTrue(builder.stats().prunedWhileCounting() > 4000, "pruned " + builder.stats().prunedWhileCounting());
        assertEquals(1, v.indexOf("common"));
        assertEquals(5000, v.count(1));
        assertTrue(v.size() <= 102, "size " + v.size());
    }

    @Test
    void savedVocabularyReadsBackIdentically() throws Exception {
        Path f = dir.resolve("c.txt");
        Files.writeString(f, "x y z x y x émoji🙂 émoji🙂\n");
        Vocabulary v = new VocabularyBuilder(1, 1, 0).build(CorpusFile.of(f));
        Path saved = dir.resolve("vocab.txt");
        VocabularyFile.write(v, saved);
        assertEquals("</s> 1\nx 3\ny 2\némoji🙂 2\nz 1\n", Files.readString(saved));
        Vocabulary back = VocabularyFile.read(saved, 1);
        assertArrayEquals(v.words(), back.words());
        assertArrayEquals(v.counts(), back.counts());
        assertArrayEquals(new String[] {"</s>", "x", "y", "émoji🙂"}, VocabularyFile.read(saved, 2).words());
        Files.writeString(saved, "</s> 1\nx notanumber\n");
        VocabularyException e = assertThrows(VocabularyException.class, () -> VocabularyFile.read(saved, 1));
        assertTrue(e.getMessage().endsWith(":2: count is not a whole number"), e.getMessage());
    }

    /** The packed primitive sort against the plain comparator sort, with offsets out of entry order and huge counts. */
    @Test
    void ordersByCountThenFirstOffsetLikeAComparatorSort() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(9);
        for (int round = 0; round < 5; round++) {
            ByteStringTable t = new ByteStringTable();
            for (int i = 0; i < 20_000; i++) {
                byte[] w = ("w" + rnd.nextInt(8_000)).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                long n = round == 3 && rnd.nextInt(1000) == 0 ? (1L << 33) + rnd.nextInt(3) : 1 + rnd.nextInt(3);
                // In entry order, then not (as when threads count chunks from all over the file), then offsets too
                // large to pack beside an entry number.
                long offset = round == 0 ? i : round == 4 ? rnd.nextLong(1L << 62) : rnd.nextLong(1_000_000);
                t.add(w, 0, w.length, n, offset);
            }
            int skip = rnd.nextInt(t.size());
            long minCount = Math.min(round, 2);
            java.util.List<Integer> expected = new java.util.ArrayList<>();
            for (int e = 0; e < t.size(); e++) {
                if (e != skip && t.count(e) >= minCount) {
                    expected.add(e);
                }
            }
            expected.sort((a, b) -> {
                int c = Long.compare(t.count(b), t.count(a));
                return c != 0 ? c : Long.compare(t.firstSeen(a), t.firstSeen(b));
            });
            int[] order = VocabularyBuilder.byCountThenFirstSeen(t, minCount, skip);
            assertArrayEquals(expected.stream().mapToInt(Integer::intValue).toArray(), order, "round " + round);
        }
    }
}
