package w2v.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenReaderTest {

    @TempDir
    Path dir;

    @Test
    void tokensAndLineEnds() throws IOException {
        assertEquals(List.of("a", "bb", "\\n", "c", "\\n", "\\n", "d"), tokens("a  bb\r\n\tc\n\nd", 1, 1 << 20));
    }

    @Test
    void everySplitAndBufferSizeYieldsTheSameTokensOnce() throws IOException {
        Random r = new Random(3);
        String[] words = {"a", "to", "the", "être", "한국어", "🙂x", "longerword"};
        for (int trial = 0; trial < 30; trial++) {
            StringBuilder b = new StringBuilder();
            int n = 50 + r.nextInt(400);
            for (int i = 0; i < n; i++) {
                b.append(words[r.nextInt(words.length)]);
                int sep = r.nextInt(10);
                b.append(sep < 6 ? " " : sep < 8 ? "\n" : sep < 9 ? "\t " : "\r\n");
            }
            if (r.nextBoolean()) {
                b.setLength(b.length() - 1); // sometimes no final separator
            }
            String text = b.toString();
            List<String> whole = tokens(text, 1, 1 << 20);
            for (int parts : new int[] {2, 3, 7, 64}) {
                for (int buffer : new int[] {1, 3, 16}) {
                    assertEquals(whole, tokens(text, parts, buffer), "parts=" + parts + " buffer=" + buffer);
                }
            }
        }
    }

    @Test
    void aReaderMovedFromRangeToRangeInAnyOrderReadsEachAsAFreshOneWould() throws IOException {
        Random r = new Random(4);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            b.append("w").append(r.nextInt(40)).append(r.nextInt(8) == 0 ? "\n" : " ");
        }
        Path f = write(b.toString());
        try (FileChannel ch = FileChannel.open(f)) {
            for (int parts : new int[] {2, 5, 16}) {
                ByteRange[] ranges = ByteRange.split(Files.size(f), parts);
                for (int buffer : new int[] {1, 7, 1 << 10}) {
                    TokenReader moved = new TokenReader(ch, ByteRange.EMPTY, buffer);
                    for (int i = parts - 1; i >= 0; i--) { // backwards: nothing of a later range may leak in
                        moved.reset(ranges[i]);
                        assertEquals(drain(new TokenReader(ch, ranges[i], buffer)), drain(moved),
                                "range " + i + " of " + parts + ", buffer " + buffer);
                    }
                }
            }
        }
    }

    @Test
    void longWordsAreCutAtACharacterBoundaryAndCounted() throws IOException {
        String longWord = "é".repeat(80); // 160 bytes: the cut must not split a 2-byte character
        Path f = write(longWord + " ok " + "x".repeat(150));
        try (FileChannel ch = FileChannel.open(f)) {
            TokenReader r = new TokenReader(ch, new ByteRange(0, Files.size(f)), 7);
            int n = r.next();
            assertEquals(100, n);
            assertEquals("é".repeat(50), new String(r.word(), 0, n, StandardCharsets.UTF_8));
            n = r.next();
            assertEquals("ok", new String(r.word(), 0, n, StandardCharsets.UTF_8));
            assertEquals(100, r.next());
            assertEquals(TokenReader.END, r.next());
            assertEquals(2, r.truncatedWords());
        }
        byte[] w = ("x".repeat(98) + "€").getBytes(StandardCharsets.UTF_8); // € is 3 bytes: 98 + 3 > 100
        assertEquals(98, TokenReader.utf8Boundary(w, 100));
        byte[] w2 = ("x".repeat(97) + "€").getBytes(StandardCharsets.UTF_8); // ends exactly at 100
        assertEquals(100, TokenReader.utf8Boundary(w2, 100));
    }

    @Test
    void resetToTheSameRangeStartsItOver() throws IOException {
        Path f = write("one two\nthree four five\nsix");
        try (FileChannel ch = FileChannel.open(f)) {
            ByteRange[] rs = ByteRange.split(Files.size(f), 2);
            TokenReader r = new TokenReader(ch, rs[1], 4);
            List<String> first = drain(r);
            r.reset(rs[1]);
            assertEquals(first, drain(r));
            assertTrue(!first.isEmpty());
        }
    }

    @Test
    void nulBytesAreCountedOnceWithTheFirstOffsetWhateverTheSplitAndBuffer() throws IOException {
        Random r = new Random(7);
        String[] words = {"a", "\0", "x\0y", "\0\0z", "é\0", "w".repeat(99) + "\0\0" + "w".repeat(20), "plain"};
        for (int trial = 0; trial < 20; trial++) {
            StringBuilder b = new StringBuilder();
            for (int i = 0, n = 30 + r.nextInt(200); i < n; i++) {
                b.append(words[r.nextInt(words.length)]).append(r.nextInt(5) == 0 ? "\n" : r.nextBoolean() ? " " : "\t");
            }
            byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
            long nuls = 0;
            long first = -1;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == 0) {
                    nuls++;
                    first = first < 0 ? i : first;
                }
            }
            Path f = Files.write(Files.createTempFile(dir, "nul", ".txt"), bytes);
            try (FileChannel ch = FileChannel.open(f)) {
                for (int parts : new int[] {1, 3, 16}) {
                    for (int buffer : new int[] {1, 5, 1 << 10}) {
                        long counted = 0;
                        long firstSeen = Long.MAX_VALUE;
                        for (ByteRange range : ByteRange.split(bytes.length, parts)) {
                            TokenReader reader = new TokenReader(ch, range, buffer);
                            drain(reader);
                            counted += reader.nulBytes();
                            firstSeen = reader.firstNul() >= 0 ? Math.min(firstSeen, reader.firstNul()) : firstSeen;
                        }
                        String where = "trial " + trial + ", " + parts + " parts, buffer " + buffer;
                        assertEquals(nuls, counted, where);
                        assertEquals(first, nuls == 0 ? -1 : firstSeen, where);
                    }
                }
            }
        }
    }

    @Test
    void aReadThatEndsBeforeTheRecordedSizeIsAChangeNotTheEnd() throws IOException {
        Path f = write("alpha beta gamma delta epsilon zeta eta theta\n".repeat(20));
        CorpusFile corpus = CorpusFile.of(f);
        try (FileChannel ch = corpus.open()) {
            TokenReader r = new TokenReader(corpus, ch, 16);
            r.reset(new ByteRange(0, corpus.size()));
            int n = r.next();
            assertEquals("alpha", new String(r.word(), 0, n, StandardCharsets.UTF_8));
            try (FileChannel w = FileChannel.open(f, java.nio.file.StandardOpenOption.WRITE)) {
                w.truncate(100); // under the reader's feet: the next refills find the end too soon
            }
            CorpusChangedException e = assertThrows(CorpusChangedException.class, () -> drain(r));
            assertEquals("size 920 -> 100 bytes", e.change());
        }
    }

    @Test
    void aReadPastTheRecordedSizeIsAChange() throws IOException {
        Path f = write("alpha beta gamma");
        CorpusFile corpus = CorpusFile.of(f);
        Files.writeString(f, " delta", java.nio.file.StandardOpenOption.APPEND);
        try (FileChannel ch = corpus.open()) {
            TokenReader r = new TokenReader(corpus, ch, 4);
            r.reset(new ByteRange(0, corpus.size()));
            CorpusChangedException e = assertThrows(CorpusChangedException.class, () -> drain(r));
            assertEquals("size 16 -> 22 bytes", e.change());
        }
    }

    private List<String> tokens(String text, int parts, int buffer) throws IOException {
        Path f = write(text);
        List<String> out = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(f)) {
            for (ByteRange range : ByteRange.split(Files.size(f), parts)) {
                out.addAll(drain(new TokenReader(ch, range, buffer)));
            }
        }
        return out;
    }

    private static List<String> drain(TokenReader r) {
        List<String> out = new ArrayList<>();
        int n;
        while ((n = r.next()) != TokenReader.END) {
            out.add(n == TokenReader.NEWLINE ? "\\n" : new String(r.word(), 0, n, StandardCharsets.UTF_8));
        }
        return out;
    }

    private Path write(String text) throws IOException {
        Path f = Files.createTempFile(dir, "c", ".txt");
        Files.writeString(f, text);
        return f;
    }
}
