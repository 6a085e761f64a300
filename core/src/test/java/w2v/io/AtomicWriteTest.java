package w2v.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import w2v.files.AtomicFile;
import w2v.io.VectorWriter.Format;
import w2v.model.WordVectors;

/** A failed write must leave the previous file as it was and nothing else behind. */
class AtomicWriteTest {

    @TempDir
    Path dir;

    @Test
    void missingDirectoryFailsWithAMessageNamingItAndCreatesNothing() throws IOException {
        Path out = dir.resolve("no/such/dir/vectors.bin");
        try (WordVectors v = Fixtures.random(Fixtures.words(3), 4, 1)) {
            IOException e = assertThrows(IOException.class, () -> VectorWriter.write(v, out, Format.BINARY));
            assertEquals("cannot write " + out + ": directory " + out.getParent() + " does not exist", e.getMessage());
        }
        assertEquals(List.of(), Fixtures.others(dir));
    }

    @Test
    void parentThatIsAFileFailsClearly() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");
        Path out = file.resolve("vectors.txt");
        try (WordVectors v = Fixtures.random(Fixtures.words(3), 4, 1)) {
            IOException e = assertThrows(IOException.class, () -> VectorWriter.write(v, out, Format.TEXT));
            assertEquals("cannot write " + out + ": " + file + " is not a directory", e.getMessage());
        }
        assertEquals(List.of(file), Fixtures.others(dir));
    }

    @Test
    void targetThatIsADirectoryFailsClearly() throws IOException {
        Path out = Files.createDirectory(dir.resolve("vectors.txt"));
        try (WordVectors v = Fixtures.random(Fixtures.words(3), 4, 1)) {
            IOException e = assertThrows(IOException.class, () -> VectorWriter.write(v, out, Format.TEXT));
            assertEquals("cannot write " + out + ": it is a directory", e.getMessage());
        }
        assertEquals(List.of(out), Fixtures.others(dir));
    }

    @Test
    void nanInRow500LeavesThePreviousFileByteIdenticalAndNoTemporaryFile() throws IOException {
        for (Format f : Format.values()) {
            Path out = dir.resolve("vectors." + f);
            try (WordVectors good = Fixtures.random(Fixtures.words(10), 8, 2)) {
                VectorWriter.write(good, out, f);
            }
            byte[] before = Files.readAllBytes(out);
            // 2000 rows of dim 300 overflow the 1 MiB buffer, so part of the new file is on disk at the failure.
            try (WordVectors bad = Fixtures.random(Fixtures.words(2000), 300, 3)) {
                bad.table().set(500, 7, Float.NaN);
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> VectorWriter.write(bad, out, f));
                assertTrue(e.getMessage().contains("value 7 of word 500 \"w500\" is NaN"), e.getMessage());
            }
            assertArrayEquals(before, Files.readAllBytes(out));
            assertEquals(List.of(), Fixtures.others(dir, dir.resolve("vectors.TEXT"), dir.resolve("vectors.BINARY")));
        }
    }

    @Test
    void failingChannelMidWriteLeavesThePreviousFileAndReportsTheCause() throws IOException {
        Path out = Files.writeString(dir.resolve("vectors.txt"), "1 1\nold 1\n");
        IOException e = assertThrows(IOException.class, () -> AtomicFile.replace(out, ch -> {
            ch.write(ByteBuffer.wrap(new byte[3 << 20]));
            throw new IOException("No space left on device");
        }));
        assertEquals("cannot write " + out + ": No space left on device", e.getMessage());
        assertEquals("1 1\nold 1\n", Files.readString(out));
        assertEquals(List.of(out), Fixtures.others(dir));
    }

    @Test
    void successfulWriteReplacesThePreviousFile() throws IOException {
        Path out = Files.writeString(dir.resolve("vectors.txt"), "stale");
        try (WordVectors v = Fixtures.vectors(new String[] {"a"}, new float[][] {{1}})) {
            VectorWriter.write(v, out, Format.TEXT);
        }
        assertEquals("1 1\na 1\n", Files.readString(out));
        assertEquals(List.of(out), Fixtures.others(dir));
    }
}
