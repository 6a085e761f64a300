package w2v.phrases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import w2v.corpus.ByteRange;
import w2v.corpus.CorpusException;

/**
 * Reads the tokens of one byte range exactly as word2phrase's ReadWord does, which is not quite word2vec's
 * tokenizer ({@link w2v.corpus.TokenReader}): only space, tab and newline separate words; a carriage return is
 * dropped wherever it is, even inside a word; a word keeps its first {@link #MAX_WORD_BYTES} bytes whatever
 * they are (no UTF-8 boundary); every newline is a line end, and so is a word that reads {@code </s>}; and the
 * file's last word is lost when no separator follows it (ReadWord meets the end of file inside it).
 *
 * <p>A range owns the runs of non-separator bytes that start inside it (a run may continue past its end), so
 * chunks cut anywhere give every word to exactly one reader. A NUL byte is refused: word2phrase would cut the
 * word there (C strings), and such a file is not text.
 */
final class WordReader {

    /** End of the range. */
    static final int END = -1;
    /** A line end: a newline byte or the word {@code </s>}. */
    static final int NEWLINE = -2;

    /** word2phrase's MAX_STRING is 180; ReadWord keeps 178 bytes and the terminating zero. */
    static final int MAX_WORD_BYTES = 178;

    private static final int BUFFER = 64 << 10;

    private final FileChannel channel;
    private final Path path;
    private final byte[] buf = new byte[BUFFER];
    private final ByteBuffer bb = ByteBuffer.wrap(buf);
    private final byte[] word = new byte[MAX_WORD_BYTES];

    private long rangeEnd;
    private long bufFileOffset; // file offset of buf[0]
    private int pos;
    private int limit;
    private boolean eof;

    WordReader(FileChannel channel, Path path) {
        this.channel = channel;
        this.path = path;
    }

    /** Starts reading {@code range}, skipping the tail of a run that began before it. */
    void reset(ByteRange range) {
        rangeEnd = range.end();
        pos = 0;
        limit = 0;
        eof = false;
        bufFileOffset = range.start();
        if (range.start() > 0) {
            bufFileOffset = range.start() - 1;
            int prev = readByte();
            if (prev >= 0 && !isSeparator(prev)) {
                int b;
                while ((b = peekByte()) >= 0 && !isSeparator(b)) {
                    pos++;
                }
            }
        }
    }

    /**
     * Advances to the next token.
     *
     * @return the word's length (its bytes are in {@link #word()}), {@link #NEWLINE} or {@link #END}
     */
    int next() {
        while (true) {
            if (bufFileOffset + pos >= rangeEnd) {
                return END;
            }
            int b = readByte();
            if (b < 0) {
                return END;
            }
            if (b == ' ' || b == '\t') {
                continue;
            }
            if (b == '\n') {
                return NEWLINE;
            }
            int len = readRun(b);
            if (len > 0) {
                return isEndOfSentence(len) ? NEWLINE : len;
            }
            if (len < 0) {
                return END; // the file ends inside this run: ReadWord's caller drops it
            }
            // a run of carriage returns only: no word
        }
    }

    /** The bytes of the word {@link #next()} returned a length for; valid until the next call. */
    byte[] word() {
        return word;
    }

    /** File offset of the next unread byte. */
    long fileOffset() {
        return bufFileOffset + pos;
    }

    /**
     * Reads the run starting with {@code first} up to (not including) its separator.
     *
     * @return the word's length without carriage returns, or -1 if the file ended inside the run
     */
    private int readRun(int first) {
        int len = 0;
        int b = first;
        while (true) {
            if (b == 0) {
                throw new CorpusException(path, "contains a NUL byte at offset " + (fileOffset() - 1)
                        + ": this looks like a binary file, not text");
            }
            if (b != '\r' && len < MAX_WORD_BYTES) {
                word[len++] = (byte) b;
            }
            // Most of a word is in the buffer: scan it there without the per-byte refill check.
            while (pos < limit) {
                b = buf[pos] & 0xFF;
                if (b <= ' ' && (b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == 0)) {
                    break;
                }
                pos++;
                if (len < MAX_WORD_BYTES) {
                    word[len++] = (byte) b;
                }
            }
            b = peekByte();
            if (b < 0) {
                return -1;
            }
            if (isSeparator(b)) {
                return len;
            }
            pos++;
        }
    }

    private boolean isEndOfSentence(int len) {
        return len == 4 && word[0] == '<' && word[1] == '/' && word[2] == 's' && word[3] == '>';
    }

    static boolean isSeparator(int b) {
        return b == ' ' || b == '\t' || b == '\n';
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
                if (channel.read(bb, bufFileOffset + bb.position()) < 0) {
                    eof = true;
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": " + e.getMessage(), e);
        }
        limit = bb.position();
        if (limit == 0) {
            eof = true;
        }
        return limit > 0;
    }
}
