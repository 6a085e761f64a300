package w2v.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import w2v.WordVectors;
import w2v.io.VectorWriter;
import w2v.model.EmbeddingTable;

/**
 * The trained vectors on the driver, in vocabulary order (most frequent first): as the library's
 * {@link WordVectors}, as a DataFrame of word and vector (MLlib's {@code Word2VecModel.getVectors}), or written in
 * word2vec's text or binary format to any Hadoop path.
 */
public final class SparkWord2VecModel {

    private final SparkSession spark;
    private final String[] words;
    private final long[] counts;
    private final int dim;
    private final float[] vectors;
    private final long wordsTrained;
    private final long rounds;
    private final Timings timings;
    private final long modelBytes;

    SparkWord2VecModel(SparkSession spark, String[] words, long[] counts, int dim, float[] vectors, long wordsTrained,
                       long rounds, Timings timings, long modelBytes) {
        this.spark = spark;
        this.words = words;
        this.counts = counts;
        this.dim = dim;
        this.vectors = vectors;
        this.wordsTrained = wordsTrained;
        this.rounds = rounds;
        this.timings = timings;
        this.modelBytes = modelBytes;
    }

    public List<String> words() {
        return List.of(words);
    }

    public long count(int word) {
        return counts[word];
    }

    public int dimensions() {
        return dim;
    }

    /** A copy of a word's vector, by its index in {@link #words()}. */
    public float[] vector(int word) {
        float[] v = new float[dim];
        System.arraycopy(vectors, word * dim, v, 0, dim);
        return v;
    }

    /** Words read by the replicas, every epoch (each word once, whatever tasks were retried). */
    public long wordsTrained() {
        return wordsTrained;
    }

    /** Averagings of the replicas. */
    public long rounds() {
        return rounds;
    }

    /**
     * Where the driver's time went, in seconds: all of it (vocabulary to last sync), counting the vocabulary,
     * training (encoding the partitions, the rounds and their syncs), and the driver's work on the syncs.
     */
    public record Timings(double total, double vocabulary, double training, double applyingDeltas) {
    }

    public Timings timings() {
        return timings;
    }

    /** From the vocabulary's count to the last sync, on the driver. */
    public double seconds() {
        return timings.total();
    }

    /** The model one replica sends back each round (and the driver broadcasts): every table, 4 bytes a value. */
    public long syncBytes() {
        return modelBytes;
    }

    /** The vectors as the library's WordVectors, to query or save; the caller closes it. */
    public WordVectors toWordVectors() {
        Arena arena = Arena.ofShared();
        var rows = rows(arena, arena);
        try {
            // The public API makes WordVectors by training or loading only; on the class path its rows constructor
            // is reachable, and saves a write and a parse of the whole model.
            var c = WordVectors.class.getDeclaredConstructor(w2v.model.WordVectors.class);
            c.setAccessible(true);
            return c.newInstance(rows);
        } catch (ReflectiveOperationException e) {
            arena.close();
            throw new IllegalStateException("cannot make WordVectors from trained rows", e);
        }
    }

    /** A DataFrame of (word string, vector ml.linalg.Vector), as MLlib's {@code Word2VecModel.getVectors}. */
    public Dataset<Row> getVectors() {
        StructType schema = new StructType()
                .add("word", DataTypes.StringType, false)
                .add("vector", SQLDataTypes.VectorType(), false);
        List<Row> rows = new ArrayList<>(words.length);
        for (int i = 0; i < words.length; i++) {
            float[] v = vector(i);
            double[] d = new double[dim];
            for (int k = 0; k < dim; k++) {
                d[k] = v[k];
            }
            rows.add(RowFactory.create(words[i], new DenseVector(d)));
        }
        return spark.createDataFrame(rows, schema);
    }

    /**
     * Writes word2vec's text or binary format to {@code path} on any Hadoop file system, through a temporary file
     * beside it renamed at the end: a failed write leaves any previous file whole.
     */
    public void save(String path, boolean binary) throws IOException {
        save(path, binary, spark.sparkContext().hadoopConfiguration());
    }

    public void save(String path, boolean binary, Configuration conf) throws IOException {
        Path target = new Path(path);
        FileSystem fs = target.getFileSystem(conf);
        if (fs instanceof LocalFileSystem local) {
            fs = local.getRaw(); // no .crc file beside the vectors: a local file is read by gensim and C tools
        }
        Path tmp = new Path(target.getParent(), "." + target.getName() + ".w2v-tmp");
        try (Arena arena = Arena.ofConfined(); OutputStream out = fs.create(tmp, true)) {
            VectorWriter.write(rows(arena, null), out, binary ? VectorWriter.Format.BINARY : VectorWriter.Format.TEXT);
        } catch (IOException | RuntimeException e) {
            fs.delete(tmp, false);
            throw e;
        }
        if (fs.exists(target) && !fs.delete(target, false)) {
            fs.delete(tmp, false);
            throw new IOException(path + ": cannot replace the existing file");
        }
        if (!fs.rename(tmp, target)) {
            fs.delete(tmp, false);
            throw new IOException(path + ": cannot rename " + tmp + " to it");
        }
    }

    /** The vectors in an off-heap table of {@code arena}; {@code owned}: the arena the rows close, or null. */
    private w2v.model.WordVectors rows(Arena arena, Arena owned) {
        EmbeddingTable table = EmbeddingTable.allocate(arena, words.length, dim);
        for (int i = 0; i < words.length; i++) {
            table.setRow(i, vector(i));
        }
        return new w2v.model.WordVectors(words, table, owned);
    }
}
