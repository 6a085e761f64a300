package w2v.vocab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import w2v.corpus.CorpusFile;
import w2v.text.WordHash;

/** The fast counting (SWAR reader, WordCounts) against a plain reference on tricky generated corpora. */
class WordCountsTest {

    @TempDir
    Path dir;

    @Test
    void sameVocabularyAsAPlainReferenceOnTrickyTokens() throws Exception {
        for (int seed = 1; seed <= 6; seed++) {
            byte[] text = trickyCorpus(new SplittableRandom(seed), 20_000);
            Path f = dir.resolve("c" + seed + ".txt");
            Files.write(f, text);
            for (long maxVocab : new long[] {0, 300}) {
                Reference ref = new Reference(text, 2, maxVocab);
                Vocabulary v = new VocabularyBuilder(1, 2, maxVocab).build(CorpusFile.of(f));
                assertArrayEquals(ref.words.toArray(new String[0]), v.words(), "seed " + seed + " max " + maxVocab);
                assertArrayEquals(ref.counts(), v.counts(), "seed " + seed + " max " + maxVocab);
                if (maxVocab == 0) { // pruning per thread differs by design; without it any thread count agrees
                    Vocabulary three = new VocabularyBuilder(3, 2, 0).build(CorpusFile.of(f));
                    assertArrayEquals(v.words(), three.words());
                    assertArrayEquals(v.counts(), three.counts());
                }
            }
        }
    }

    @Test
    void countsStayRightWhenEveryWordHasTheSameHash() {
        // One probe chain for all: every comparison of prefix, length and pool bytes is exercised, and growth.
        WordCounts counts = new WordCounts();
        Map<String, Long> expected = new HashMap<>();
        SplittableRandom rnd = new SplittableRandom(5);
        String base = "abcdefghijklmnop";
        for (int i = 0; i < 6000; i++) {
            String w = base.substring(0, 1 + rnd.nextInt(16)) + (char) ('a' + rnd.nextInt(26));
            byte[] b = w.getBytes(StandardCharsets.UTF_8);
            counts.add(b, 0, b.length, 42, 1, i);
            expected.merge(w, 1L, Long::sum);
        }
        assertEquals(expected.size(), counts.size());
        ByteStringTable all = counts.toTable(1, Vocabulary.EOS_BYTES);
        assertEquals(expected.size(), all.size());
        for (Map.Entry<String, Long> e : expected.entrySet()) {
            byte[] b = e.getKey().getBytes(StandardCharsets.UTF_8);
            assertEquals(e.getValue(), all.count(all.find(b, 0, b.length)), e.getKey());
        }
        int removed = counts.removeAtMost(3);
        long kept = expected.values().stream().filter(c -> c > 3).count();
        assertEquals(expected.size() - kept, removed);
        assertEquals(kept, counts.size());
    }

    @Test
    void theReadersHashIsTheHashOfTheWordsBytes() throws Exception {
        byte[] text = trickyCorpus(new SplittableRandom(9), 5000);
        Path f = dir.resolve("h.txt");
        Files.write(f, text);
        try (var ch = java.nio.channels.FileChannel.open(f)) {
            var r = new w2v.corpus.TokenReader(ch, new w2v.corpus.ByteRange(0, text.length), 64);
            int words = 0;
            for (int n; (n = r.next()) != w2v.corpus.TokenReader.END; ) {
                if (n > 0) {
                    assertEquals(WordHash.of(r.wordBytes(), r.wordStart(), n), r.wordHash());
                    words++;
                }
            }
            assertEquals(true, words > 1000);
        }
    }

    /** Words of 1-20 bytes, words differing only in their last byte, multi-byte UTF-8, overlong words. */
    static byte[] trickyCorpus(SplittableRandom rnd, int tokens) {
        String[] pieces = {"é", "日本", "🙂", "a", "b", "ab", "x"};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < tokens; i++) {
            StringBuilder w = new StringBuilder();
            int kind = rnd.nextInt(10);
            if (kind == 0) {
                w.append("long").append("日本語".repeat(10 + rnd.nextInt(30)));
            } else if (kind < 4) {
                w.append("abcdefgh".repeat(3), 0, 7 + rnd.nextInt(10)).append((char) ('0' + rnd.nextInt(3)));
            } else {
                int len = 1 + rnd.nextInt(6);
                for (int k = 0; k < len; k++) {
                    w.append(pieces[rnd.nextInt(pieces.length)]);
                }
            }
            out.writeBytes(w.toString().getBytes(StandardCharsets.UTF_8));
            String[] seps = {" ", " ", " ", "\n", "\t", "\r\n", "  ", "\f"};
            out.writeBytes(seps[rnd.nextInt(seps.length)].getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }

    /** word2vec C's counting, written plainly: split, cut at 100 bytes on a character start, ReduceVocab. */
    static final class Reference {
        final List<String> words = new ArrayList<>();
        final List<Long> counts = new ArrayList<>();

        Reference(byte[] text, long minCount, long maxVocab) {
            Map<String, long[]> seen = new HashMap<>(); // count, first offset
            long minReduce = 1;
            int i = 0;
            while (i < text.length) {
                int b = text[i] & 0xFF;
                if (b == '\n') {
                    seen.computeIfAbsent("</s>", k -> new long[] {0, 0})[0]++;
                    i++;
                    continue;
                }
                if (b == ' ' || (b >= 9 && b <= 13)) {
                    i++;
                    continue;
                }
                int start = i;
                while (i < text.length && !(text[i] == ' ' || (text[i] >= 9 && text[i] <= 13))) {
                    i++;
                }
                int len = i - start;
                if (len > 100) {
                    len = 100;
                    while ((text[start + len] & 0xC0) == 0x80) {
                        len--;
                    }
                }
                String w = new String(text, start, len, StandardCharsets.UTF_8);
                final int at = start;
                seen.computeIfAbsent(w, k -> new long[] {0, at})[0]++;
                if (maxVocab > 0 && seen.size() > maxVocab) {
                    long limit = minReduce++;
                    seen.entrySet().removeIf(e -> e.getValue()[0] <= limit);
                }
            }
            long[] eos = seen.remove("</s>");
            words.add("</s>");
            counts.add(eos == null ? 0 : eos[0]);
            seen.entrySet().stream().filter(e -> e.getValue()[0] >= minCount)
                    .sorted((x, y) -> x.getValue()[0] != y.getValue()[0]
                            ? Long.compare(y.getValue()[0], x.getValue()[0])
                            : Long.compare(x.getValue()[1], y.getValue()[1]))
                    .forEach(e -> {
                        words.add(e.getKey());
                        counts.add(e.getValue()[0]);
                    });
        }

        long[] counts() {
            return counts.stream().mapToLong(Long::longValue).toArray();
        }
    }
}
