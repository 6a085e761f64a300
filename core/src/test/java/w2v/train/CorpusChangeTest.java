package w2v.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import w2v.corpus.CorpusChangedException;
import w2v.corpus.CorpusFile;
import w2v.train.config.TrainingConfig;
import w2v.vocab.Vocabulary;
import w2v.vocab.VocabularyBuilder;

/** A corpus that changes while it is trained on stops the run: its vectors would mix two files. */
class CorpusChangeTest {

    @TempDir
    Path dir;

    @Test
    void aCorpusTruncatedAtAnEpochBoundaryStopsTheNextEpoch() throws Exception {
        for (int threads : new int[] {1, 2}) {
            Path f = corpus("c" + threads + ".txt");
            long size = Files.size(f);
            Trainer t = trainer(f, threads, 3);
            t.onEpochEnd((epoch, model) -> write(() -> Files.write(f, java.util.Arrays.copyOf(Files.readAllBytes(f), (int) size / 2))));
            CorpusChangedException e = assertThrows(CorpusChangedException.class, () -> t.train().close());
            assertEquals(String.format("size %,d -> %,d bytes", size, size / 2), e.change(), threads + " threads");
            assertTrue(t.progress().wordsDone() < 2 * t.progress().target() / 3, "stopped in the second epoch");
        }
    }

    @Test
    void aCorpusReplacedOrAppendedToAtAnEpochBoundaryStopsTheNextEpoch() throws Exception {
        Path f = corpus("c.txt");
        Trainer replaced = trainer(f, 2, 2);
        replaced.onEpochEnd((epoch, model) -> write(() -> {
            Path copy = Files.copy(f, dir.resolve("copy.txt"));
            Files.move(copy, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }));
        assertEquals("replaced by another file of the same size",
                assertThrows(CorpusChangedException.class, () -> replaced.train().close()).change());

        Path g = corpus("g.txt");
        long size = Files.size(g);
        Trainer appended = trainer(g, 2, 2);
        appended.onEpochEnd((epoch, model) -> write(() -> Files.writeString(g, "w1 w2\n", StandardOpenOption.APPEND)));
        assertEquals(String.format("size %,d -> %,d bytes", size, size + 6),
                assertThrows(CorpusChangedException.class, () -> appended.train().close()).change());
    }

    @Test
    void aCorpusChangedBetweenCountingAndTrainingIsRefusedBeforeTraining() throws Exception {
        Path f = corpus("c.txt");
        Trainer t = trainer(f, 2, 1);
        Files.writeString(f, "w1 w2\n", StandardOpenOption.APPEND);
        assertThrows(CorpusChangedException.class, () -> t.train().close());
        assertEquals(0, t.progress().wordsDone());
    }

    @Test
    void aChangeAfterTheLastChunkWasTakenIsCaughtAtTheEnd() throws Exception {
        // One thread: one chunk per epoch, the last taken at the start of epoch 2. A new modification time alone
        // changes no read; only the final check can see it.
        Path f = corpus("c.txt");
        Trainer t = trainer(f, 1, 2);
        long total = t.progress().target();
        AtomicBoolean touched = new AtomicBoolean();
        t.afterPublish(done -> {
            if (done > 0.75 * total && !touched.getAndSet(true)) {
                write(() -> Files.setLastModifiedTime(f, FileTime.fromMillis(System.currentTimeMillis() + 5000)));
            }
        });
        CorpusChangedException e = assertThrows(CorpusChangedException.class, () -> t.train().close());
        assertTrue(e.change().endsWith(", same size"), e.change());
        assertEquals(total, t.progress().wordsDone(), "trained to the end, then refused");
    }

    private Trainer trainer(Path f, int threads, int epochs) throws Exception {
        CorpusFile corpus = CorpusFile.of(f);
        Vocabulary v = new VocabularyBuilder(1, 1, 0).build(corpus);
        return new Trainer(new TrainingConfig(16, 3, 0, false, 2, threads, epochs, 1, 0.025f, false, 1, false),
                corpus, v);
    }

    private Path corpus(String name) throws IOException {
        Random r = new Random(5);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 40_000; i++) {
            b.append("w").append((int) Math.abs(r.nextGaussian() * 200)).append(r.nextInt(15) == 0 ? '\n' : ' ');
        }
        return Files.writeString(dir.resolve(name), b);
    }

    private interface FileAction {
        void run() throws IOException;
    }

    private static void write(FileAction a) {
        try {
            a.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
