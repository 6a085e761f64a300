package w2v.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import w2v.Word2Vec;
import w2v.WordVectors;

/** The library's {@link Word2Vec} trains exactly what {@code w2v train} trains, from a file or from sentences. */
class LibraryTrainingTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-cbow 0 -hs 0 -negative 5", "-cbow 1 -hs 0 -negative 5", "-cbow 0 -hs 1 -negative 0",
            "-cbow 1 -hs 1 -negative 3"})
    void theBuilderWritesTheSameBytesAsTheCommandLine(String mode) throws Exception {
        Path corpus = corpus();
        Path cliOut = dir.resolve("cli.bin");
        List<String> args = new ArrayList<>(List.of("train", "-train", corpus.toString(), "-output",
                cliOut.toString(), "-binary", "1", "-size", "12", "-window", "3", "-iter", "2", "-threads", "1",
                "-min-count", "2", "-seed", "7", "-sample", "1e-3", "-debug", "0"));
        args.addAll(Arrays.asList(mode.split(" ")));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());

        String[] m = mode.split(" ");
        Word2Vec.Builder b = Word2Vec.builder().dimensions(12).window(3).epochs(2).threads(1).minCount(2).seed(7)
                .sample(1e-3).hierarchicalSoftmax(m[3].equals("1")).negative(Integer.parseInt(m[5]));
        if (m[1].equals("0")) {
            b.skipGram();
        } else {
            b.cbow();
        }
        Path libOut = dir.resolve("lib.bin");
        try (WordVectors v = b.build().train(corpus)) {
            v.save(libOut, WordVectors.Format.BINARY);
        }
        assertArrayEquals(Files.readAllBytes(cliOut), Files.readAllBytes(libOut));
    }

    @Test
    void sentencesFromAStreamTrainLikeTheFileTheyMakeUp() throws Exception {
        Path corpus = corpus();
        Word2Vec w2v = Word2Vec.builder().skipGram().dimensions(10).epochs(1).threads(1).minCount(2).build();
        float[] fromFile;
        try (WordVectors v = w2v.train(corpus)) {
            fromFile = v.vector("w3");
        }
        try (var lines = Files.lines(corpus);
             WordVectors v = w2v.train(lines.map(l -> List.of(l.split(" "))))) {
            assertArrayEquals(fromFile, v.vector("w3"));
        }
    }

    @Test
    void reportsProgressAndCanBeStopped() throws Exception {
        Path corpus = corpus();
        AtomicLong reports = new AtomicLong();
        AtomicLong lastDone = new AtomicLong();
        Word2Vec[] self = new Word2Vec[1];
        self[0] = Word2Vec.builder().skipGram().dimensions(10).epochs(50).threads(1).minCount(2)
                .progressEvery(java.time.Duration.ofMillis(5))
                .onProgress(p -> {
                    reports.incrementAndGet();
                    lastDone.set(p.wordsDone());
                    if (p.fraction() > 0.02) {
                        self[0].stop();
                    }
                }).build();
        try (WordVectors v = self[0].train(corpus)) {
            assertTrue(v.size() > 10);
        }
        assertTrue(reports.get() >= 2, "reports: " + reports.get());
        assertTrue(lastDone.get() < 50L * 30_000 / 2, "stopped early, done " + lastDone.get());
    }

    @Test
    void badSettingsGetTheCommandLinesMessage() {
        var e = assertThrows(IllegalArgumentException.class, () -> Word2Vec.builder().dimensions(0).build());
        assertEquals("-size must be between 1 and 10000 (got 0)", e.getMessage());
        var w = assertThrows(IllegalArgumentException.class, () -> Word2Vec.builder().skipGram().build()
                .train(List.of(List.of("a b"))));
        assertTrue(w.getMessage().contains("contains whitespace"), w.getMessage());
    }

    @Test
    void neverWritesOverItsInputsAndReportsBadCorporaAsTrainingExceptions() throws Exception {
        Path corpus = corpus();
        byte[] before = Files.readAllBytes(corpus);
        var refused = assertThrows(java.io.IOException.class, () -> Word2Vec.builder().saveVocabulary(corpus)
                .build().train(corpus));
        assertTrue(refused.getMessage().contains("is the same file as"), refused.getMessage());
        try (WordVectors v = Word2Vec.builder().skipGram().dimensions(8).epochs(1).threads(1).minCount(2).build()
                .train(corpus)) {
            var e = assertThrows(java.io.IOException.class, () -> v.save(corpus, WordVectors.Format.TEXT));
            assertTrue(e.getMessage().contains("is the same file as the training input"), e.getMessage());
        }
        assertArrayEquals(before, Files.readAllBytes(corpus));

        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        var t = assertThrows(w2v.TrainingException.class, () -> Word2Vec.builder().build().train(empty));
        assertTrue(t.getMessage().endsWith("training file is empty"), t.getMessage());
    }

    @Test
    void aRunStoppedWithACheckpointResumesToTheSameVectors() throws Exception {
        Path corpus = corpus();
        Word2Vec.Builder settings = Word2Vec.builder().skipGram().dimensions(10).epochs(3).threads(1).minCount(2)
                .seed(5);
        Path whole = dir.resolve("whole.bin");
        try (WordVectors v = settings.build().train(corpus)) {
            v.save(whole, WordVectors.Format.BINARY);
        }
        Path checkpoint = dir.resolve("run.ckpt");
        Word2Vec[] first = new Word2Vec[1];
        first[0] = Word2Vec.builder().skipGram().dimensions(10).epochs(3).threads(1).minCount(2).seed(5)
                .checkpoint(checkpoint, null).progressEvery(java.time.Duration.ofMillis(1))
                .onProgress(p -> {
                    if (p.fraction() > 0.3) {
                        first[0].stop();
                    }
                }).build();
        try (WordVectors partial = first[0].train(corpus)) {
            assertTrue(Files.size(checkpoint) > 0);
        }
        List<Integer> epochs = new ArrayList<>();
        Path resumed = dir.resolve("resumed.bin");
        try (WordVectors v = settings.resumeFrom(checkpoint).onEpochEnd((e, vectors) -> epochs.add(e)).build()
                .train(corpus)) {
            v.save(resumed, WordVectors.Format.BINARY);
        }
        assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(resumed));
        assertTrue(!epochs.isEmpty() && epochs.getLast() == 2, "epochs reported: " + epochs);
    }

    @Test
    void theQualityOptionsAndTheLossAreThereInTheLibraryToo() throws Exception {
        Path corpus = corpus();
        Path cliOut = dir.resolve("cli.bin");
        CliRun r = CliRun.of("train", "-train", corpus.toString(), "-output", cliOut.toString(), "-binary", "1",
                "-size", "12", "-window", "3", "-iter", "3", "-threads", "1", "-min-count", "2", "-seed", "7",
                "-cbow", "1", "-min-alpha", "0.3", "-preset", "accurate", "-cbow-mean", "0", "-alpha", "0.04", "-min-alpha", "0.02",
                "-debug", "0");
        assertEquals(0, r.exit(), r.err());
        List<Word2Vec.Progress> reports = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Integer> lossesAtEpochEnds = new ArrayList<>();
        Word2Vec[] self = new Word2Vec[1];
        self[0] = Word2Vec.builder().cbow().dimensions(12).window(3).epochs(3).threads(1).minCount(2).seed(7)
                .minAlpha(0.3f).preset(w2v.train.config.Preset.ACCURATE).cbowMean(false).alpha(0.04f).minAlpha(0.02f)
                .onProgress(reports::add)
                .onEpochEnd((e, vectors) -> lossesAtEpochEnds.add(self[0].epochLosses().length)).build();
        Path libOut = dir.resolve("lib.bin");
        try (WordVectors v = self[0].train(corpus)) {
            v.save(libOut, WordVectors.Format.BINARY);
        }
        assertArrayEquals(Files.readAllBytes(cliOut), Files.readAllBytes(libOut));
        assertEquals(List.of(1, 2), lossesAtEpochEnds, "each epoch's loss is there when it ends");
        Word2Vec.Progress last = reports.get(reports.size() - 1);
        assertEquals(3, last.epochLosses().size(), last.toString());
        assertTrue(last.epochLosses().stream().allMatch(l -> l > 0 && l < 20), last.toString());
        assertTrue(last.loss() > 0, "the last interval's loss: " + last);
        assertEquals(3, self[0].epochLosses().length);
        assertEquals(0.02f, last.alpha(), 0f, "the rate at the last word is -min-alpha");
    }

    @Test
    void anEpochListenerDoesNotChangeTheVectors() throws Exception {
        Path corpus = corpus();
        float[] plain;
        try (WordVectors v = Word2Vec.builder().skipGram().dimensions(10).epochs(3).threads(1).minCount(2).seed(5)
                .build().train(corpus)) {
            plain = v.vector("w3");
        }
        List<Integer> epochs = new ArrayList<>();
        try (WordVectors v = Word2Vec.builder().skipGram().dimensions(10).epochs(3).threads(1).minCount(2).seed(5)
                .onEpochEnd((e, vectors) -> epochs.add(e)).build().train(corpus)) {
            assertArrayEquals(plain, v.vector("w3"));
        }
        assertEquals(List.of(1, 2), epochs);
    }

    @Test
    void evaluatesAndClustersLoadedVectorsAsGensimAndWord2vecCDo() throws Exception {
        Path royals = CommandTestSupport.royals(dir);
        Path questions = Files.writeString(dir.resolve("q.txt"), """
                : family
                man woman king queen
                boy girl prince princess
                man woman unicorn mare
                : gram1-royal
                king queen prince princess
                """);
        Path pairs = Files.writeString(dir.resolve("pairs.tsv"), "king\tqueen\t7\nking\tapple\t1\n"
                + "queen\tprincess\t8\napple\tpear\tnan\n");
        try (WordVectors v = WordVectors.load(royals)) {
            w2v.AnalogyScore a = v.evaluateWordAnalogies(questions, 300_000);
            // Unit vectors, as gensim: woman - man + king lands nearer crown (0.977) than queen (0.971).
            assertEquals(new w2v.AnalogyScore(2.0 / 3, 2, 3, 4, 0.5, 1.0), a);
            w2v.SimilarityScore s = v.evaluateWordPairs(pairs);
            assertEquals(3, s.pairs());
            assertEquals(1, s.invalidScores());
            assertEquals(1.0, s.spearman(), 1e-12, "cosines 7/9 > 5/9 > 0 rank the pairs as the scores do");
            int[] classes = v.classes(2);
            assertEquals(v.size(), classes.length);
            assertEquals(classes[v.words().indexOf("apple")], classes[v.words().indexOf("pear")]);
            assertThrows(IllegalArgumentException.class, () -> v.classes(0));
        }
    }

    @Test
    void severalFilesAndDirectoriesTrainLikeTheirConcatenationAndEmptyOnesAreReported() throws Exception {
        Path corpus = corpus();
        String text = Files.readString(corpus);
        int cut = text.indexOf('\n', text.length() / 2) + 1;
        Path parts = Files.createDirectories(dir.resolve("parts"));
        Path first = Files.writeString(parts.resolve("a.txt"), text.substring(0, cut));
        Path empty = Files.createFile(parts.resolve("b.txt"));
        Path second = dir.resolve("c.gz");
        try (var gz = new java.util.zip.GZIPOutputStream(Files.newOutputStream(second))) {
            gz.write(text.substring(cut).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        List<String> warnings = new ArrayList<>();
        Word2Vec w2v = Word2Vec.builder().skipGram().dimensions(10).epochs(1).threads(1).minCount(2)
                .onWarning(warnings::add).build();
        Path whole = dir.resolve("whole.txt");
        Path split = dir.resolve("split.txt");
        try (WordVectors v = w2v.train(corpus)) {
            v.save(whole, WordVectors.Format.TEXT);
        }
        try (WordVectors v = w2v.train(List.of(parts, second))) {
            v.save(split, WordVectors.Format.TEXT);
            assertThrows(java.io.IOException.class, () -> v.save(first, WordVectors.Format.TEXT),
                    "a file of a training directory is an input");
        }
        assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(split));
        assertEquals(List.of(empty + ": training file is empty; skipped"), warnings);
    }

    private Path corpus() throws Exception {
        Random r = new Random(3);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 30_000; i++) {
            b.append('w').append((int) Math.abs(r.nextGaussian() * 60)).append(r.nextInt(12) == 0 ? '\n' : ' ');
        }
        b.append('\n');
        return Files.writeString(dir.resolve("corpus.txt"), b);
    }
}
