package w2v.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The epoch barrier reports each boundary once, in order, while every worker that still trains is exactly at it;
 * workers resumed past a boundary count as arrived; a worker that leaves never keeps the others waiting.
 */
class EpochBarrierTest {

    /**
     * Runs one thread per worker from {@code startEpochs}: each "trains" an epoch (a random short pause), records
     * it as done, and arrives at its end, until {@code epochs}; worker {@code leaver} leaves before its first
     * arrival instead (-1: none). A stop is requested while boundary {@code stopAt} is reported (0: from the
     * start, -1: never); each worker checks that the barrier said so and stops. Returns the reports, each with
     * every worker's epochs done at that moment.
     */
    private static List<String> run(int[] startEpochs, int epochs, int leaver, int stopAt) throws Exception {
        int n = startEpochs.length;
        AtomicIntegerArray done = new AtomicIntegerArray(startEpochs);
        List<String> reports = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean(stopAt == 0);
        EpochBarrier barrier = new EpochBarrier(startEpochs, epochs, b -> {
            StringBuilder s = new StringBuilder(b + ":");
            for (int w = 0; w < n; w++) {
                s.append(' ').append(done.get(w));
            }
            reports.add(s.toString());
            stop.compareAndSet(false, b == stopAt);
        }, stop::get);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread[] threads = new Thread[n];
        for (int w = 0; w < n; w++) {
            int me = w;
            threads[w] = Thread.ofPlatform().start(() -> {
                Random r = new Random(me);
                try {
                    for (int e = startEpochs[me]; e < epochs && me != leaver; e++) {
                        Thread.sleep(r.nextInt(5));
                        if (e + 1 < epochs) {
                            done.set(me, e + 1);
                            boolean reported = barrier.arriveAndAwait(me, e + 1);
                            if (reported != (stopAt < 0 || e + 1 <= stopAt)) {
                                throw new AssertionError("boundary " + (e + 1) + " reported: " + reported);
                            }
                            if (stop.get()) {
                                break;
                            }
                        }
                    }
                } catch (Throwable t) {
                    failure.set(t);
                } finally {
                    barrier.leave(me);
                }
            });
        }
        for (Thread t : threads) {
            t.join(10_000);
            assertFalse(t.isAlive(), "a worker still waits");
        }
        assertNull(failure.get());
        return reports;
    }

    @Test
    void aFreshRunReportsEveryBoundaryButTheLastOnceWithAllWorkersAtIt() throws Exception {
        for (int round = 0; round < 20; round++) {
            assertEquals(List.of("1: 1 1 1", "2: 2 2 2", "3: 3 3 3"), run(new int[3], 4, -1, -1));
        }
    }

    @Test
    void workersResumedPastABoundaryCountAsArrivedAndEarlierBoundariesAreNotReportedAgain() throws Exception {
        for (int round = 0; round < 20; round++) {
            // Worker 0 had crossed the end of epoch 2 (a checkpoint taken without a barrier); the others had not.
            List<String> reports = run(new int[] {2, 1, 1}, 4, -1, -1);
            assertEquals(2, reports.size(), reports.toString());
            assertEquals("2: 2 2 2", reports.get(0).replaceFirst("2: [23]", "2: 2"), "reported when the last arrives");
            assertEquals("3: 3 3 3", reports.get(1));
        }
    }

    @Test
    void aWorkerThatLeavesReleasesTheOthers() throws Exception {
        assertEquals(List.of("1: 1 0 1", "2: 2 0 2"), run(new int[3], 3, 1, -1));
    }

    @Test
    void afterAStopNothingIsReportedAndNobodyWaits() throws Exception {
        assertEquals(List.of(), run(new int[3], 4, 1, 0));
    }

    @Test
    void aStopDuringAReportLetsThatBoundaryCountAsReportedButNoLaterOne() throws Exception {
        for (int round = 0; round < 20; round++) {
            assertEquals(List.of("1: 1 1 1", "2: 2 2 2"), run(new int[3], 5, -1, 2));
        }
    }
}
