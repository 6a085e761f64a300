package w2v.vocab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLongArray;
import w2v.corpus.ChunkQueue;
import w2v.corpus.ChunkReader;
import w2v.corpus.Corpus;
import w2v.corpus.CorpusChangedException;
import w2v.corpus.CorpusException;
import w2v.corpus.CorpusFile;
import w2v.corpus.TokenReader;
import w2v.text.Utf8;
import w2v.text.WordHash;

/**
 * Counts the words of a corpus in one parallel pass (threads draw chunks of the file from a {@link ChunkQueue},
 * each counting into a table of its own; the tables are merged at the end), then keeps
 * those with count >= min-count and orders them as word2vec C does: {@code </s>} first, then by decreasing
 * count. Ties go to the word seen first in the file, so the order does not depend on the number of threads.
 * Over several files, "first" is in the files' concatenation, so their vocabulary is that of one file holding
 * them all (in gzip files, offsets are offsets in the text).
 */
public final class VocabularyBuilder {

    // Tokens between progress reports (three volatile stores), counted by one call of Counter.countSome.
    private static final int PROGRESS_EVERY = 1 << 12;
    private static final int EOS_HASH = WordHash.of(Vocabulary.EOS_BYTES, 0, Vocabulary.EOS_BYTES.length);

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

    /** Bytes of the files read so far (compressed ones for gzip files), summed over threads (for a progress line). */
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
        return build(Corpus.of(corpus));
    }

    /** As {@link #build(CorpusFile)}, for every file of {@code corpus}. */
    public Vocabulary build(Corpus corpus) throws InterruptedException {
        ChunkQueue chunks = ChunkQueue.of(corpus, threads, 1);
        int files = corpus.files().size();
        int offsetBits = 63 - (64 - Long.numberOfLeadingZeros(files - 1));
        AtomicLongArray textSizes = new AtomicLongArray(files);
        Counter[] counters = new Counter[threads];
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            counters[t] = new Counter(t, corpus, chunks, offsetBits, textSizes);
            workers[t] = Thread.ofPlatform().name("w2v-vocab-" + t).start(counters[t]);
        }
        try {
            for (Thread w : workers) {
                w.join();
            }
        } finally {
            chunks.close();
        }
        afterCounting.run();
        for (Counter c : counters) {
            if (c.failure != null) {
                throw c.failure;
            }
        }
        corpus.checkUnchanged(); // also catches an append after the last chunk's last read
        long[] textStart = new long[files + 1]; // where each file's text starts in their concatenation
        for (int f = 0; f < files; f++) {
            textStart[f + 1] = textStart[f] + textSizes.get(f);
        }
        refuseNulBytes(corpus, counters, offsetBits);
        long offsetMask = (1L << offsetBits) - 1;
        for (Counter c : counters) {
            c.table.mapFirstSeen(key -> textStart[(int) (key >>> offsetBits)] + (key & offsetMask));
        }
        WordCounts merged = counters[0].table;
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
        long distinct = merged.size() - (merged.count(Vocabulary.EOS_BYTES, 0, 4) > 0 ? 1 : 0);
        vocabulary = finish(merged.toTable(minCount, Vocabulary.EOS_BYTES), minCount);
        long invalid = 0;
        for (int i = 1; i < vocabulary.size(); i++) {
            byte[] w = vocabulary.bytes(i);
            if (Utf8.firstInvalid(w, 0, w.length) >= 0) {
                invalid++;
            }
        }
        long textBytes = textStart[files];
        stats = new VocabularyStats(tokens, lines, distinct, truncated, invalid, pruned, textBytes);
        if (vocabulary.size() < 2) {
            String name = corpus.name();
            String holds = files == 1 ? "contains" : "contain";
            String why = tokens == 0
                    ? name + ": " + holds + " no words"
                    : distinct == 0
                    ? name + ": " + holds + " no word but " + Vocabulary.EOS + " (the line-end token)"
                    : pruned > 0
                    ? name + String.format(Locale.ROOT, ": no word occurs at least %d times after "
                            + "-max-vocab %d pruned %,d words while counting; raise -max-vocab (0: no bound)",
                            minCount, maxVocab, pruned)
                    : name + ": no word occurs at least " + minCount + " times (" + distinct
                            + " distinct words, the most frequent seen "
                            + merged.highestCountExcept(Vocabulary.EOS_BYTES) + " times); "
                            + "lower -min-count";
            if (tokens > 0 && textBytes / tokens > 1000) {
                // A few huge "words" in a big file: almost certainly not whitespace-separated text.
                why = name + ": only " + tokens + (tokens == 1 ? " word" : " words") + " in " + textBytes + " bytes ("
                        + truncated + " longer than " + TokenReader.MAX_WORD_BYTES
                        + " bytes and cut): words must be separated by spaces or newlines";
            }
            throw new VocabularyException(why);
        }
        return vocabulary;
    }

    /**
     * The NUL bytes the counting threads' readers found, refused with their number and the first offset (in the
     * text, for a gzip file), in the file that holds it.
     */
    private static void refuseNulBytes(Corpus corpus, Counter[] counters, int offsetBits) {
        long nuls = 0;
        long first = Long.MAX_VALUE;
        for (Counter c : counters) {
            nuls += c.nulBytes;
            first = Math.min(first, c.firstNul);
        }
        if (nuls > 0) {
            CorpusFile file = corpus.files().get((int) (first >>> offsetBits));
            String at = String.format(Locale.ROOT, "byte offset %,d%s", first & ((1L << offsetBits) - 1),
                    file.isGzip() ? " of the decompressed text" : "");
            String others = corpus.files().size() == 1 ? "" : " in the training files";
            throw new CorpusException(file.path(), String.format(Locale.ROOT, nuls == 1
                    ? "1 NUL byte, at %2$s; a word2vec file cannot hold it (remove it with tr -d '\\000')"
                    : "%,d NUL bytes%s, the first at %s; a word2vec file cannot hold them "
                            + "(remove them with tr -d '\\000')", nuls, others, at));
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
        final Corpus corpus;
        final ChunkQueue chunks;
        final int offsetBits;
        final AtomicLongArray textSizes;
        WordCounts table = new WordCounts();
        long tokens, lines, truncated, pruned, nulBytes;
        long firstNul = Long.MAX_VALUE; // as (file << offsetBits | offset)
        long minReduce = 1;
        long fileBits; // the file of the chunk in hand, shifted: first offsets order the files' concatenation
        RuntimeException failure;

        Counter(int id, Corpus corpus, ChunkQueue chunks, int offsetBits, AtomicLongArray textSizes) {
            this.id = id;
            this.corpus = corpus;
            this.chunks = chunks;
            this.offsetBits = offsetBits;
            this.textSizes = textSizes;
        }

        @Override
        public void run() {
            long perTableLimit = perTableLimit();
            int file = -1;
            try (ChunkReader chunk = new ChunkReader(corpus, TokenReader.COUNTING_BUFFER)) {
                TokenReader reader = chunk.tokens();
                try {
                    while (chunks.claim(chunk) != ChunkQueue.NONE) {
                        file = chunk.source();
                        fileBits = (long) file << offsetBits;
                        while (countSome(reader, perTableLimit)) {
                            report(chunk.storedBytesRead());
                        }
                        report(chunk.storedBytesRead());
                        // The end of a file's last chunk is the end of its text: its length, for a gzip file.
                        textSizes.accumulateAndGet(file, reader.fileOffset(), Math::max);
                        if (reader.firstNul() >= 0) {
                            firstNul = Math.min(firstNul, fileBits | reader.firstNul());
                        }
                    }
                } finally {
                    truncated = reader.truncatedWords();
                    nulBytes = reader.nulBytes();
                }
            } catch (IOException e) {
                Object where = file >= 0 ? corpus.files().get(file).path() : corpus.name();
                failure = new UncheckedIOException(where + ": " + e.getMessage(), e);
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
                long at = fileBits | reader.fileOffset();
                int n = reader.next();
                if (n == TokenReader.END) {
                    return false;
                }
                if (n == TokenReader.NEWLINE) {
                    table.add(Vocabulary.EOS_BYTES, 0, Vocabulary.EOS_BYTES.length, EOS_HASH, 1, at);
                    lines++;
                } else {
                    table.add(reader.wordBytes(), reader.wordStart(), n, reader.wordHash(), 1, at);
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
