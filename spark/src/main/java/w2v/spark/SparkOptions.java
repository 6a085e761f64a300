package w2v.spark;

import java.io.Serializable;
import w2v.train.config.TrainingConfig;

/**
 * Everything a distributed run is told: the training settings of {@code w2v train} ({@link TrainingConfig}; its
 * {@code threads} are each task's Hogwild threads), the vocabulary bounds, and the cluster's: how many partitions
 * (replicas) train, and after how many words of the whole cluster their replicas are averaged.
 */
public final class SparkOptions implements Serializable {

    private static final long serialVersionUID = 1L;

    /** -sync-words default: about 1 s of training for 2 replicas, against ~0.1 s to average a 30k-word model. */
    public static final long DEFAULT_SYNC_WORDS = 2_000_000;

    private transient TrainingConfig config = TrainingConfig.defaults(false, 1); // a record, not Serializable
    private long maxVocab;
    private int partitions = 2;
    private long syncWords = DEFAULT_SYNC_WORDS;
    private long failRound = -1; // tests: the first attempt of this round's task of failPartition throws
    private int failPartition = -1;

    public static SparkOptions defaults() {
        return new SparkOptions();
    }

    public SparkOptions config(TrainingConfig c) {
        this.config = c;
        return this;
    }

    public TrainingConfig config() {
        return config;
    }

    /** -max-vocab: 0 for no bound. */
    public SparkOptions maxVocab(long words) {
        this.maxVocab = words;
        return this;
    }

    public long maxVocab() {
        return maxVocab;
    }

    /** -partitions: replicas trained side by side. */
    public SparkOptions partitions(int n) {
        this.partitions = n;
        return this;
    }

    public int partitions() {
        return partitions;
    }

    /** -sync-words: words (of the whole cluster) between two averagings of the replicas. */
    public SparkOptions syncWords(long words) {
        this.syncWords = words;
        return this;
    }

    public long syncWords() {
        return syncWords;
    }

    /** Tests only: makes the first attempt of one training task fail after it trained (a lost executor). */
    SparkOptions failFirstAttempt(long round, int partition) {
        this.failRound = round;
        this.failPartition = partition;
        return this;
    }

    boolean failsFirstAttempt(long round, int partition) {
        return round == failRound && partition == failPartition;
    }

    /** Throws IllegalArgumentException with one line naming the flag. */
    public SparkOptions validate() {
        config.validate();
        if (partitions < 1 || partitions > 100_000) {
            throw new IllegalArgumentException("-partitions must be between 1 and 100000 (got " + partitions + ")");
        }
        if (syncWords < 1) {
            throw new IllegalArgumentException("-sync-words must be at least 1 (got " + syncWords + ")");
        }
        if (maxVocab < 0) {
            throw new IllegalArgumentException("-max-vocab must be 0 (no bound) or more (got " + maxVocab + ")");
        }
        return this;
    }

    /** The settings travel as their record components, so that a setting added to TrainingConfig travels too. */
    private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
        out.defaultWriteObject();
        var components = TrainingConfig.class.getRecordComponents();
        Object[] values = new Object[components.length];
        try {
            for (int i = 0; i < values.length; i++) {
                values[i] = components[i].getAccessor().invoke(config);
            }
        } catch (ReflectiveOperationException e) {
            throw new java.io.NotSerializableException("TrainingConfig: " + e);
        }
        out.writeObject(values);
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
        in.defaultReadObject();
        Object[] values = (Object[]) in.readObject();
        var components = TrainingConfig.class.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < types.length; i++) {
            types[i] = components[i].getType();
        }
        try {
            config = TrainingConfig.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new java.io.InvalidObjectException("TrainingConfig: " + e);
        }
    }
}
