package w2v.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spark-submit main's checks, which run on the driver before any executor work. */
class SparkTrainTest {

    @TempDir
    Path dir;

    private static String error(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> SparkTrain.parse(args)).getMessage();
    }

    @Test
    void badOptionsGetOneLineNamingTheFlag() {
        assertEquals("-partitions must be between 1 and 100000 (got 0)",
                error("-train", "a", "-output", "b", "-partitions", "0"));
        assertEquals("-sync-words must be a whole number (got lots)",
                error("-train", "a", "-output", "b", "-sync-words", "lots"));
        assertEquals("-hs must be 0 or 1 (got 2)", error("-train", "a", "-output", "b", "-hs", "2"));
        assertEquals("-output is required", error("-train", "a"));
        assertEquals("-output a is the -train input", error("-train", "a", "-output", "a"));
        assertEquals(true, error("-train", "a", "-output", "b", "-size", "0").startsWith("-size must be between"));
        assertEquals(true, error("-trian", "a").startsWith("unknown option -trian (options: "));
    }

    @Test
    void goodOptionsReachTheSettings() {
        SparkTrain.Parsed p = SparkTrain.parse(new String[] {"-train", "in.txt", "-output", "out.bin", "-cbow", "0",
                "-size", "50", "-iter", "2", "-partitions", "4", "-sync-words", "1000", "-binary", "1"});
        assertEquals(50, p.options().config().dim());
        assertEquals(false, p.options().config().cbow());
        assertEquals(0.025f, p.options().config().alpha());
        assertEquals(4, p.options().partitions());
        assertEquals(1000, p.options().syncWords());
        assertEquals(true, p.binary());
        assertEquals(true, p.options().config().cSchedule());
        assertEquals(w2v.train.config.Initialization.C, p.options().config().init());
    }

    @Test
    void theQualityOptionsOfWTrainReachTheSettings() {
        SparkTrain.Parsed p = SparkTrain.parse(new String[] {"-train", "in.txt", "-output", "out.bin",
                "-min-alpha", "0.01", "-cbow-mean", "0", "-preset", "accurate"});
        assertEquals(0.01f, p.options().config().minAlpha());
        assertEquals(false, p.options().config().cbowMean());
        assertEquals(w2v.train.config.Initialization.GENSIM, p.options().config().init());
        p = SparkTrain.parse(new String[] {"-train", "a", "-output", "b", "-preset", "accurate", "-init", "c"});
        assertEquals(w2v.train.config.Initialization.C, p.options().config().init());
        assertEquals(0.005f, p.options().config().minAlpha(), 1e-9f, "the preset's -alpha / (2 x -iter), CBOW");
        p = SparkTrain.parse(new String[] {"-train", "a", "-output", "b", "-preset", "accurate", "-cbow", "0",
            "-iter", "1"});
        assertEquals(0.0125f, p.options().config().minAlpha(), "skip-gram, 1 epoch: half of -alpha");
        assertEquals(w2v.train.config.Initialization.GENSIM, p.options().config().init());
        assertEquals("-preset must be accurate (got fast)", error("-train", "a", "-output", "b", "-preset", "fast"));
        assertEquals("-init must be c or gensim (got foo)", error("-train", "a", "-output", "b", "-init", "foo"));
        assertEquals(true, error("-train", "a", "-output", "b", "-min-alpha", "1").startsWith("-min-alpha must be"));
    }

    @Test
    void aMissingInputFailsOnTheDriver() throws Exception {
        Path missing = dir.resolve("missing.txt");
        var e = assertThrows(IllegalArgumentException.class,
                () -> SparkTrain.checkInput(new Configuration(), missing.toString()));
        assertEquals("-train " + missing + ": no such file", e.getMessage());
        Path ok = Files.writeString(dir.resolve("ok.txt"), "a b c\n");
        SparkTrain.checkInput(new Configuration(), ok.toString());
    }
}
