package w2v.cli;

import java.io.Console;
import java.io.PrintStream;
import java.util.function.Supplier;
import w2v.train.IntervalLoss;
import w2v.train.TrainingProgress;
import w2v.vocab.VocabularyBuilder;

/**
 * Refreshes one progress line on stderr: in place on a terminal (every 0.5 s), as plain lines every 10 s when
 * stderr goes to a file or a pipe, so logs stay readable.
 */
final class ProgressPrinter {

    private final Thread thread;
    private final PrintStream err;
    private final Supplier<String> line;
    private final boolean terminal;
    private volatile boolean running = true;

    private ProgressPrinter(Supplier<String> line, PrintStream err) {
        this.err = err;
        this.line = line;
        Console c = System.console();
        this.terminal = c != null && c.isTerminal() && err == System.err;
        this.thread = Thread.ofPlatform().daemon().name("w2v-progress").unstarted(this::loop);
    }

    static ProgressPrinter start(TrainingProgress p, PrintStream err) {
        IntervalLoss loss = new IntervalLoss(p);
        ProgressPrinter printer = new ProgressPrinter(() -> Summary.progressLine(p, loss.sinceLast()), err);
        printer.thread.start();
        return printer;
    }

    static ProgressPrinter start(VocabularyBuilder b, long totalBytes, PrintStream err) {
        long start = System.nanoTime();
        ProgressPrinter printer = new ProgressPrinter(() -> {
            double s = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
            long bytes = b.bytesRead();
            return String.format("Vocabulary: %5.1f%%  %s words, %s distinct  %s/s",
                    100.0 * bytes / Math.max(1, totalBytes), Summary.si(b.tokensRead()), Summary.si(b.distinctSoFar()),
                    Summary.bytes(bytes / s));
        }, err);
        printer.thread.start();
        return printer;
    }

    /** Any progress line, e.g. {@code w2v phrases}'s two passes. */
    static ProgressPrinter start(Supplier<String> line, PrintStream err) {
        ProgressPrinter printer = new ProgressPrinter(line, err);
        printer.thread.start();
        return printer;
    }

    private void loop() {
        long period = terminal ? 500 : 10_000;
        try {
            Thread.sleep(terminal ? 500 : 10_000);
            while (running) {
                if (terminal) {
                    err.print("\r" + line.get() + "\u001B[K");
                } else {
                    err.println(line.get());
                }
                err.flush();
                Thread.sleep(period);
            }
        } catch (InterruptedException e) {
            // stopping
        }
    }

    void stop() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
        if (terminal) {
            err.print("\r" + line.get() + "\u001B[K\n");
            err.flush();
        }
    }
}
