package w2v.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import w2v.corpus.CorpusFile;
import w2v.data.PlantedCorpus;
import w2v.eval.AnalogyEvaluation;
import w2v.model.Model;
import w2v.model.WordVectors;
import w2v.train.config.TrainingConfig;
import w2v.vocab.Vocabulary;
import w2v.vocab.VocabularyBuilder;

/**
 * Trained vectors must recover structure planted in a generated corpus (pairs such as country/capital whose
 * offsets agree), for every architecture and loss; vectors that were never trained must not.
 */
class PlantedStructureTest {

    private static final double THRESHOLD = 0.80;

    @TempDir
    static Path dir;
    static CorpusFile corpus;
    static Path questions;
    static Vocabulary vocab;

    @BeforeAll
    static void generate() throws Exception {
        PlantedCorpus planted = new PlantedCorpus(PlantedCorpus.Spec.defaults().withWords(400_000)
                .withRelations(2, 20));
        Path file = dir.resolve("planted.txt");
        planted.write(file);
        questions = dir.resolve("questions.txt");
        planted.writeQuestions(questions);
        corpus = CorpusFile.of(file);
        vocab = new VocabularyBuilder(2, 5, 0).build(corpus);
    }

    @ParameterizedTest(name = "cbow={0} hs={1} negative={2} batched={3}")
    @CsvSource({
            "false, false, 5, false",
            "false, false, 5, true",
            "true,  false, 5, false",
            "false, true,  0, false",
            "false, true,  0, true",
            "true,  true,  0, false",
            "false, true,  5, false",
    })
    void trainingRecoversThePlantedAnalogies(boolean cbow, boolean hs, int negative, boolean batched) throws Exception {
        TrainingConfig c = new TrainingConfig(40, 5, 1e-3, hs, negative, 2, 3, 5, cbow ? 0.05f : 0.025f, cbow, 1,
                batched);
        try (Model m = new Trainer(c, corpus, vocab).train()) {
            double accuracy = accuracy(m);
            assertTrue(accuracy >= THRESHOLD, "planted analogy accuracy " + accuracy);
        }
    }

    @Test
    void untrainedVectorsDoNotSolveThem() throws Exception {
        try (Model m = new Model(vocab.size(), 40, true, false)) {
            m.initialize(1);
            double accuracy = accuracy(m);
            assertTrue(accuracy < 0.05, "untrained accuracy " + accuracy);
        }
    }

    private static double accuracy(Model m) throws Exception {
        WordVectors v = new WordVectors(vocab.words(), m.input(), null);
        AnalogyEvaluation.Result r = AnalogyEvaluation.evaluate(v, questions, 30_000);
        int n = r.total().correct() + r.total().incorrect();
        assertTrue(n > 500, "questions evaluated: " + n);
        return r.total().correct() / (double) n;
    }
}
