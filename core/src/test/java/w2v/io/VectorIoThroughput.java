package w2v.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import w2v.io.VectorWriter.Format;
import w2v.model.WordVectors;

/**
 * Rough write and read speed of both formats; prints, never asserts (timings on shared machines are noise
 * for a test). Not a test, so surefire does not run it:
 * <pre>
 * bin/test -pl core -am -q -DskipTests   # or any build that compiles the test classes
 * $JAVA --add-modules=jdk.incubator.vector -cp core/target/classes:core/target/test-classes \
 *     w2v.io.VectorIoThroughput [rows] [dim] [dir]
 * </pre>
 */
public final class VectorIoThroughput {

    /** Values shaped like trained embeddings: roughly normal, |v| mostly below 1, words of 2 to 12 letters. */
    static WordVectors trained(int rows, int dim) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(1);
        String[] words = new String[rows];
        float[][] values = new float[rows][dim];
        for (int r = 0; r < rows; r++) {
            StringBuilder w = new StringBuilder();
            for (int k = rnd.nextInt(2, 13); k > 0; k--) {
                w.append((char) ('a' + rnd.nextInt(26)));
            }
            words[r] = w.append(r).toString();
            for (int i = 0; i < dim; i++) {
                values[r][i] = (float) (rnd.nextGaussian() * 0.3);
            }
        }
        return Fixtures.vectors(words, values);
    }

    /** This thread's CPU time: on a shared machine wall time also counts the other engineers' jobs. */
    private static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int dim = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Path dir = Files.createTempDirectory(args.length > 2 ? Path.of(args[2]) : Path.of(System.getProperty("java.io.tmpdir")), "w2v-io");
        try (WordVectors v = trained(rows, dim)) {
            for (Format f : Format.values()) {
                long c0 = cpu();
                VectorWriter.write(v, java.io.OutputStream.nullOutputStream(), f);
                System.out.printf("encode only (no file) %-6s cpu %.0f ms%n", f, (cpu() - c0) / 1e6);
            }
            for (int round = 0; round < 3; round++) { // the first round includes JIT warm-up
                for (Format f : Format.values()) {
                    Path file = dir.resolve("v." + f);
                    long c0 = cpu();
                    long t0 = System.nanoTime();
                    VectorWriter.write(v, file, f);
                    long t1 = System.nanoTime();
                    long c1 = cpu();
                    long size = Files.size(file);
                    try (WordVectors read = VectorReader.read(file, ReadOptions.DEFAULT)) {
                        long t2 = System.nanoTime();
                        long c2 = cpu();
                        System.out.printf("round %d %-6s %,d x %d: %,.1f MB | write %.0f ms = %.0f MB/s (cpu %.0f ms)"
                                + " | read %.0f ms = %.0f MB/s (cpu %.0f ms)%n",
                                round, f, rows, dim, size / 1e6, (t1 - t0) / 1e6, size / 1e3 / ((t1 - t0) / 1e6),
                                (c1 - c0) / 1e6, (t2 - t1) / 1e6, size / 1e3 / ((t2 - t1) / 1e6), (c2 - c1) / 1e6);
                        if (read.size() != rows) {
                            throw new AssertionError(read.size());
                        }
                    }
                    Files.delete(file);
                }
            }
        } finally {
            Files.deleteIfExists(dir);
        }
    }
}
