package w2v.phrases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import w2v.corpus.ByteRange;
import w2v.corpus.CorpusFile;

/**
 * word2phrase's LearnVocabFromTrainFile on several threads: every word and every bigram {@code a_b} of
 * consecutive words is counted in one table of byte strings, so a word that contains {@code _} and a bigram
 * that spells the same are one entry, as in C. Bigrams run across line ends (C's {@code start} flag never
 * takes effect), the first word of the file pairs with the empty string ({@code _w}), and the line ends
 * themselves are not counted; {@link #words} is C's train_words.
 */
final class Counting {

    /** The words and bigrams kept after counting, and what the rewriting needs to know of the chunks. */
    record Result(KeptCounts kept, Edge[] edges, long words, long lines, long distinct, long pruned) {
    }

    private Counting() {
    }

    static Result run(CorpusFile corpus, ByteRange[] chunks, int threads, long minCount, long maxKeys,
            AtomicLong bytesDone, Runnable checkStop) throws InterruptedException {
        // About one distinct word or bigram per 20 bytes on English text; only sizes the partitions.
        Counts counts = new Counts(corpus.size() / 20, maxKeys);
        Edge[] edges = new Edge[chunks.length];
        AtomicInteger next = new AtomicInteger();
        AtomicLong words = new AtomicLong();
        AtomicLong lines = new AtomicLong();
        parallel(threads, () -> {
            try (FileChannel ch = corpus.open()) {
                WordReader reader = new WordReader(ch, corpus.path());
                Counts.Batch batch = counts.batch();
                ChunkCounter counter = new ChunkCounter(reader, batch);
                for (int c; (c = next.getAndIncrement()) < chunks.length; ) {
                    checkStop.run();
                    edges[c] = counter.count(chunks[c]);
                    bytesDone.addAndGet(chunks[c].length());
                }
                batch.flushAll();
                words.addAndGet(counter.words);
                lines.addAndGet(counter.lines);
            } catch (IOException e) {
                throw new UncheckedIOException(corpus.path() + ": " + e.getMessage(), e);
            } catch (RuntimeException | Error e) {
                next.set(chunks.length); // the other threads stop after their chunk
                throw e;
            }
        });
        countStraddlingBigrams(edges, counts);
        long distinct = counts.keys();
        KeptCounts kept = keep(counts, minCount, threads);
        long lowest = kept.lowestCountIfNoneDropped();
        if (lowest > 0) {
            Quirks.dropLastInserted(kept, lowest, corpus);
        }
        return new Result(kept, edges, words.get(), lines.get(), distinct, counts.pruned());
    }

    /** The bigram of each chunk's first word with the last word before it ("" at the start of the file). */
    private static void countStraddlingBigrams(Edge[] edges, Counts counts) {
        byte[] pair = new byte[2 * WordReader.MAX_WORD_BYTES + 1];
        int prevLen = 0;
        pair[0] = '_';
        for (Edge e : edges) {
            if (e.firstWord() != null) {
                int len = Math.min(prevLen + 1 + e.firstWord().length, Keys.MAX_BIGRAM_BYTES);
                System.arraycopy(e.firstWord(), 0, pair, prevLen + 1, len - prevLen - 1);
                counts.addNow(pair, 0, len);
            }
            if (e.lastWord() != null) {
                prevLen = e.lastWord().length;
                System.arraycopy(e.lastWord(), 0, pair, 0, prevLen);
                pair[prevLen] = '_';
            }
        }
    }

    /** Counts one chunk at a time through one reader and one set of buffers. */
    private static final class ChunkCounter {
        private final WordReader reader;
        private final Counts.Batch batch;
        /** The previous word and '_', then the current word: the bigram is built in place. */
        private final byte[] pair = new byte[2 * WordReader.MAX_WORD_BYTES + 1 + 8];
        long words;
        long lines;

        ChunkCounter(WordReader reader, Counts.Batch batch) {
            this.reader = reader;
            this.batch = batch;
        }

        Edge count(ByteRange range) {
            reader.reset(range);
            byte[] first = null;
            int prevLen = -1; // no word yet in this chunk
            boolean hasToken = false;
            boolean endsWithLine = false;
            for (int n; (n = reader.next()) != WordReader.END; ) {
                hasToken = true;
                if (n == WordReader.NEWLINE) {
                    lines++;
                    endsWithLine = true;
                    continue;
                }
                endsWithLine = false;
                words++;
                byte[] w = reader.word();
                batch.add(w, 0, n);
                if (prevLen < 0) {
                    first = Arrays.copyOf(w, n);
                } else {
                    int len = Math.min(prevLen + 1 + n, Keys.MAX_BIGRAM_BYTES);
                    System.arraycopy(w, 0, pair, prevLen + 1, len - prevLen - 1);
                    batch.add(pair, 0, len);
                }
                System.arraycopy(w, 0, pair, 0, n);
                pair[n] = '_';
                prevLen = n;
            }
            return new Edge(first, prevLen < 0 ? null : Arrays.copyOf(pair, prevLen), hasToken, endsWithLine);
        }
    }

    /** Copies each partition's entries counted at least {@code minCount} times into a table of their own. */
    private static KeptCounts keep(Counts counts, long minCount, int threads) throws InterruptedException {
        KeyTable[] kept = new KeyTable[counts.partitions()];
        AtomicInteger next = new AtomicInteger();
        AtomicLong lowest = new AtomicLong(Long.MAX_VALUE); // the smallest count of all
        AtomicLong below = new AtomicLong();                // entries under minCount
        parallel(threads, () -> {
            byte[] key = new byte[Keys.MAX_BIGRAM_BYTES + 8];
            for (int p; (p = next.getAndIncrement()) < kept.length; ) {
                KeyTable t = counts.part(p);
                int n = 0;
                long low = Long.MAX_VALUE;
                for (int e = 0; e < t.capacity(); e++) {
                    if (t.occupied(e)) {
                        low = Math.min(low, t.count(e));
                        n += t.count(e) >= minCount ? 1 : 0;
                    }
                }
                KeyTable k = KeyTable.sized(n);
                for (int e = 0; e < t.capacity(); e++) {
                    if (t.occupied(e) && t.count(e) >= minCount) {
                        int len = t.key(e, key);
                        k.add(t.hash(e), key, 0, len, t.count(e));
                    }
                }
                kept[p] = k;
                counts.release(p);
                long l = low;
                lowest.accumulateAndGet(l, Math::min);
                below.addAndGet(t.size() - n);
            }
        });
        return new KeptCounts(kept, below.get() == 0 ? lowest.get() : 0);
    }

    /** Runs {@code task} on {@code threads} threads and waits; the first failure is rethrown. */
    static void parallel(int threads, Runnable task) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = Thread.ofPlatform().name("w2v-phrases-" + t).start(() -> {
                try {
                    task.run();
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            });
        }
        for (Thread w : workers) {
            w.join();
        }
        Throwable f = failure.get();
        if (f instanceof RuntimeException r) {
            throw r;
        }
        if (f instanceof Error e) {
            throw e;
        }
    }
}
