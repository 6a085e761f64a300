package w2v.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import w2v.corpus.CorpusFile;
import w2v.model.Model;
import w2v.train.config.TrainingConfig;
import w2v.vocab.Vocabulary;
import w2v.vocab.VocabularyBuilder;

class TrainerTest {

    @TempDir
    Path dir;

    @Test
    void oneThreadAndASeedGiveBitIdenticalVectors() throws Exception {
        CorpusFile corpus = CorpusFile.of(randomCorpus(30_000));
        Vocabulary v = new VocabularyBuilder(1, 2, 0).build(corpus);
        for (boolean cbow : new boolean[] {false, true}) {
            TrainingConfig c = new TrainingConfig(24, 4, 1e-3, true, 3, 1, 2, 2, 0.05f, cbow, 77, false);
            try (Model a = new Trainer(c, corpus, v).train(); Model b = new Trainer(c, corpus, v).train()) {
                assertEquals(-1, seg(a).mismatch(seg(b)), "same seed, one thread: identical (cbow=" + cbow + ")");
                TrainingConfig other = new TrainingConfig(24, 4, 1e-3, true, 3, 1, 2, 2, 0.05f, cbow, 78, false);
                try (Model d = new Trainer(other, corpus, v).train()) {
                    assertNotEquals(-1, seg(a).mismatch(seg(d)), "another seed differs");
                }
            }
        }
    }

    @Test
    void everyEpochTrainsEveryWordOnceWhateverTheThreads() throws Exception {
        CorpusFile corpus = CorpusFile.of(randomCorpus(20_000));
        Vocabulary v = new VocabularyBuilder(1, 1, 0).build(corpus);
        for (int threads : new int[] {1, 2, 3}) {
            TrainingConfig c = new TrainingConfig(16, 3, 0, false, 2, threads, 3, 1, 0.025f, false, 1, false);
            Trainer t = new Trainer(c, corpus, v);
            try (Model m = t.train()) {
                // Every token and line end, every epoch: the upstream word2vec.c bug skipped the last range
                // after the first epoch.
                assertEquals(3 * v.totalCount(), t.progress().wordsDone(), threads + " threads");
                long sum = 0;
                for (int i = 0; i < threads; i++) {
                    sum += t.progress().wordsDone(i);
                }
                assertEquals(t.progress().wordsDone(), sum, "the threads' counts add up");
            }
        }
    }

    @Test
    void aSlowWorkerTrainsFewerWordsAndTheOtherTakesOverItsShare() throws Exception {
        CorpusFile corpus = CorpusFile.of(randomCorpus(200_000));
        Vocabulary v = new VocabularyBuilder(1, 1, 0).build(corpus);
        Trainer t = new Trainer(new TrainingConfig(16, 3, 0, false, 2, 2, 2, 1, 0.025f, false, 1, false), corpus, v);
        // Worker 0 stalls 100 ms at each of its publications (every 10,000 words): at most 100k words a second,
        // several times slower than worker 1. With one fixed half of the file each, both would train half.
        t.afterPublish(total -> {
            if (Thread.currentThread().getName().equals("w2v-train-0")) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        try (Model m = t.train()) {
            long slow = t.progress().wordsDone(0);
            long fast = t.progress().wordsDone(1);
            assertEquals(2 * v.totalCount(), slow + fast, "every word of both epochs, once");
            assertTrue(slow < 0.3 * (slow + fast), "the slow worker trained " + slow + " of " + (slow + fast));
        }
    }

    @Test
    void epochListenerSeesEveryEpochButTheLastWithAllWorkersPaused() throws Exception {
        CorpusFile corpus = CorpusFile.of(randomCorpus(20_000));
        Vocabulary v = new VocabularyBuilder(1, 1, 0).build(corpus);
        for (int threads : new int[] {1, 3}) {
            Trainer t = new Trainer(new TrainingConfig(16, 3, 0, false, 2, threads, 4, 1, 0.025f, false, 1, false),
                    corpus, v);
            java.util.List<Integer> epochs = new java.util.ArrayList<>();
            java.util.List<Long> doneAt = new java.util.ArrayList<>();
            t.onEpochEnd((epoch, model) -> {
                epochs.add(epoch);
                doneAt.add(t.progress().wordsDone());
            });
            try (Model m = t.train()) {
                assertEquals(java.util.List.of(1, 2, 3), epochs, threads + " threads");
                // Every worker had finished (and published) the epoch when the listener ran.
                for (int e = 0; e < 3; e++) {
                    assertEquals((e + 1) * v.totalCount(), doneAt.get(e), "words done at the end of epoch " + (e + 1));
                }
            }
        }
    }

    @Test
    void aLineOfManyThousandWordsIsTrainedWhole() throws Exception {
        Random r = new Random(1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            b.append("w").append(r.nextInt(50)).append(' ');
        }
        Path f = dir.resolve("oneline.txt");
        Files.writeString(f, b.append('\n'));
        CorpusFile corpus = CorpusFile.of(f);
        Vocabulary v = new VocabularyBuilder(1, 1, 0).build(corpus);
        Trainer t = new Trainer(new TrainingConfig(16, 3, 0, false, 2, 1, 1, 1, 0.025f, false, 1, false), corpus, v);
        try (Model m = t.train()) {
            assertEquals(5001, t.progress().wordsDone());
        }
    }

    @Test
    void aHugeLearningRateIsReportedAsDivergenceNotWritten() throws Exception {
        CorpusFile corpus = CorpusFile.of(randomCorpus(20_000));
        Vocabulary v = new VocabularyBuilder(1, 1, 0).build(corpus);
        TrainingConfig c = new TrainingConfig(16, 5, 0, false, 5, 1, 3, 1, 10f, true, 1, false);
        Trainer t = new Trainer(c, corpus, v);
        DivergedException e = assertThrows(DivergedException.class, () -> t.train().close());
        // Caught by the workers' check at a publication, long before the end, not by the check of every row after
        // training (which names a word and no percentage).
        assertTrue(e.getMessage().matches("training diverged at \\d+%: word vectors are no longer finite; "
                + "lower -alpha \\(was 10\\.0\\)"), e.getMessage());
        assertTrue(t.progress().wordsDone() < c.epochs() * v.totalCount() / 2,
                "stopped at " + t.progress().wordsDone() + " of " + c.epochs() * v.totalCount() + " words");
    }

    @Test
    void aDivergenceTheWorkersDidNotSeeIsCaughtAfterTraining() throws Exception {
        // Fewer words than one publication: the workers never check, the last check of every row does.
        CorpusFile corpus = CorpusFile.of(randomCorpus(5_000));
        Vocabulary v = new VocabularyBuilder(1, 1, 0).build(corpus);
        TrainingConfig c = new TrainingConfig(16, 5, 0, false, 5, 1, 1, 1, 10f, true, 1, false);
        assertTrue(v.totalCount() < Worker.PUBLISH_EVERY, "corpus of " + v.totalCount() + " words");
        DivergedException e = assertThrows(DivergedException.class, () -> new Trainer(c, corpus, v).train().close());
        assertTrue(e.getMessage().matches("training diverged: the vector of '\\S+' is not finite; "
                + "lower -alpha \\(was 10\\.0\\)"), e.getMessage());
    }

    private static MemorySegment seg(Model m) {
        return m.input().segment();
    }

    private Path randomCorpus(int words) throws Exception {
        Random r = new Random(5);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            b.append("w").append((int) Math.abs(r.nextGaussian() * 200)).append(r.nextInt(15) == 0 ? '\n' : ' ');
        }
        Path f = dir.resolve("corpus-" + words + ".txt");
        Files.writeString(f, b);
        return f;
    }
}
