package w2v.spark;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.ml.feature.Word2Vec;
import org.apache.spark.ml.feature.Word2VecModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.split;

/**
 * bench/spark.sh's baseline: MLlib's {@code ml.feature.Word2Vec} (skip-gram, hierarchical softmax) on a text file,
 * its vectors written as word2vec text sorted by corpus frequency (MLlib returns them in hash order, and an
 * evaluation restricted to the most frequent words must see the most frequent ones). Prints the fit's
 * words/sec on stderr. Arguments: input output dim window minCount partitions iterations alpha seed.
 */
public final class MllibBaseline {

    private MllibBaseline() {
    }

    public static void main(String[] a) throws IOException {
        SparkSession spark = SparkSession.builder().appName("mllib word2vec").getOrCreate();
        long t0 = System.nanoTime();
        Dataset<Row> rows = spark.read().text(a[0]).select(split(col("value"), "\\s+").as("words"));
        Word2Vec w2v = new Word2Vec().setInputCol("words").setOutputCol("out").setVectorSize(Integer.parseInt(a[2]))
                .setWindowSize(Integer.parseInt(a[3])).setMinCount(Integer.parseInt(a[4]))
                .setNumPartitions(Integer.parseInt(a[5])).setMaxIter(Integer.parseInt(a[6]))
                .setStepSize(Double.parseDouble(a[7])).setSeed(Long.parseLong(a[8]));
        Word2VecModel model = w2v.fit(rows);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Long> counts = new HashMap<>();
        for (Row r : rows.select(org.apache.spark.sql.functions.explode(col("words")).as("w")).groupBy("w").count()
                .collectAsList()) {
            counts.put(r.getString(0), r.getLong(1));
        }
        long words = counts.values().stream().mapToLong(Long::longValue).sum() * Integer.parseInt(a[6]);
        List<Row> vectors = model.getVectors().collectAsList();
        Row[] sorted = vectors.toArray(Row[]::new);
        Arrays.sort(sorted, (x, y) -> Long.compare(counts.getOrDefault(y.getString(0), 0L),
                counts.getOrDefault(x.getString(0), 0L)));
        int dim = Integer.parseInt(a[2]);
        try (Writer out = new OutputStreamWriter(Files.newOutputStream(Path.of(a[1])), StandardCharsets.UTF_8)) {
            out.write(sorted.length + " " + dim + "\n");
            StringBuilder b = new StringBuilder();
            for (Row r : sorted) {
                b.setLength(0);
                b.append(r.getString(0));
                Vector v = (Vector) r.get(1);
                for (int i = 0; i < dim; i++) {
                    b.append(' ').append((float) v.apply(i));
                }
                out.write(b.append('\n').toString());
            }
        }
        System.err.printf(Locale.ROOT, "mllib: %,d words in %.1f s: %.0f words/sec%n", words, seconds,
                words / seconds);
        spark.stop();
    }
}
