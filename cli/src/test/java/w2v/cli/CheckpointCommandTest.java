package w2v.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import w2v.model.WordVectors;
import w2v.io.VectorReader;
import w2v.io.ReadOptions;

/**
 * -checkpoint, -checkpoint-every and -resume end to end in real JVMs: a run killed with SIGTERM leaves a
 * checkpoint it resumes from, bad checkpoints get one line, and a write that hits the file size
 * limit (ulimit -f: the JVM ignores SIGXFSZ, so write() fails with EFBIG, no mount or privilege needed) leaves
 * the previous file intact and no temporary file.
 */
class CheckpointCommandTest {

    /** One thread and a seed: runs are reproducible, so a resumed run can be compared byte for byte. */
    // Both losses: hierarchical softmax is where C2 once summed a dot product in another order than C1.
    private static final String FLAGS = "-binary 1 -size 16 -threads 1 -seed 9 -sample 1e-4 -hs 1";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "-checkpoint-every 0s        | -checkpoint-every must be between 1s and 10000h",
            "-checkpoint-every -5m       | -checkpoint-every must be between 1s and 10000h",
            "-checkpoint-every 10        | -checkpoint-every must be a whole number of seconds, minutes or hours",
            "-checkpoint-every abc       | -checkpoint-every must be a whole number",
            "-checkpoint-every 1.5h      | -checkpoint-every must be a whole number",
            "-checkpoint-every 99999999999999h | -checkpoint-every must be between 1s and 10000h",
    })
    void absurdCheckpointIntervalsGetOneLineAndExitTwo(String flags, String message) throws Exception {
        Path corpus = corpus("c.txt", 1_000);
        String[] args = ("train -train " + corpus + " -output " + dir.resolve("v.bin") + " -checkpoint "
                + dir.resolve("ck") + " " + flags.trim()).split(" +");
        CliRun r = CliRun.of(args);
        assertEquals(2, r.exit(), r.err());
        assertOneLine(r, message);
    }

    @Test
    void checkpointFlagsThatMakeNoSenseTogetherAreRefused() throws Exception {
        Path corpus = corpus("c.txt", 1_000);
        CliRun r = CliRun.of("train", "-train", corpus.toString(), "-output", dir.resolve("v").toString(),
                "-checkpoint-every", "5m");
        assertEquals(2, r.exit());
        assertOneLine(r, "-checkpoint-every needs -checkpoint FILE");
        r = CliRun.of("train", "-train", corpus.toString(), "-resume", dir.resolve("ck").toString());
        assertEquals(2, r.exit());
        assertOneLine(r, "-resume needs -output FILE");
        r = CliRun.of("train", "-train", corpus.toString(), "-output", dir.resolve("v").toString(), "-checkpoint",
                dir.resolve("no/such/dir/ck").toString());
        assertEquals(1, r.exit());
        assertOneLine(r, "does not exist");
    }

    @Test
    void aRunKilledWithSigtermResumesToTheEndAndRefusesBadCheckpoints() throws Exception {
        Path corpus = corpus("c.txt", 200_000);
        Path reference = dir.resolve("reference.bin");
        CliRun whole = train(corpus, "-output " + reference + " -iter 30 -debug 0");
        assertEquals(0, whole.exit(), whole.err());

        Path checkpoint = dir.resolve("run.ckpt");
        List<String> cmd = ChildJvm.command(List.of());
        cmd.addAll(args(corpus, "-output " + dir.resolve("partial.bin") + " -iter 30 -debug 1 -checkpoint "
                + checkpoint + " -checkpoint-every 1h"));
        String err = ChildJvm.runAndTerminate(cmd, 700).err();
        assertTrue(err.contains("interrupted at"), "SIGTERM came during training: " + err);
        assertTrue(err.contains("continue with -resume " + checkpoint), err);
        assertTrue(Files.size(checkpoint) > 0);

        Path resumed = dir.resolve("resumed.bin");
        CliRun r = train(corpus, "-output " + resumed + " -iter 30 -debug 1 -resume " + checkpoint);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("Resuming from " + checkpoint), r.err());
        // Three processes' worth of JIT states (this JVM warm, a fresh one killed, this one again): the kernels
        // must round the same way in every tier for this to hold.
        assertArrayEquals(Files.readAllBytes(reference), Files.readAllBytes(resumed),
                "resumed after SIGTERM in another process = uninterrupted");

        // What cannot be resumed from: one line each, exit 1, nothing written.
        Path out = dir.resolve("never.bin");
        r = train(corpus, "-output " + out + " -iter 30 -size 32 -resume " + checkpoint);
        assertOneLine(r, "cannot resume from " + checkpoint + ": it was made with -size 16, this run has -size 32");
        r = train(corpus, "-output " + out + " -iter 30 -cbow 0 -resume " + checkpoint);
        assertOneLine(r, "it was made with -cbow 1, this run has -cbow 0");
        Path other = Files.writeString(dir.resolve("other.txt"), Files.readString(corpus) + "w1 w2\n");
        r = train(other, "-output " + out + " -iter 30 -resume " + checkpoint);
        assertOneLine(r, "the training file changed since the checkpoint");
        byte[] bytes = Files.readAllBytes(checkpoint);
        Path truncated = Files.write(dir.resolve("truncated.ckpt"), Arrays.copyOf(bytes, bytes.length / 2));
        r = train(corpus, "-output " + out + " -iter 30 -resume " + truncated);
        assertOneLine(r, truncated + ": checkpoint is truncated");
        r = train(corpus, "-output " + out + " -iter 30 -resume " + reference);
        assertOneLine(r, reference + ": not a w2v checkpoint");
        assertFalse(Files.exists(out));
    }

    @Test
    void aOneThreadSeededRunIsBitIdenticalWhateverTheJitCompiledIt() throws Exception {
        // Resuming in a fresh process is only exact if a cold JVM (interpreter, C1) trains exactly as a warm one
        // (C2): this JVM has run the kernels many times, the other never gets past C1.
        Path corpus = corpus("c.txt", 50_000);
        for (String arch : List.of("-cbow 1", "-cbow 0", "-cbow 0 -negative 0", "-cbow 1 -negative 0")) {
            Path warm = dir.resolve("warm.bin");
            Path cold = dir.resolve("cold.bin");
            CliRun r = train(corpus, "-output " + warm + " -iter 2 -debug 0 " + arch);
            assertEquals(0, r.exit(), r.err());
            List<String> cmd = ChildJvm.command(List.of(), "-XX:TieredStopAtLevel=1");
            cmd.addAll(args(corpus, "-output " + cold + " -iter 2 -debug 0 " + arch));
            ChildJvm.Result c = ChildJvm.run(cmd);
            assertEquals(0, c.exit(), c.err());
            assertArrayEquals(Files.readAllBytes(warm), Files.readAllBytes(cold), arch);
        }
    }

    @Test
    void vectorsThatHitTheFileSizeLimitLeaveThePreviousFileAndOneLine() throws Exception {
        Path corpus = corpus("c.txt", 50_000);
        Path out = Files.writeString(dir.resolve("vectors.bin"), "previous vectors\n");
        List<String> cmd = ChildJvm.command(List.of("bash", "-c", "ulimit -f 64 && exec \"$0\" \"$@\""));
        cmd.addAll(args(corpus, "-output " + out + " -size 100 -iter 1 -debug 0"));
        ChildJvm.Result r = ChildJvm.run(cmd);
        assertNotEquals(0, r.exit());
        assertEquals("w2v train: cannot write " + out + ": File too large (the file size limit, ulimit -f or the "
                + "file system's, was reached)", r.err().strip());
        assertEquals("previous vectors\n", Files.readString(out));
        assertOnlyFiles(corpus, out);
    }

    @Test
    void vectorsOnAFullDiskLeaveThePreviousFileAndOneLine() throws Exception {
        // A real ENOSPC, not a ulimit: a 64 KiB tmpfs in a mount namespace of the child's own. That needs root
        // with CAP_SYS_ADMIN, which CI has (.ci/run runs as root); where it is missing (a user, or a container
        // without mount namespaces) the test is reported skipped, with what the probe said.
        Path full = Files.createDirectory(dir.resolve("full"));
        ChildJvm.Result probe = inPrivateMountNamespace("mount -t tmpfs -o size=4k tmpfs \"$0\"", full);
        assumeTrue(probe.exit() == 0, () -> "no private mount namespace with a tmpfs (unshare -m, then mount, "
                + "need root with CAP_SYS_ADMIN): exit " + probe.exit() + ", " + probe.err().strip());
        Path corpus = corpus("c.txt", 50_000);
        Path out = full.resolve("vectors.bin");
        Path report = dir.resolve("report.txt");
        List<String> w2v = ChildJvm.command(List.of());
        w2v.addAll(args(corpus, "-output " + out + " -size 100 -iter 1 -debug 0"));
        String script = "d=$0; r=$1; shift; mount -t tmpfs -o size=64k tmpfs \"$d\" || exit 99; "
                + "printf 'previous vectors\\n' > \"$d/vectors.bin\"; \"$@\"; echo \"exit $?\" > \"$r\"; "
                + "cat \"$d/vectors.bin\" >> \"$r\"; ls -A \"$d\" >> \"$r\"";
        List<String> cmd = new ArrayList<>(List.of("unshare", "-m", "--propagation", "private", "bash", "-c",
                script, full.toString(), report.toString()));
        cmd.addAll(w2v);
        ChildJvm.Result r = ChildJvm.run(cmd);
        assertEquals(0, r.exit(), r.err());
        assertEquals("w2v train: cannot write " + out + ": No space left on device", r.err().strip());
        assertEquals("exit 1\nprevious vectors\nvectors.bin\n", Files.readString(report),
                "exit code, the previous file intact, no temporary file left on the full disk");
    }

    private static ChildJvm.Result inPrivateMountNamespace(String script, Path arg) throws Exception {
        try {
            return ChildJvm.run(List.of("unshare", "-m", "--propagation", "private", "bash", "-c", script,
                    arg.toString()));
        } catch (java.io.IOException noUnshare) {
            return new ChildJvm.Result(127, noUnshare.getMessage());
        }
    }

    @Test
    void anInterruptWhoseCheckpointCannotBeWrittenStillWritesTheVectors() throws Exception {
        Path corpus = corpus("c.txt", 200_000);
        Path checkpoint = dir.resolve("run.ckpt");
        Path out = dir.resolve("vectors.bin");
        // 100 KiB: the vectors (about 1,000 words x 16 floats) fit, a checkpoint (three such tables) does not.
        List<String> cmd = ChildJvm.command(List.of("bash", "-c", "ulimit -f 100 && exec \"$0\" \"$@\""));
        cmd.addAll(args(corpus, "-output " + out + " -iter 1000 -debug 1 -checkpoint " + checkpoint
                + " -checkpoint-every 1h"));
        ChildJvm.Result r = ChildJvm.runAndTerminate(cmd, 700);
        assertEquals(143, r.exit(), "128 + SIGTERM: " + r.err());
        assertTrue(r.err().contains("w2v train: warning: cannot write " + checkpoint + ": File too large"), r.err());
        assertTrue(r.err().contains("wrote the vectors trained so far to " + out
                + "; the checkpoint of this point could not be written"), r.err());
        assertFalse(r.err().contains("-resume"), "no checkpoint to resume from: " + r.err());
        try (WordVectors v = VectorReader.read(out, ReadOptions.DEFAULT)) {
            assertEquals(16, v.dim());
        }
        assertOnlyFiles(corpus, out);
    }

    @Test
    void aCheckpointThatHitsTheFileSizeLimitIsAWarningAndTrainingGoesOn() throws Exception {
        Path corpus = corpus("c.txt", 200_000);
        Path checkpoint = Files.writeString(dir.resolve("run.ckpt"), "previous checkpoint\n");
        Path out = dir.resolve("vectors.bin");
        // 64 KiB fits neither a checkpoint nor these vectors: every checkpoint warns, then the output fails.
        List<String> cmd = ChildJvm.command(List.of("bash", "-c", "ulimit -f 64 && exec \"$0\" \"$@\""));
        cmd.addAll(args(corpus, "-output " + out + " -size 100 -iter 40 -debug 1 -checkpoint " + checkpoint
                + " -checkpoint-every 1s"));
        ChildJvm.Result r = ChildJvm.run(cmd);
        assertEquals(1, r.exit(), r.err());
        List<String> warnings = r.err().lines().filter(l -> l.startsWith("w2v train: warning:")).toList();
        assertFalse(warnings.isEmpty(), "a run of several seconds tried at least one checkpoint: " + r.err());
        assertEquals("w2v train: warning: cannot write " + checkpoint + ": File too large (the file size limit, "
                + "ulimit -f or the file system's, was reached); the previous checkpoint is kept and training goes on",
                warnings.get(0));
        assertTrue(r.err().strip().endsWith("w2v train: cannot write " + out + ": File too large (the file size "
                + "limit, ulimit -f or the file system's, was reached)"), r.err());
        assertEquals("previous checkpoint\n", Files.readString(checkpoint));
        assertOnlyFiles(corpus, checkpoint);
    }

    private CliRun train(Path corpus, String flags) {
        return CliRun.of(args(corpus, flags).toArray(String[]::new));
    }

    private static List<String> args(Path corpus, String flags) {
        List<String> a = new ArrayList<>(List.of("train", "-train", corpus.toString()));
        a.addAll(List.of((FLAGS + " " + flags).split(" +")));
        return a;
    }

    private void assertOnlyFiles(Path... expected) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(expected).stream().sorted().toList(), files.sorted().toList(), "no temporary file");
        }
    }

    private static void assertOneLine(CliRun r, String expected) {
        String lines = r.errorLines().strip();
        assertEquals(1, lines.lines().count(), "exactly one error line: " + r.err());
        assertTrue(lines.contains(expected), "expected '" + expected + "' in: " + lines);
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertNotEquals(0, r.exit());
    }

    private Path corpus(String name, int words) throws IOException {
        Random rnd = new Random(1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            b.append("w").append((int) Math.abs(rnd.nextGaussian() * 300)).append(i % 20 == 19 ? '\n' : ' ');
        }
        return Files.writeString(dir.resolve(name), b);
    }
}
