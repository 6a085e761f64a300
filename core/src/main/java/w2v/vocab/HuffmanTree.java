package w2v.vocab;

/**
 * The binary Huffman tree over the vocabulary that hierarchical softmax walks: each word gets a code (its
 * left/right turns from the root) and the inner nodes on its path. Built as word2vec C does, with two queues
 * over counts sorted in decreasing order (O(V)), so codes match C's for the same vocabulary.
 *
 * <p>Codes and paths of all words are stored flat: word w's entries are [{@link #start}(w), start(w+1)).
 * Inner node ids are in [0, V-2], the root is V-2: rows of the inner-node table.
 */
public final class HuffmanTree {

    /** word2vec C's MAX_CODE_LENGTH; a deeper tree would overflow its fixed arrays. */
    public static final int MAX_CODE_LENGTH = 40;

    private final int[] start;
    private final byte[] codes;
    private final int[] points;

    private HuffmanTree(int[] start, byte[] codes, int[] points) {
        this.start = start;
        this.codes = codes;
        this.points = points;
    }

    public static HuffmanTree build(Vocabulary vocab) {
        return build(vocab.counts());
    }

    /**
     * @param counts word counts in non-increasing order from index 1 on (index 0, {@code </s>}, may be anything:
     *     C's tree treats it like every other word, in position)
     */
    public static HuffmanTree build(long[] counts) {
        int v = counts.length;
        if (v < 2) {
            throw new VocabularyException("hierarchical softmax needs at least 2 words in the vocabulary");
        }
        long[] count = new long[2 * v - 1];
        int[] parent = new int[2 * v - 1];
        byte[] binary = new byte[2 * v - 1];
        System.arraycopy(counts, 0, count, 0, v);
        for (int i = v; i < count.length; i++) {
            count[i] = Long.MAX_VALUE / 4;
        }
        // Queue 1 walks the leaves from the rarest (end) up; queue 2 holds new inner nodes in creation order,
        // which is also increasing count order.
        int pos1 = v - 1;
        int pos2 = v;
        for (int a = 0; a < v - 1; a++) {
            int min1, min2;
            if (pos1 >= 0 && count[pos1] < count[pos2]) {
                min1 = pos1--;
            } else {
                min1 = pos2++;
            }
            if (pos1 >= 0 && count[pos1] < count[pos2]) {
                min2 = pos1--;
            } else {
                min2 = pos2++;
            }
            count[v + a] = count[min1] + count[min2];
            parent[min1] = v + a;
            parent[min2] = v + a;
            binary[min2] = 1;
        }
        int root = 2 * v - 2;
        int[] start = new int[v + 1];
        int total = 0;
        for (int w = 0; w < v; w++) {
            int len = 0;
            for (int b = w; b != root; b = parent[b]) {
                len++;
            }
            if (len > MAX_CODE_LENGTH) {
                throw new VocabularyException("the Huffman tree of this vocabulary is " + len
                        + " levels deep (limit " + MAX_CODE_LENGTH + "); word counts are too skewed for -hs 1");
            }
            start[w] = total;
            total += len;
        }
        start[v] = total;
        byte[] codes = new byte[total];
        int[] points = new int[total];
        for (int w = 0; w < v; w++) {
            int len = start[w + 1] - start[w];
            int i = len;
            // Walk leaf -> root; store root -> leaf. The inner node above the k-th turn decides that turn.
            for (int b = w; b != root; b = parent[b]) {
                i--;
                codes[start[w] + i] = binary[b];
                points[start[w] + i] = parent[b] - v;
            }
        }
        return new HuffmanTree(start, codes, points);
    }

    public int size() {
        return start.length - 1;
    }

    /** First index of word {@code w}'s code in {@link #codes()} and {@link #points()}. */
    public int start(int w) {
        return start[w];
    }

    public int codeLength(int w) {
        return start[w + 1] - start[w];
    }

    /** All codes, flat: 0 or 1 per turn. Do not modify. */
    public byte[] codes() {
        return codes;
    }

    /** All inner nodes on the paths, flat, root first. Do not modify. */
    public int[] points() {
        return points;
    }

    public int[] starts() {
        return start;
    }
}
