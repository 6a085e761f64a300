package w2v.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import w2v.testing.Gzip;
import w2v.testing.SpecialFiles;

/** What -train accepts besides one plain file: several files, directories, gzip; and what it refuses, by name. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a FIFO opened by mistake blocks
class CorpusTest {

    @TempDir
    Path dir;

    @Test
    void aDirectoryIsItsFilesInTheByteOrderOfTheirNamesWithoutSubdirectories() throws IOException {
        Path d = Files.createDirectories(dir.resolve("shards"));
        for (String name : List.of("b.txt", "ä.txt", "a.txt", "B.txt", "a b.txt", "10", "9")) {
            Files.writeString(d.resolve(name), "w " + name + "\n");
        }
        Files.createDirectories(d.resolve("sub"));
        Files.writeString(d.resolve("sub/ignored.txt"), "not read\n");
        Corpus c = Corpus.of(d);
        assertEquals(List.of("10", "9", "B.txt", "a b.txt", "a.txt", "b.txt", "ä.txt"),
                c.files().stream().map(f -> f.path().getFileName().toString()).toList());
        assertEquals(List.of(new Corpus.Warning(d, "1 subdirectory not read (only the files directly in a directory "
                + "are)")), c.warnings());
        assertEquals(d.toString(), c.name());
    }

    @Test
    void severalSourcesAreReadInTheOrderGivenAndEmptyFilesAmongThemSkippedWithAWarning() throws IOException {
        Path a = Files.writeString(dir.resolve("z.txt"), "one\n");
        Path empty = Files.createFile(dir.resolve("empty.txt"));
        Path emptyGz = Files.write(dir.resolve("empty.gz"), Gzip.of(new byte[0]));
        Path b = Files.write(dir.resolve("a.gz"), Gzip.of("two\n".getBytes()));
        Corpus c = Corpus.of(List.of(a, empty, emptyGz, b));
        assertEquals(List.of(a, b), c.files().stream().map(CorpusFile::path).toList());
        assertEquals(List.of(new Corpus.Warning(empty, "training file is empty; skipped"),
                new Corpus.Warning(emptyGz, "is a gzip file that decompresses to nothing; skipped")), c.warnings());
        assertEquals(a + " and 3 other sources", c.name());

        assertEquals(empty + ": training file is empty", refused(empty));
        assertEquals(emptyGz + ": is a gzip file that decompresses to nothing", refused(emptyGz));
        assertEquals(empty + " and 1 other source: all 2 files are empty",
                assertThrows(CorpusException.class, () -> Corpus.of(List.of(empty, emptyGz))).getMessage());
    }

    @Test
    void directoriesWithNothingToTrainOnAreRefused() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertEquals(empty + ": is an empty directory", refused(empty));
        Path onlySubs = Files.createDirectories(dir.resolve("subs"));
        Files.createDirectories(onlySubs.resolve("a"));
        Files.createDirectories(onlySubs.resolve("b"));
        assertEquals(onlySubs + ": holds no files, only 2 subdirectories, and -train reads the files directly in a "
                + "directory, not those below", refused(onlySubs));
        Path emptyFiles = Files.createDirectories(dir.resolve("empties"));
        Files.createFile(emptyFiles.resolve("x"));
        Files.createFile(emptyFiles.resolve("y"));
        assertEquals(emptyFiles + ": all 2 files are empty", refused(emptyFiles));
    }

    @Test
    void aFileThatIsNotTextIsNamedInsideItsDirectory() throws Exception {
        Path d = Files.createDirectories(dir.resolve("mixed"));
        Files.writeString(d.resolve("a.txt"), "fine text\n");
        Path bin = Files.write(d.resolve("b.bin"), new byte[] {1, 2, 0, 0, 5, 6, 0, 7});
        assertEquals(bin + ": contains NUL bytes: this looks like a binary file, not text", refused(d));
        Files.delete(bin);
        Path bz2 = Files.write(d.resolve("c.bz2"), "BZh91AY&SY".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(bz2 + ": is bzip2-compressed; decompress it first (bunzip2 -k)", refused(d));
        Files.delete(bz2);
        Path zip = Files.write(d.resolve("d.zip"), zip());
        assertEquals(zip + ": is a zip archive; extract the text first", refused(d));
        Files.delete(zip);
        Path fifo = SpecialFiles.fifo(d, "e.fifo");
        assertEquals(fifo + ": is a FIFO (named pipe); " + CorpusFile.NEEDS_REGULAR, refused(d));
        Files.delete(fifo);
        Path loop = Files.createSymbolicLink(d.resolve("f.loop"), d.resolve("f.loop"));
        assertEquals(loop + ": cannot read (Too many levels of symbolic links or unable to access attributes of "
                + "symbolic link)", refused(d));
        Files.delete(loop);
        Path dangling = Files.createSymbolicLink(d.resolve("g.link"), d.resolve("gone"));
        assertEquals(dangling + ": training file not found", refused(d));
    }

    @Test
    void gzipFilesOfWhatIsNotTextSayWhatTheyHold() throws IOException {
        Path twice = Files.write(dir.resolve("twice.gz"), Gzip.of(Gzip.of("a b\n".getBytes())));
        assertEquals(twice + ": is gzip-compressed twice: decompress it once (gunzip -c FILE > FILE2) and train on "
                + "that", refused(twice));
        byte[] tar = new byte[1024];
        System.arraycopy("corpus.txt".getBytes(), 0, tar, 0, 10);
        System.arraycopy("ustar".getBytes(), 0, tar, 257, 5);
        Path tgz = Files.write(dir.resolve("corpus.tar.gz"), Gzip.of(tar));
        assertEquals(tgz + ": is a gzip-compressed tar archive; extract it (tar -xzf) and train on the directory of "
                + "text files it holds", refused(tgz));
        Path binary = Files.write(dir.resolve("bin.gz"), Gzip.of(new byte[] {'a', 0, 'b', 0}));
        assertEquals(binary + ": is gzip-compressed, and decompressed it contains NUL bytes: this looks like a binary "
                + "file, not text", refused(binary));
        Path plainTar = Files.write(dir.resolve("corpus.tar"), tar);
        assertEquals(plainTar + ": is a tar archive; extract it (tar -xf) and train on the directory of text files "
                + "it holds", refused(plainTar));
    }

    @Test
    void theSameFileTwiceIsRefused() throws IOException {
        Path d = Files.createDirectories(dir.resolve("d"));
        Path a = Files.writeString(d.resolve("a.txt"), "text\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), a);
        assertEquals(a + ": is the same file as " + link + ", given twice: it would be trained on twice every "
                + "epoch", assertThrows(CorpusException.class, () -> Corpus.of(List.of(link, d))).getMessage());
    }

    @Test
    void anUnreadableFileOrDirectoryIsNamed() throws IOException {
        assumeFalse(isRoot(), "root reads files whatever their permissions; the symbolic link loop above stands "
                + "in for an unreadable file there");
        Path d = Files.createDirectories(dir.resolve("locked"));
        Path f = Files.writeString(d.resolve("a.txt"), "text\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("-w-------"));
        assertEquals(f + ": permission denied", refused(d));
        Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("-wx------"));
        try {
            assertEquals(d + ": permission denied", refused(d));
        } finally {
            Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static String refused(Path source) {
        return assertThrows(CorpusException.class, () -> Corpus.of(source)).getMessage();
    }

    private static byte[] zip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("corpus.txt"));
            z.write("text\n".getBytes());
        }
        return out.toByteArray();
    }

    static boolean isRoot() throws IOException {
        return "root".equals(Files.getOwner(Files.createTempFile("w2v-owner", "")).getName());
    }
}
