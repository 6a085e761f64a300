package w2v.spark;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import w2v.train.config.Initialization;
import w2v.train.config.Preset;
import w2v.train.config.TrainingConfig;

/**
 * {@code spark-submit --class w2v.spark.SparkTrain w2v-spark.jar -train hdfs:///corpus -output hdfs:///vectors.bin
 * -binary 1 -partitions 8 -sync-words 2000000}: {@code w2v train}'s training flags plus the cluster's. Options and
 * the input are checked on the driver before any executor work: a problem is one line on stderr and exit code 2.
 */
public final class SparkTrain {

    private static final Set<String> FLAGS = Set.of("-train", "-output", "-size", "-window", "-sample", "-hs",
            "-negative", "-threads", "-iter", "-min-count", "-alpha", "-binary", "-cbow", "-max-vocab", "-seed",
            "-batch", "-min-alpha", "-cbow-mean", "-init", "-preset", "-partitions", "-sync-words");

    private SparkTrain() {
    }

    public static void main(String[] args) {
        Parsed p;
        try {
            p = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("w2v spark: " + e.getMessage());
            System.exit(2);
            return;
        }
        SparkSession spark = SparkSession.builder().appName("w2v train").getOrCreate();
        try {
            checkInput(spark.sparkContext().hadoopConfiguration(), p.train);
            SparkWord2VecModel m = SparkWord2Vec.train(spark.read().textFile(p.train), p.options);
            m.save(p.output, p.binary);
            System.err.printf(Locale.ROOT, "w2v spark: %d words x %d dims to %s; %,d words trained in %.1f s"
                            + " (%,.0f words/sec; vocabulary %.1f s, training %.1f s), %d rounds of %.1f MB per"
                            + " replica%n", m.words().size(), m.dimensions(), p.output, m.wordsTrained(), m.seconds(),
                    m.wordsTrained() / m.seconds(), m.timings().vocabulary(), m.timings().training(), m.rounds(),
                    m.syncBytes() / 1048576.0);
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("w2v spark: " + e.getMessage());
            spark.stop();
            System.exit(2);
        }
        spark.stop();
    }

    record Parsed(String train, String output, boolean binary, SparkOptions options) {
    }

    /** The flags as {@code w2v train} takes them; throws IllegalArgumentException naming the flag. */
    static Parsed parse(String[] args) {
        Map<String, String> v = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (!FLAGS.contains(flag)) {
                throw new IllegalArgumentException("unknown option " + flag + " (options: " + String.join(" ",
                        FLAGS.stream().sorted().toList()) + ")");
            }
            if (i + 1 == args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            v.put(flag, args[++i]);
        }
        for (String required : List.of("-train", "-output")) {
            if (!v.containsKey(required)) {
                throw new IllegalArgumentException(required + " is required");
            }
        }
        boolean cbow = bool(v, "-cbow", true);
        boolean hs = bool(v, "-hs", false);
        int negative = (int) number(v, "-negative", 5);
        int epochs = (int) number(v, "-iter", 5);
        float alpha = (float) decimal(v, "-alpha", cbow ? 0.05 : 0.025);
        Preset preset = v.containsKey("-preset") ? Preset.of(v.get("-preset")) : null;
        float minAlpha = preset != null ? preset.minAlpha(alpha, epochs) : TrainingConfig.C_SCHEDULE;
        TrainingConfig c = new TrainingConfig((int) number(v, "-size", 100), (int) number(v, "-window", 5),
                decimal(v, "-sample", 1e-3), hs, negative, (int) number(v, "-threads", 1), epochs,
                number(v, "-min-count", 5), alpha, cbow,
                number(v, "-seed", 1), bool(v, "-batch", TrainingConfig.batchedByDefault(cbow, hs, negative)),
                (float) decimal(v, "-min-alpha", minAlpha), bool(v, "-cbow-mean", preset == null || preset.cbowMean()),
                initialization(v, preset));
        SparkOptions o = SparkOptions.defaults().config(c).maxVocab(number(v, "-max-vocab", 0))
                .partitions((int) number(v, "-partitions", 2))
                .syncWords(number(v, "-sync-words", SparkOptions.DEFAULT_SYNC_WORDS)).validate();
        if (v.get("-train").equals(v.get("-output"))) {
            throw new IllegalArgumentException("-output " + v.get("-output") + " is the -train input");
        }
        return new Parsed(v.get("-train"), v.get("-output"), bool(v, "-binary", false), o);
    }

    /** Fails on the driver, before Spark schedules anything, when the input cannot be read. */
    static void checkInput(org.apache.hadoop.conf.Configuration conf, String train) throws IOException {
        Path path = new Path(train);
        FileSystem fs = path.getFileSystem(conf);
        FileStatus[] found = fs.globStatus(path);
        if (found == null || found.length == 0) {
            throw new IllegalArgumentException("-train " + train + ": no such file");
        }
        for (FileStatus f : found) {
            try (var in = fs.open(f.isDirectory() ? firstFile(fs, f.getPath()) : f.getPath())) {
                in.read();
            } catch (IOException e) {
                throw new IllegalArgumentException("-train " + f.getPath() + ": cannot read it (" + e.getMessage()
                        + ")");
            }
        }
    }

    private static Path firstFile(FileSystem fs, Path dir) throws IOException {
        for (FileStatus s : fs.listStatus(dir)) {
            if (s.isFile() && !s.getPath().getName().startsWith(".") && !s.getPath().getName().startsWith("_")) {
                return s.getPath();
            }
        }
        throw new IOException("no file in the directory");
    }

    private static long number(Map<String, String> v, String flag, long otherwise) {
        String s = v.get(flag);
        if (s == null) {
            return otherwise;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be a whole number (got " + s + ")");
        }
    }

    private static double decimal(Map<String, String> v, String flag, double otherwise) {
        String s = v.get(flag);
        if (s == null) {
            return otherwise;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be a number (got " + s + ")");
        }
    }

    /** -init c|gensim; -preset sets its own (gensim for accurate, as in w2v train) unless -init is given. */
    private static Initialization initialization(Map<String, String> v, Preset preset) {
        String init = v.getOrDefault("-init", preset != null ? preset.init().flag() : "c");
        return switch (init) {
            case "c" -> Initialization.C;
            case "gensim" -> Initialization.GENSIM;
            default -> throw new IllegalArgumentException("-init must be c or gensim (got " + init + ")");
        };
    }

    private static boolean bool(Map<String, String> v, String flag, boolean otherwise) {
        String s = v.get(flag);
        if (s == null) {
            return otherwise;
        }
        return switch (s) {
            case "0" -> false;
            case "1" -> true;
            default -> throw new IllegalArgumentException(flag + " must be 0 or 1 (got " + s + ")");
        };
    }
}
