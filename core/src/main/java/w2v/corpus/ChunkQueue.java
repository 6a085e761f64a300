package w2v.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Hands out the corpus in chunks, pass after pass (the training epochs; one pass to count the vocabulary), to
 * whichever thread asks next. With one fixed byte range per thread, a pass lasts as long as its slowest
 * thread; on a shared host one core is often 20-40% slower than the other for seconds at a time, and the
 * faster training worker then sat idle for the last 10-20% of the run (measured on 2 vCPUs, 2026-12-03).
 * Drawing chunks, a slower thread simply reads fewer of them, and the threads finish within about one chunk of
 * each other.
 *
 * <p>A pass reads the files of the {@link Corpus} in order. A plain file is cut into byte ranges of about
 * {@link #CHUNK_BYTES}; each token belongs to the range its first byte is in ({@link ByteRange}). A gzip file
 * cannot be entered in the middle: the thread that claims its next chunk decompresses the next block of its text
 * (at most {@link #CHUNK_BYTES}, cut at a line end, {@link GzipBlocks}) into its own buffer, while the others
 * train on theirs. Decompressing takes about 1/30 of the time training on the text takes (zlib gives some
 * 270 MB of text a second on one core, two skip-gram workers consume about 10), so one decompression at a time,
 * taken in turn by the workers, keeps them all busy.
 *
 * <p>With one thread every file is one chunk read start to end, plain or gzip, as word2vec C reads its file with
 * {@code -threads 1}: a file, its gzip and the same text split into files at line ends give the same sentences.
 *
 * <p>A ticket names a chunk by pass, file and index in the file (range or block), packed into a long in the
 * order they are handed out; {@link #position()} is the next one, all a checkpoint needs to hand out the rest.
 */
public final class ChunkQueue {

    /** No chunk: returned when all are handed out, and a thread's ticket between two chunks. */
    public static final long NONE = -1;

    /** About 180k words of the shared corpus: 0.1-0.2 s of one worker, the most the workers can end apart. */
    static final long CHUNK_BYTES = 1 << 20;

    /** Small corpora still get this many chunks per thread, so that they are shared evenly too. */
    static final int MIN_CHUNKS_PER_THREAD = 8;

    /** Text bytes per compressed byte assumed for sizing the blocks of small gzip files; text compresses ~3:1. */
    private static final int GZIP_RATIO_GUESS = 3;
    private static final int MIN_BLOCK_BYTES = 4096;
    private static final int INDEX_BITS = 32;

    private final List<CorpusFile> files;
    private final int passes;
    private final boolean wholeFiles;
    private final long[] ranges; // per plain file, how many ranges it is cut into
    private final int blockBytes;

    // The next chunk to hand out, and the gzip file being cut into blocks if it is in one; guarded by this.
    private int pass;
    private int file;
    private long index;
    private GzipBlocks blocks;
    private boolean failed;

    private ChunkQueue(Corpus corpus, int threads, int passes, long next) {
        this.files = corpus.files();
        this.passes = passes;
        if ((long) passes * files.size() >= 1L << (63 - INDEX_BITS)) {
            throw new IllegalArgumentException(passes + " passes over " + files.size() + " files are too many");
        }
        this.wholeFiles = threads == 1;
        long total = 0;
        for (CorpusFile f : files) {
            total += f.isGzip() ? f.size() * GZIP_RATIO_GUESS : f.size();
        }
        long minChunks = (long) threads * MIN_CHUNKS_PER_THREAD;
        this.ranges = new long[files.size()];
        for (int i = 0; i < ranges.length; i++) {
            ranges[i] = wholeFiles ? 1 : rangeCount(files.get(i).size(), total, minChunks);
        }
        this.blockBytes = (int) Math.max(MIN_BLOCK_BYTES, Math.min(CHUNK_BYTES, total / minChunks));
        this.pass = pass(next);
        this.file = (int) ((next >>> INDEX_BITS) % files.size());
        this.index = next & ((1L << INDEX_BITS) - 1);
    }

    /** {@code passes} passes over {@code corpus}, for {@code threads} threads. */
    public static ChunkQueue of(Corpus corpus, int threads, int passes) {
        return new ChunkQueue(corpus, threads, passes, 0);
    }

    /** Continues from a checkpoint's {@link #position()}, for as many threads as it was made with. */
    public static ChunkQueue resume(Corpus corpus, int threads, int passes, long next) {
        return new ChunkQueue(corpus, threads, passes, next);
    }

    /** How many chunks a single plain file of {@code size} bytes is cut into for {@code threads} threads. */
    static long chunkCount(long size, int threads) {
        return threads == 1 ? 1 : rangeCount(size, size, (long) threads * MIN_CHUNKS_PER_THREAD);
    }

    /**
     * Ranges of about {@link #CHUNK_BYTES}, or more if the file's share of the whole corpus (of {@code total}
     * bytes) in {@code minChunks} chunks is more: a small corpus is still shared evenly.
     */
    private static long rangeCount(long size, long total, long minChunks) {
        long bySize = (size + CHUNK_BYTES - 1) / CHUNK_BYTES;
        long byShare = (long) Math.ceil((double) size * minChunks / Math.max(1, total));
        return Math.max(1, Math.max(bySize, byShare));
    }

    /**
     * Hands the next chunk to {@code reader}, checking first that its file did not change; returns its ticket,
     * or {@link #NONE} once every chunk of every pass is handed out.
     */
    public synchronized long claim(ChunkReader reader) throws IOException {
        if (failed) {
            return NONE; // the thread that met the problem reports it
        }
        try {
            return next(reader);
        } catch (IOException | RuntimeException e) {
            failed = true;
            close();
            throw e;
        }
    }

    private long next(ChunkReader reader) throws IOException {
        while (pass < passes) {
            CorpusFile f = files.get(file);
            if (!wholeFiles && f.isGzip()) {
                if (blocks == null) {
                    blocks = new GzipBlocks(f, blockBytes);
                    blocks.skip(index, reader.blockBuffer(blockBytes)); // resumed in the middle of the file
                }
                long before = blocks.consumed();
                if (blocks.next(reader.blockBuffer(blockBytes))) {
                    f.checkUnchanged();
                    reader.readBlock(file, blocks.consumed() - before);
                    return ticket(pass, file, index++);
                }
                blocks.close();
                blocks = null;
            } else if (index < ranges[file]) {
                f.checkUnchanged(); // a stat per chunk: a file changed under training stops it
                handOut(reader, file, index);
                return ticket(pass, file, index++);
            }
            index = 0;
            if (++file == files.size()) {
                file = 0;
                pass++;
            }
        }
        return NONE;
    }

    /**
     * Gives {@code reader} again the chunk {@code ticket} (handed out before a checkpoint), to continue at
     * {@code position}, a {@link TokenReader#position()} taken in it.
     */
    public void reopen(ChunkReader reader, long ticket, long position) throws IOException {
        int f = (int) ((ticket >>> INDEX_BITS) % files.size());
        long i = ticket & ((1L << INDEX_BITS) - 1);
        CorpusFile cf = files.get(f);
        cf.checkUnchanged();
        if (!wholeFiles && cf.isGzip()) {
            try (GzipBlocks again = new GzipBlocks(cf, blockBytes)) {
                BlockInput buffer = reader.blockBuffer(blockBytes);
                again.skip(i, buffer);
                long before = again.consumed();
                if (!again.next(buffer)) {
                    throw new CorpusException(cf.path(), "has fewer blocks of text than when the checkpoint was made");
                }
                reader.readBlock(f, again.consumed() - before);
            }
        } else {
            handOut(reader, f, i);
        }
        reader.tokens().resumeAt(position);
    }

    private void handOut(ChunkReader reader, int f, long i) throws IOException {
        if (wholeFiles && files.get(f).isGzip()) {
            reader.readStream(f);
        } else {
            reader.readPlain(f, ByteRange.part(files.get(f).size(), ranges[f], i));
        }
    }

    private long ticket(int p, int f, long i) {
        return ((long) p * files.size() + f) << INDEX_BITS | i;
    }

    /** The pass (epoch) of {@code ticket}. */
    public int pass(long ticket) {
        return (int) ((ticket >>> INDEX_BITS) / files.size());
    }

    /** The next ticket; meaningful only while no thread claims (all parked for a checkpoint, or finished). */
    public synchronized long position() {
        return pass >= passes ? ticket(passes, 0, 0) : ticket(pass, file, index);
    }

    /** Whether {@code ticket} may have been handed out before {@code position} (checking a checkpoint). */
    public static boolean before(long ticket, long position) {
        return ticket >= 0 && ticket < position;
    }

    /** Frees the decompressor of a gzip file left in the middle (a run stopped early). */
    public synchronized void close() {
        if (blocks != null) {
            try {
                blocks.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            blocks = null;
        }
    }
}
