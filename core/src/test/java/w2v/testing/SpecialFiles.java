package w2v.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Files that are not regular files, for tests of the input checks: a FIFO with no writer (opening it would
 * block), the read end of a pipe, a character device, a /proc pseudo-file. Where the system has none of these
 * (not Linux), the test is skipped visibly through an assumption that says why.
 */
public final class SpecialFiles {

    private SpecialFiles() {
    }

    /** A FIFO made with mkfifo; nobody ever writes to it. */
    public static Path fifo(Path dir, String name) throws IOException, InterruptedException {
        Path f = dir.resolve(name);
        Process p = new ProcessBuilder("mkfifo", f.toString()).redirectErrorStream(true).start();
        assumeTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && Files.exists(f),
                "mkfifo is needed to make a FIFO: " + new String(p.getInputStream().readAllBytes()));
        return f;
    }

    /**
     * A child process whose standard input is a pipe from this JVM; {@link #pipeOf} names that pipe as
     * /proc/PID/fd/0 (a link to "pipe:[N]", as /dev/fd/63 of a shell's {@code <(...)} is). Destroy it after.
     */
    public static Process pipeHolder() throws IOException {
        return new ProcessBuilder("sleep", "120").start();
    }

    public static Path pipeOf(Process holder) {
        Path p = Path.of("/proc", Long.toString(holder.pid()), "fd", "0");
        assumeTrue(Files.isSymbolicLink(p), "Linux's /proc/PID/fd is needed to name a pipe: " + p);
        return p;
    }

    /** Linux's /dev/zero: a character device that reports size 0 and never ends. */
    public static Path charDevice() {
        Path p = Path.of("/dev/zero");
        assumeTrue(Files.exists(p), "/dev/zero is needed");
        return p;
    }

    /** A /proc file: regular, size 0, yet it has content. */
    public static Path procFile() {
        Path p = Path.of("/proc/self/status");
        assumeTrue(Files.isRegularFile(p), "Linux's /proc is needed");
        return p;
    }
}
