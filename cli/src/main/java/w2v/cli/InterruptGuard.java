package w2v.cli;

import java.util.concurrent.CountDownLatch;

/**
 * Turns SIGINT/SIGTERM during training into an orderly stop: the JVM's shutdown hook asks training to stop and
 * then waits until the command has written (or discarded) its output and closed this guard, so a ^C never
 * leaves a half-written file and never throws away hours of training silently.
 */
final class InterruptGuard implements AutoCloseable {

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean interrupted;

    private InterruptGuard(Runnable stop) {
        hook = new Thread(() -> {
            interrupted = true;
            stop.run();
            try {
                finished.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "w2v-interrupt");
    }

    static InterruptGuard install(Runnable stop) {
        InterruptGuard g = new InterruptGuard(stop);
        Runtime.getRuntime().addShutdownHook(g.hook);
        return g;
    }

    boolean interrupted() {
        return interrupted;
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook finishes now that we are done
        }
    }
}
