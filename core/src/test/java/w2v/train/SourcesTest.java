package w2v.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import w2v.corpus.Corpus;
import w2v.corpus.CorpusChangedException;
import w2v.model.Model;
import w2v.train.checkpoint.Checkpoint;
import w2v.train.checkpoint.CheckpointFile;
import w2v.train.checkpoint.CorpusStamp;
import w2v.train.config.TrainingConfig;
import w2v.testing.Gzip;
import w2v.vocab.Vocabulary;
import w2v.vocab.VocabularyBuilder;

/**
 * One text as a plain file, as gzip, as multi-member gzip and as several files (plain and gzip) in a directory:
 * the same vocabulary, and with one thread and a seed the same vectors, also across a checkpoint taken inside a
 * gzip file; with several threads every word is still trained once per epoch.
 */
class SourcesTest {

    @TempDir
    Path dir;

    private static final TrainingConfig ONE_THREAD =
            new TrainingConfig(24, 4, 1e-3, false, 3, 1, 2, 2, 0.025f, false, 77, true);

    @Test
    void everyFormHasTheVocabularyOfThePlainFile() throws Exception {
        Map<String, Corpus> forms = forms();
        for (int threads : new int[] {1, 3}) {
            Vocabulary reference = new VocabularyBuilder(threads, 2, 0).build(forms.get("plain"));
            for (Map.Entry<String, Corpus> form : forms.entrySet()) {
                Vocabulary v = new VocabularyBuilder(threads, 2, 0).build(form.getValue());
                String where = form.getKey() + ", " + threads + " threads";
                assertArrayEquals(reference.words(), v.words(), where);
                for (int i = 0; i < v.size(); i++) {
                    assertEquals(reference.count(i), v.count(i), where + ": count of " + v.word(i));
                }
            }
        }
    }

    @Test
    void oneThreadWithASeedTrainsTheSameVectorsFromEveryForm() throws Exception {
        Map<String, Corpus> forms = forms();
        Vocabulary v = new VocabularyBuilder(1, 2, 0).build(forms.get("plain"));
        try (Model reference = new Trainer(ONE_THREAD, forms.get("plain"), v).train()) {
            for (Map.Entry<String, Corpus> form : forms.entrySet()) {
                try (Model m = new Trainer(ONE_THREAD, form.getValue(), v).train()) {
                    assertEquals(-1, CheckpointTest.firstDifference(reference, m), form.getKey());
                }
            }
        }
    }

    @Test
    void aCheckpointInsideAGzipFileResumesBitIdentically() throws Exception {
        Map<String, Corpus> forms = forms();
        for (String name : List.of("members", "directory")) {
            Corpus corpus = forms.get(name);
            Vocabulary v = new VocabularyBuilder(1, 2, 0).build(corpus);
            long perEpoch = v.totalCount();
            try (Model reference = new Trainer(ONE_THREAD, corpus, v).train()) {
                // In the directory, words 25,000-50,000 of each epoch are in its gzip file.
                for (long stopAt : new long[] {perEpoch * 9 / 20, perEpoch + perEpoch / 2}) {
                    Path file = dir.resolve(name + "-" + stopAt + ".ckpt");
                    Trainer first = new Trainer(ONE_THREAD, corpus, v);
                    first.checkpoints(file, null);
                    first.afterPublish(total -> {
                        if (total >= stopAt) {
                            first.requestStop();
                        }
                    });
                    try (Model partial = first.train()) {
                        assertNotEquals(-1, CheckpointTest.firstDifference(reference, partial), "stopped early");
                    }
                    try (Checkpoint ck = CheckpointFile.read(file, s -> { })) {
                        assertEquals(null, ck.settings().mismatch(ONE_THREAD, CorpusStamp.of(corpus)));
                        try (Model resumed = Trainer.resume(ck, corpus).train()) {
                            assertEquals(-1, CheckpointTest.firstDifference(reference, resumed),
                                    name + ", resumed after " + ck.wordsDone() + " words");
                        }
                    }
                }
            }
        }
    }

    @Test
    void severalThreadsTrainEveryWordOncePerEpochAndResumeFromACheckpoint() throws Exception {
        Map<String, Corpus> forms = forms();
        TrainingConfig three = new TrainingConfig(24, 4, 1e-3, false, 3, 3, 2, 2, 0.025f, false, 77, true);
        for (String name : List.of("gzip", "directory")) {
            Corpus corpus = forms.get(name);
            Vocabulary v = new VocabularyBuilder(3, 2, 0).build(corpus);
            Trainer t = new Trainer(three, corpus, v);
            t.train().close();
            assertEquals(2 * v.totalCount(), t.progress().wordsDone(), name + ": every word of both epochs once");

            Path file = dir.resolve(name + "-threads.ckpt");
            Trainer first = new Trainer(three, corpus, v);
            first.checkpoints(file, null);
            first.afterPublish(total -> {
                if (total >= v.totalCount() / 2) {
                    first.requestStop();
                }
            });
            first.train().close();
            try (Checkpoint ck = CheckpointFile.read(file, s -> { })) {
                Trainer resumed = Trainer.resume(ck, corpus);
                resumed.train().close();
                assertEquals(2 * v.totalCount(), resumed.progress().wordsDone(), name + ": resumed to the end");
            }
        }
    }

    @Test
    void aFileOfADirectoryChangedAtAnEpochBoundaryStopsTheRunNamingIt() throws Exception {
        Corpus corpus = forms().get("directory");
        Path victim = corpus.files().get(2).path(); // the gzip file
        Vocabulary v = new VocabularyBuilder(2, 2, 0).build(corpus);
        Trainer t = new Trainer(new TrainingConfig(16, 3, 0, false, 2, 2, 3, 1, 0.025f, false, 1, false), corpus, v);
        t.onEpochEnd((epoch, model) -> {
            try {
                Files.write(victim, Gzip.of("w1 w2\n".getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        CorpusChangedException e = assertThrows(CorpusChangedException.class, () -> t.train().close());
        assertEquals(victim, e.file());
        assertTrue(e.change().startsWith("size "), e.change());
    }

    @Test
    void aCheckpointOfADirectoryRefusesAFileAddedOrChanged() throws Exception {
        Path d = Files.createDirectories(dir.resolve("d"));
        Path a = Files.writeString(d.resolve("a.txt"), "w1 w2 w3\n");
        Files.write(d.resolve("b.gz"), Gzip.of("w4 w5\n".getBytes(StandardCharsets.UTF_8)));
        Checkpoint.Settings then = new Checkpoint.Settings(ONE_THREAD, CorpusStamp.of(Corpus.of(d)));
        assertEquals(null, then.mismatch(ONE_THREAD, CorpusStamp.of(Corpus.of(d))));
        Files.writeString(d.resolve("c.txt"), "w6\n");
        assertEquals("the training files changed since the checkpoint (2 files then, 3 now)",
                then.mismatch(ONE_THREAD, CorpusStamp.of(Corpus.of(d))));
        Files.delete(d.resolve("c.txt"));
        Files.writeString(a, "w1 w2 w3 w4\n");
        assertEquals("the training file " + a + " changed since the checkpoint (9 bytes then, 12 now)",
                then.mismatch(ONE_THREAD, CorpusStamp.of(Corpus.of(d))));
        Files.writeString(a, "w9 w2 w3\n");
        assertEquals("the training file " + a + " changed since the checkpoint (same size, different content)",
                then.mismatch(ONE_THREAD, CorpusStamp.of(Corpus.of(d))));
    }

    /** The same text in each form; the directory has three plain files, a gzip one and an empty one. */
    private Map<String, Corpus> forms() throws IOException {
        String text = text();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Map<String, Corpus> forms = new LinkedHashMap<>();
        forms.put("plain", Corpus.of(Files.write(dir.resolve("corpus.txt"), bytes)));
        forms.put("gzip", Corpus.of(Files.write(dir.resolve("corpus.txt.gz"), Gzip.of(bytes))));
        // Named .txt: gzip is told by its first bytes; members are cut inside words and lines.
        forms.put("members", Corpus.of(Files.write(dir.resolve("members.txt"), Gzip.members(bytes, 7_001))));
        Path parts = Files.createDirectories(dir.resolve("parts"));
        int[] cuts = {0, lineEndAfterWords(text, 10_000), lineEndAfterWords(text, 25_000),
            lineEndAfterWords(text, 50_000), lineEndAfterWords(text, 62_000), text.length()};
        for (int i = 0; i + 1 < cuts.length; i++) {
            byte[] part = text.substring(cuts[i], cuts[i + 1]).getBytes(StandardCharsets.UTF_8);
            if (i == 2) {
                Files.write(parts.resolve("part-" + i + ".gz"), Gzip.of(part));
            } else {
                Files.write(parts.resolve("part-" + i), part);
            }
        }
        Files.createFile(parts.resolve("part-9-empty"));
        Corpus directory = Corpus.of(parts);
        assertEquals(List.of(new Corpus.Warning(parts.resolve("part-9-empty"), "training file is empty; skipped")),
                directory.warnings());
        forms.put("directory", directory);
        return forms;
    }

    private static String text() {
        Random r = new Random(3);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 70_000; i++) {
            b.append("w").append((int) Math.abs(r.nextGaussian() * 200)).append(r.nextInt(12) == 0 ? '\n' : ' ');
        }
        return b.append('\n').toString();
    }

    /** The index after the line end that follows word {@code words}. */
    private static int lineEndAfterWords(String text, int words) {
        int at = 0;
        for (int w = 0; w < words; w++) {
            at = text.indexOf('w', at) + 1;
        }
        return text.indexOf('\n', at) + 1;
    }
}
