package w2v.phrases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import w2v.corpus.ByteRange;
import w2v.corpus.CorpusException;
import w2v.corpus.CorpusFile;
import w2v.files.AtomicFile;

/**
 * word2phrase: joins the words of frequent bigrams with {@code _} ({@code new york} becomes {@code new_york})
 * where their score passes a threshold, and writes the text back. Two passes over the corpus, each on several
 * threads: counting every word and bigram ({@link Counting}), then rewriting ({@link ChunkRewriter}) into a file
 * that replaces the output atomically. The output is byte for byte word2phrase's (npm word2vec 1.1.5) as long as
 * the memory bound ({@link Options#maxKeys}) does not prune, which word2phrase itself does only beyond 350
 * million words and bigrams.
 */
public final class Phrases {

    /** How a bigram is scored. */
    public enum Scoring {
        /** word2phrase: (count(a_b) - min_count) / count(a) / count(b) * train_words. */
        DEFAULT,
        /** gensim's normalised pointwise mutual information, in [-1, 1]. */
        NPMI
    }

    /** word2phrase reduces its vocabulary beyond 0.7 x vocab_hash_size (500M) entries. */
    public static final long WORD2PHRASE_MAX_KEYS = 350_000_000L;

    /** Chunks of about this size are counted and rewritten by whichever thread is free. */
    static final long CHUNK_BYTES = 1 << 20;

    /**
     * @param minCount words and bigrams seen fewer times are never joined (at least 1)
     * @param threshold a bigram is joined when its score is above this
     * @param maxKeys the most words and bigrams held while counting; beyond, the rarest are pruned
     * @param chunkBytes the size of the pieces the threads share out (tests make them tiny)
     */
    public record Options(long minCount, double threshold, Scoring scoring, int threads, long maxKeys,
            long chunkBytes) {
        public Options {
            if (minCount < 1) {
                throw new IllegalArgumentException("min-count must be at least 1 (got " + minCount + ")");
            }
            if (Double.isNaN(threshold) || Double.isInfinite(threshold)) {
                throw new IllegalArgumentException("threshold must be a finite number (got " + threshold + ")");
            }
            if (scoring == Scoring.NPMI && (threshold < -1 || threshold > 1)) {
                throw new IllegalArgumentException("npmi scores lie in [-1, 1]; threshold " + threshold
                        + " is outside");
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1 (got " + threads + ")");
            }
            if (maxKeys < 1 || chunkBytes < 1) {
                throw new IllegalArgumentException("max-keys and chunk size must be positive");
            }
        }

        /** word2phrase's defaults: min-count 5, threshold 100. */
        public static Options defaults(int threads) {
            return new Options(5, 100, Scoring.DEFAULT, threads, defaultMaxKeys(), CHUNK_BYTES);
        }

        public Options withMinCount(long n) {
            return new Options(n, threshold, scoring, threads, maxKeys, chunkBytes);
        }

        public Options withThreshold(double t) {
            return new Options(minCount, t, scoring, threads, maxKeys, chunkBytes);
        }

        public Options withScoring(Scoring s) {
            return new Options(minCount, threshold, s, threads, maxKeys, chunkBytes);
        }

        public Options withMaxKeys(long n) {
            return new Options(minCount, threshold, scoring, threads, n, chunkBytes);
        }

        public Options withChunkBytes(long n) {
            return new Options(minCount, threshold, scoring, threads, maxKeys, n);
        }
    }

    /**
     * What a run did.
     *
     * @param words word2phrase's train_words: the words of the corpus
     * @param distinct distinct words and bigrams counted
     * @param kept those counted at least min-count times
     * @param joined bigrams joined in the output
     * @param pruned words and bigrams dropped by the memory bound (0: the output is word2phrase's)
     */
    public record Result(long words, long lines, long distinct, long kept, long joined, long pruned,
            double countSeconds, double writeSeconds) {
    }

    /** About 100 bytes a key while counting (a 32-byte slot at most 70% full, growth, long keys): half the heap. */
    public static long defaultMaxKeys() {
        return Math.max(1_000_000, Math.min(WORD2PHRASE_MAX_KEYS, Runtime.getRuntime().maxMemory() / 200));
    }

    private final Options options;
    private final AtomicLong bytesCounted = new AtomicLong();
    private final AtomicLong bytesWritten = new AtomicLong();
    private volatile boolean stopRequested;

    public Phrases(Options options) {
        this.options = options;
    }

    /**
     * Makes {@link #run} stop within a chunk per thread and throw {@link CancellationException}, leaving the
     * output as it was (for a ^C).
     */
    public void requestStop() {
        stopRequested = true;
    }

    private void checkStop() {
        if (stopRequested) {
            throw new CancellationException("stopped");
        }
    }

    /** Bytes of the corpus counted so far (first pass), for a progress line. */
    public long bytesCounted() {
        return bytesCounted.get();
    }

    /** Bytes of the corpus rewritten so far (second pass). */
    public long bytesRewritten() {
        return bytesWritten.get();
    }

    /**
     * Phrases reads the corpus in byte ranges, twice, and writes it rewritten: a gzip file, which training reads,
     * must be decompressed for it first.
     */
    public static void refuseGzip(CorpusFile corpus) {
        if (corpus.isGzip()) {
            throw new CorpusException(corpus.path(), "is gzip-compressed; decompress it first (gunzip -k)");
        }
    }

    /**
     * Rewrites {@code corpus} into {@code output}, which is replaced atomically: on any failure it is left as
     * it was.
     *
     * @throws CorpusException the corpus has a NUL byte, is gzip-compressed, or changed while it was read
     * @throws CancellationException after {@link #requestStop}
     */
    public Result run(CorpusFile corpus, Path output) throws IOException, InterruptedException {
        refuseGzip(corpus);
        FileTime modified = Files.getLastModifiedTime(corpus.path());
        long t0 = System.nanoTime();
        ByteRange[] chunks = ByteRange.split(corpus.size(),
                (int) Math.min(Integer.MAX_VALUE - 8, Math.max(1, (corpus.size() + options.chunkBytes() - 1)
                        / options.chunkBytes())));
        Counting.Result counted = Counting.run(corpus, chunks, options.threads(), options.minCount(),
                options.maxKeys(), bytesCounted, this::checkStop);
        long t1 = System.nanoTime();
        Scorer scorer = new Scorer(options.scoring(), options.minCount(), options.threshold(), counted.words());
        ChunkRewriter.Start[] starts = starts(counted);
        long[] joined = new long[1];
        AtomicFile.replace(output, channel -> {
            joined[0] = rewrite(corpus, chunks, starts, counted.kept(), scorer, channel);
            if (!Files.getLastModifiedTime(corpus.path()).equals(modified) || Files.size(corpus.path()) != corpus.size()) {
                throw new CorpusException(corpus.path(), "changed while it was being read; " + output
                        + " was not written");
            }
        });
        long t2 = System.nanoTime();
        return new Result(counted.words(), counted.lines(), counted.distinct(), counted.kept().size(), joined[0],
                counted.pruned(), (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    }

    /** The state each chunk starts from, from the last token and the last word before it. */
    private static ChunkRewriter.Start[] starts(Counting.Result counted) {
        Edge[] edges = counted.edges();
        ChunkRewriter.Start[] starts = new ChunkRewriter.Start[edges.length];
        byte[] previousToken = new byte[0]; // word2phrase's last_word starts empty
        byte[] previousWord = null;
        long previousCount = 0;
        for (int c = 0; c < edges.length; c++) {
            starts[c] = new ChunkRewriter.Start(previousToken, previousWord != null && previousCount > 0,
                    previousCount);
            Edge e = edges[c];
            if (e.lastWord() != null) {
                previousWord = e.lastWord();
                previousCount = counted.kept().count(previousWord, 0, previousWord.length);
            }
            if (e.hasToken()) {
                previousToken = e.endsWithLine() ? new byte[] {'<', '/', 's', '>'} : e.lastWord();
            }
        }
        return starts;
    }

    /**
     * Rewrites the chunks on the worker threads and writes them in order on this one, settling each with the
     * state its predecessor ends in. At most two chunks per thread wait to be written.
     */
    private long rewrite(CorpusFile corpus, ByteRange[] chunks, ChunkRewriter.Start[] starts, KeptCounts kept,
            Scorer scorer, WritableByteChannel channel) throws IOException {
        int threads = options.threads();
        ChunkRewriter.Output[] done = new ChunkRewriter.Output[chunks.length];
        AtomicInteger next = new AtomicInteger();
        Object lock = new Object();
        int window = 2 * threads;
        int[] written = {0};
        Throwable[] failure = {null};
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = Thread.ofPlatform().name("w2v-phrases-" + t).start(() -> {
                try (FileChannel ch = corpus.open()) {
                    ChunkRewriter rewriter = new ChunkRewriter(new WordReader(ch, corpus.path()), kept, scorer);
                    for (int c; (c = next.getAndIncrement()) < chunks.length; ) {
                        checkStop();
                        synchronized (lock) {
                            while (c >= written[0] + window && failure[0] == null) {
                                lock.wait();
                            }
                            if (failure[0] != null) {
                                return;
                            }
                        }
                        ChunkRewriter.Output out = rewriter.rewrite(chunks[c], starts[c]);
                        synchronized (lock) {
                            done[c] = out;
                            lock.notifyAll();
                        }
                    }
                } catch (Throwable e) {
                    synchronized (lock) {
                        if (failure[0] == null) {
                            failure[0] = e instanceof IOException io
                                    ? new UncheckedIOException(corpus.path() + ": " + io.getMessage(), io) : e;
                        }
                        lock.notifyAll();
                    }
                }
            });
        }
        long joins = 0;
        boolean previousJoined = false;
        try {
            for (int c = 0; c < chunks.length; c++) {
                ChunkRewriter.Output out;
                synchronized (lock) {
                    while (done[c] == null && failure[0] == null) {
                        lock.wait();
                    }
                    if (failure[0] != null) {
                        break;
                    }
                    out = done[c];
                    done[c] = null;
                    written[0] = c + 1;
                    lock.notifyAll();
                }
                joins += out.joins(previousJoined);
                previousJoined = out.settle(previousJoined);
                ByteBuffer bb = ByteBuffer.wrap(out.bytes, 0, out.length);
                while (bb.hasRemaining()) {
                    channel.write(bb);
                }
                bytesWritten.addAndGet(chunks[c].length());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            synchronized (lock) {
                if (failure[0] == null && written[0] < chunks.length) {
                    failure[0] = new IOException("stopped");
                }
                lock.notifyAll();
            }
            for (Thread w : workers) {
                try {
                    w.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        switch (failure[0]) {
            case null -> {
                return joins;
            }
            case RuntimeException r -> throw r;
            case Error e -> throw e;
            case Throwable t -> throw new IOException(t);
        }
    }
}
