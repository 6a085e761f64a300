package w2v.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -train} given gzip files, several files and directories: the vectors of the concatenated text, and one
 * line naming the file (exit 1, earlier outputs untouched) for what cannot be trained on.
 */
class TrainSourcesTest {

    private static final String PREVIOUS = "previous vectors\n";

    @TempDir
    Path dir;

    @Test
    void gzipFilesSeveralFilesAndADirectoryTrainTheVectorsOfTheConcatenatedText() throws Exception {
        String text = text(30_000);
        int cut = text.indexOf('\n', text.length() / 3) + 1, cut2 = text.indexOf('\n', 2 * text.length() / 3) + 1;
        Path plain = Files.writeString(dir.resolve("all.txt"), text);
        Path gz = Files.write(dir.resolve("all.txt.gz"), gzip(text));
        Path parts = Files.createDirectories(dir.resolve("parts"));
        Path first = Files.writeString(parts.resolve("1.txt"), text.substring(0, cut));
        Files.write(parts.resolve("2.gz"), gzip(text.substring(cut, cut2)));
        Files.writeString(parts.resolve("3.txt"), text.substring(cut2));
        Path second = Files.write(dir.resolve("second.gz"), gzip(text.substring(cut)));

        byte[] reference = train(List.of(plain), "ref");
        assertArrayEquals(reference, train(List.of(gz), "gz"), "from its gzip");
        assertArrayEquals(reference, train(List.of(parts), "dir"), "from a directory of plain and gzip parts");
        assertArrayEquals(reference, train(List.of(first, second), "two"), "from two -train files");
        assertArrayEquals(Files.readAllBytes(dir.resolve("ref.vocab")), Files.readAllBytes(dir.resolve("dir.vocab")),
                "-save-vocab");
    }

    @Test
    void anEmptyFileAmongSeveralIsSkippedWithAWarning() throws Exception {
        Path a = Files.writeString(dir.resolve("a.txt"), text(3_000));
        Path empty = Files.createFile(dir.resolve("empty.txt"));
        CliRun r = CliRun.of("train", "-train", a.toString(), "-train", empty.toString(), "-output",
                dir.resolve("v.txt").toString(), "-size", "8", "-iter", "1", "-min-count", "1", "-threads", "2");
        assertEquals(0, r.exit(), r.err());
        assertEquals("w2v train: warning: -train " + empty + ": training file is empty; skipped\n", r.errorLines());
    }

    @Test
    void damagedGzipFilesAreRefusedWithTheCompressedOffsetAndNothingIsWritten() throws Exception {
        byte[] gz = gzip(text(60_000)); // ~400 KB of text: damage past the first 64 KB is met while counting
        Path truncated = Files.write(dir.resolve("truncated.gz"), Arrays.copyOf(gz, gz.length / 2));
        CliRun r = train(truncated);
        assertRefused(r, "w2v train: -train " + truncated + ": truncated gzip file: the compressed data ends at byte "
                + String.format("%,d", gz.length / 2) + ", inside member 1, after ", " bytes of text (an incomplete "
                + "download or copy?)");
        byte[] bad = gz.clone();
        bad[bad.length - 3] ^= 0x10; // the length in the trailer
        Path damaged = Files.write(dir.resolve("damaged.gz"), bad);
        assertRefused(train(damaged), "w2v train: -train " + damaged + ": corrupt gzip data: member 1 (compressed "
                + "bytes 0 to " + String.format("%,d", gz.length) + ") holds ", " bytes of text, its trailer says ");
    }

    @Test
    void directoriesWithoutTextAreRefusedNamingTheFile() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertRefused(train(empty), "w2v train: -train " + empty + ": is an empty directory", "");
        Path d = Files.createDirectories(dir.resolve("d"));
        Files.writeString(d.resolve("a.txt"), text(1_000));
        Path xz = Files.write(d.resolve("b.xz"), new byte[] {(byte) 0xFD, '7', 'z', 'X', 'Z', 0, 0, 4});
        assertRefused(train(d), "w2v train: -train " + xz + ": is xz-compressed; decompress it first (unxz -k)", "");
        Files.delete(xz);
        Path bin = Files.write(d.resolve("c.bin"), new byte[] {1, 0, 2, 0});
        assertRefused(train(d), "w2v train: -train " + bin + ": contains NUL bytes: this looks like a binary file, "
                + "not text", "");
        Files.delete(bin);
        Path loop = Files.createSymbolicLink(d.resolve("d.loop"), d.resolve("d.loop"));
        assertRefused(train(d), "w2v train: -train " + loop + ": cannot read (Too many levels of symbolic links or "
                + "unable to access attributes of symbolic link)", "");
    }

    @Test
    void anUnreadableFileInADirectoryIsNamed() throws Exception {
        assumeFalse(CorpusOwner.isRoot(dir), "root reads files whatever their permissions; the symbolic link loop "
                + "of directoriesWithoutTextAreRefusedNamingTheFile stands in for an unreadable file there");
        Path d = Files.createDirectories(dir.resolve("d"));
        Path f = Files.writeString(d.resolve("a.txt"), text(1_000));
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("-w-------"));
        assertRefused(train(d), "w2v train: -train " + f + ": permission denied", "");
    }

    @Test
    void anOutputThatIsAFileOfATrainingDirectoryIsRefused() throws Exception {
        Path d = Files.createDirectories(dir.resolve("d"));
        Path f = Files.writeString(d.resolve("a.txt"), text(1_000));
        CliRun r = CliRun.of("train", "-train", d.toString(), "-output", f.toString());
        assertEquals(1, r.exit(), r.err());
        assertEquals("w2v train: -output " + f + " is the same file as -train " + f + "; refusing to overwrite an "
                + "input\n", r.errorLines());
    }

    @Test
    void severalNamesAfterOneTrainFlagSayHowToGiveThem() throws Exception {
        Path a = Files.writeString(dir.resolve("a.txt"), "x\n");
        Path b = Files.writeString(dir.resolve("b.txt"), "y\n");
        CliRun r = CliRun.of("train", "-train", a.toString(), b.toString(), "-output", dir.resolve("v").toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals("w2v train: No argument is allowed: " + b + "; give each file its own -train, or -train the "
                + "directory; run 'w2v train --help' for the flags\n", r.errorLines());
    }

    /** Trains with one thread and a seed; returns the text vectors, and leaves NAME.vocab. */
    private byte[] train(List<Path> sources, String name) throws IOException {
        List<String> args = new ArrayList<>(List.of("train"));
        for (Path s : sources) {
            args.addAll(List.of("-train", s.toString()));
        }
        Path out = dir.resolve(name + ".txt");
        args.addAll(List.of("-output", out.toString(), "-save-vocab", dir.resolve(name + ".vocab").toString(),
                "-size", "12", "-iter", "2", "-min-count", "2", "-threads", "1", "-seed", "7", "-debug", "0"));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        return Files.readAllBytes(out);
    }

    /** Trains on {@code source} with -save-vocab and -output files that exist already. */
    private CliRun train(Path source) throws IOException {
        Files.writeString(dir.resolve("out.txt"), PREVIOUS);
        Files.writeString(dir.resolve("out.vocab"), PREVIOUS);
        return CliRun.of("train", "-train", source.toString(), "-output", dir.resolve("out.txt").toString(),
                "-save-vocab", dir.resolve("out.vocab").toString(), "-size", "8", "-threads", "2", "-min-count", "1");
    }

    /** One line that starts and ends as given, exit 1, no stack trace, the earlier outputs untouched. */
    private void assertRefused(CliRun r, String start, String end) throws IOException {
        assertEquals(1, r.exit(), r.err());
        String line = r.errorLines();
        assertEquals(1, line.lines().count(), r.err());
        assertEquals(true, line.startsWith(start) && line.strip().contains(end) && line.endsWith("\n"), line);
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertEquals(PREVIOUS, Files.readString(dir.resolve("out.txt")), "-output untouched");
        assertEquals(PREVIOUS, Files.readString(dir.resolve("out.vocab")), "-save-vocab untouched");
    }

    private static String text(int words) {
        Random r = new Random(5);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            b.append("w").append((int) Math.abs(r.nextGaussian() * 100)).append(r.nextInt(15) == 0 ? '\n' : ' ');
        }
        return b.append('\n').toString();
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** Whether tests run as root, who reads any file. */
    private static final class CorpusOwner {
        static boolean isRoot(Path dir) throws IOException {
            return "root".equals(Files.getOwner(Files.createTempFile(dir, "owner", "")).getName());
        }
    }
}
