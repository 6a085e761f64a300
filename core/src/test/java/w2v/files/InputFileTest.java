package w2v.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import w2v.testing.SpecialFiles;

/** Every kind of file an input flag may be given, told apart by its attributes without opening it. */
// A FIFO opened by mistake blocks in open(), which no interrupt ends: the test runs in a thread of its own,
// abandoned (and failed) at the timeout.
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class InputFileTest {

    private static final String WHY = "it needs a regular file";

    @TempDir
    Path dir;

    private static String problem(Path p) {
        return InputFile.problem(p, "test file", WHY);
    }

    @Test
    void aRegularFileWithContentIsFine() throws Exception {
        assertNull(problem(Files.writeString(dir.resolve("a.txt"), "a b\n")));
    }

    @Test
    void missingEmptyNamedEmptyAndDirectoriesAreNamedAsSuch() throws Exception {
        assertEquals("test file not found", problem(dir.resolve("missing")));
        assertEquals("empty file name", problem(Path.of("")));
        assertEquals("test file is empty", problem(Files.createFile(dir.resolve("empty"))));
        assertEquals("is a directory, not a test file", problem(dir));
    }

    @Test
    void aFifoIsRefusedWithoutBeingOpened() throws Exception {
        assertEquals("is a FIFO (named pipe); " + WHY, problem(SpecialFiles.fifo(dir, "f")));
    }

    @Test
    void thePipeOfAShellsProcessSubstitutionIsAPipe() throws Exception {
        Process holder = SpecialFiles.pipeHolder();
        try {
            assertEquals("is a pipe; " + WHY, problem(SpecialFiles.pipeOf(holder)));
        } finally {
            holder.destroy();
        }
    }

    @Test
    void devicesAndProcFilesAreNotTakenForEmptyFiles() {
        assertEquals("is a character device; " + WHY, problem(SpecialFiles.charDevice()));
        assertEquals("is a pseudo-file whose size is unknown (as in /proc); copy it to a regular file first",
                problem(SpecialFiles.procFile()));
    }
}
