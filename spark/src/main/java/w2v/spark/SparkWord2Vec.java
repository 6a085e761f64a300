package w2v.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import w2v.model.Model;
import w2v.train.ReplicaTrainer;
import w2v.train.ReplicaTrainer.ThreadState;
import w2v.train.config.TrainingConfig;
import w2v.vocab.Vocabulary;

/**
 * Trains word2vec on Spark. The vocabulary is counted by Spark over the partitions and ordered on the driver as
 * {@code w2v train} orders it; the corpus is cut into {@code -partitions} replicas, each trained by core's
 * Hogwild trainer on a full copy of the model; every {@code -sync-words} words of the whole cluster (a round) the
 * replicas' deltas are summed by Spark's treeReduce, the driver adds them to the model (each row's sum scaled
 * between the mean and the sum by how its moves decayed within the round, {@link ModelState#addDeltas}) and
 * broadcasts it for the next round; the first epoch's rounds start shorter. The learning rate follows the cluster's
 * word count.
 *
 * <pre>{@code
 * SparkWord2VecModel m = SparkWord2Vec.train(spark.read().textFile("hdfs:///corpus"), SparkOptions.defaults());
 * m.save("hdfs:///out/vectors.bin", true);
 * }</pre>
 */
public final class SparkWord2Vec {

    /** The first round of the first epoch is -sync-words / RAMP words; rounds double from there. */
    static final int RAMP = 64;

    private SparkWord2Vec() {
    }

    /** Trains on lines of text, tokenised as word2vec C tokenises them (each line ends with {@code </s>}). */
    public static SparkWord2VecModel train(Dataset<String> lines, SparkOptions options) {
        return train(lines.sparkSession(), lines.javaRDD().map(Tokens::of), options);
    }

    /** Trains on rows already tokenised: {@code column} is an array of strings, one row per sentence. */
    public static SparkWord2VecModel train(Dataset<Row> rows, String column, SparkOptions options) {
        JavaRDD<List<String>> lines = rows.select(column).javaRDD().map(r -> {
            List<String> out = new ArrayList<>();
            if (!r.isNullAt(0)) {
                for (Object w : r.getList(0)) {
                    String word = Tokens.word((String) w);
                    if (word != null) {
                        out.add(word);
                    }
                }
            }
            return out;
        });
        return train(rows.sparkSession(), lines, options);
    }

    static SparkWord2VecModel train(SparkSession spark, JavaRDD<List<String>> lines, SparkOptions options) {
        options.validate();
        long t0 = System.nanoTime();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        TrainingConfig config = options.config();
        Vocabulary vocab = DistributedVocabulary.count(lines, config.minCount(), options.maxVocab());
        if (vocab.size() < 2) {
            throw new IllegalArgumentException("no word occurs at least " + config.minCount()
                    + " times (-min-count)");
        }
        VocabularyData vocabData = VocabularyData.of(vocab);
        Broadcast<VocabularyData> bcVocab = jsc.broadcast(vocabData);
        int p = options.partitions();
        // coalesce keeps the partitions' order (one partition: the text in order); repartition spreads them evenly.
        JavaRDD<List<String>> parts = lines.getNumPartitions() == p ? lines
                : lines.getNumPartitions() > p ? lines.coalesce(p) : lines.repartition(p);
        JavaRDD<Block> blocks = parts.mapPartitions(it -> Block.encode(it, context(bcVocab, options.config()).vocab))
                .persist(StorageLevel.MEMORY_AND_DISK());
        double vocabularySeconds = (System.nanoTime() - t0) / 1e9;
        long[] partitionWords = new long[p];
        for (var e : blocks.mapPartitionsWithIndex((i, it) -> {
            long n = 0;
            while (it.hasNext()) {
                n += it.next().words().length;
            }
            return List.of(new long[] {i, n}).iterator();
        }, true).collect()) {
            partitionWords[(int) e[0]] = e[1];
        }
        long tTrain = System.nanoTime();
        long epochWords = vocab.totalCount();
        // The first epoch starts with short rounds: the model takes shape there, and replicas that drift apart
        // from a random start lose the most (4 partitions, 1 epoch: 6.1% of the analogies against 4.8%).
        long firstRound = Math.max((long) Block.WORDS * p, options.syncWords() / RAMP);
        long[] firstEpochEnds = roundEnds(epochWords, options.syncWords(), firstRound);
        long[] epochEnds = roundEnds(epochWords, options.syncWords(), 0);

        ReplicaTrainer trainer = new ReplicaTrainer(config, vocab);
        ModelState model;
        try (Model fresh = ReplicaTrainer.freshModel(config, vocab)) {
            model = ModelState.of(fresh);
        }
        ThreadState[][] states = new ThreadState[p][];
        for (int i = 0; i < p; i++) {
            states[i] = trainer.initialStates(i);
        }
        long published = 0;
        long read = 0;
        long round = 0;
        long syncNanos = 0; // the driver's share of a sync: applying the deltas (the transfers overlap the tasks)
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            long[] ends = epoch == 0 ? firstEpochEnds : epochEnds;
            for (int r = 0; r < ends.length; r++, round++) {
                Broadcast<ModelState> bcModel = jsc.broadcast(model);
                RoundTask task = new RoundTask(bcVocab, bcModel, options, round, r == 0 ? 0 : ends[r - 1], ends[r],
                        epochWords, partitionWords,
                        states, published, p);
                RoundResult sum = blocks.mapPartitionsWithIndex(task, true).treeReduce(RoundResult::merge);
                long tSync = System.nanoTime();
                if (sum.round != round || sum.partitions.cardinality() != p) {
                    throw new IllegalStateException("round " + round + ": " + sum.partitions.cardinality()
                            + " of " + p + " partitions' results arrived");
                }
                // One replica replaces the model exactly, so that one partition trains as a single process does,
                // bit for bit; several add their deltas, each row's scaled by the replicas that changed it.
                model = p == 1 ? sum.modelSum : model.addDeltas(sum.modelSum);
                for (Map.Entry<Integer, ThreadState[]> e : sum.states.entrySet()) {
                    states[e.getKey()] = e.getValue();
                }
                published += sum.wordsPublished;
                read += sum.wordsRead;
                bcModel.destroy();
                syncNanos += System.nanoTime() - tSync;
            }
        }
        blocks.unpersist(false);
        bcVocab.destroy();
        long t1 = System.nanoTime();
        return new SparkWord2VecModel(spark, vocabData.words(), vocabData.counts(), config.dim(), model.input, read,
                round, new SparkWord2VecModel.Timings((t1 - t0) / 1e9, vocabularySeconds, (t1 - tTrain) / 1e9,
                syncNanos / 1e9), model.bytes());
    }

    /** A partition's words up to a point of the epoch given in words of the whole cluster. */
    static long share(long partitionWords, long clusterWords, long epochWords) {
        return (long) ((double) partitionWords * clusterWords / epochWords);
    }

    /**
     * Where an epoch's rounds end, in words of the whole cluster: rounds of {@code syncWords}, or, from
     * {@code firstRound} words, rounds that double up to {@code syncWords}.
     */
    static long[] roundEnds(long epochWords, long syncWords, long firstRound) {
        List<Long> ends = new ArrayList<>();
        long at = 0;
        long size = firstRound > 0 ? Math.min(firstRound, syncWords) : syncWords;
        while (at < epochWords) {
            if (firstRound <= 0) {
                long rounds = (epochWords - at + syncWords - 1) / syncWords;
                size = (epochWords - at + rounds - 1) / rounds; // the rest in equal rounds
            }
            at = Math.min(epochWords, at + size);
            ends.add(at);
            if (firstRound > 0 && size >= syncWords) {
                firstRound = 0;
            }
            size = Math.min(syncWords, size * 2);
        }
        return ends.stream().mapToLong(Long::longValue).toArray();
    }

    /** What an executor builds once per run from the broadcast vocabulary: the index and the trainer's tables. */
    static final class Context {
        final Vocabulary vocab;
        final ReplicaTrainer trainer;

        Context(Vocabulary vocab, ReplicaTrainer trainer) {
            this.vocab = vocab;
            this.trainer = trainer;
        }
    }

    /** Tests: failures injected so far in this JVM (local mode runs the executors in it). */
    static final java.util.concurrent.atomic.AtomicInteger INJECTED_FAILURES = new java.util.concurrent.atomic.AtomicInteger();

    private static final Map<Long, Context> CONTEXTS = new ConcurrentHashMap<>();

    static Context context(Broadcast<VocabularyData> bc, TrainingConfig config) {
        return CONTEXTS.computeIfAbsent(bc.id(), id -> {
            CONTEXTS.clear(); // one run at a time per executor: the previous run's tables can go
            Vocabulary v = bc.value().toVocabulary();
            return new Context(v, new ReplicaTrainer(config, v));
        });
    }

    /** The words and counts of the vocabulary, in order: what the executors rebuild it from. */
    record VocabularyData(String[] words, long[] counts) implements Serializable {
        static VocabularyData of(Vocabulary v) {
            return new VocabularyData(v.words(), v.counts());
        }

        Vocabulary toVocabulary() {
            return Vocabulary.of(words, counts);
        }
    }

    /** One round on one partition: a replica from the broadcast model trains its share and is sent back. */
    record RoundTask(Broadcast<VocabularyData> vocab, Broadcast<ModelState> model, SparkOptions options, long round,
                     long roundStart, long roundEnd, long epochWords, long[] partitionWords, ThreadState[][] states,
                     long publishedBefore, int replicas)
            implements org.apache.spark.api.java.function.Function2<Integer, Iterator<Block>, Iterator<RoundResult>> {

        @Override
        public Iterator<RoundResult> call(Integer partition, Iterator<Block> blocks) throws Exception {
            TrainingConfig config = options.config();
            Context ctx = context(vocab, config);
            long words = partitionWords[partition];
            long from = share(words, roundStart, epochWords);
            long to = roundEnd == epochWords ? Long.MAX_VALUE : share(words, roundEnd, epochWords);
            List<int[]> mine = new ArrayList<>();
            while (blocks.hasNext()) {
                Block b = blocks.next();
                if (b.start() >= from && b.start() < to) {
                    mine.add(b.words());
                }
            }
            try (Model replica = new Model(ctx.vocab.size(), config.dim(), config.negative() > 0,
                    config.hierarchicalSoftmax())) {
                model.value().copyInto(replica);
                ReplicaTrainer.Round done;
                ModelState half = null;
                if (replicas > 1) {
                    // Halfway through, a snapshot: how each row's moves decayed decides how the deltas add up.
                    int cut = mine.size() / 2;
                    ReplicaTrainer.Round first = ctx.trainer.train(replica, mine.subList(0, cut), states[partition],
                            publishedBefore, replicas);
                    half = ModelState.of(replica);
                    ReplicaTrainer.Round second = ctx.trainer.train(replica, mine.subList(cut, mine.size()),
                            first.states(), publishedBefore + first.wordsPublished() * replicas, replicas);
                    done = new ReplicaTrainer.Round(second.states(), first.wordsRead() + second.wordsRead(),
                            first.wordsPublished() + second.wordsPublished());
                } else {
                    done = ctx.trainer.train(replica, mine, states[partition], publishedBefore, replicas);
                }
                TaskContext task = TaskContext.get();
                if (task != null && task.attemptNumber() == 0 && options.failsFirstAttempt(round, partition)) {
                    INJECTED_FAILURES.incrementAndGet();
                    throw new IllegalStateException("injected failure: round " + round + ", partition " + partition);
                }
                ModelState trained = ModelState.of(replica);
                if (half != null) {
                    trained.subtract(model.value(), half);
                }
                return List.of(new RoundResult(round, partition, done.states(), trained,
                        done.wordsRead(), done.wordsPublished())).iterator();
            }
        }
    }
}
