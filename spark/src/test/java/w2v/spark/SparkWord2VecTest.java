package w2v.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import w2v.WordVectors;
import w2v.corpus.CorpusFile;
import w2v.data.PlantedCorpus;
import w2v.model.Model;
import w2v.train.Trainer;
import w2v.train.config.TrainingConfig;
import w2v.vocab.Vocabulary;
import w2v.vocab.VocabularyBuilder;

/** Distributed training in Spark's local mode against single-process training on the same generated corpus. */
class SparkWord2VecTest {

    /** PlantedStructureTest's threshold for single-process training. */
    private static final double THRESHOLD = 0.80;

    @TempDir
    static Path dir;
    static SparkSession spark;
    static Path file;
    static Path questions;
    static Vocabulary vocab;

    @BeforeAll
    static void start() throws Exception {
        PlantedCorpus planted = new PlantedCorpus(PlantedCorpus.Spec.defaults().withWords(300_000)
                .withRelations(2, 20));
        file = dir.resolve("planted.txt");
        planted.write(file);
        questions = dir.resolve("questions.txt");
        planted.writeQuestions(questions);
        vocab = new VocabularyBuilder(1, 5, 0).build(CorpusFile.of(file));
        // local[2,3]: two cores, a task may fail twice (local mode retries nothing otherwise).
        spark = SparkSession.builder().master("local[2,3]").appName("w2v-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    static TrainingConfig config(int threads, int epochs) {
        return new TrainingConfig(40, 5, 1e-3, false, 5, threads, epochs, 5, 0.025f, false, 7, true);
    }

    static Dataset<String> lines() {
        return spark.read().textFile(file.toString());
    }

    @Test
    void distributedVocabularyEqualsTheSingleProcessOne() {
        Vocabulary v = DistributedVocabulary.count(lines().repartition(3).javaRDD().map(Tokens::of), 5, 0);
        // repartition shuffles the lines: counts must agree, and the order where counts differ.
        assertEquals(vocab.size(), v.size());
        Vocabulary inOrder = DistributedVocabulary.count(lines().javaRDD().map(Tokens::of), 5, 0);
        assertEquals(List.of(vocab.words()), List.of(inOrder.words()));
        assertArrayEquals(vocab.counts(), inOrder.counts());
        assertArrayEquals(vocab.counts(), v.counts());
    }

    @Test
    void onePartitionOneThreadIsBitIdenticalToSingleProcessTraining() throws Exception {
        // A third of the corpus (whole lines), two epochs: single-threaded training is the slow part here.
        List<String> all = Files.readAllLines(file);
        Path part = Files.write(dir.resolve("part.txt"), all.subList(0, all.size() / 3));
        Vocabulary partVocab = new VocabularyBuilder(1, 5, 0).build(CorpusFile.of(part));
        TrainingConfig c = config(1, 2);
        float[][] expected;
        try (Model m = new Trainer(c, CorpusFile.of(part), partVocab).train()) {
            expected = rows(m);
        }
        // Several rounds per epoch: the threads' random numbers and learning rate carry from round to round.
        SparkWord2VecModel got = SparkWord2Vec.train(spark.read().textFile(part.toString()),
                SparkOptions.defaults().config(c).partitions(1).syncWords(30_000));
        assertTrue(got.rounds() >= 6, "rounds " + got.rounds());
        assertEquals(List.of(partVocab.words()), got.words());
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], got.vector(i), "row " + i + " (" + partVocab.word(i) + ")");
        }
    }

    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {2, 4})
    void partitionsRecoverThePlantedStructure(int partitions) throws Exception {
        SparkWord2VecModel m = SparkWord2Vec.train(lines(),
                SparkOptions.defaults().config(config(1, 3)).partitions(partitions).syncWords(50_000));
        assertEquals(vocab.totalCount() * 3, m.wordsTrained());
        try (WordVectors v = m.toWordVectors()) {
            double accuracy = accuracy(v);
            assertTrue(accuracy >= THRESHOLD, "planted analogy accuracy " + accuracy);
        }
    }

    @Test
    void aRetriedTaskCountsItsWordsAndItsReplicaOnce() throws Exception {
        SparkOptions options = SparkOptions.defaults().config(config(1, 1)).partitions(2).syncWords(100_000);
        SparkWord2VecModel clean = SparkWord2Vec.train(lines(), options);
        int injected = SparkWord2Vec.INJECTED_FAILURES.get();
        SparkWord2VecModel retried = SparkWord2Vec.train(lines(), options.failFirstAttempt(1, 1));
        assertEquals(injected + 1, SparkWord2Vec.INJECTED_FAILURES.get(), "the first attempt failed");
        assertEquals(vocab.totalCount(), clean.wordsTrained());
        assertEquals(clean.wordsTrained(), retried.wordsTrained());
        assertEquals(clean.rounds(), retried.rounds());
        // One thread per replica: a replica is a function of its round's inputs, so the retry changes nothing.
        for (int i = 0; i < vocab.size(); i++) {
            assertArrayEquals(clean.vector(i), retried.vector(i), "row " + i);
        }
    }

    @Test
    void vectorsFrameAndHadoopFilesHoldTheVectors() throws Exception {
        SparkWord2VecModel m = SparkWord2Vec.train(lines(),
                SparkOptions.defaults().config(config(1, 1)).partitions(2).syncWords(200_000));
        Dataset<Row> frame = m.getVectors();
        assertEquals(vocab.size(), frame.count());
        Row first = frame.first();
        assertEquals(m.words().get(0), first.getString(0));
        Path bin = dir.resolve("out/vectors.bin");
        Files.createDirectories(bin.getParent());
        m.save(bin.toUri().toString(), true);
        try (WordVectors v = WordVectors.load(bin)) {
            assertEquals(m.words(), v.words());
            assertArrayEquals(m.vector(5), v.vector(m.words().get(5)));
        }
        Path txt = dir.resolve("out/vectors.txt");
        m.save(txt.toString(), false);
        try (var files = Files.list(bin.getParent())) {
            assertEquals(List.of("vectors.bin", "vectors.txt"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals(m.words().size() + " " + m.words().get(5) + " " + m.words().size() + " "
                + String.format(java.util.Locale.ROOT, "%.6f", m.vector(5)[0]), gensim(bin, txt));
    }

    /** Loads both files with gensim (bin/test installs it; its absence fails, as in core's format tests). */
    private static String gensim(Path bin, Path txt) throws Exception {
        String python = System.getenv().getOrDefault("W2V_PYTHON", "/usr/bin/python3");
        String script = "import sys\nfrom gensim.models import KeyedVectors as K\n"
                + "b = K.load_word2vec_format(sys.argv[1], binary=True)\n"
                + "t = K.load_word2vec_format(sys.argv[2], binary=False)\n"
                + "print(len(b.index_to_key), b.index_to_key[5], len(t.index_to_key), '%.6f' % float(b[b.index_to_key[5]][0]))";
        Process p = new ProcessBuilder(python, "-c", script, bin.toString(), txt.toString()).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), "gensim could not load the files (apt-get install python3-gensim): " + out);
        return out;
    }

    private static double accuracy(WordVectors v) throws Exception {
        var r = v.evaluateWordAnalogies(questions, 30_000);
        assertTrue(r.answered() > 500, "questions evaluated: " + r.answered());
        return r.accuracy();
    }

    private static float[][] rows(Model m) {
        float[][] out = new float[m.input().rows()][m.input().dim()];
        for (int i = 0; i < out.length; i++) {
            m.input().copyRow(i, out[i]);
        }
        return out;
    }
}
