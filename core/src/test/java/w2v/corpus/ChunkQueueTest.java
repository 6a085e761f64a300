package w2v.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ChunkQueueTest {

    @Test
    void oneThreadReadsTheWholeFileAsOneChunkEachPass() {
        assertEquals(1, ChunkQueue.chunkCount(117_000_000L, 1));
        ChunkQueue q = ChunkQueue.of(1000, 1, 3);
        for (int e = 0; e < 3; e++) {
            long t = q.claim();
            assertEquals(e, q.pass(t));
            assertEquals(new ByteRange(0, 1000), q.range(t));
        }
        assertEquals(ChunkQueue.NONE, q.claim());
    }

    @Test
    void chunksAreAboutAMegabyteButAtLeastEightPerThread() {
        assertEquals(16, ChunkQueue.chunkCount(50_000, 2), "a small corpus is still shared evenly");
        assertEquals(112, ChunkQueue.chunkCount(116_935_564L, 2), "the shared corpus: 1 MiB each");
        assertEquals(64, ChunkQueue.chunkCount(116_935_564L / 4, 8));
        assertEquals(100_000, ChunkQueue.chunkCount(100_000L << 20, 64), "100 GiB");
    }

    @Test
    void concurrentThreadsGetEveryChunkOfEveryPassExactlyOnceInPassOrder() throws Exception {
        long size = 10_000_019; // not a multiple of the chunk count
        int threads = 4;
        int passes = 3;
        ChunkQueue q = ChunkQueue.of(size, threads, passes);
        int chunks = ChunkQueue.chunkCount(size, threads);
        ConcurrentLinkedQueue<List<Long>> perWorker = new ConcurrentLinkedQueue<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                List<Long> mine = new ArrayList<>();
                for (long t; (t = q.claim()) != ChunkQueue.NONE; ) {
                    mine.add(t);
                }
                perWorker.add(mine);
            }));
        }
        go.countDown();
        for (Thread w : workers) {
            w.join();
        }
        List<Long> claimed = new ArrayList<>();
        for (List<Long> mine : perWorker) {
            for (int k = 1; k < mine.size(); k++) {
                assertTrue(q.pass(mine.get(k)) >= q.pass(mine.get(k - 1)), "a thread never goes back a pass");
            }
            claimed.addAll(mine);
        }
        assertEquals(threads, perWorker.size());
        assertEquals((long) chunks * passes, claimed.size());
        long[] covered = new long[passes];
        boolean[][] seen = new boolean[passes][chunks];
        for (long t : claimed) {
            int e = q.pass(t);
            int c = (int) (t % chunks);
            assertTrue(!seen[e][c], "ticket " + t + " handed out twice");
            seen[e][c] = true;
            covered[e] += q.range(t).length();
        }
        for (int e = 0; e < passes; e++) {
            assertEquals(size, covered[e], "pass " + e + " covers the file");
        }
        assertEquals(new ChunkQueue.Position(chunks, (long) chunks * passes), q.position());
    }

    @Test
    void resumingHandsOutExactlyWhatWasLeft() {
        ChunkQueue q = ChunkQueue.of(5_000_000, 2, 2);
        for (int i = 0; i < 7; i++) {
            q.claim();
        }
        ChunkQueue.Position at = q.position();
        ChunkQueue resumed = ChunkQueue.resume(5_000_000, 2, at);
        for (long t; (t = q.claim()) != ChunkQueue.NONE; ) {
            long r = resumed.claim();
            assertEquals(t, r);
            assertEquals(q.range(t), resumed.range(r));
        }
        assertEquals(ChunkQueue.NONE, resumed.claim());
    }
}
