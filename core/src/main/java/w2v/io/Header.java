package w2v.io;

import java.io.IOException;

/**
 * The first line of a word2vec file, {@code "<count> <dim>"}: two decimal integers separated by spaces or
 * tabs, surrounding whitespace, a CR before the newline and a UTF-8 byte order mark before it all tolerated.
 */
record Header(int count, int dim) {

    /** Past this a line is not a header; it keeps a header-less binary file from being scanned whole. */
    private static final int MAX_LENGTH = 4096;
    /** Largest dimension accepted: far beyond any embedding, small enough that a row's bytes fit an int. */
    static final int MAX_DIM = 1 << 24;
    static final int MAX_COUNT = Integer.MAX_VALUE - 8;

    /** Reads the header line and the newline after it from {@code in}. */
    static Header read(InputBuffer in, String file) throws IOException {
        in.ensure(MAX_LENGTH + 1);
        if (in.available() == 0) {
            throw new VectorFormatException(file + ": empty file, expected a word2vec header \"<count> <dim>\"");
        }
        byte[] b = in.bytes;
        if (in.available() >= 3 && b[in.pos] == (byte) 0xEF && b[in.pos + 1] == (byte) 0xBB && b[in.pos + 2] == (byte) 0xBF) {
            in.pos += 3; // a UTF-8 byte order mark, as Windows editors save text
        }
        int start = in.pos;
        int end = Math.min(in.limit, start + MAX_LENGTH + 1);
        int nl = start;
        while (nl < end && b[nl] != '\n') {
            nl++;
        }
        if (nl == end && !(nl == in.limit && in.sawEndOfFile())) {
            throw bad(file, Quote.bytes(b, start, end));
        }
        long[] values = new long[2];
        int n = 0;
        int i = start;
        while (true) {
            while (i < nl && Words.isAsciiWhitespace(b[i])) {
                i++;
            }
            if (i == nl) {
                break;
            }
            int tokenStart = i;
            while (i < nl && !Words.isAsciiWhitespace(b[i])) {
                i++;
            }
            if (n == 2 || !digitsOnly(b, tokenStart, i)) {
                throw bad(file, Quote.bytes(b, start, nl));
            }
            values[n++] = parse(b, tokenStart, i);
        }
        if (n != 2) {
            throw bad(file, Quote.bytes(b, start, nl));
        }
        in.pos = Math.min(nl + 1, in.limit);
        String found = Quote.bytes(b, start, nl);
        if (values[1] < 1 || values[1] > MAX_DIM) {
            throw new VectorFormatException(file + ": line 1: the dimension in the header must be between 1 and "
                    + MAX_DIM + ", found " + found);
        }
        if (values[0] > MAX_COUNT) {
            throw new VectorFormatException(file + ": line 1: the header declares more rows than can be loaded ("
                    + MAX_COUNT + " at most), found " + found);
        }
        return new Header((int) values[0], (int) values[1]);
    }

    private static boolean digitsOnly(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return false;
            }
        }
        return to - from > 0;
    }

    /** Saturates at Long.MAX_VALUE: an absurd number only needs to be too large, not exact. */
    private static long parse(byte[] b, int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) {
            v = v > (Long.MAX_VALUE - 9) / 10 ? Long.MAX_VALUE : v * 10 + (b[i] - '0');
        }
        return v;
    }

    private static VectorFormatException bad(String file, String found) {
        return new VectorFormatException(file + ": line 1: expected a word2vec header \"<count> <dim>\", found "
                + found);
    }
}
