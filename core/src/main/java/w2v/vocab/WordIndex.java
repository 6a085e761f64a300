package w2v.vocab;

import w2v.text.WordHash;

/**
 * Word bytes to word index for a finished vocabulary: the lookup every training thread does once per corpus
 * token. {@link ByteStringTable} reads a slot and then the entry it points to, so a word that is not in the
 * core's cache costs two dependent cache misses. Here a slot is 16 bytes, the word's first 8 bytes beside its
 * tag and index, and a word of up to 8 bytes (most tokens) is found or rejected by its slots alone: the tag
 * holds its exact length, the slot its every byte.
 */
final class WordIndex {

    /** Two longs a slot: first 8 bytes (as {@link ByteStringTable#prefix}), then tag << 32 | (index + 1). */
    private final long[] slots;
    private final int mask;
    private final ByteStringTable words; // compares the words longer than 8 bytes

    /** Indexes every entry of {@code words}; entry e becomes word index e. */
    WordIndex(ByteStringTable words) {
        this.words = words;
        int capacity = Integer.highestOneBit(Math.max(2 * words.size(), 2) - 1) << 1; // load factor <= 1/2
        this.slots = new long[2 * capacity];
        this.mask = capacity - 1;
        for (int e = 0; e < words.size(); e++) {
            byte[] b = words.bytes(e);
            long prefix = ByteStringTable.prefix(b, 0, b.length);
            int h = ByteStringTable.hash(prefix, b, 0, b.length);
            int s = h & mask;
            while (slots[2 * s + 1] != 0) {
                s = (s + 1) & mask;
            }
            slots[2 * s] = prefix;
            slots[2 * s + 1] = (long) tag(h, b.length) << 32 | (e + 1);
        }
    }

    /** Index of the word with these bytes, or -1. */
    int indexOf(byte[] b, int off, int len) {
        return indexOf(b, off, len, WordHash.of(b, off, len));
    }

    /** As {@link #indexOf(byte[], int, int)}, with the bytes' {@link WordHash} known. */
    int indexOf(byte[] b, int off, int len, int h) {
        long prefix = ByteStringTable.prefix(b, off, len);
        int tag = tag(h, len);
        for (int s = h & mask; ; s = (s + 1) & mask) {
            long meta = slots[2 * s + 1];
            if (meta == 0) {
                return -1;
            }
            if ((int) (meta >>> 32) == tag && slots[2 * s] == prefix
                    && (len <= Long.BYTES || words.matches((int) meta - 1, prefix, b, off, len))) {
                return (int) meta - 1;
            }
        }
    }

    long footprintBytes() {
        return slots.length * 8L;
    }

    /**
     * The hash with its low byte replaced by the length (255 for 255 bytes or more). The hash's low bits are
     * already the slot's position; the length tells "ab" from "ab\0", whose zero-padded prefixes are equal.
     */
    private static int tag(int hash, int len) {
        return hash & ~0xFF | Math.min(len, 255);
    }
}
