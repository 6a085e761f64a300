package w2v.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import w2v.vocab.Vocabulary;

/**
 * A run of whole lines of one partition as word indices ({@code 0}, {@code </s>}, after each line; words out of
 * the vocabulary left out, as the trainer skips them uncounted), and where it starts among the partition's
 * words. A round trains the blocks that start in its share of the partition.
 */
record Block(long start, int[] words) implements Serializable {

    /** Words per block, about: rounds are cut at block boundaries, so this is their granularity. */
    static final int WORDS = 4096;

    static Iterator<Block> encode(Iterator<List<String>> lines, Vocabulary vocab) {
        List<Block> out = new ArrayList<>();
        int[] buf = new int[WORDS * 2];
        int n = 0;
        long start = 0;
        while (lines.hasNext()) {
            for (String w : lines.next()) {
                int i = vocab.indexOf(w);
                if (i >= 0) {
                    if (n == buf.length) {
                        buf = java.util.Arrays.copyOf(buf, buf.length * 2);
                    }
                    buf[n++] = i;
                }
            }
            if (n == buf.length) {
                buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            }
            buf[n++] = 0;
            if (n >= WORDS) {
                out.add(new Block(start, java.util.Arrays.copyOf(buf, n)));
                start += n;
                n = 0;
            }
        }
        if (n > 0) {
            out.add(new Block(start, java.util.Arrays.copyOf(buf, n)));
        }
        return out.iterator();
    }
}
