package w2v.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import w2v.corpus.CorpusChangedException;
import w2v.corpus.CorpusException;
import w2v.corpus.CorpusFile;
import w2v.testing.SpecialFiles;

/**
 * What the vocabulary pass and -read-vocab refuse, and the reason they give: NUL bytes anywhere in the corpus, a
 * corpus that changes while it is counted, words a word2vec file cannot hold, vocabularies left empty.
 */
// A FIFO opened by mistake blocks in open(), which no interrupt ends: the test runs in a thread of its own,
// abandoned (and failed) at the timeout.
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class VocabularyRefusalsTest {

    @TempDir
    Path dir;

    @Test
    void nulBytesPastTheSniffedHeadAreCountedAndTheFirstOffsetGiven() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] line = "some plain words on a line\n".getBytes(StandardCharsets.US_ASCII);
        while (b.size() < 200_000) {
            b.write(line);
        }
        byte[] text = b.toByteArray();
        int first = 150_000; // past the 64 KB CorpusFile looks at
        text[first] = 0; // inside a word
        text[first + 1] = 0;
        text[190_001] = 0;
        Path f = Files.write(dir.resolve("c.txt"), text);
        for (int threads : new int[] {1, 2}) {
            CorpusException e = assertThrows(CorpusException.class,
                    () -> new VocabularyBuilder(threads, 1, 0).build(CorpusFile.of(f)));
            assertEquals("3 NUL bytes, the first at byte offset 150,000; a word2vec file cannot hold them "
                    + "(remove them with tr -d '\\000')", e.reason(), threads + " threads");
        }
    }

    @Test
    void aCorpusChangedBeforeOrWhileItIsCountedIsRefused() throws Exception {
        Path f = Files.writeString(dir.resolve("c.txt"), "a b c a b a\n".repeat(1000));
        CorpusFile before = CorpusFile.of(f);
        Files.writeString(f, "a b\n");
        CorpusChangedException e = assertThrows(CorpusChangedException.class,
                () -> new VocabularyBuilder(2, 1, 0).build(before));
        assertEquals("size 12,000 -> 4 bytes", e.change());

        Files.writeString(f, "a b c a b a\n".repeat(1000));
        CorpusFile during = CorpusFile.of(f);
        VocabularyBuilder builder = new VocabularyBuilder(2, 1, 0).afterCounting(() -> append(f, "d e\n"));
        e = assertThrows(CorpusChangedException.class, () -> builder.build(during));
        assertEquals("size 12,000 -> 12,004 bytes", e.change());
    }

    @Test
    void aCorpusOfLineEndsOnlySaysSoInsteadOfSuggestingALowerMinCount() throws Exception {
        Path f = Files.writeString(dir.resolve("eos.txt"), "</s> </s>\n</s>\n");
        VocabularyException e = assertThrows(VocabularyException.class,
                () -> new VocabularyBuilder(1, 1, 0).build(CorpusFile.of(f)));
        assertEquals(f + ": contains no word but </s> (the line-end token)", e.getMessage());
    }

    @Test
    void aVocabularyEmptiedByMaxVocabPruningBlamesThePruning() throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            b.append("w").append(i % 40).append(i % 17 == 0 ? '\n' : ' ');
        }
        Path f = Files.writeString(dir.resolve("c.txt"), b);
        VocabularyException e = assertThrows(VocabularyException.class,
                () -> new VocabularyBuilder(1, 5, 1).build(CorpusFile.of(f)));
        assertTrue(e.getMessage().startsWith(f + ": no word occurs at least 5 times after -max-vocab 1 pruned "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith(" words while counting; raise -max-vocab (0: no bound)"), e.getMessage());
        assertFalse(e.getMessage().contains("-min-count"), "no limit on counts would help: " + e.getMessage());
    }

    @Test
    void tooHighAMinCountSaysHowHighTheCountsGo() throws Exception {
        Path f = Files.writeString(dir.resolve("c.txt"), "a b a c a\n");
        VocabularyException e = assertThrows(VocabularyException.class,
                () -> new VocabularyBuilder(1, 5, 0).build(CorpusFile.of(f)));
        assertEquals(f + ": no word occurs at least 5 times (3 distinct words, the most frequent seen 3 times); "
                + "lower -min-count", e.getMessage());
    }

    @Test
    void readVocabRefusesWordsNoWord2vecFileCanHoldWithTheirLine() throws Exception {
        Path nul = Files.write(dir.resolve("nul.txt"), "</s> 4\nok 3\na\0b 2\n".getBytes(StandardCharsets.UTF_8));
        VocabularyException e = assertThrows(VocabularyException.class, () -> VocabularyFile.read(nul, 1));
        assertEquals(nul + ":3: word \"a\\u0000b\" contains a NUL byte, which ends a word in C readers",
                e.getMessage());
        Path vt = Files.writeString(dir.resolve("vt.txt"), "</s> 4\na\u000Bb 2\n");
        e = assertThrows(VocabularyException.class, () -> VocabularyFile.read(vt, 1));
        assertEquals(vt + ":2: word \"a\\u000bb\" contains whitespace 0x0B, which the word2vec format uses as a "
                + "separator", e.getMessage());
    }

    @Test
    void readVocabSaysWhatIsMissingWhenNoWordRemains() throws Exception {
        Path eos = Files.writeString(dir.resolve("eos.txt"), "</s> 5\n");
        assertEquals(eos + ": lists no word but </s>",
                assertThrows(VocabularyException.class, () -> VocabularyFile.read(eos, 1)).getMessage());
        Path blank = Files.writeString(dir.resolve("blank.txt"), "\n\n");
        assertEquals(blank + ": lists no words",
                assertThrows(VocabularyException.class, () -> VocabularyFile.read(blank, 1)).getMessage());
        Path rare = Files.writeString(dir.resolve("rare.txt"), "</s> 9\na 3\nb 2\n");
        assertEquals(rare + ": no word with count >= 5 (the highest is 3); lower -min-count",
                assertThrows(VocabularyException.class, () -> VocabularyFile.read(rare, 5)).getMessage());
    }

    @Test
    void readVocabRefusesFilesThatAreNotRegularBeforeOpeningThem() throws Exception {
        Path fifo = SpecialFiles.fifo(dir, "fifo");
        assertEquals(fifo + ": is a FIFO (named pipe); " + VocabularyFile.NEEDS_REGULAR,
                assertThrows(VocabularyException.class, () -> VocabularyFile.read(fifo, 1)).getMessage());
        assertEquals(dir + ": is a directory, not a vocabulary file",
                assertThrows(VocabularyException.class, () -> VocabularyFile.read(dir, 1)).getMessage());
        Path empty = Files.createFile(dir.resolve("empty.txt"));
        assertEquals(empty + ": vocabulary file is empty",
                assertThrows(VocabularyException.class, () -> VocabularyFile.read(empty, 1)).getMessage());
    }

    private static void append(Path f, String text) {
        try {
            Files.writeString(f, text, StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
