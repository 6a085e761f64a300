package w2v.corpus;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import w2v.testing.SpecialFiles;

/** What CorpusFile refuses before training, and the changes it notices while the corpus is read. */
// A FIFO opened by mistake blocks in open(), which no interrupt ends: the test runs in a thread of its own,
// abandoned (and failed) at the timeout.
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CorpusFileTest {

    private static final String TEXT = "the cat sat on the mat\n".repeat(100); // 2,300 bytes

    @TempDir
    Path dir;

    @Test
    void specialFilesAreRefusedWithWhatTheyAreAndWhyTrainingNeedsARegularFile() throws Exception {
        CorpusException e = assertThrows(CorpusException.class, () -> CorpusFile.of(SpecialFiles.fifo(dir, "f")));
        assertEquals(dir.resolve("f") + ": is a FIFO (named pipe); " + CorpusFile.NEEDS_REGULAR, e.getMessage());
        e = assertThrows(CorpusException.class, () -> CorpusFile.of(SpecialFiles.charDevice()));
        assertEquals("is a character device; " + CorpusFile.NEEDS_REGULAR, e.reason());
        e = assertThrows(CorpusException.class, () -> CorpusFile.of(SpecialFiles.procFile()));
        assertEquals("is a pseudo-file whose size is unknown (as in /proc); copy it to a regular file first",
                e.reason());
        e = assertThrows(CorpusException.class, () -> CorpusFile.of(Path.of("")));
        assertEquals("empty file name", e.getMessage());
    }

    @Test
    void anUntouchedFileIsUnchanged() throws Exception {
        CorpusFile c = CorpusFile.of(corpus());
        assertDoesNotThrow(c::checkUnchanged);
    }

    @Test
    void aTruncatedFileChanged() throws Exception {
        Path f = corpus();
        CorpusFile c = CorpusFile.of(f);
        Files.writeString(f, TEXT.substring(0, 1000));
        assertEquals("size 2,300 -> 1,000 bytes", change(c));
        assertEquals(f + ": changed while it was being read (size 2,300 -> 1,000 bytes)",
                assertThrows(CorpusChangedException.class, c::checkUnchanged).getMessage());
    }

    @Test
    void anAppendedFileChanged() throws Exception {
        Path f = corpus();
        CorpusFile c = CorpusFile.of(f);
        Files.writeString(f, "more\n", StandardOpenOption.APPEND);
        assertEquals("size 2,300 -> 2,305 bytes", change(c));
    }

    @Test
    void aFileRenamedOverTheCorpusChangedEvenWithTheSameBytes() throws Exception {
        Path f = corpus();
        CorpusFile c = CorpusFile.of(f);
        Path other = Files.writeString(dir.resolve("new.txt"), TEXT);
        Files.move(other, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertEquals("replaced by another file of the same size", change(c));
    }

    @Test
    void aFileRewrittenInPlaceToTheSameSizeChanged() throws Exception {
        Path f = corpus();
        CorpusFile c = CorpusFile.of(f);
        Files.writeString(f, TEXT.replace("cat", "dog"));
        FileTime later = FileTime.fromMillis(Files.getLastModifiedTime(f).toMillis() + 2000);
        Files.setLastModifiedTime(f, later); // coarse clocks: make sure the write shows
        assertEquals("rewritten at " + later + ", same size", change(c));
    }

    @Test
    void aDeletedFileChanged() throws Exception {
        Path f = corpus();
        CorpusFile c = CorpusFile.of(f);
        Files.delete(f);
        assertEquals("deleted or renamed", change(c));
    }

    private Path corpus() throws Exception {
        return Files.writeString(dir.resolve("c.txt"), TEXT);
    }

    private static String change(CorpusFile c) {
        return assertThrows(CorpusChangedException.class, c::checkUnchanged).change();
    }
}
