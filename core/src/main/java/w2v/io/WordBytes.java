package w2v.io;

import java.io.IOException;
import java.util.Arrays;
import w2v.text.OneLineQuote;
import w2v.text.WordRules;

/** The bytes of the word being read, copied out of the input buffer so a refill cannot move them. */
final class WordBytes {

    /** Longer "words" mean the file is not what its header says (word2vec C itself stops at 100 bytes). */
    static final int MAX_LENGTH = 1 << 16;

    byte[] bytes = new byte[128];
    int length;

    /** Text format: the word ends at any ASCII whitespace or the end of the file. */
    void readUntilWhitespace(InputBuffer in, String file, RowLocation where) throws IOException {
        length = 0;
        while (true) {
            if (in.pos == in.limit && !in.ensure(1)) {
                return;
            }
            byte[] b = in.bytes;
            int p = in.pos;
            int lim = in.limit;
            int e = p;
            while (e < lim && !WordRules.isAsciiWhitespace(b[e])) {
                e++;
            }
            append(b, p, e, file, where, in.offsetName, in.offsetOf(p));
            in.pos = e;
            if (e < lim) {
                return;
            }
        }
    }

    /**
     * Binary format: the word ends at a space. A newline or NUL inside it means the vectors before it were not
     * dim floats long (a wrong header) or the file is not binary, so that fails here rather than as garbage.
     *
     * @return false when the file ended before the space
     */
    boolean readUntilSpace(InputBuffer in, String file, RowLocation where) throws IOException {
        length = 0;
        while (true) {
            if (in.pos == in.limit && !in.ensure(1)) {
                return false;
            }
            byte[] b = in.bytes;
            int p = in.pos;
            int lim = in.limit;
            int e = p;
            while (e < lim && b[e] != ' ' && b[e] != '\n' && b[e] != 0) {
                e++;
            }
            append(b, p, e, file, where, in.offsetName, in.offsetOf(p));
            in.pos = e;
            if (e < lim) {
                if (b[e] != ' ') {
                    throw new VectorFormatException(file + ": " + where + ", " + in.offsetName + " " + in.offsetOf(e)
                            + ": expected a word followed by a space, found byte " + OneLineQuote.hexByte(b[e])
                            + " after " + OneLineQuote.bytes(bytes, 0, length)
                            + " (is the dimension in the header right?)");
                }
                in.pos++;
                return true;
            }
        }
    }

    private void append(byte[] src, int from, int to, String file, RowLocation where, String offsetName, long offset)
            throws VectorFormatException {
        int n = to - from;
        if (length + n > MAX_LENGTH) {
            throw new VectorFormatException(file + ": " + where + ", " + offsetName + " " + (offset - length)
                    + ": expected a word, found more than " + MAX_LENGTH + " bytes without a separator");
        }
        if (length + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(length + n, bytes.length * 2));
        }
        System.arraycopy(src, from, bytes, length, n);
        length += n;
    }
}
