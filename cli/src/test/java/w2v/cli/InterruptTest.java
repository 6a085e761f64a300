package w2v.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
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
        ChildJvm.Result r = trainAndTerminate(out, false);
        assertNotEquals(0, r.exit());
        assertTrue(r.err().contains("interrupted at"), r.err());
        assertTrue(r.err().contains("wrote the vectors trained so far"), r.err());
        try (WordVectors v = VectorReader.read(out, ReadOptions.DEFAULT)) {
            assertEquals(16, v.dim());
            assertTrue(v.size() > 100);
        }
    }

    @Test
    void discardOnInterruptWritesNothing() throws Exception {
        Path out = dir.resolve("v.bin");
        ChildJvm.Result r = trainAndTerminate(out, true);
        assertNotEquals(0, r.exit());
        assertTrue(r.err().contains("nothing written (-discard-on-interrupt)"), r.err());
        assertFalse(Files.exists(out));
    }

    private ChildJvm.Result trainAndTerminate(Path out, boolean discard) throws Exception {
        Random rnd = new Random(1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            b.append("w").append((int) Math.abs(rnd.nextGaussian() * 300)).append(i % 20 == 19 ? '\n' : ' ');
        }
        Path corpus = Files.writeString(dir.resolve("c.txt"), b);
        List<String> cmd = ChildJvm.command(List.of());
        cmd.addAll(List.of("train", "-train", corpus.toString(), "-output", out.toString(), "-binary", "1",
                "-size", "16", "-iter", "1000", "-threads", "1", "-debug", "1"));
        if (discard) {
            cmd.add("-discard-on-interrupt");
        }
        return ChildJvm.runAndTerminate(cmd, 1500); // let training run a little
    }
}
