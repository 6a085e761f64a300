package w2v.phrases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import w2v.corpus.ByteRange;
import w2v.corpus.CorpusFile;

/**
 * word2phrase's SortVocab, where it differs from "keep what reaches min-count". Its loop removes an entry from
 * the end of the sorted vocabulary for {@code </s>} (count 0, never counted), which is harmless while some
 * entry is below min-count; when none is (every word and bigram seen at least min-count times: min-count 1, or
 * a tiny corpus), the entry removed is a kept one, the last in sorted order. qsort sorts by decreasing count
 * and glibc's is a stable merge sort, so that is the entry of the lowest count inserted last: the one whose
 * first occurrence is the latest, a word before the bigram it ends. Found here with one more sequential pass,
 * which only such corpora pay for.
 */
final class Quirks {

    private Quirks() {
    }

    static void dropLastInserted(KeptCounts kept, long lowest, CorpusFile corpus) {
        long candidates = kept.withCount(lowest);
        KeyTable seen = new KeyTable((int) Math.min(candidates, 1 << 20));
        byte[] last = null;
        byte[] pair = new byte[2 * WordReader.MAX_WORD_BYTES + 1 + 8];
        pair[0] = '_';
        int prevLen = 0;
        try (FileChannel ch = corpus.open()) {
            WordReader reader = new WordReader(ch, corpus.path());
            reader.reset(new ByteRange(0, corpus.size()));
            for (int n; seen.size() < candidates && (n = reader.next()) != WordReader.END; ) {
                if (n == WordReader.NEWLINE) {
                    continue;
                }
                byte[] w = reader.word();
                if (firstSight(kept, lowest, seen, w, n)) {
                    last = Arrays.copyOf(w, n);
                }
                int len = Math.min(prevLen + 1 + n, Keys.MAX_BIGRAM_BYTES);
                System.arraycopy(w, 0, pair, prevLen + 1, len - prevLen - 1);
                if (firstSight(kept, lowest, seen, pair, len)) {
                    last = Arrays.copyOf(pair, len);
                }
                System.arraycopy(w, 0, pair, 0, n);
                pair[n] = '_';
                prevLen = n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(corpus.path() + ": " + e.getMessage(), e);
        }
        if (last != null) {
            kept.drop(last, 0, last.length);
        }
    }

    private static boolean firstSight(KeptCounts kept, long lowest, KeyTable seen, byte[] b, int len) {
        if (kept.count(b, 0, len) != lowest) {
            return false;
        }
        int h = (int) Keys.hash(b, 0, len);
        if (seen.count(h, b, 0, len) > 0) {
            return false;
        }
        seen.add(h, b, 0, len, 1);
        return true;
    }
}
