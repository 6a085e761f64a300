package w2v.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import w2v.corpus.ChunkQueue;
import w2v.corpus.Corpus;
import w2v.corpus.CorpusChangedException;
import w2v.model.Model;
import w2v.sampling.Rng;
import w2v.sampling.Subsampler;
import w2v.sampling.UnigramTable;
import w2v.train.loss.NegativeSampling;
import w2v.vocab.Vocabulary;
import w2v.vocab.VocabularyBuilder;

class WorkerTest {

    @TempDir
    Path dir;

    @Test
    void aWorkerThatFailsStopsTheOthers() throws Exception {
        Path file = Files.writeString(dir.resolve("c.txt"), "a b c a b a\n".repeat(100));
        Corpus corpus = Corpus.of(file);
        Vocabulary v = new VocabularyBuilder(1, 1, 0).build(corpus);
        Files.delete(file); // the queue's check of the file before its first chunk fails
        try (Model model = new Model(v.size(), 8, true, false); Arena arena = Arena.ofConfined()) {
            NegativeSampling ns = new NegativeSampling(model.negativeOutput(), new UnigramTable(v), 2);
            SkipGram sg = new SkipGram(model.input(), ns);
            Job job = new Job(corpus, ChunkQueue.of(corpus, 1, 1), v, new Subsampler(v, 0), sg, model.input(),
                    new LearningRate(0.025f, v.totalCount()), new TrainingProgress(1, v.totalCount(), 0.025f), 1, 3);
            WorkerControl control = new WorkerControl();
            Worker w = new Worker(0, job, control, sg.newScratch(new Rng(1), arena), null);
            w.run();
            assertInstanceOf(CorpusChangedException.class, w.failure());
            assertEquals(file + ": changed while it was being read (deleted or renamed)", w.failure().getMessage());
            assertTrue(control.stopRequested(), "the other workers are told to stop, as for any other failure");
        }
    }
}
