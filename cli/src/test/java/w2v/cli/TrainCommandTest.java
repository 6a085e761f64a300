package w2v.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import w2v.io.ReadOptions;
import w2v.io.VectorReader;
import w2v.model.WordVectors;

/** {@code w2v train} end to end, and every kind of bad input it must refuse with one clear line. */
class TrainCommandTest {

    @TempDir
    Path dir;

    @Test
    void trainsAndWritesBothFormatsWithWordToVecCFlags() throws Exception {
        Path corpus = randomCorpus("c.txt", 20_000);
        for (String binary : new String[] {"0", "1"}) {
            Path out = dir.resolve("v" + binary);
            Path vocab = dir.resolve("vocab" + binary);
            CliRun r = CliRun.of("train", "-train", corpus.toString(), "-output", out.toString(), "-size", "20",
                    "-iter", "1", "-threads", "2", "-binary", binary, "-cbow", "0", "-save-vocab", vocab.toString(),
                    "-debug", "1");
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.err().contains("Trained"), r.err());
            try (WordVectors v = VectorReader.read(out, ReadOptions.DEFAULT)) {
                assertEquals(20, v.dim());
                assertEquals("</s>", v.word(0), "word2vec C puts the line end first");
                assertEquals(Files.readAllLines(vocab).size(), v.size());
            }
        }
        // Bare word2vec C style: no subcommand.
        Path out = dir.resolve("bare.txt");
        CliRun r = CliRun.of("-train", corpus.toString(), "-output", out.toString(), "-size", "8", "-iter", "1",
                "-debug", "0");
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.size(out) > 0);
    }

    @Test
    void qualityOptionsChangeTrainingAndThePresetIsItsFlagsWithLaterFlagsOverriding() throws Exception {
        Path corpus = randomCorpus("c.txt", 20_000);
        String[] variants = {
            "", // word2vec C's behaviour
            "-min-alpha 0.0001 -cbow-mean 0 -init gensim -cbow-mean 1 -init c -min-alpha 0.025", // last ones win
            "-min-alpha 0.025",
            "-cbow-mean 0",
            "-init gensim",
            "-preset accurate",
            PRESET_FLAGS,
            "-preset accurate -init c -min-alpha 0.025",
            "-init c -min-alpha 0.025",
            "-init c -min-alpha 0.001 -cbow-mean 0 -preset accurate", // the preset after flags sets them
        };
        byte[][] files = new byte[variants.length][];
        for (int i = 0; i < variants.length; i++) {
            Path out = dir.resolve("q" + i + ".bin");
            List<String> args = new ArrayList<>(List.of("train", "-train", corpus.toString(), "-output",
                    out.toString(), "-size", "16", "-iter", "2", "-threads", "1", "-seed", "3", "-binary", "1",
                    "-cbow", "1", "-debug", "1"));
            if (!variants[i].isEmpty()) {
                args.addAll(List.of(variants[i].split(" ")));
            }
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.err().matches("(?s).*loss per word by epoch \\d+\\.\\d{4} \\d+\\.\\d{4}; wrote.*"),
                    "the summary gives each epoch's loss: " + r.err());
            files[i] = Files.readAllBytes(out);
        }
        for (int i = 2; i <= 4; i++) {
            assertFalse(Arrays.equals(files[0], files[i]), variants[i] + " changes training");
        }
        assertTrue(Arrays.equals(files[1], files[2]), "flags given twice: the last counts");
        assertTrue(Arrays.equals(files[5], files[6]), "-preset accurate is " + PRESET_FLAGS);
        assertTrue(Arrays.equals(files[7], files[8]), "a flag after the preset overrides it");
        assertTrue(Arrays.equals(files[9], files[6]), "a flag before the preset does not");
    }

    /** What -preset accurate stands for with CBOW's -alpha 0.05 and -iter 2, as README lists it. */
    private static final String PRESET_FLAGS = "-cbow-mean 1 -init gensim -min-alpha 0.0125";

    @ParameterizedTest(name = "{0} batches by default: {1}")
    @CsvSource({
            "-hs 0 -negative 5, true",
            "-hs 1 -negative 0, false", // batched, hierarchical softmax lost 0.7 points (BENCHMARKS.md)
    })
    void batchesSkipGramByDefaultOnlyWhereQualityHolds(String loss, boolean batchedByDefault) throws Exception {
        Path corpus = randomCorpus("c.txt", 20_000);
        byte[][] files = new byte[3][];
        String[] batch = {null, "1", "0"};
        for (int i = 0; i < 3; i++) {
            Path out = dir.resolve("v" + i + ".bin");
            List<String> args = new ArrayList<>(List.of("train", "-train",
                    corpus.toString(), "-output", out.toString(), "-size", "16", "-iter", "1", "-threads", "1",
                    "-seed", "3", "-binary", "1", "-cbow", "0", "-debug", "0"));
            args.addAll(List.of(loss.split(" ")));
            if (batch[i] != null) {
                args.addAll(List.of("-batch", batch[i]));
            }
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertEquals(0, r.exit(), r.err());
            files[i] = Files.readAllBytes(out);
        }
        assertFalse(Arrays.equals(files[1], files[2]), "-batch 1 and -batch 0 train differently");
        assertTrue(Arrays.equals(files[0], files[batchedByDefault ? 1 : 2]),
                "the default is -batch " + (batchedByDefault ? 1 : 0));
    }

    @Test
    void evalEveryEpochReportsEachEpochThenTheFinalVectors() throws Exception {
        w2v.data.PlantedCorpus planted = new w2v.data.PlantedCorpus(w2v.data.PlantedCorpus.Spec.small().withWords(60_000));
        Path corpus = dir.resolve("planted.txt");
        planted.write(corpus);
        Path questions = dir.resolve("q.txt");
        planted.writeQuestions(questions);
        Path out = dir.resolve("v.bin");
        CliRun r = CliRun.of("train", "-train", corpus.toString(), "-output", out.toString(), "-binary", "1",
                "-size", "16", "-iter", "3", "-threads", "2", "-debug", "0", "-eval", questions.toString(),
                "-eval-every-epoch");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("After epoch 1 of 3:"), r.out());
        assertTrue(r.out().contains("After epoch 2 of 3:"), r.out());
        assertFalse(r.out().contains("After epoch 3 of 3:"), "the last epoch is the final report");
        assertEquals(3, r.out().lines().filter(l -> l.contains("Total accuracy")).count(), r.out());
        CliRun missing = CliRun.of("train", "-train", corpus.toString(), "-output", out.toString(), "-eval-every-epoch");
        assertEquals(2, missing.exit());
        assertOneLine(missing, "-eval-every-epoch needs -eval FILE");
    }

    @Test
    void classesAreKMeansOfTheVectorsTheSameRunWouldHaveWritten() throws Exception {
        w2v.data.PlantedCorpus planted = new w2v.data.PlantedCorpus(w2v.data.PlantedCorpus.Spec.small()
                .withWords(100_000));
        Path corpus = dir.resolve("planted.txt");
        planted.write(corpus);
        Path classes = dir.resolve("classes.txt");
        Path vectors = dir.resolve("vectors.bin");
        int k = 40;
        String[] common = {"-train", corpus.toString(), "-size", "24", "-iter", "2", "-threads", "1", "-seed",
                "9", "-binary", "1", "-debug", "1"};
        CliRun r = CliRun.of(concat(new String[] {"train", "-output", classes.toString(), "-classes",
                Integer.toString(k)}, common));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("wrote " + k + " classes of "), r.err());
        CliRun v = CliRun.of(concat(new String[] {"train", "-output", vectors.toString()}, common));
        assertEquals(0, v.exit(), v.err());

        List<String> lines = Files.readAllLines(classes);
        try (WordVectors trained = VectorReader.read(vectors, ReadOptions.DEFAULT)) {
            // One thread and a seed: both runs trained the same vectors, which the binary file holds exactly.
            int[] expected = w2v.cluster.KMeans.classes(trained, k);
            assertEquals(trained.size(), lines.size());
            for (int i = 0; i < lines.size(); i++) {
                assertEquals(trained.word(i) + " " + expected[i], lines.get(i));
            }
            assertTrue(java.util.Arrays.stream(expected).distinct().count() > k / 2, "most classes are used");
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void classesBeyondTheVocabularyAreRefusedBeforeTraining() throws Exception {
        Path corpus = randomCorpus("c.txt", 2_000);
        Path out = dir.resolve("classes.txt");
        CliRun r = CliRun.of("train", "-train", corpus.toString(), "-output", out.toString(), "-classes", "100000");
        assertEquals(2, r.exit(), r.err());
        assertOneLine(r, "-classes 100000 is more than the");
        assertFalse(Files.exists(out));
    }

    @Test
    void readVocabTrainsOnTheGivenVocabulary() throws Exception {
        Path corpus = randomCorpus("c.txt", 5_000);
        Path vocab = dir.resolve("vocab.txt");
        Files.writeString(vocab, "</s> 10\nw1 50\nw2 40\nw3 30\n");
        Path out = dir.resolve("v.txt");
        CliRun r = CliRun.of("train", "-train", corpus.toString(), "-read-vocab", vocab.toString(), "-output",
                out.toString(), "-size", "8", "-iter", "1", "-debug", "0");
        assertEquals(0, r.exit(), r.err());
        try (WordVectors v = VectorReader.read(out, ReadOptions.DEFAULT)) {
            assertEquals(4, v.size());
            assertEquals("w1", v.word(1));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "-size 0             | -size must be between 1 and",
            "-window -1          | -window must be between 1 and",
            "-threads 0          | -threads must be between 1 and",
            "-alpha nan          | -alpha",
            "-alpha -1           | -alpha must be a number in (0, 10]",
            "-negative 0 -hs 0   | nothing to train with -negative 0 -hs 0",
            "-iter 0             | -iter must be between 1 and",
            "-sample 2           | -sample must be a number in [0, 1)",
            "-hs 2               | -hs must be 0 or 1",
            "-size abc           | -size",
            "-bogus 1            | -bogus",
            "-batch 1 -cbow 1    | -batch 1 works with skip-gram and one loss only",
            "-batch 1 -cbow 0 -hs 1 | -batch 1 works with skip-gram and one loss only",
            "-classes -1         | -classes must be between 0 and",
            "-classes 2000000    | -classes must be between 0 and",
            "-min-alpha -1       | w2v train: -min-alpha must be a number in [0, -alpha] (got -1.0 with -alpha 0.05)",
            "-min-alpha 0.1      | w2v train: -min-alpha must be a number in [0, -alpha] (got 0.1 with -alpha 0.05)",
            "-min-alpha x        | -min-alpha",
            "-cbow-mean 2        | w2v train: -cbow-mean must be 0 or 1 (got 2)",
            "-init foo           | w2v train: -init must be c or gensim (got foo)",
            "-preset fast        | w2v train: -preset must be accurate (got fast)",
            "-preset accurate -init foo | w2v train: -init must be c or gensim (got foo)",
    })
    void absurdFlagsGetOneLineAndExitTwo(String flags, String message) throws Exception {
        Path corpus = randomCorpus("c.txt", 100);
        Path out = dir.resolve("out.txt");
        String[] args = ("train -train " + corpus + " -output " + out + " " + flags.trim()).split(" +");
        CliRun r = CliRun.of(args);
        assertEquals(2, r.exit(), r.err());
        assertOneLine(r, message);
        assertFalse(Files.exists(out));
    }

    @Test
    void hostileTrainingFilesGetOneLineAndNoOutput() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        Path newlines = Files.writeString(dir.resolve("newlines.txt"), "\n".repeat(1000));
        byte[] noise = new byte[100_000];
        new Random(1).nextBytes(noise);
        Path gz = dir.resolve("corpus.txt.gz"); // gzip is read: what it holds must be text
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(noise);
        }
        Path random = Files.write(dir.resolve("random.bin"), noise);
        Path rare = Files.writeString(dir.resolve("rare.txt"), "every word here is unique\n");
        Path oneToken = dir.resolve("one-token.txt"); // 30 MB, no space, no newline
        try (OutputStream o = new java.io.BufferedOutputStream(Files.newOutputStream(oneToken), 1 << 16)) {
            byte[] chunk = "abcdefghij".repeat(1000).getBytes();
            for (int i = 0; i < 3000; i++) {
                o.write(chunk);
            }
        }
        Object[][] cases = {
                {empty, "training file is empty"},
                {newlines, "contains no words"},
                {gz, "is gzip-compressed, and decompressed it contains NUL bytes"},
                {random, "binary file"},
                {rare, "no word occurs at least 5 times"},
                {oneToken, "only 1 word in 30000000 bytes (1 longer than 100 bytes and cut): words must be separated"},
                {dir.resolve("missing.txt"), "training file not found"},
                {Files.createDirectories(dir.resolve("empty-dir")), "is an empty directory"},
        };
        for (Object[] c : cases) {
            Path out = dir.resolve("out.txt");
            CliRun r = CliRun.of("train", "-train", c[0].toString(), "-output", out.toString(), "-iter", "1");
            assertEquals(1, r.exit(), c[0] + ": " + r.err());
            assertOneLine(r, (String) c[1]);
            assertFalse(Files.exists(out), "no output for " + c[0]);
        }
    }

    @Test
    void unwritableOutputIsRefusedBeforeTraining() throws Exception {
        Path corpus = randomCorpus("c.txt", 1000);
        CliRun r = CliRun.of("train", "-train", corpus.toString(), "-output", dir.resolve("no/such/dir/v.txt").toString());
        assertEquals(1, r.exit());
        assertOneLine(r, "does not exist");
        r = CliRun.of("train", "-train", corpus.toString(), "-output", dir.toString());
        assertEquals(1, r.exit());
        assertOneLine(r, "is a directory");
    }

    @Test
    void aPreviousOutputSurvivesAFailedRun() throws Exception {
        Path out = dir.resolve("v.txt");
        Files.writeString(out, "previous vectors\n");
        Path corpus = randomCorpus("c.txt", 20_000);
        CliRun r = CliRun.of("train", "-train", corpus.toString(), "-output", out.toString(), "-alpha", "10",
                "-cbow", "1", "-sample", "0", "-iter", "3", "-threads", "1", "-size", "16");
        assertEquals(1, r.exit(), r.err());
        assertOneLine(r, "training diverged");
        assertEquals("previous vectors\n", Files.readString(out));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void invalidUtf8WordsAreCountedAndNeverWrittenAsInvalidUtf8() throws Exception {
        byte[] bad = {'b', 'a', 'd', (byte) 0xC3, (byte) 0x28};
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            b.append("good word ");
        }
        Path corpus = dir.resolve("c.txt");
        try (OutputStream o = Files.newOutputStream(corpus)) {
            o.write(b.toString().getBytes());
            for (int i = 0; i < 10; i++) {
                o.write(bad);
                o.write(' ');
            }
        }
        Path out = dir.resolve("v.txt");
        CliRun r = CliRun.of("train", "-train", corpus.toString(), "-output", out.toString(), "-size", "8",
                "-iter", "1", "-debug", "1");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("1 words with invalid UTF-8"), r.err());
        byte[] written = Files.readAllBytes(out);
        java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(written)); // throws on invalid UTF-8
    }

    private static void assertOneLine(CliRun r, String expected) {
        String lines = r.errorLines().strip();
        assertEquals(1, lines.lines().count(), "exactly one error line: " + r.err());
        assertTrue(lines.contains(expected), "expected '" + expected + "' in: " + lines);
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    private Path randomCorpus(String name, int words) throws IOException {
        Random r = new Random(5);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            b.append("w").append((int) Math.abs(r.nextGaussian() * 100)).append(r.nextInt(15) == 0 ? '\n' : ' ');
        }
        return Files.writeString(dir.resolve(name), b);
    }
}
