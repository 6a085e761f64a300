package w2v.phrases;

import java.util.Arrays;
import w2v.corpus.ByteRange;

/**
 * word2phrase's TrainModel loop over one chunk: each word is written after a space, or after {@code _} when
 * its bigram with the word before scores above the threshold; each line end is written as a newline. The
 * state carried from word to word is the previous token (a word, or {@code </s>} after a line end, for the
 * bigram), whether the previous word was kept (C's {@code li}), and its count, or 0 if it was itself joined
 * (C's {@code pa}, which keeps a word from joining both neighbours in one pass).
 *
 * <p>Chunks are rewritten in parallel, so a chunk does not know whether the word before it was joined. It is
 * rewritten for both cases at once until they agree on a word, after which they are the same; the output is
 * that of "not joined", with the separators that differ for "joined" listed, for the writer to flip once the
 * previous chunk has settled the question. In text, the two cases agree within a word or two.
 */
final class ChunkRewriter {

    /** Where the rewriting of a chunk starts: what its predecessors leave. */
    record Start(byte[] previousToken, boolean previousKnown, long previousCount) {
    }

    /** A rewritten chunk. */
    static final class Output {
        byte[] bytes;
        int length;
        /** Positions of the separators to flip ('_' and ' ') if the word before the chunk was joined. */
        int[] flips = new int[16];
        int flipCount;
        boolean hasWord;
        /** Whether the chunk's last word was joined, if the word before the chunk was not / was. */
        boolean lastJoined, lastJoinedIfJoined;
        long joins, joinsIfJoined;

        /** About the chunk's size: a word's separator takes the place of the space before it. */
        Output(long chunkBytes) {
            bytes = new byte[(int) Math.clamp(chunkBytes + 64, 64, 1 << 21)];
        }

        /** Settles the chunk for the actual state before it; returns whether its last word was joined. */
        boolean settle(boolean previousJoined) {
            if (previousJoined) {
                for (int i = 0; i < flipCount; i++) {
                    int at = flips[i];
                    bytes[at] = bytes[at] == '_' ? (byte) ' ' : (byte) '_';
                }
            }
            if (!hasWord) {
                return previousJoined;
            }
            return previousJoined ? lastJoinedIfJoined : lastJoined;
        }

        long joins(boolean previousJoined) {
            return previousJoined ? joinsIfJoined : joins;
        }

        private void ensure(int extra) {
            if (length + extra > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, length + extra));
            }
        }

        private void flip(int at) {
            if (flipCount == flips.length) {
                flips = Arrays.copyOf(flips, 2 * flipCount);
            }
            flips[flipCount++] = at;
        }
    }

    private static final byte[] END_OF_SENTENCE = {'<', '/', 's', '>'};

    /**
     * Tokens read, and their words and bigrams looked up, a batch at a time. The lookups miss the caches on
     * much of a big vocabulary; touching the slots of a whole batch first lets those misses overlap instead of
     * waiting for each in turn (the keys do not depend on the joins, only the joins on the counts).
     */
    private static final int BATCH = 128;
    private static final int WORD_STRIDE = WordReader.MAX_WORD_BYTES;
    private static final int BIGRAM_STRIDE = Keys.MAX_BIGRAM_BYTES;

    private final WordReader reader;
    private final KeptCounts kept;
    private final Scorer scorer;
    /** The previous token and '_', then the current word: the bigram is built in place. */
    private final byte[] pair = new byte[2 * WordReader.MAX_WORD_BYTES + 1 + 8];
    private final int[] lengths = new int[BATCH];           // of the words, or WordReader.NEWLINE
    private final int[] bigramLengths = new int[BATCH];
    private final byte[] words = new byte[BATCH * WORD_STRIDE + 8];
    private final byte[] bigrams = new byte[BATCH * BIGRAM_STRIDE + 8];
    private final long[] wordHashes = new long[BATCH];
    private final long[] bigramHashes = new long[BATCH];
    private int prevLen;
    /** Where the touched slots go (see {@link KeyTable#touch}). */
    long sink;

    ChunkRewriter(WordReader reader, KeptCounts kept, Scorer scorer) {
        this.reader = reader;
        this.kept = kept;
        this.scorer = scorer;
    }

    Output rewrite(ByteRange range, Start start) {
        Output out = new Output(range.length());
        reader.reset(range);
        setPrevious(start.previousToken(), start.previousToken().length);
        boolean prevKnown = start.previousKnown();
        long pa = start.previousKnown() ? start.previousCount() : 0; // the previous word not joined
        long paIfJoined = 0;                                         // ... and joined
        boolean apart = true; // the two cases still differ
        boolean joined = false, joinedIfJoined = true;
        for (int batch; (batch = readBatch()) > 0; ) {
            for (int i = 0; i < batch; i++) {
                int n = lengths[i];
                if (n == WordReader.NEWLINE) {
                    out.ensure(1);
                    out.bytes[out.length++] = '\n';
                    continue;
                }
                int w = i * WORD_STRIDE;
                long pb = kept.count(wordHashes[i], words, w, n);
                long pab = kept.count(bigramHashes[i], bigrams, i * BIGRAM_STRIDE, bigramLengths[i]);
                boolean unknown = pb == 0 || !prevKnown || pab == 0;
                joined = scorer.joins(unknown, pa, pb, pab);
                out.ensure(n + 1);
                if (apart) {
                    joinedIfJoined = scorer.joins(unknown, paIfJoined, pb, pab);
                    if (joinedIfJoined != joined) {
                        out.flip(out.length);
                        out.joinsIfJoined += joinedIfJoined ? 1 : 0;
                        paIfJoined = joinedIfJoined ? 0 : pb;
                    } else {
                        apart = false;
                    }
                }
                out.bytes[out.length++] = joined ? (byte) '_' : (byte) ' ';
                System.arraycopy(words, w, out.bytes, out.length, n);
                out.length += n;
                out.hasWord = true;
                if (joined) {
                    out.joins++;
                    if (!apart) {
                        out.joinsIfJoined++;
                    }
                }
                pa = joined ? 0 : pb;
                prevKnown = pb > 0;
            }
        }
        out.lastJoined = joined;
        out.lastJoinedIfJoined = apart ? joinedIfJoined : joined;
        return out;
    }

    /** Reads up to {@link #BATCH} tokens, builds their bigrams, hashes both and touches their slots. */
    private int readBatch() {
        int k = 0;
        for (int n; k < BATCH && (n = reader.next()) != WordReader.END; k++) {
            lengths[k] = n;
            if (n == WordReader.NEWLINE) {
                setPrevious(END_OF_SENTENCE, END_OF_SENTENCE.length);
                continue;
            }
            byte[] w = reader.word();
            System.arraycopy(w, 0, words, k * WORD_STRIDE, n);
            int len = Math.min(prevLen + 1 + n, Keys.MAX_BIGRAM_BYTES);
            System.arraycopy(w, 0, pair, prevLen + 1, len - prevLen - 1);
            System.arraycopy(pair, 0, bigrams, k * BIGRAM_STRIDE, len);
            bigramLengths[k] = len;
            setPrevious(w, n);
        }
        for (int i = 0; i < k; i++) {
            if (lengths[i] != WordReader.NEWLINE) {
                wordHashes[i] = Keys.hash(words, i * WORD_STRIDE, lengths[i]);
                bigramHashes[i] = Keys.hash(bigrams, i * BIGRAM_STRIDE, bigramLengths[i]);
            }
        }
        long touched = 0; // a loop of its own, short, so that many of its loads are in flight at once
        for (int i = 0; i < k; i++) {
            touched += kept.touch(wordHashes[i]) + kept.touch(bigramHashes[i]);
        }
        sink += touched;
        return k;
    }

    private void setPrevious(byte[] token, int len) {
        System.arraycopy(token, 0, pair, 0, len);
        pair[len] = '_';
        prevLen = len;
    }
}
