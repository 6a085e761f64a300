package w2v.corpus;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands out a corpus file in chunks, pass after pass (the training epochs; one pass to count the vocabulary),
 * to whichever thread asks next. With one fixed byte range per thread, a pass lasts as long as its slowest
 * thread; on a shared host one core is often 20-40% slower than the other for seconds at a time, and the
 * faster training worker then sat idle for the last 10-20% of the run (measured on 2 vCPUs, 2026-12-03).
 * Drawing chunks, a slower thread simply reads fewer of them, and the threads finish within about one chunk of
 * each other.
 *
 * <p>Ticket {@code t} is chunk {@code t mod n} of pass {@code t / n}, so one counter orders the whole job and
 * a pass's chunks are all handed out before the next pass's. Tokens are still read in file order within a
 * chunk, and each token belongs to the chunk its first byte is in ({@link ByteRange}). With one thread there
 * is one chunk, the whole file: that thread streams the corpus start to end each pass, as word2vec C does with
 * {@code -threads 1}.
 */
public final class ChunkQueue {

    /** No chunk: returned when all are handed out, and a thread's ticket between two chunks. */
    public static final long NONE = -1;

    /** About 180k words of the shared corpus: 0.1-0.2 s of one worker, the most the workers can end apart. */
    static final long CHUNK_BYTES = 1 << 20;

    /** Small corpora still get this many chunks per thread, so that they are shared evenly too. */
    static final int MIN_CHUNKS_PER_THREAD = 8;

    /**
     * How far a job has got through the chunks: all a checkpoint needs to hand out the rest.
     *
     * @param chunks how many chunks each pass is cut into
     * @param next the next ticket to hand out
     */
    public record Position(int chunks, long next) {
    }

    private final ByteRange[] ranges;
    private final long tickets;
    private final AtomicLong next;

    private ChunkQueue(long corpusBytes, int chunks, int passes, long next) {
        this.ranges = ByteRange.split(corpusBytes, chunks);
        this.tickets = (long) chunks * passes;
        this.next = new AtomicLong(next);
    }

    /** {@code passes} passes over a file of {@code corpusBytes}, for {@code threads} threads. */
    public static ChunkQueue of(long corpusBytes, int threads, int passes) {
        return new ChunkQueue(corpusBytes, chunkCount(corpusBytes, threads), passes, 0);
    }

    /** Continues from a checkpoint's position. */
    public static ChunkQueue resume(long corpusBytes, int passes, Position at) {
        return new ChunkQueue(corpusBytes, at.chunks(), passes, at.next());
    }

    static int chunkCount(long corpusBytes, int threads) {
        if (threads == 1) {
            return 1;
        }
        long bySize = (corpusBytes + CHUNK_BYTES - 1) / CHUNK_BYTES;
        return (int) Math.min(Integer.MAX_VALUE, Math.max((long) threads * MIN_CHUNKS_PER_THREAD, bySize));
    }

    /** The next ticket, or {@link #NONE} once every chunk of every pass is handed out. */
    public long claim() {
        long t = next.getAndIncrement();
        return t < tickets ? t : NONE;
    }

    public ByteRange range(long ticket) {
        return ranges[(int) (ticket % ranges.length)];
    }

    public int pass(long ticket) {
        return (int) (ticket / ranges.length);
    }

    /** Meaningful only while no thread claims (all parked for a checkpoint, or finished). */
    public Position position() {
        return new Position(ranges.length, Math.min(next.get(), tickets));
    }
}
