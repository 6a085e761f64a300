package w2v.vocab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The table against a HashMap: every count, first offset, lookup and miss, through growth and pruning. */
class ByteStringTableTest {

    /** What the table must hold for a word: its count and the smallest offset it was added with. */
    private record Expected(long count, long firstSeen) {
    }

    /**
     * Words of 0 to 40 bytes over a small alphabet that includes NUL and bytes above 0x7F, so many share
     * prefixes, differ only past the 8th byte, or only by a trailing zero byte.
     */
    private static byte[] randomWord(SplittableRandom rnd) {
        byte[] alphabet = {'a', 'b', 0, (byte) 0xC3, (byte) 0xA9, 'z'};
        int len = rnd.nextInt(10) == 0 ? rnd.nextInt(9, 41) : rnd.nextInt(0, 10);
        byte[] w = new byte[len];
        for (int i = 0; i < len; i++) {
            w[i] = alphabet[rnd.nextInt(alphabet.length)];
        }
        return w;
    }

    /** The word at a random offset inside a larger array, or alone in an array of its exact length. */
    private static byte[] placed(byte[] w, int off, boolean exact) {
        if (exact) {
            return w.clone();
        }
        byte[] b = new byte[off + w.length + 3];
        java.util.Arrays.fill(b, (byte) 'q');
        System.arraycopy(w, 0, b, off, w.length);
        return b;
    }

    @Test
    void agreesWithAHashMapThroughGrowthAndPruning() {
        SplittableRandom rnd = new SplittableRandom(11);
        ByteStringTable table = new ByteStringTable();
        Map<String, Expected> expected = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            byte[] w = randomWord(rnd);
            int off = rnd.nextInt(5);
            boolean exact = rnd.nextBoolean();
            byte[] b = placed(w, off, exact);
            int at = exact ? 0 : off;
            long n = rnd.nextInt(1, 4);
            long offset = rnd.nextLong(1_000_000);
            int e = table.add(b, at, w.length, n, offset);
            assertArrayEquals(w, table.bytes(e));
            expected.merge(HexFormat.of().formatHex(w), new Expected(n, offset),
                    (a, c) -> new Expected(a.count + c.count, Math.min(a.firstSeen, c.firstSeen)));
            if (i == 150_000) {
                int removed = table.removeAtMost(2);
                int before = expected.size();
                expected.values().removeIf(x -> x.count <= 2);
                assertEquals(before - expected.size(), removed);
            }
        }
        assertEquals(expected.size(), table.size());
        Set<String> seen = new HashSet<>();
        for (int e = 0; e < table.size(); e++) {
            String key = HexFormat.of().formatHex(table.bytes(e));
            assertEquals(expected.get(key), new Expected(table.count(e), table.firstSeen(e)), key);
            assertEquals(e, table.find(table.bytes(e), 0, table.length(e)));
            seen.add(key);
        }
        assertEquals(expected.keySet(), seen);
        // Misses: words never added, including ones that extend or shorten a present word by a zero byte.
        int misses = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] w = randomWord(rnd);
            if (!expected.containsKey(HexFormat.of().formatHex(w))) {
                assertEquals(-1, table.find(placed(w, 2, false), 2, w.length));
                assertEquals(-1, table.find(w, 0, w.length));
                misses++;
            }
        }
        assertNotEquals(0, misses);
    }

    @Test
    void addAllMergesLikeAddingEachEntry() {
        SplittableRandom rnd = new SplittableRandom(5);
        ByteStringTable a = new ByteStringTable(), b = new ByteStringTable(), reference = new ByteStringTable();
        for (int i = 0; i < 50_000; i++) {
            byte[] w = randomWord(rnd);
            long offset = rnd.nextLong(1_000_000);
            (i % 3 == 0 ? a : b).add(w, 0, w.length, 1, offset);
            reference.add(w, 0, w.length, 1, offset);
        }
        a.addAll(b);
        assertEquals(reference.size(), a.size());
        for (int e = 0; e < reference.size(); e++) {
            byte[] w = reference.bytes(e);
            int f = a.find(w, 0, w.length);
            assertNotEquals(-1, f);
            assertEquals(reference.count(e), a.count(f));
            assertEquals(reference.firstSeen(e), a.firstSeen(f));
        }
    }

    @Test
    void wordsThatDifferOnlyByTrailingZeroBytesOrPastTheEighthByteAreDistinct() {
        List<byte[]> words = new ArrayList<>();
        words.add(new byte[0]);
        words.add(new byte[] {0});
        words.add(new byte[] {0, 0});
        words.add(new byte[] {'a'});
        words.add(new byte[] {'a', 0});
        words.add("abcdefgh".getBytes());
        words.add("abcdefgh\0".getBytes());
        words.add("abcdefghi".getBytes());
        words.add("abcdefghj".getBytes());
        words.add("abcdefghijklmnopq".getBytes());
        words.add("abcdefghijklmnopr".getBytes());
        ByteStringTable table = new ByteStringTable();
        for (int i = 0; i < words.size(); i++) {
            assertEquals(i, table.add(words.get(i), 0, words.get(i).length, i + 1, i));
        }
        for (int i = 0; i < words.size(); i++) {
            assertEquals(i, table.find(words.get(i), 0, words.get(i).length));
            assertEquals(i + 1, table.count(i));
        }
    }

    @Test
    void afterItsSlotsAreDroppedEntriesStayReadableAndLookupsFailLoudly() {
        ByteStringTable table = new ByteStringTable();
        byte[] w = "word".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        table.add(w, 0, w.length, 3, 7);
        long before = table.footprintBytes();
        table.dropSlots();
        assertArrayEquals(w, table.bytes(0));
        assertEquals(3, table.count(0));
        assertEquals(true, table.footprintBytes() < before);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> table.find(w, 0, w.length));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> table.add(w, 0, 4, 1, 0));
    }
}
