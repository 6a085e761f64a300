package w2v.vocab;

import java.nio.charset.StandardCharsets;

/**
 * The final vocabulary: words by decreasing count, {@code </s>} (the line end) always at index 0 as in
 * word2vec C, so files and indices line up with C's. Immutable; lookups from many threads are safe.
 */
public final class Vocabulary {

    /** word2vec C's name for the line-end token. */
    public static final String EOS = "</s>";
    static final byte[] EOS_BYTES = EOS.getBytes(StandardCharsets.US_ASCII);

    private final ByteStringTable table; // entry index == word index
    private final WordIndex index; // the same words, for the lookups of training
    private final long totalCount;

    /** @param table entries already in final order, {@code </s>} first */
    Vocabulary(ByteStringTable table) {
        if (table.size() == 0 || table.find(EOS_BYTES, 0, EOS_BYTES.length) != 0) {
            throw new IllegalArgumentException("</s> must be word 0");
        }
        this.table = table;
        this.index = new WordIndex(table);
        table.dropSlots(); // the index answers every lookup now; for a large vocabulary the slots are many MB
        long t = 0;
        for (int i = 0; i < table.size(); i++) {
            t += table.count(i);
        }
        this.totalCount = t;
    }

    /** Builds a vocabulary from words and counts given in final order; {@code words[0]} must be {@code </s>}. */
    public static Vocabulary of(String[] words, long[] counts) {
        ByteStringTable t = new ByteStringTable();
        for (int i = 0; i < words.length; i++) {
            byte[] b = words[i].getBytes(StandardCharsets.UTF_8);
            if (t.add(b, 0, b.length, counts[i], i) != i) {
                throw new IllegalArgumentException("duplicate word: " + words[i]);
            }
        }
        return new Vocabulary(t);
    }

    /**
     * Builds a vocabulary from raw word bytes and counts in final order (a checkpoint's): unlike {@link #of}
     * it keeps words that are not valid UTF-8 byte for byte, so every corpus token finds its index again.
     */
    public static Vocabulary ofBytes(byte[][] words, long[] counts) {
        ByteStringTable t = new ByteStringTable();
        for (int i = 0; i < words.length; i++) {
            if (t.add(words[i], 0, words[i].length, counts[i], i) != i) {
                throw new IllegalArgumentException("duplicate word: " + new String(words[i], StandardCharsets.UTF_8));
            }
        }
        return new Vocabulary(t);
    }

    public int size() {
        return table.size();
    }

    public long count(int word) {
        return table.count(word);
    }

    /** Sum of all counts: the number of training tokens per epoch (word2vec C's train_words). */
    public long totalCount() {
        return totalCount;
    }

    /** Index of the word with these UTF-8 bytes, or -1. */
    public int indexOf(byte[] b, int off, int len) {
        return index.indexOf(b, off, len);
    }

    /** As {@link #indexOf(byte[], int, int)}, with the bytes' {@link w2v.text.WordHash} known (a reader's). */
    public int indexOf(byte[] b, int off, int len, int hash) {
        return index.indexOf(b, off, len, hash);
    }

    public int indexOf(String word) {
        byte[] b = word.getBytes(StandardCharsets.UTF_8);
        return index.indexOf(b, 0, b.length);
    }

    public byte[] bytes(int word) {
        return table.bytes(word);
    }

    /** The word as a String; invalid UTF-8 becomes U+FFFD, so nothing written from it is invalid UTF-8. */
    public String word(int word) {
        return new String(table.bytes(word), StandardCharsets.UTF_8);
    }

    /** All words as Strings, in index order. */
    public String[] words() {
        String[] w = new String[size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = word(i);
        }
        return w;
    }

    /** All counts, in index order. */
    public long[] counts() {
        long[] c = new long[size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = table.count(i);
        }
        return c;
    }

    public long footprintBytes() {
        return table.footprintBytes() + index.footprintBytes();
    }
}
