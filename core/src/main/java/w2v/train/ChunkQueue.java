package w2v.train;

import java.util.concurrent.atomic.AtomicLong;
import w2v.corpus.ByteRange;

/**
 * Hands out the corpus in chunks, epoch after epoch, to whichever worker asks next. With one fixed byte range
 * per worker, a run lasts as long as its slowest worker; on a shared host one core is often 20-40% slower than
 * the other for seconds at a time, and the faster worker then sat idle for the last 10-20% of the run
 * (BENCHMARKS.md, thirteenth session). Drawing chunks, a slower worker simply trains fewer of them, and the
 * workers finish within about one chunk of each other.
 *
 * <p>Ticket {@code t} is chunk {@code t mod n} of epoch {@code t / n}, so one counter orders the whole run and
 * an epoch's chunks are all handed out before the next epoch's. A worker's tokens are still read in file order
 * within a chunk, and a sentence ends at a chunk's end, as it ended at a range's end before. With one thread
 * there is one chunk, the whole file: that worker streams the corpus start to end each epoch, as word2vec C
 * does with {@code -threads 1}.
 */
final class ChunkQueue {

    /** No chunk: returned when all are handed out, and a worker's ticket between two chunks. */
    static final long NONE = -1;

    /** About 180k words of the shared corpus: 0.1-0.2 s of one worker, the most the workers can end apart. */
    static final long CHUNK_BYTES = 1 << 20;

    /** Small corpora still get this many chunks per worker, so that they are shared evenly too. */
    static final int MIN_CHUNKS_PER_WORKER = 8;

    /**
     * How far a run has got through the chunks: all a checkpoint needs to hand out the rest.
     *
     * @param chunks how many chunks each epoch is cut into
     * @param next the next ticket to hand out
     */
    record Position(int chunks, long next) {
    }

    private final ByteRange[] ranges;
    private final long tickets;
    private final AtomicLong next;

    private ChunkQueue(long corpusBytes, int chunks, int epochs, long next) {
        this.ranges = ByteRange.split(corpusBytes, chunks);
        this.tickets = (long) chunks * epochs;
        this.next = new AtomicLong(next);
    }

    /** A fresh run: {@code epochs} passes over a corpus of {@code corpusBytes}, for {@code threads} workers. */
    static ChunkQueue of(long corpusBytes, int threads, int epochs) {
        return new ChunkQueue(corpusBytes, chunkCount(corpusBytes, threads), epochs, 0);
    }

    /** Continues from a checkpoint's position. */
    static ChunkQueue resume(long corpusBytes, int epochs, Position at) {
        return new ChunkQueue(corpusBytes, at.chunks(), epochs, at.next());
    }

    static int chunkCount(long corpusBytes, int threads) {
        if (threads == 1) {
            return 1;
        }
        long bySize = (corpusBytes + CHUNK_BYTES - 1) / CHUNK_BYTES;
        return (int) Math.min(Integer.MAX_VALUE, Math.max((long) threads * MIN_CHUNKS_PER_WORKER, bySize));
    }

    /** The next ticket, or {@link #NONE} once every chunk of every epoch is handed out. */
    long claim() {
        long t = next.getAndIncrement();
        return t < tickets ? t : NONE;
    }

    ByteRange range(long ticket) {
        return ranges[(int) (ticket % ranges.length)];
    }

    int epoch(long ticket) {
        return (int) (ticket / ranges.length);
    }

    /** Meaningful only while no worker claims (all parked for a checkpoint, or finished). */
    Position position() {
        return new Position(ranges.length, Math.min(next.get(), tickets));
    }
}
