package w2v.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import w2v.io.ReadOptions;
import w2v.io.VectorReader;
import w2v.model.WordVectors;

/** SIGTERM in the middle of training, delivered to a real JVM. */
class InterruptTest {

    @TempDir
    Path dir;

    @Test
    void sigtermWritesTheVectorsTrainedSoFar() throws Exception {
        Path out = dir.resolve("v.bin");
        Result r = trainAndTerminate(out, false);
        assertNotEquals(0, r.exit);
        assertTrue(r.err.contains("interrupted at"), r.err);
        assertTrue(r.err.contains("wrote the vectors trained so far"), r.err);
        try (WordVectors v = VectorReader.read(out, ReadOptions.DEFAULT)) {
            assertEquals(16, v.dim());
            assertTrue(v.size() > 100);
        }
    }

    @Test
    void discardOnInterruptWritesNothing() throws Exception {
        Path out = dir.resolve("v.bin");
        Result r = trainAndTerminate(out, true);
        assertNotEquals(0, r.exit);
        assertTrue(r.err.contains("nothing written (-discard-on-interrupt)"), r.err);
        assertFalse(Files.exists(out));
    }

    private record Result(int exit, String err) {
    }

    private Result trainAndTerminate(Path out, boolean discard) throws Exception {
        Random rnd = new Random(1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            b.append("w").append((int) Math.abs(rnd.nextGaussian() * 300)).append(i % 20 == 19 ? '\n' : ' ');
        }
        Path corpus = Files.writeString(dir.resolve("c.txt"), b);
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> cmd = new ArrayList<>(List.of(java, "--add-modules=jdk.incubator.vector", "-cp",
                System.getProperty("java.class.path"), "w2v.cli.Main", "train", "-train", corpus.toString(),
                "-output", out.toString(), "-binary", "1", "-size", "16", "-iter", "1000", "-threads", "1",
                "-debug", "1"));
        if (discard) {
            cmd.add("-discard-on-interrupt");
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        StringBuilder err = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                err.append(line).append('\n');
                if (line.startsWith("Vocabulary:")) {
                    Thread.sleep(1500); // let training run a little
                    p.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of stderr
                }
            }
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "process ended");
        return new Result(p.exitValue(), err.toString());
    }
}
