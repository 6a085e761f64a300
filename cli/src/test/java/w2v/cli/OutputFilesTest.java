package w2v.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static w2v.cli.CommandTestSupport.input;
import static w2v.cli.CommandTestSupport.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import w2v.corpus.CorpusFile;
import w2v.model.Model;
import w2v.train.Trainer;
import w2v.train.config.TrainingConfig;
import w2v.vocab.Vocabulary;
import w2v.vocab.VocabularyBuilder;

/**
 * Every command that writes refuses, before any work, an output that would destroy one of its inputs or another
 * of its outputs, and writes through links, into devices and to standard output as a user expects.
 */
class OutputFilesTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "-output {0} of the corpus")
    @ValueSource(strings = {"the name", "a symbolic link", "a hard link"})
    void anOutputThatIsTheTrainingFileIsRefusedBeforeTheVocabularyPass(String how) throws Exception {
        Path corpus = corpus();
        byte[] before = Files.readAllBytes(corpus);
        Path out = switch (how) {
            case "the name" -> corpus;
            case "a symbolic link" -> Files.createSymbolicLink(dir.resolve("link.txt"), corpus.getFileName());
            default -> Files.createLink(dir.resolve("hard.txt"), corpus);
        };
        CliRun r = CliRun.of("train", "-train", corpus.toString(), "-output", out.toString(), "-debug", "1");
        assertRefusedBeforeWork(r, "w2v train: -output " + out + " is the same file as -train " + corpus
                + "; refusing to overwrite an input");
        assertArrayEquals(before, Files.readAllBytes(corpus));
        assertEquals(!how.equals("a symbolic link"), !Files.isSymbolicLink(out), "a link stays a link");
    }

    /** Each output flag against each input flag it could destroy; the other flags a run needs are added. */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "-save-vocab, -train",
            "-checkpoint, -train",
            "-output, -read-vocab",
            "-save-vocab, -read-vocab",
            "-output, -eval",
            "-checkpoint, -eval",
            "-output, -resume",
            "-save-vocab, -resume",
    })
    void anOutputThatIsAnInputIsRefusedBeforeTheVocabularyPass(String output, String input) throws Exception {
        Path corpus = corpus();
        Path shared = input.equals("-train") ? corpus : Files.writeString(dir.resolve("input.txt"), switch (input) {
            case "-read-vocab" -> "</s> 0\nw1 50\nw2 40\n";
            case "-eval" -> ": capital\nw1 w2 w3 w4\n";
            default -> "W2VCKPT\nnot really a checkpoint, never read: the policy refuses first\n";
        });
        byte[] before = Files.readAllBytes(shared);
        List<String> args = new ArrayList<>(List.of("train", "-train", corpus.toString(), "-debug", "1"));
        if (!input.equals("-train")) {
            args.addAll(List.of(input, shared.toString()));
        }
        args.addAll(List.of(output, shared.toString()));
        if (!output.equals("-output")) {
            args.addAll(List.of("-output", dir.resolve("vectors.txt").toString()));
        }
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertRefusedBeforeWork(r, "w2v train: " + output + " " + shared + " is the same file as " + input + " "
                + shared + "; refusing to overwrite an input");
        assertArrayEquals(before, Files.readAllBytes(shared));
        assertFalse(Files.exists(dir.resolve("vectors.txt")));
    }

    @ParameterizedTest(name = "{1} = {0}")
    @CsvSource({
            "-output, -save-vocab",
            "-output, -checkpoint",
            "-save-vocab, -checkpoint",
    })
    void twoOutputsThatAreOneFileAreRefused(String first, String second) throws Exception {
        Path corpus = corpus();
        Path out = Files.writeString(dir.resolve("previous.txt"), "previous\n");
        List<String> args = new ArrayList<>(List.of("train", "-train", corpus.toString(), "-debug", "1",
                first, out.toString(), second, out.toString()));
        if (!first.equals("-output")) {
            args.addAll(List.of("-output", dir.resolve("vectors.txt").toString()));
        }
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertRefusedBeforeWork(r, "w2v train: " + second + " " + out + " is the same file as " + first + " " + out
                + "; each output needs a file of its own");
        assertEquals("previous\n", Files.readString(out));
    }

    @Test
    void aCheckpointLinkToTheOutputNotYetWrittenIsRefused() throws Exception {
        Path corpus = corpus();
        Path out = dir.resolve("vectors.txt");
        Path link = Files.createSymbolicLink(dir.resolve("run.ckpt"), out.getFileName());
        CliRun r = CliRun.of("train", "-train", corpus.toString(), "-output", out.toString(), "-checkpoint",
                link.toString(), "-debug", "1");
        assertRefusedBeforeWork(r, "w2v train: -checkpoint " + link + " is the same file as -output " + out
                + "; each output needs a file of its own");
        assertFalse(Files.exists(out));
    }

    @Test
    void theCheckpointARunResumesFromMayBeItsCheckpointFileAgain() throws Exception {
        Path corpus = corpus();
        Path ck = dir.resolve("run.ckpt");
        // What "-size 8 -iter 3 -threads 1 -min-count 1" means, stopped after its first epoch.
        TrainingConfig config = new TrainingConfig(8, 5, 1e-3, false, 5, 1, 3, 1, 0.05f, true, 1, false).validate();
        CorpusFile file = CorpusFile.of(corpus);
        Vocabulary vocab = new VocabularyBuilder(1, 1, 0).build(file);
        Trainer first = new Trainer(config, file, vocab);
        first.checkpoints(ck, null);
        first.onEpochEnd((epoch, model) -> first.requestStop());
        try (Model partial = first.train()) {
            assertTrue(Files.size(ck) > 0, "stopped early: a checkpoint");
        }
        Path out = dir.resolve("vectors.txt");
        CliRun r = CliRun.of("train", "-train", corpus.toString(), "-output", out.toString(), "-size", "8", "-iter",
                "3", "-threads", "1", "-min-count", "1", "-debug", "1", "-checkpoint", ck.toString(), "-resume",
                ck.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("Resuming from " + ck), r.err());
        assertTrue(Files.readString(out).startsWith(vocab.size() + " 8\n"));
    }

    @Test
    void aTrailingSlashAnEmptyNameAndADirectoryAreRefusedByFlag() throws Exception {
        Path corpus = corpus();
        Path prev = Files.writeString(dir.resolve("prev.out"), "previous\n");
        Path sub = Files.createDirectory(dir.resolve("sub"));
        Path linkToSub = Files.createSymbolicLink(dir.resolve("sub-link"), sub.getFileName());
        String[][] cases = {
                {"-output", prev + "/", prev + "/: a file name cannot end with '/'"},
                {"-output", "", "'': the file name is empty"},
                {"-save-vocab", sub.toString(), sub + ": it is a directory"},
                {"-checkpoint", linkToSub.toString(), linkToSub + ": it is a directory"},
                {"-output", prev + "/v.txt", prev + "/v.txt: " + prev + " is not a directory"},
                {"-save-vocab", dir + "/missing/v.txt", dir + "/missing/v.txt: directory " + dir
                        + "/missing does not exist"},
        };
        for (String[] c : cases) {
            List<String> args = new ArrayList<>(List.of("train", "-train", corpus.toString(), "-debug", "1",
                    c[0], c[1]));
            if (!c[0].equals("-output")) {
                args.addAll(List.of("-output", dir.resolve("vectors.txt").toString()));
            }
            assertRefusedBeforeWork(CliRun.of(args.toArray(String[]::new)), "w2v train: " + c[0] + " " + c[2]);
        }
        assertEquals("previous\n", Files.readString(prev));
        assertEquals(List.of(), filesIn(sub));
        assertOnlyFiles(corpus, prev, sub, linkToSub);
    }

    @Test
    void mapRefusesToDrawOverItsVectorFile() throws Exception {
        Path vectors = CommandTestSupport.royals(dir);
        byte[] before = Files.readAllBytes(vectors);
        CountingLoader loader = new CountingLoader();
        var r = run(new MapCommand(loader, input("")), vectors.toString(), "king", "-o", vectors.toString());
        assertEquals(1, r.status(), r.err());
        assertEquals(List.of("w2v map: -o " + vectors + " is the same file as the vector file " + vectors
                + "; refusing to overwrite an input"), r.errLines());
        assertArrayEquals(before, Files.readAllBytes(vectors));
        assertEquals(0, loader.loads.get(), "refused before loading");
    }

    @Test
    void classesRefusesToWriteOverItsVectorFileThroughALink() throws Exception {
        Path vectors = CommandTestSupport.royals(dir);
        byte[] before = Files.readAllBytes(vectors);
        Path link = Files.createSymbolicLink(dir.resolve("classes.txt"), vectors.getFileName());
        CountingLoader loader = new CountingLoader();
        var r = run(new ClassesCommand(loader, input("")), vectors.toString(), "3", "-o", link.toString());
        assertEquals(1, r.status(), r.err());
        assertEquals(List.of("w2v classes: -o " + link + " is the same file as the vector file " + vectors
                + "; refusing to overwrite an input"), r.errLines());
        assertArrayEquals(before, Files.readAllBytes(vectors));
        assertEquals(0, loader.loads.get(), "refused before loading");
    }

    @Test
    void mapRefusesADirectoryBeforeLoadingOrDrawing() throws Exception {
        Path vectors = CommandTestSupport.royals(dir);
        Path sub = Files.createDirectory(dir.resolve("maps"));
        for (String out : List.of(sub.toString(), sub + "/")) {
            CountingLoader loader = new CountingLoader();
            var r = run(new MapCommand(loader, input("")), vectors.toString(), "king", "-o", out);
            assertEquals(1, r.status(), r.err());
            assertEquals(List.of("w2v map: -o " + out + (out.endsWith("/")
                    ? ": a file name cannot end with '/'" : ": it is a directory")), r.errLines());
            assertEquals(0, loader.loads.get(), "refused before loading");
            assertEquals(List.of(), filesIn(sub), "nothing drawn into the directory");
        }
    }

    @Test
    void classesWriteThroughALinkKeepingTheLinkAndTheTargetsMode() throws Exception {
        Path vectors = CommandTestSupport.royals(dir);
        Path keep = Files.createDirectory(dir.resolve("keep"));
        Path target = Files.writeString(keep.resolve("classes.txt"), "old classes\n");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
        Path link = Files.createSymbolicLink(dir.resolve("classes"), Path.of("keep/classes.txt"));
        var r = run(new ClassesCommand(CommandTestSupport::readText, input("")), vectors.toString(), "3", "-o",
                link.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertEquals(Path.of("keep/classes.txt"), Files.readSymbolicLink(link));
        assertEquals(13, Files.readAllLines(target).size());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertEquals(List.of(target), filesIn(keep), "no temporary file beside the target");
    }

    @Test
    void trainWritesIntoAFifoInPlace() throws Exception {
        Path corpus = corpus();
        Path fifo = dir.resolve("vectors.fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor(), "mkfifo");
        var read = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        CliRun r = CliRun.of("train", "-train", corpus.toString(), "-output", fifo.toString(), "-size", "4", "-iter",
                "1", "-threads", "1", "-debug", "0");
        assertEquals(0, r.exit(), r.err());
        String vectors = read.get(60, TimeUnit.SECONDS);
        assertTrue(vectors.matches("(?s)\\d+ 4\n</s> .*"), vectors.substring(0, Math.min(80, vectors.length())));
        assertTrue(Files.readAttributes(fifo, java.nio.file.attribute.BasicFileAttributes.class,
                java.nio.file.LinkOption.NOFOLLOW_LINKS).isOther(), "still a FIFO");
        assertOnlyFiles(corpus, fifo);
    }

    @Test
    void mapDrawsIntoAPrivateNullDeviceWhichStaysADevice() throws Exception {
        assumeTrue(isRoot(), "mknod needs root (CI runs as root); trainWritesIntoAFifoInPlace "
                + "covers writing in place");
        Path vectors = CommandTestSupport.royals(dir);
        Path nul = dir.resolve("null");
        assertEquals(0, new ProcessBuilder("mknod", nul.toString(), "c", "1", "3").start().waitFor(), "mknod");
        var r = run(new MapCommand(CommandTestSupport::readText, input("")), vectors.toString(), "king", "-o",
                nul.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(0020000, (Integer) Files.getAttribute(nul, "unix:mode", java.nio.file.LinkOption.NOFOLLOW_LINKS)
                & 0170000, "still a character device");
        assertOnlyFiles(vectors, nul);
    }

    @Test
    void standardOutputByDescriptorIsWrittenWhereTheShellSentIt() throws Exception {
        // In a JVM of its own: this one's standard output is the test runner's.
        Path vectors = CommandTestSupport.royals(dir);
        Path captured = Files.writeString(dir.resolve("captured.txt"), "before\n");
        for (String out : List.of("/dev/fd/1", "/proc/self/fd/1")) {
            List<String> cmd = ChildJvm.command(List.of());
            cmd.addAll(List.of("classes", vectors.toString(), "3", "-o", out));
            Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.appendTo(captured.toFile()))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), out);
        }
        List<String> lines = Files.readAllLines(captured);
        assertEquals("before", lines.get(0), "appended (>>): what was there stays");
        assertEquals(2 * 14 + 1, lines.size(), String.join("\n", lines));
        assertEquals("man 0", lines.get(1).replaceAll(" \\d+$", " 0"));
        assertTrue(lines.get(14).startsWith("wrote 3 classes of 13 words to /dev/fd/1"), lines.get(14));
        assertTrue(lines.get(28).startsWith("wrote 3 classes of 13 words to /proc/self/fd/1"), lines.get(28));
        assertOnlyFiles(vectors, captured);

        // Through a pipe.
        List<String> cmd = ChildJvm.command(List.of());
        cmd.addAll(List.of("classes", vectors.toString(), "3", "-o", "/dev/fd/1"));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String piped = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        assertEquals(14, piped.lines().count(), piped);
    }

    private static boolean isRoot() throws IOException {
        return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0;
    }

    private static void assertRefusedBeforeWork(CliRun r, String line) {
        assertEquals(1, r.exit(), r.err());
        assertEquals(line + "\n", r.errorLines(), r.err());
        assertFalse(r.err().contains("Vocabulary"), "refused before the vocabulary pass: " + r.err());
    }

    private void assertOnlyFiles(Path... expected) throws IOException {
        assertEquals(Stream.of(expected).sorted().toList(), filesIn(dir), "nothing else written");
    }

    private static List<Path> filesIn(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.sorted().toList();
        }
    }

    /** 2,000 words of 40 kinds: enough for a vocabulary at the default -min-count. */
    private Path corpus() throws IOException {
        Random rnd = new Random(3);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            b.append('w').append(rnd.nextInt(40)).append(i % 20 == 19 ? '\n' : ' ');
        }
        return Files.writeString(dir.resolve("corpus.txt"), b);
    }

    /** The test-only reader, counting how often a command loaded its vector file. */
    private static final class CountingLoader implements VectorLoader {
        final AtomicInteger loads = new AtomicInteger();

        @Override
        public w2v.model.WordVectors load(Path file, w2v.io.ReadOptions options) throws IOException {
            loads.incrementAndGet();
            return CommandTestSupport.readText(file, options.limit());
        }
    }
}
