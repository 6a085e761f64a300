package w2v.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
