package w2v.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The training lookup must give exactly the counting table's answers: every word's index, and -1 for the rest. */
class WordIndexTest {

    /**
     * Words over a small alphabet with NUL and bytes above 0x7F, of 0 to 12 bytes (so many differ only past the
     * 8th byte or by a trailing zero byte) and now and then of 250-300 bytes (where the tag's length saturates).
     */
    private static byte[] randomWord(SplittableRandom rnd) {
        byte[] alphabet = {'a', 'b', 0, (byte) 0xC3, (byte) 0xA9};
        int len = rnd.nextInt(50) == 0 ? rnd.nextInt(250, 301) : rnd.nextInt(0, 13);
        byte[] w = new byte[len];
        for (int i = 0; i < len; i++) {
            w[i] = alphabet[rnd.nextInt(alphabet.length)];
        }
        return w;
    }

    @Test
    void findsWhatTheTableFindsAndNothingElse() {
        SplittableRandom rnd = new SplittableRandom(5);
        ByteStringTable table = new ByteStringTable();
        for (int i = 0; i < 20_000; i++) {
            byte[] w = randomWord(rnd);
            table.add(w, 0, w.length, 1, i);
        }
        WordIndex index = new WordIndex(table);
        for (int e = 0; e < table.size(); e++) {
            byte[] w = table.bytes(e);
            assertEquals(e, index.indexOf(w, 0, w.length));
        }
        int misses = 0;
        for (int i = 0; i < 50_000; i++) {
            byte[] w = randomWord(rnd);
            byte[] placed = new byte[w.length + 7]; // the word in the middle of a larger buffer, as the reader has it
            java.util.Arrays.fill(placed, (byte) 'q');
            System.arraycopy(w, 0, placed, 3, w.length);
            int expected = table.find(w, 0, w.length);
            assertEquals(expected, index.indexOf(placed, 3, w.length), () -> java.util.HexFormat.of().formatHex(w));
            misses += expected < 0 ? 1 : 0;
        }
        assertEquals(true, misses > 1_000, "the probe words must include many that are not in the table: " + misses);
    }

    @Test
    void aWordIsNotFoundAsTheSameBytesWithATrailingZero() {
        // "ab" and "ab\0" have the same zero-padded prefix; only the lengths tell them apart, and the hash, which
        // includes the length, does only until two lengths collide. Search for such a collision in the bits the
        // slot compares and in the bit that places it in a two-slot index, so the length itself must tell them
        // apart.
        SplittableRandom rnd = new SplittableRandom(3);
        byte[] shorter = null, longer = null;
        while (shorter == null) {
            byte[] w = new byte[8];
            int k = 1 + rnd.nextInt(4);
            for (int i = 0; i < k; i++) {
                w[i] = (byte) (1 + rnd.nextInt(255));
            }
            long prefix = ByteStringTable.prefix(w, 0, 8);
            for (int a = k; a < 8 && shorter == null; a++) {
                for (int b = a + 1; b <= 8; b++) {
                    int ha = ByteStringTable.hash(prefix, w, 0, a), hb = ByteStringTable.hash(prefix, w, 0, b);
                    if ((ha & ~0xFE) == (hb & ~0xFE)) { // the tag's hash bits, and bit 0 (the slot)
                        shorter = java.util.Arrays.copyOf(w, a);
                        longer = java.util.Arrays.copyOf(w, b);
                        break;
                    }
                }
            }
        }
        for (byte[][] pair : new byte[][][] {{shorter, longer}, {longer, shorter}}) {
            ByteStringTable table = new ByteStringTable();
            table.add(pair[0], 0, pair[0].length, 1, 0);
            WordIndex index = new WordIndex(table);
            assertEquals(0, index.indexOf(pair[0], 0, pair[0].length));
            assertEquals(-1, index.indexOf(pair[1], 0, pair[1].length));
        }
    }

    @Test
    void anEmptyVocabularyFindsNothing() {
        WordIndex index = new WordIndex(new ByteStringTable());
        assertEquals(-1, index.indexOf(new byte[] {'a'}, 0, 1));
        assertEquals(-1, index.indexOf(new byte[0], 0, 0));
    }
}
