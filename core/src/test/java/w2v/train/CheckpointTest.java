package w2v.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import w2v.corpus.ChunkQueue;
import w2v.corpus.CorpusFile;
import w2v.model.EmbeddingTable;
import w2v.model.Model;
import w2v.train.checkpoint.Checkpoint;
import w2v.train.checkpoint.CheckpointException;
import w2v.train.checkpoint.CheckpointFile;
import w2v.train.checkpoint.CorpusStamp;
import w2v.train.checkpoint.WorkerState;
import w2v.train.config.Initialization;
import w2v.train.config.QualityOptions;
import w2v.train.config.TrainingConfig;
import w2v.vocab.Vocabulary;
import w2v.vocab.VocabularyBuilder;

/**
 * Checkpoints: the format round-trips, refuses what it cannot resume from, and with one thread a run stopped
 * anywhere and resumed in a fresh trainer ends bit-identical to a run that never stopped.
 */
class CheckpointTest {

    @TempDir
    Path dir;

    /**
     * skip-gram batched NS, skip-gram HS + NS unbatched, CBOW HS + NS: every table and architecture; the last
     * with every option beyond C's flags, which the checkpoint must keep.
     */
    private static TrainingConfig config(int variant, int threads) {
        return switch (variant) {
            case 0 -> new TrainingConfig(24, 4, 1e-3, false, 3, threads, 3, 2, 0.025f, false, 77, true);
            case 1 -> new TrainingConfig(24, 4, 1e-3, true, 3, threads, 3, 2, 0.025f, false, 77, false);
            default -> new TrainingConfig(24, 4, 1e-3, true, 3, threads, 3, 2, 0.05f, true, 77, false)
                    .with(new QualityOptions(0.002f, false, Initialization.GENSIM));
        };
    }

    @ParameterizedTest(name = "variant {0}")
    @ValueSource(ints = {0, 1, 2})
    void oneThreadStoppedAnywhereAndResumedIsBitIdenticalToAnUninterruptedRun(int variant) throws Exception {
        CorpusFile corpus = CorpusFile.of(randomCorpus(45_000));
        Vocabulary v = new VocabularyBuilder(1, 2, 0).build(corpus);
        TrainingConfig c = config(variant, 1);
        long perEpoch = v.totalCount();
        try (Model reference = new Trainer(c, corpus, v).train()) {
            // Mid-epoch in the first and the last epoch, and just after an epoch boundary.
            for (long stopAt : new long[] {perEpoch / 3, perEpoch + 5_000, 2 * perEpoch + perEpoch / 2}) {
                Path file = dir.resolve("stop-" + stopAt + ".ckpt");
                Trainer first = new Trainer(c, corpus, v);
                first.checkpoints(file, null);
                first.afterPublish(total -> {
                    if (total >= stopAt) {
                        first.requestStop();
                    }
                });
                try (Model partial = first.train()) {
                    assertNotEquals(-1, firstDifference(reference, partial), "the first run really stopped early");
                }
                try (Checkpoint ck = CheckpointFile.read(file, s -> { })) {
                    long done = ck.wordsDone();
                    assertTrue(done >= stopAt && done < stopAt + 11_000, "stopped at the publication after "
                            + stopAt + ": " + done);
                    try (Model resumed = Trainer.resume(ck, corpus).train()) {
                        assertEquals(-1, firstDifference(reference, resumed),
                                "resumed after " + done + " words: identical to the uninterrupted run");
                    }
                }
            }
        }
    }

    @Test
    void checkpointsWhileTrainingChangeNothingAndTheLastOneResumesExactly() throws Exception {
        CorpusFile corpus = CorpusFile.of(randomCorpus(45_000));
        Vocabulary v = new VocabularyBuilder(1, 2, 0).build(corpus);
        TrainingConfig c = config(2, 1);
        Path file = dir.resolve("periodic.ckpt");
        try (Model reference = new Trainer(c, corpus, v).train()) {
            Trainer t = new Trainer(c, corpus, v);
            t.checkpoints(file, null);
            AtomicLong next = new AtomicLong(30_000);
            List<Long> taken = new ArrayList<>();
            t.onCheckpoint(ms -> taken.add(t.progress().wordsDone()));
            long lastAt = 2 * v.totalCount() + v.totalCount() / 4; // the last one, in the third epoch
            t.afterPublish(total -> {
                if (total >= next.get() && total < lastAt + 10_000) {
                    t.requestCheckpoint();
                    next.addAndGet(30_000);
                }
            });
            try (Model m = t.train()) {
                assertEquals(-1, firstDifference(reference, m), "pausing for checkpoints changes nothing");
            }
            assertTrue(taken.size() >= 3, "checkpoints taken at " + taken);
            try (Checkpoint ck = CheckpointFile.read(file, s -> { })) {
                assertEquals(taken.getLast(), ck.wordsDone());
                try (Model resumed = Trainer.resume(ck, corpus).train()) {
                    assertEquals(-1, firstDifference(reference, resumed), "resumed from the last periodic checkpoint");
                }
            }
        }
    }

    @Test
    void severalThreadsWithAnEpochListenerTakeCheckpointsWithoutDeadlockAndResume() throws Exception {
        CorpusFile corpus = CorpusFile.of(randomCorpus(45_000));
        Vocabulary v = new VocabularyBuilder(1, 2, 0).build(corpus);
        TrainingConfig c = config(0, 3);
        Path file = dir.resolve("threads.ckpt");
        Trainer t = new Trainer(c, corpus, v);
        t.checkpoints(file, null);
        List<Integer> epochs = new ArrayList<>();
        t.onEpochEnd((e, m) -> {
            epochs.add(e);
            t.requestCheckpoint(); // taken while some workers wait at the barrier
        });
        AtomicLong count = new AtomicLong();
        t.onCheckpoint(ms -> count.incrementAndGet());
        AtomicBoolean stopped = new AtomicBoolean();
        t.afterPublish(total -> {
            t.requestCheckpoint();
            if (total > 2 * v.totalCount() && stopped.compareAndSet(false, true)) {
                t.requestStop();
            }
        });
        t.train().close();
        assertEquals(List.of(1, 2), epochs);
        assertTrue(count.get() > 2, count.get() + " checkpoints");
        try (Checkpoint ck = CheckpointFile.read(file, s -> { })) {
            assertEquals(3, ck.workers().length);
            Trainer r = Trainer.resume(ck, corpus);
            try (Model m = r.train()) {
                assertEquals(3 * v.totalCount(), r.progress().wordsDone(), "every word of every epoch, once");
            }
        }
    }

    @Test
    void resumedWhileSomeWorkersWaitedAtAnEpochEndItReportsEachLaterEpochAtItsExactEnd() throws Exception {
        // 25k words per chunk: worker 0 publishes (and can be caught) in the middle of one.
        CorpusFile corpus = CorpusFile.of(randomCorpus(600_000));
        Vocabulary v = new VocabularyBuilder(1, 2, 0).build(corpus);
        long perEpoch = v.totalCount();
        Path file = dir.resolve("mixed.ckpt");
        Trainer t = threeThreadsCheckpointingTo(file, corpus, v);
        List<Integer> firstRunEpochs = new ArrayList<>();
        t.onEpochEnd((e, m) -> firstRunEpochs.add(e));
        AtomicBoolean caught = new AtomicBoolean();
        t.afterPublish(total -> {
            if (total > perEpoch / 2 && Thread.currentThread().getName().equals("w2v-train-0")
                    && caught.compareAndSet(false, true)) {
                // Hold worker 0 inside a chunk of epoch 1 until the others have trained the rest of it and wait
                // at its end (the word count stands still), then checkpoint and stop right there.
                waitUntilStill(t);
                t.requestCheckpoint();
                t.requestStop();
            }
        });
        t.train().close();
        assertEquals(List.of(), firstRunEpochs, "stopped before the end of epoch 1");
        try (Checkpoint ck = CheckpointFile.read(file, s -> { })) {
            ChunkQueue q = ChunkQueue.of(w2v.corpus.Corpus.of(corpus), 3, 2);
            WorkerState[] w = ck.workers();
            assertEquals(0, q.pass(w[0].ticket()), "worker 0 was caught inside epoch 1");
            assertEquals(1, q.pass(w[1].ticket()), "worker 1 waited at the end of epoch 1 with a chunk of epoch 2");
            assertEquals(1, q.pass(w[2].ticket()), "worker 2 likewise");
            assertEquals(List.of("1 epochs, " + perEpoch + " words", "2 epochs, " + 2 * perEpoch + " words"),
                    resumeAndReport(ck, corpus, perEpoch),
                    "each epoch reported once, with all of its words and none of the next");
        }
    }

    @Test
    void stoppedWhileAnEpochWasReportedItIsNotReportedAgainAfterTheResume() throws Exception {
        CorpusFile corpus = CorpusFile.of(randomCorpus(45_000));
        Vocabulary v = new VocabularyBuilder(1, 2, 0).build(corpus);
        long perEpoch = v.totalCount();
        Path file = dir.resolve("reported.ckpt");
        Trainer t = threeThreadsCheckpointingTo(file, corpus, v);
        List<Integer> firstRunEpochs = new ArrayList<>();
        t.onEpochEnd((e, m) -> {
            firstRunEpochs.add(e);
            t.requestStop(); // as a ^C during the evaluation after epoch 1 would
        });
        t.train().close();
        assertEquals(List.of(1), firstRunEpochs);
        try (Checkpoint ck = CheckpointFile.read(file, s -> { })) {
            assertEquals(perEpoch, ck.wordsDone(), "stopped right at the end of epoch 1");
            assertEquals(List.of("2 epochs, " + 2 * perEpoch + " words"), resumeAndReport(ck, corpus, perEpoch));
        }
    }

    @Test
    void aCheckpointTakenWhileAnEpochWasReportedResumesPastThatEpoch() throws Exception {
        CorpusFile corpus = CorpusFile.of(randomCorpus(45_000));
        Vocabulary v = new VocabularyBuilder(1, 2, 0).build(corpus);
        long perEpoch = v.totalCount();
        Path file = dir.resolve("during.ckpt");
        Path kept = dir.resolve("during-kept.ckpt");
        Trainer t = threeThreadsCheckpointingTo(file, corpus, v);
        t.onEpochEnd((e, m) -> {
            if (e == 1) {
                t.requestCheckpoint(); // as a periodic one falling due during the evaluation
            }
        });
        AtomicLong taken = new AtomicLong();
        t.onCheckpoint(ms -> {
            if (taken.incrementAndGet() == 1) {
                try {
                    Files.copy(file, kept);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
        t.train().close();
        assertEquals(1, taken.get());
        try (Checkpoint ck = CheckpointFile.read(kept, s -> { })) {
            assertEquals(perEpoch, ck.wordsDone());
            for (WorkerState w : ck.workers()) {
                assertEquals(1, w.epoch(), "recorded past the reported boundary: " + w);
            }
            assertEquals(List.of("2 epochs, " + 2 * perEpoch + " words"), resumeAndReport(ck, corpus, perEpoch));
        }
    }

    /** Skip-gram, 3 threads, 3 epochs, checkpoints to {@code file} when asked. */
    private static Trainer threeThreadsCheckpointingTo(Path file, CorpusFile corpus, Vocabulary v) {
        Trainer t = new Trainer(config(0, 3), corpus, v);
        t.checkpoints(file, null);
        return t;
    }

    /**
     * Resumes from {@code ck} with an epoch listener and returns what it reported, each as "E epochs, W words";
     * checks that the run trained every word of its 3 epochs once.
     */
    private static List<String> resumeAndReport(Checkpoint ck, CorpusFile corpus, long perEpoch) throws Exception {
        Trainer r = Trainer.resume(ck, corpus);
        List<String> reported = new ArrayList<>();
        r.onEpochEnd((e, m) -> reported.add(e + " epochs, " + r.progress().wordsDone() + " words"));
        r.train().close();
        assertEquals(3 * perEpoch, r.progress().wordsDone(), "every word of every epoch, once");
        return reported;
    }

    /**
     * Returns once the trainer's word count has not moved for a second (30 s at most): the other workers publish
     * every 10,000 words, a few milliseconds apart, unless they wait at an epoch's end.
     */
    private static void waitUntilStill(Trainer t) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        long seen = -1;
        try {
            while (System.nanoTime() < deadline) {
                long now = t.progress().wordsDone();
                if (now == seen) {
                    return;
                }
                seen = now;
                Thread.sleep(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void roundTripsTablesVocabularyAndStatesByteForByte() throws Exception {
        Path text = dir.resolve("c.txt");
        try (OutputStream o = Files.newOutputStream(text)) {
            o.write(Files.readAllBytes(randomCorpus(5_000)));
            for (int i = 0; i < 10; i++) {
                o.write(new byte[] {'b', 'a', 'd', (byte) 0xC3, (byte) 0x28, ' '}); // invalid UTF-8 survives
            }
        }
        CorpusFile corpus = CorpusFile.of(text);
        Vocabulary v = new VocabularyBuilder(1, 2, 0).build(corpus);
        TrainingConfig c = config(1, 1);
        try (Model m = new Trainer(c, corpus, v).train()) {
            WorkerState[] states = {new WorkerState(-5L, 2, 2, 123, 45, 0.0125f, 6789)};
            long chunks = 3;
            Checkpoint.Settings settings = new Checkpoint.Settings(c, CorpusStamp.of(corpus));
            Path file = dir.resolve("x.ckpt");
            CheckpointFile.write(file, settings, states, chunks, v, m);
            try (Checkpoint ck = CheckpointFile.read(file, s -> assertEquals(settings, s))) {
                assertArrayEquals(states, ck.workers());
                assertEquals(chunks, ck.chunks());
                assertEquals(v.size(), ck.vocabulary().size());
                for (int i = 0; i < v.size(); i++) {
                    assertArrayEquals(v.bytes(i), ck.vocabulary().bytes(i));
                    assertEquals(v.count(i), ck.vocabulary().count(i));
                }
                assertEquals(-1, firstDifference(m, ck.model()));
            }
        }
    }

    @Test
    void refusesFilesItCannotResumeFromWithOneLine() throws Exception {
        CorpusFile corpus = CorpusFile.of(randomCorpus(5_000));
        Vocabulary v = new VocabularyBuilder(1, 2, 0).build(corpus);
        TrainingConfig c = config(0, 1);
        Path good = dir.resolve("good.ckpt");
        try (Model m = new Trainer(c, corpus, v).train()) {
            WorkerState[] states = {new WorkerState(1, 1, ChunkQueue.NONE, 0, 0, 0.01f, 100)};
            CheckpointFile.write(good, new Checkpoint.Settings(c, CorpusStamp.of(corpus)), states,
                    1, v, m);
        }
        byte[] all = Files.readAllBytes(good);
        Path text = Files.writeString(dir.resolve("text.ckpt"), "1000 100\nthe 0.1 0.2\n");
        Path truncated = Files.write(dir.resolve("truncated.ckpt"), Arrays.copyOf(all, all.length - 100));
        byte[] flipped = all.clone();
        flipped[all.length - 50] ^= 1;
        Path damaged = Files.write(dir.resolve("damaged.ckpt"), flipped);
        byte[] future = all.clone();
        future[11] = 9; // version 9
        Path newer = Files.write(dir.resolve("newer.ckpt"), future);
        assertMessage(text, "not a w2v checkpoint");
        assertMessage(truncated, "checkpoint is truncated");
        assertMessage(damaged, "checkpoint is damaged (checksum mismatch)");
        assertMessage(newer, "checkpoint format version 9, this w2v reads versions 3 to " + CheckpointFile.VERSION);
        assertMessage(dir.resolve("missing.ckpt"), "checkpoint not found");

        try (Checkpoint ck = CheckpointFile.read(good, s -> { })) {
            CorpusStamp now = CorpusStamp.of(corpus);
            assertNull(ck.settings().mismatch(c, now));
            TrainingConfig bigger = new TrainingConfig(32, 4, 1e-3, false, 3, 1, 3, 2, 0.025f, false, 77, true);
            assertEquals("it was made with -size 24, this run has -size 32", ck.settings().mismatch(bigger, now));
            TrainingConfig hs = new TrainingConfig(24, 4, 1e-3, true, 3, 1, 3, 2, 0.025f, false, 77, false);
            assertEquals("it was made with -hs 0, this run has -hs 1", ck.settings().mismatch(hs, now));
            TrainingConfig otherSeed = new TrainingConfig(24, 4, 1e-3, false, 3, 1, 3, 2, 0.025f, false, 5, true);
            assertNull(ck.settings().mismatch(otherSeed, now), "the seed no longer matters");
            assertEquals("it was made with -min-alpha (C's schedule), this run has -min-alpha 1.0E-4",
                    ck.settings().mismatch(c.with(new QualityOptions(1e-4f, true, Initialization.C)), now));
            assertEquals("it was made with -cbow-mean 1, this run has -cbow-mean 0",
                    ck.settings().mismatch(c.with(new QualityOptions(Float.NaN, false, Initialization.C)), now));
            assertNull(ck.settings().mismatch(c.with(new QualityOptions(Float.NaN, true, Initialization.GENSIM)),
                    now), "the initialisation no longer matters");
            String changed = ck.settings().mismatch(c, new CorpusStamp(now.size() + 1, now.headChecksum()));
            assertTrue(changed.startsWith("the training file changed since the checkpoint"), changed);
        }
    }

    @Test
    void readsVersionThreeCheckpointsAsCsSettings() throws Exception {
        CorpusFile corpus = CorpusFile.of(randomCorpus(5_000));
        Vocabulary v = new VocabularyBuilder(1, 2, 0).build(corpus);
        TrainingConfig c = config(0, 1);
        Path v4 = dir.resolve("v4.ckpt");
        try (Model m = new Trainer(c, corpus, v).train()) {
            WorkerState[] states = {new WorkerState(1, 1, ChunkQueue.NONE, 0, 0, 0.01f, 100)};
            CheckpointFile.write(v4, new Checkpoint.Settings(c, CorpusStamp.of(corpus)), states, 1, v, m);
        }
        // Version 3 is version 4 without the 6 bytes of -min-alpha, -cbow-mean and -init after the config.
        byte[] all = Files.readAllBytes(v4);
        int configEnd = 8 + 4 + 51;
        java.io.ByteArrayOutputStream old = new java.io.ByteArrayOutputStream();
        old.write(all, 0, configEnd);
        old.write(all, configEnd + 6, all.length - 4 - configEnd - 6);
        byte[] body = old.toByteArray();
        body[11] = 3;
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(body);
        Path v3 = Files.write(dir.resolve("v3.ckpt"), java.nio.ByteBuffer.allocate(body.length + 4).put(body)
                .putInt((int) crc.getValue()).array());
        try (Checkpoint ck = CheckpointFile.read(v3, s -> { })) {
            assertEquals(c, ck.config());
        }
    }

    private static void assertMessage(Path file, String expected) {
        CheckpointException e = assertThrows(CheckpointException.class, () -> CheckpointFile.read(file, s -> { }));
        assertEquals(file + ": " + expected, e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    /** Index of the first differing table (0 input, 1 negative output, 2 softmax nodes), or -1 if all are equal. */
    static int firstDifference(Model a, Model b) {
        EmbeddingTable[][] pairs = {
                {a.input(), b.input()}, {a.negativeOutput(), b.negativeOutput()}, {a.softmaxNodes(), b.softmaxNodes()}};
        for (int i = 0; i < pairs.length; i++) {
            EmbeddingTable x = pairs[i][0];
            EmbeddingTable y = pairs[i][1];
            if ((x == null) != (y == null)) {
                return i;
            }
            if (x != null && seg(x).mismatch(seg(y)) != -1) {
                return i;
            }
        }
        return -1;
    }

    private static MemorySegment seg(EmbeddingTable t) {
        return t.segment().asSlice(0, t.offset(t.rows()));
    }

    private Path randomCorpus(int words) throws IOException {
        Random r = new Random(3);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            b.append("w").append((int) Math.abs(r.nextGaussian() * 200)).append(r.nextInt(12) == 0 ? '\n' : ' ');
        }
        return Files.writeString(dir.resolve("corpus-" + words + ".txt"), b);
    }
}
