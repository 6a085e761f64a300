package w2v.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import w2v.train.Trainer;

/**
 * {@code w2v train}'s input files: what cannot be read once per epoch (FIFOs, pipes, devices, /proc files), a
 * corpus that changes during training, NUL bytes deep in the corpus, vocabularies and checkpoints that are not
 * regular files, and vocabularies left empty. Each gets one line naming the flag and the file, exit 1, and
 * leaves every earlier output file as it was.
 */
// A FIFO opened by mistake blocks in open(), which no interrupt ends: the test runs in a thread of its own,
// abandoned (and failed) at the timeout.
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TrainInputTest {

    private static final String NEEDS_REGULAR = "training reads the corpus once per epoch and needs a regular file";
    private static final String PREVIOUS = "previous vectors\n";

    @TempDir
    Path dir;

    @Test
    void anEmptyTrainingFileNameSaysSo() {
        assertRefused(CliRun.of("train", "-train", "", "-output", out().toString()), "w2v train: -train: empty file name");
    }

    @Test
    void anEmptyDirectoryIsNamedWithItsFlag() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertRefused(CliRun.of("train", "-train", empty.toString(), "-output", out().toString()),
                "w2v train: -train " + empty + ": is an empty directory");
    }

    @Test
    void aFifoWithNoWriterIsRefusedInsteadOfBlocking() throws Exception {
        Path fifo = fifo("corpus.fifo");
        assertRefused(CliRun.of("train", "-train", fifo.toString(), "-output", out().toString()),
                "w2v train: -train " + fifo + ": is a FIFO (named pipe); " + NEEDS_REGULAR);
    }

    @Test
    void aPipeAsFromProcessSubstitutionIsRefused() throws Exception {
        Process holder = new ProcessBuilder("sleep", "120").start(); // its standard input is a pipe from us
        try {
            Path pipe = Path.of("/proc", Long.toString(holder.pid()), "fd", "0");
            assumeTrue(Files.isSymbolicLink(pipe), "Linux's /proc/PID/fd is needed to name a pipe");
            assertRefused(CliRun.of("train", "-train", pipe.toString(), "-output", out().toString()),
                    "w2v train: -train " + pipe + ": is a pipe; " + NEEDS_REGULAR);
        } finally {
            holder.destroy();
        }
    }

    @Test
    void aDeviceAndAProcFileAreNotCalledEmpty() {
        assumeTrue(Files.exists(Path.of("/dev/zero")) && Files.isRegularFile(Path.of("/proc/self/status")),
                "Linux's /dev/zero and /proc are needed");
        assertRefused(CliRun.of("train", "-train", "/dev/zero", "-output", out().toString()),
                "w2v train: -train /dev/zero: is a character device; " + NEEDS_REGULAR);
        assertRefused(CliRun.of("train", "-train", "/proc/self/status", "-output", out().toString()),
                "w2v train: -train /proc/self/status: is a pseudo-file whose size is unknown (as in /proc); copy it "
                        + "to a regular file first");
    }

    @Test
    void aCorpusTruncatedDuringTrainingStopsTheRunAndWritesNothing() throws Exception {
        Path corpus = corpus("c.txt");
        long size = Files.size(corpus);
        CommandTestSupport.Run r = trainChanging(corpus, t -> t.onEpochEnd((epoch, m) -> act(() ->
                Files.write(corpus, java.util.Arrays.copyOf(Files.readAllBytes(corpus), (int) size / 2)))));
        assertChanged(r, corpus, String.format("size %,d -> %,d bytes", size, size / 2), "nothing written");
    }

    @Test
    void aCorpusReplacedByRenameDuringTrainingStopsTheRun() throws Exception {
        Path corpus = corpus("c.txt");
        CommandTestSupport.Run r = trainChanging(corpus, t -> t.onEpochEnd((epoch, m) -> act(() -> {
            Path fresh = Files.writeString(dir.resolve("fresh.txt"), "a fresh corpus\n");
            Files.move(fresh, corpus, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        })));
        assertChanged(r, corpus, String.format("replaced by another file, size %,d -> 15 bytes", Files.size(dir.resolve(
                "c.txt.orig"))), "nothing written");
    }

    @Test
    void aCorpusAppendedToDuringTrainingStopsTheRun() throws Exception {
        Path corpus = corpus("c.txt");
        long size = Files.size(corpus);
        CommandTestSupport.Run r = trainChanging(corpus, t -> t.onEpochEnd((epoch, m) -> act(() ->
                Files.writeString(corpus, "w1 w2 w3\n", StandardOpenOption.APPEND))));
        assertChanged(r, corpus, String.format("size %,d -> %,d bytes", size, size + 9), "nothing written");
    }

    @Test
    void aCorpusChangedAfterItsVocabularyWasSavedNamesWhatWasNotWritten() throws Exception {
        Path corpus = corpus("c.txt");
        long size = Files.size(corpus);
        Path vocab = dir.resolve("vocab.txt");
        CommandTestSupport.Run r = trainChanging(corpus, t -> act(() ->
                Files.writeString(corpus, "w1\n", StandardOpenOption.APPEND)), "-save-vocab", vocab.toString());
        assertChanged(r, corpus, String.format("size %,d -> %,d bytes", size, size + 3), out() + " not written");
        assertTrue(Files.readString(vocab).startsWith("</s> "), "the vocabulary was counted before the change");
    }

    @Test
    void nulBytesDeepInTheCorpusAreRefusedBeforeTrainingAndBeforeTheVocabularyIsSaved() throws Exception {
        Path corpus = corpus("c.txt");
        byte[] text = Files.readAllBytes(corpus);
        assertTrue(text.length > 120_000, "past the 64 KB CorpusFile looks at");
        text[100_000] = 0;
        text[120_000] = 0;
        Files.write(corpus, text);
        Path vocab = Files.writeString(dir.resolve("vocab.txt"), "previous vocabulary\n");
        Files.writeString(out(), PREVIOUS);
        CliRun r = CliRun.of("train", "-train", corpus.toString(), "-output", out().toString(), "-save-vocab",
                vocab.toString(), "-iter", "1", "-size", "8", "-threads", "2", "-debug", "1");
        assertRefused(r, "w2v train: -train " + corpus + ": 2 NUL bytes, the first at byte offset 100,000; a word2vec "
                + "file cannot hold them (remove them with tr -d '\\000')");
        assertFalse(r.err().contains("Trained"), r.err());
        assertEquals("previous vocabulary\n", Files.readString(vocab));
        assertEquals(PREVIOUS, Files.readString(out()));
    }

    @Test
    void readVocabThatIsNotARegularFileWithContentIsRefusedWithItsFlag() throws Exception {
        Path corpus = corpus("c.txt");
        Path fifo = fifo("vocab.fifo");
        Path empty = Files.createFile(dir.resolve("empty.txt"));
        String[][] cases = {
                {fifo.toString(), ": is a FIFO (named pipe); a vocabulary is read from a regular file"},
                {"/dev/null", ": is a character device; a vocabulary is read from a regular file"},
                {dir.toString(), ": is a directory, not a vocabulary file"},
                {empty.toString(), ": vocabulary file is empty"},
        };
        for (String[] c : cases) {
            assertRefused(CliRun.of("train", "-train", corpus.toString(), "-read-vocab", c[0], "-output",
                    out().toString()), "w2v train: -read-vocab " + c[0] + c[1]);
        }
    }

    @Test
    void readVocabWithAWordNoVectorFileCanHoldIsRefusedAtItsLine() throws Exception {
        Path corpus = corpus("c.txt");
        Path vocab = Files.write(dir.resolve("v.txt"), "</s> 9\nw1 5\nw\0x 4\n".getBytes());
        assertRefused(CliRun.of("train", "-train", corpus.toString(), "-read-vocab", vocab.toString(), "-output",
                out().toString(), "-min-count", "1"), "w2v train: -read-vocab " + vocab
                + ":3: word \"w\\u0000x\" contains a NUL byte, which ends a word in C readers");
    }

    @Test
    void resumeFromAFifoOrADirectoryIsRefusedWithItsFlag() throws Exception {
        Path corpus = corpus("c.txt");
        Path fifo = fifo("ck.fifo");
        assertRefused(CliRun.of("train", "-train", corpus.toString(), "-resume", fifo.toString(), "-output",
                out().toString()), "w2v train: -resume " + fifo + ": is a FIFO (named pipe); a checkpoint is the "
                + "regular file -checkpoint wrote");
        assertRefused(CliRun.of("train", "-train", corpus.toString(), "-resume", dir.toString(), "-output",
                out().toString()), "w2v train: -resume " + dir + ": is a directory, not a checkpoint");
    }

    @Test
    void emptyVocabulariesGiveTheRealReasonNotLowerMinCount() throws Exception {
        Path eos = Files.writeString(dir.resolve("eos.txt"), "</s> </s>\n</s>\n");
        assertRefused(CliRun.of("train", "-train", eos.toString(), "-min-count", "1"),
                "w2v train: -train " + eos + ": contains no word but </s> (the line-end token)");
        Path corpus = corpus("c.txt");
        CliRun r = CliRun.of("train", "-train", corpus.toString(), "-max-vocab", "1", "-threads", "1");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.errorLines().contains("-max-vocab 1 pruned "), r.err());
        assertTrue(r.errorLines().contains("raise -max-vocab"), r.err());
        assertFalse(r.errorLines().contains("-min-count"), r.err());
        Path vocab = Files.writeString(dir.resolve("v.txt"), "</s> 9\n");
        assertRefused(CliRun.of("train", "-train", corpus.toString(), "-read-vocab", vocab.toString()),
                "w2v train: -read-vocab " + vocab + ": lists no word but </s>");
    }

    /** Trains on {@code corpus} with {@code hook} given the trainer (which changes the corpus); -output existed. */
    private CommandTestSupport.Run trainChanging(Path corpus, Consumer<Trainer> hook, String... more) throws Exception {
        Files.copy(corpus, dir.resolve(corpus.getFileName() + ".orig"));
        Files.writeString(out(), PREVIOUS);
        TrainCommand train = new TrainCommand();
        train.beforeTraining = hook;
        String[] args = {"-train", corpus.toString(), "-output", out().toString(), "-iter", "3", "-size", "8",
                "-threads", "2", "-min-count", "1", "-debug", "1"};
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return CommandTestSupport.run(train, all);
    }

    private void assertChanged(CommandTestSupport.Run r, Path corpus, String change, String written)
            throws IOException {
        assertEquals(1, r.status(), r.err());
        String lines = r.err().lines().filter(l -> l.startsWith("w2v")).reduce("", (a, b) -> a + b + "\n");
        assertEquals("w2v train: -train " + corpus + ": changed during training (" + change + "); " + written + "\n",
                lines, r.err());
        assertFalse(r.err().contains("Trained"), r.err());
        assertArrayEquals(PREVIOUS.getBytes(), Files.readAllBytes(out()), "the previous output is untouched");
    }

    private static void assertRefused(CliRun r, String line) {
        assertEquals(1, r.exit(), r.err());
        assertEquals(line + "\n", r.errorLines(), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    private Path out() {
        return dir.resolve("out.txt");
    }

    private Path fifo(String name) throws IOException, InterruptedException {
        Path f = dir.resolve(name);
        Process p = new ProcessBuilder("mkfifo", f.toString()).redirectErrorStream(true).start();
        assumeTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo is needed to make a FIFO");
        return f;
    }

    private Path corpus(String name) throws IOException {
        Random r = new Random(5);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 40_000; i++) {
            b.append("w").append((int) Math.abs(r.nextGaussian() * 100)).append(r.nextInt(15) == 0 ? '\n' : ' ');
        }
        return Files.writeString(dir.resolve(name), b);
    }

    private interface FileAction {
        void run() throws IOException;
    }

    private static void act(FileAction a) {
        try {
            a.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
