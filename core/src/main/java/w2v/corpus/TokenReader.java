package w2v.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import w2v.text.WordHash;

/**
 * Streams the tokens of one {@link ByteRange} of a corpus source: whitespace-separated words, and a newline
 * marker at every line end (word2vec C's {@code </s>}). Reads through a fixed buffer, so memory does not depend
 * on the file or line size. The bytes come from an {@link Input}: a plain file, a block of decompressed text,
 * or a gzip stream read from its start.
 *
 * <p>Whitespace is space, tab, newline, carriage return, vertical tab and form feed; CRLF ends a line once.
 * A word longer than {@link #MAX_WORD_BYTES} is cut there, at the start of the UTF-8 character that would
 * cross the limit, and counted in {@link #truncatedWords()}.
 *
 * <p>NUL is the one byte a word may hold that no word2vec file can (it ends a word in C readers, and the
 * writers refuse it): the reader counts the NUL bytes of the words it returns ({@link #nulBytes()}), so the
 * vocabulary pass finds them without a second look at the text. Only bytes up to the space character take
 * that test, which they already took to be told from whitespace.
 */
public final class TokenReader {

    /** End of the range. */
    public static final int END = -1;
    /** A line end. */
    public static final int NEWLINE = -2;

    /** word2vec C keeps 100 bytes of a word (MAX_STRING); so do we, but never inside a UTF-8 character. */
    public static final int MAX_WORD_BYTES = 100;

    /** What the training workers read through: one refill per megabyte. */
    public static final int DEFAULT_BUFFER = 1 << 20;

    /*
     * For the vocabulary pass: a refill, and a word that crosses the buffer's end, happen every ~3k tokens, so
     * the JIT has seen both paths by the time it compiles the counting loop. With 1 MB they first happened after
     * ~180k tokens, when C2 had compiled the loop without them; each then threw the compiled code away (JFR:
     * "unstable_if" in readByte and readWord) and the counting threads ran unoptimised until it was compiled
     * again; 64 KB was not small enough either. Tokenising alone took the same 21-26 ns a token with 16 KB,
     * 64 KB and 1 MB. Training keeps 1 MB: with 16 KB there, runs side by side were 0.27 s slower in the mean
     * of 10 pairs (standard error 0.09 s, 4M words), a cost this reader's own speed does not explain.
     */
    public static final int COUNTING_BUFFER = 1 << 14;

    /**
     * Where a reader's bytes come from, addressed by offsets in its source (file offsets, or offsets in the
     * decompressed text of a gzip file).
     */
    public interface Input {
        /** Reads into {@code dst} from {@code position}; -1 at the end of the source. */
        int read(ByteBuffer dst, long position) throws IOException;

        /**
         * The first offset this input holds: a range starting there owns its first token, there being no byte
         * before it to tell whether a token straddles the start.
         */
        default long start() {
            return 0;
        }
    }

    private Input input;
    private long rangeStart;
    private long rangeEnd;
    private final byte[] buf;
    private final ByteBuffer bb;
    private final byte[] word = new byte[MAX_WORD_BYTES + 4];
    // The word next() returned: its bytes are wordBytes[wordStart, wordStart + wordLength), in the buffer when
    // it lies whole in it (no copy), else in word; wordHash is their WordHash.
    private byte[] wordBytes = word;
    private int wordStart;
    private int wordLength;
    private int wordHash;

    private long bufFileOffset; // file offset of buf[0]
    private int pos;
    private int limit;
    private boolean eof;
    private boolean rewound; // nothing read since reset: position() is the range start
    private long truncatedWords;
    private long nulBytes;
    private long firstNul = -1;

    public TokenReader(FileChannel channel, ByteRange range) {
        this(channel, range, DEFAULT_BUFFER);
    }

    public TokenReader(FileChannel channel, ByteRange range, int bufferSize) {
        this(channel::read, range, bufferSize);
    }

    /**
     * A reader of {@code corpus} through {@code channel} (opened from it), starting with no range: a read that
     * ends before the size {@code corpus} recorded, or goes past it, throws {@link CorpusChangedException}.
     */
    public TokenReader(CorpusFile corpus, FileChannel channel, int bufferSize) {
        this(new PlainInput(corpus, channel), ByteRange.EMPTY, bufferSize);
    }

    /** A reader with no input yet: {@link #reset(Input, ByteRange)} gives it one. */
    public TokenReader(int bufferSize) {
        this(EMPTY_INPUT, ByteRange.EMPTY, bufferSize);
    }

    private TokenReader(Input input, ByteRange range, int bufferSize) {
        this.input = input;
        this.buf = new byte[bufferSize];
        this.bb = ByteBuffer.wrap(buf);
        reset(range);
    }

    private static final Input EMPTY_INPUT = (dst, position) -> -1;

    /** Starts reading {@code range} of another input, keeping the buffer. */
    public void reset(Input input, ByteRange range) {
        this.input = input;
        reset(range);
    }

    /** Starts reading {@code range} from its beginning (another chunk, or the same one again), keeping the buffer. */
    public void reset(ByteRange range) {
        this.rangeStart = range.start();
        this.rangeEnd = range.end();
        rewind();
    }

    private void rewind() {
        rewound = true;
        bufFileOffset = rangeStart;
        pos = 0;
        limit = 0;
        eof = false;
        if (rangeStart > input.start()) {
            // The token that straddles our start belongs to the previous range: skip its tail.
            bufFileOffset = rangeStart - 1;
            int prev = readByte();
            if (prev >= 0 && !isSpace(prev)) {
                int b;
                while ((b = peekByte()) >= 0 && !isSpace(b)) {
                    pos++;
                }
            }
        }
    }

    /**
     * Advances to the next token.
     *
     * @return the word's length in bytes (its bytes are in {@link #word()}), {@link #NEWLINE} or {@link #END}
     */
    public int next() {
        rewound = false;
        while (true) {
            if (fileOffset() >= rangeEnd) {
                return END;
            }
            int b = readByte();
            if (b < 0) {
                return END;
            }
            if (b <= ' ') {
                if (b == '\n') {
                    return NEWLINE;
                }
                if ((SPACES >>> b & 1) != 0) {
                    continue;
                }
                if (b == 0) {
                    countNul(fileOffset() - 1);
                }
            }
            return readWord(b);
        }
    }

    /**
     * Where {@link #resumeAt} continues exactly from here: the range start right after {@link #reset} (whose
     * skipping of a straddling token must happen again), else the file offset of the next unread byte.
     */
    public long position() {
        return rewound ? rangeStart : fileOffset();
    }

    /**
     * Continues from a {@link #position()} taken between tokens (a checkpoint): the tokens that follow are the
     * ones this reader would have returned after it.
     */
    public void resumeAt(long position) {
        // The last token of a range may end past rangeEnd: only the start bounds a position.
        if (position < rangeStart) {
            throw new IllegalArgumentException("position " + position + " before the range start " + rangeStart);
        }
        rewind();
        if (position == rangeStart) {
            return;
        }
        rewound = false;
        bufFileOffset = position;
        pos = 0;
        limit = 0;
        eof = false;
    }

    /**
     * The bytes of the word {@link #next()} returned a length for, from index 0; valid until the next call.
     * Copies them out of the buffer: {@link #wordBytes()} and {@link #wordStart()} do not.
     */
    public byte[] word() {
        if (wordBytes != word) {
            System.arraycopy(wordBytes, wordStart, word, 0, wordLength);
            wordBytes = word;
            wordStart = 0;
        }
        return word;
    }

    /** The array that holds the bytes of the word {@link #next()} returned, from {@link #wordStart()} on. */
    public byte[] wordBytes() {
        return wordBytes;
    }

    public int wordStart() {
        return wordStart;
    }

    /** The {@link WordHash} of the word {@link #next()} returned. */
    public int wordHash() {
        return wordHash;
    }

    /** Words cut at {@link #MAX_WORD_BYTES} so far. */
    public long truncatedWords() {
        return truncatedWords;
    }

    /** NUL bytes in the words returned so far. */
    public long nulBytes() {
        return nulBytes;
    }

    /** File offset of the first of {@link #nulBytes()}, or -1 if there is none. */
    public long firstNul() {
        return firstNul;
    }

    /** Forgets where the NUL bytes seen so far were (their count stays): offsets of another source follow. */
    public void forgetFirstNul() {
        firstNul = -1;
    }

    private void countNul(long offset) {
        nulBytes++;
        if (firstNul < 0 || offset < firstNul) {
            firstNul = offset;
        }
    }

    /** File offset of the next unread byte. */
    public long fileOffset() {
        return bufFileOffset + pos;
    }

    /** Bytes below the space character (whitespace, NUL and the other control bytes) in one SWAR test. */
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    /**
     * The word that starts with {@code first}, at pos - 1. Its end is found eight bytes at a time, the hash built
     * from the same eight-byte loads: a byte below the space character is flagged by the SWAR test, the lowest
     * flag exactly; if it is whitespace, the word ends there and stays in the buffer. A control byte inside a
     * word (NUL...), a word that runs to the buffer's last 8 bytes or past {@link #MAX_WORD_BYTES}: the byte
     * path, {@link #readWordSlowly}.
     */
    private int readWord(int first) {
        byte[] b = buf;
        int start = pos - 1;
        int last = limit - Long.BYTES; // the last index an 8-byte load may start at
        long h = 0;
        for (int i = start; i <= last; i += Long.BYTES) {
            long x = WordHash.longAt(b, i);
            long low = (x - ' ' * ONES - ONES) & ~x & HIGH_BITS; // flags bytes <= ' '
            if (low == 0) {
                if (i + Long.BYTES - start >= MAX_WORD_BYTES) {
                    break; // perhaps too long: the byte path cuts it
                }
                h = i == start ? WordHash.first(x) : WordHash.step(h, x);
                continue;
            }
            int k = Long.numberOfTrailingZeros(low) >>> 3;
            int end = b[i + k];
            if ((SPACES >>> end & 1) == 0) {
                break;
            }
            long chunk = x & ((1L << (k << 3)) - 1);
            if (i == start) {
                h = WordHash.first(chunk);
            } else if (k > 0) {
                h = WordHash.step(h, chunk);
            }
            int len = i + k - start;
            if (len > MAX_WORD_BYTES) {
                break;
            }
            pos = i + k;
            wordBytes = b;
            wordStart = start;
            wordLength = len;
            wordHash = WordHash.finish(h, len);
            return len;
        }
        int len = readWordSlowly(first);
        wordBytes = word;
        wordStart = 0;
        wordLength = len;
        wordHash = WordHash.of(word, 0, len);
        return len;
    }

    /** The word that starts with {@code first}, at pos - 1, byte by byte; its bytes go to {@link #word}. */
    private int readWordSlowly(int first) {
        // Usually the whole word is in the buffer: find its end there and copy it at once.
        int start = pos - 1;
        int end = pos;
        int nul = -1; // first NUL in buf; noted only if this path keeps the word
        while (end < limit) {
            int b = buf[end] & 0xFF;
            if (b <= ' ') {
                if ((SPACES >>> b & 1) != 0) {
                    break;
                }
                if (b == 0 && nul < 0) {
                    nul = end;
                }
            }
            end++;
        }
        if (end < limit && end - start <= MAX_WORD_BYTES) {
            int len = end - start;
            System.arraycopy(buf, start, word, 0, len);
            pos = end;
            if (nul >= 0) {
                countNuls(nul, end);
            }
            return len;
        }
        return readWordByByte(first);
    }

    /** A word that crosses the end of the buffer or is too long: byte by byte, refilling as needed. */
    private int readWordByByte(int first) {
        int len = 0;
        word[len++] = (byte) first;
        boolean cut = false;
        int b;
        while ((b = peekByte()) >= 0 && !isSpace(b)) {
            if (b == 0) {
                countNul(fileOffset());
            }
            pos++;
            if (len < MAX_WORD_BYTES) {
                word[len++] = (byte) b;
            } else {
                cut = true;
            }
        }
        if (cut) {
            truncatedWords++;
            len = utf8Boundary(word, len);
        }
        return len;
    }

    /** Counts the NUL bytes of buf[from, to), the rest of a word whose first NUL is at {@code from}. */
    private void countNuls(int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == 0) {
                countNul(bufFileOffset + i);
            }
        }
    }

    /** Largest length <= len that does not end inside a UTF-8 multi-byte character. */
    public static int utf8Boundary(byte[] w, int len) {
        int i = len;
        // Step back over continuation bytes (10xxxxxx) to the start of the last character.
        int start = i - 1;
        while (start > 0 && (w[start] & 0xC0) == 0x80 && i - start < 4) {
            start--;
        }
        int lead = w[start] & 0xFF;
        int need = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        return start + need <= len ? len : start;
    }

    /** Bits 9 to 13 (tab, newline, vertical tab, form feed, carriage return) and 32 (space). */
    private static final long SPACES = 0x3E00L | 1L << ' ';

    /** For b in 0..255: one comparison that is almost always false inside a word, then a bit test. */
    static boolean isSpace(int b) {
        return b <= ' ' && (SPACES >>> b & 1) != 0;
    }

    private int readByte() {
        if (pos >= limit && !fill()) {
            return -1;
        }
        return buf[pos++] & 0xFF;
    }

    private int peekByte() {
        if (pos >= limit && !fill()) {
            return -1;
        }
        return buf[pos] & 0xFF;
    }

    private boolean fill() {
        if (eof) {
            return false;
        }
        bufFileOffset += limit;
        pos = 0;
        limit = 0;
        bb.clear();
        try {
            while (bb.hasRemaining()) {
                int n = input.read(bb, bufFileOffset + bb.position());
                if (n < 0) {
                    eof = true;
                    break;
                }
                if (n == 0) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        limit = bb.position();
        if (limit == 0) {
            eof = true;
        }
        return limit > 0;
    }
}
