package w2v.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import w2v.model.EmbeddingTable;
import w2v.model.WordVectors;

class ClassesWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesOneWordClassLinePerWordAsWord2vecC() throws Exception {
        Path out = dir.resolve("classes.txt");
        try (WordVectors w = words("</s>", "서울", "café", "🙂")) {
            ClassesWriter.write(w, new int[] {3, 0, 12, 3}, out);
        }
        assertEquals("</s> 3\n서울 0\ncafé 12\n🙂 3\n", Files.readString(out, StandardCharsets.UTF_8));
    }

    @Test
    void aWordTheFormatCannotCarryLeavesThePreviousFileAlone() throws Exception {
        Path out = dir.resolve("classes.txt");
        Files.writeString(out, "previous\n");
        IllegalArgumentException e;
        try (WordVectors w = words("ok", "two words")) {
            e = assertThrows(IllegalArgumentException.class, () -> ClassesWriter.write(w, new int[] {0, 1}, out));
        }
        assertTrue(e.getMessage().contains(out.toString()) && e.getMessage().contains("a space"), e.getMessage());
        assertEquals("previous\n", Files.readString(out));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
        try (WordVectors w = words("a")) {
            assertThrows(IllegalArgumentException.class, () -> ClassesWriter.write(w, new int[] {0, 1}, out));
        }
    }

    /** Words with one-dimensional vectors: the writer only reads the words. */
    private static WordVectors words(String... words) {
        Arena arena = Arena.ofConfined();
        return new WordVectors(words, EmbeddingTable.allocate(arena, words.length, 1), arena);
    }
}
