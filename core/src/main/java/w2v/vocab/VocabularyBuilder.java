package w2v.vocab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLongArray;
import w2v.corpus.ByteRange;
import w2v.corpus.ChunkQueue;
import w2v.corpus.CorpusChangedException;
import w2v.corpus.CorpusException;
import w2v.corpus.CorpusFile;
import w2v.corpus.TokenReader;
import w2v.text.Utf8;

/**
 * Counts the words of a corpus in one parallel pass (threads draw chunks of the file from a {@link ChunkQueue},
 * each counting into a table of its own; the tables are merged at the end), then keeps
 * those with count >= min-count and orders them as word2vec C does: {@code </s>} first, then by decreasing
 * count. Ties go to the word seen first in the file, so the order does not depend on the number of threads.
 */
public final class VocabularyBuilder {

    // Tokens between progress reports (three volatile stores), counted by one call of Counter.countSome.
    private static final int PROGRESS_EVERY = 1 << 12;

    private final int threads;
    private final long minCount;
    private final long maxVocab;
    // Per thread: bytes consumed, tokens read, distinct words. Read by a progress printer while counting.
    private final AtomicLongArray progress;

    private Vocabulary vocabulary;
    private VocabularyStats stats;
    private Runnable afterCounting = () -> { };

    /**
     * @param maxVocab distinct words each counting table may hold before its rarest are pruned (0 = no limit),
     *     as word2vec C's ReduceVocab: drop every word seen at most once, then twice, and so on
     */
    public VocabularyBuilder(int threads, long minCount, long maxVocab) {
        this.threads = threads;
        this.minCount = minCount;
        this.maxVocab = maxVocab;
        this.progress = new AtomicLongArray(threads * 3);
    }

    /**
     * Runs {@code task} on the calling thread once the counting threads are done, before the serial steps
     * (merging, sorting) that leave the other cores idle: a place for work that should use them.
     */
    public VocabularyBuilder afterCounting(Runnable task) {
        this.afterCounting = task;
        return this;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public VocabularyStats stats() {
        return stats;
    }

    /** Bytes read so far, summed over threads (for a progress line). */
    public long bytesRead() {
        return sum(0);
    }

    public long tokensRead() {
        return sum(1);
    }

    public long distinctSoFar() {
        return sum(2);
    }

    private long sum(int field) {
        long s = 0;
        for (int t = 0; t < threads; t++) {
            s += progress.get(t * 3 + field);
        }
        return s;
    }

    /**
     * Counts {@code corpus} and builds the vocabulary; throws {@link VocabularyException} if none remains, and
     * {@link CorpusException} if the corpus holds NUL bytes (no word2vec file can hold them) or
     * {@link CorpusChangedException} if it changed while it was counted.
     */
    public Vocabulary build(CorpusFile corpus) throws InterruptedException {
        ChunkQueue chunks = ChunkQueue.of(corpus.size(), threads, 1);
        Counter[] counters = new Counter[threads];
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            counters[t] = new Counter(t, corpus, chunks);
            workers[t] = Thread.ofPlatform().name("w2v-vocab-" + t).start(counters[t]);
        }
        for (Thread w : workers) {
            w.join();
        }
        afterCounting.run();
        for (Counter c : counters) {
            if (c.failure != null) {
                throw c.failure;
            }
        }
        corpus.checkUnchanged(); // also catches an append after the last chunk's last read
        refuseNulBytes(corpus, counters);
        ByteStringTable merged = counters[0].table;
        long tokens = 0, lines = 0, truncated = 0, pruned = 0;
        for (int t = 0; t < threads; t++) {
            Counter c = counters[t];
            tokens += c.tokens;
            lines += c.lines;
            truncated += c.truncated;
            pruned += c.pruned;
            if (t > 0) {
                merged.addAll(c.table);
                c.table = null;
            }
        }
        long distinct = merged.size() - (merged.find(Vocabulary.EOS_BYTES, 0, 4) >= 0 ? 1 : 0);
        vocabulary = finish(merged, minCount);
        long invalid = 0;
        for (int i = 1; i < vocabulary.size(); i++) {
            byte[] w = vocabulary.bytes(i);
            if (Utf8.firstInvalid(w, 0, w.length) >= 0) {
                invalid++;
            }
        }
        stats = new VocabularyStats(tokens, lines, distinct, truncated, invalid, pruned, corpus.size());
        if (vocabulary.size() < 2) {
            String why = tokens == 0
                    ? corpus.path() + ": contains no words"
                    : distinct == 0
                    ? corpus.path() + ": contains no word but " + Vocabulary.EOS + " (the line-end token)"
                    : pruned > 0
                    ? corpus.path() + String.format(Locale.ROOT, ": no word occurs at least %d times after "
                            + "-max-vocab %d pruned %,d words while counting; raise -max-vocab (0: no bound)",
                            minCount, maxVocab, pruned)
                    : corpus.path() + ": no word occurs at least " + minCount + " times (" + distinct
                            + " distinct words, the most frequent seen " + highestCount(merged) + " times); "
                            + "lower -min-count";
            if (tokens > 0 && corpus.size() / tokens > 1000) {
                // A few huge "words" in a big file: almost certainly not whitespace-separated text.
                why = corpus.path() + ": only " + tokens + (tokens == 1 ? " word" : " words") + " in " + corpus.size() + " bytes ("
                        + truncated + " longer than " + TokenReader.MAX_WORD_BYTES
                        + " bytes and cut): words must be separated by spaces or newlines";
            }
            throw new VocabularyException(why);
        }
        return vocabulary;
    }

    /** The NUL bytes the counting threads' readers found, refused with their number and the first offset. */
    private static void refuseNulBytes(CorpusFile corpus, Counter[] counters) {
        long nuls = 0;
        long first = Long.MAX_VALUE;
        for (Counter c : counters) {
            nuls += c.nulBytes;
            if (c.nulBytes > 0) {
                first = Math.min(first, c.firstNul);
            }
        }
        if (nuls > 0) {
            throw new CorpusException(corpus.path(), String.format(Locale.ROOT, nuls == 1
                    ? "1 NUL byte, at byte offset %2$,d; a word2vec file cannot hold it (remove it with tr -d '\\000')"
                    : "%,d NUL bytes, the first at byte offset %,d; a word2vec file cannot hold them "
                            + "(remove them with tr -d '\\000')", nuls, first));
        }
    }

    /** The highest count of a word other than {@code </s>}. */
    static long highestCount(ByteStringTable counted) {
        int eos = counted.find(Vocabulary.EOS_BYTES, 0, Vocabulary.EOS_BYTES.length);
        long max = 0;
        for (int e = 0; e < counted.size(); e++) {
            if (e != eos) {
                max = Math.max(max, counted.count(e));
            }
        }
        return max;
    }

    /** Distinct words one counting table holds before its rarest are pruned. */
    private long perTableLimit() {
        return maxVocab <= 0 ? Long.MAX_VALUE : Math.max(1, maxVocab / threads);
    }

    /** Orders counted words into the final vocabulary (also used for -read-vocab). */
    static Vocabulary finish(ByteStringTable counted, long minCount) {
        int eos = counted.find(Vocabulary.EOS_BYTES, 0, Vocabulary.EOS_BYTES.length);
        int[] order = byCountThenFirstSeen(counted, minCount, eos);
        ByteStringTable out = new ByteStringTable();
        out.add(Vocabulary.EOS_BYTES, 0, Vocabulary.EOS_BYTES.length, eos >= 0 ? counted.count(eos) : 0, 0);
        for (int e : order) {
            byte[] b = counted.bytes(e);
            out.add(b, 0, b.length, counted.count(e), counted.firstSeen(e));
        }
        return new Vocabulary(out);
    }

    /** Counts below this and entry numbers below 2^31 pack into one sortable long. */
    private static final long PACKED_COUNTS = 1L << 32;

    /**
     * The entries other than {@code skip} with count >= minCount, by decreasing count, ties by first offset.
     * A boxed comparator sort took 50-80 ms for 82k words, paid serially between counting and training; here
     * (count, entry) pairs are packed into longs and sorted as primitives, then each run of equal counts is put
     * in first-offset order the same way, (first offset, entry) packed. The counting threads read chunks from all
     * over the file, so entry order is not first-offset order; a run that is ordered already is left as it is.
     */
    static int[] byCountThenFirstSeen(ByteStringTable counted, long minCount, int skip) {
        long[] keys = new long[counted.size()];
        int n = 0;
        boolean packable = true;
        for (int e = 0; e < counted.size(); e++) {
            long c = counted.count(e);
            if (e != skip && c >= minCount) {
                packable &= c < PACKED_COUNTS;
                keys[n++] = (PACKED_COUNTS - 1 - c) << 31 | e;
            }
        }
        if (packable) {
            Arrays.sort(keys, 0, n);
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) (keys[i] & Integer.MAX_VALUE);
        }
        if (!packable) { // a word seen 4 billion times: rare enough for the slow, general sort
            sortRange(counted, order, 0, n);
            return order;
        }
        for (int from = 0; from < n; ) {
            int to = from + 1;
            boolean ordered = true;
            while (to < n && counted.count(order[to]) == counted.count(order[from])) {
                ordered &= counted.firstSeen(order[to - 1]) <= counted.firstSeen(order[to]);
                to++;
            }
            if (!ordered) {
                sortRangeByFirstSeen(counted, order, from, to);
            }
            from = to;
        }
        return order;
    }

    /** Sorts a run of equal counts by first offset, packed with the entry numbers when they fit in a long. */
    private static void sortRangeByFirstSeen(ByteStringTable counted, int[] order, int from, int to) {
        int entryBits = 64 - Long.numberOfLeadingZeros(counted.size());
        long firstSeenLimit = 1L << (63 - entryBits); // 16 TB for a million words
        long[] keys = new long[to - from];
        for (int i = from; i < to; i++) {
            long f = counted.firstSeen(order[i]);
            if (f >= firstSeenLimit) {
                sortRange(counted, order, from, to);
                return;
            }
            keys[i - from] = f << entryBits | order[i];
        }
        Arrays.sort(keys);
        long mask = (1L << entryBits) - 1;
        for (int i = from; i < to; i++) {
            order[i] = (int) (keys[i - from] & mask);
        }
    }

    /** Sorts order[from, to) by decreasing count, ties by first offset, with a comparator (boxed: the slow way). */
    private static void sortRange(ByteStringTable counted, int[] order, int from, int to) {
        Integer[] boxed = new Integer[to - from];
        for (int i = from; i < to; i++) {
            boxed[i - from] = order[i];
        }
        Arrays.sort(boxed, (a, b) -> {
            int c = Long.compare(counted.count(b), counted.count(a));
            return c != 0 ? c : Long.compare(counted.firstSeen(a), counted.firstSeen(b));
        });
        for (int i = from; i < to; i++) {
            order[i] = boxed[i - from];
        }
    }

    private final class Counter implements Runnable {
        final int id;
        final CorpusFile corpus;
        final ChunkQueue chunks;
        ByteStringTable table = new ByteStringTable();
        long tokens, lines, truncated, pruned, nulBytes, firstNul;
        long minReduce = 1;
        RuntimeException failure;

        Counter(int id, CorpusFile corpus, ChunkQueue chunks) {
            this.id = id;
            this.corpus = corpus;
            this.chunks = chunks;
        }

        @Override
        public void run() {
            long perTableLimit = perTableLimit();
            try (FileChannel ch = corpus.open()) {
                TokenReader reader = new TokenReader(corpus, ch, TokenReader.COUNTING_BUFFER);
                long bytesDone = 0; // in the chunks finished
                for (long t; (t = chunks.claim()) != ChunkQueue.NONE; ) {
                    corpus.checkUnchanged();
                    ByteRange range = chunks.range(t);
                    reader.reset(range);
                    while (countSome(reader, perTableLimit)) {
                        report(bytesDone + reader.fileOffset() - range.start());
                    }
                    bytesDone += range.length();
                    report(bytesDone);
                }
                truncated = reader.truncatedWords();
                nulBytes = reader.nulBytes();
                firstNul = reader.firstNul();
            } catch (IOException e) {
                failure = new UncheckedIOException(corpus.path() + ": " + e.getMessage(), e);
            } catch (UncheckedIOException | IllegalStateException | CorpusException e) {
                failure = e;
            }
        }

        /**
         * Counts up to {@link #PROGRESS_EVERY} tokens; false at the end of the chunk. A method of its own, called
         * again and again, so that a thread never stays long in code the JIT has replaced: with the whole range
         * in one loop, one thread sometimes kept running its first, early-profiled compilation (entered while
         * the loop was running) to the end of its range, 3x slower, while the other had moved to the
         * recompiled loop; counting then took 4-5 s instead of 1.3-1.6 (6 runs of 20 at 2 threads).
         */
        private boolean countSome(TokenReader reader, long perTableLimit) {
            for (int i = 0; i < PROGRESS_EVERY; i++) {
                long at = reader.fileOffset();
                int n = reader.next();
                if (n == TokenReader.END) {
                    return false;
                }
                if (n == TokenReader.NEWLINE) {
                    table.add(Vocabulary.EOS_BYTES, 0, Vocabulary.EOS_BYTES.length, 1, at);
                    lines++;
                } else {
                    table.add(reader.word(), 0, n, 1, at);
                    tokens++;
                    if (table.size() > perTableLimit) {
                        pruned += table.removeAtMost(minReduce++);
                    }
                }
            }
            return true;
        }

        private void report(long bytes) {
            progress.set(id * 3, bytes);
            progress.set(id * 3 + 1, tokens);
            progress.set(id * 3 + 2, table.size());
        }
    }
}
