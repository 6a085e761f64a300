package w2v.io;

import java.io.IOException;
import w2v.text.OneLineQuote;
import w2v.text.WordRules;

/**
 * What a vector file declares before its rows: the word2vec header line {@code "<count> <dim>"} (two decimal
 * integers separated by spaces or tabs, surrounding whitespace, a CR before the newline and a UTF-8 byte order
 * mark before it all tolerated), or, in a file without that line such as GloVe's, the dimension taken from the
 * number of values on the first row and the count of its non-blank lines.
 *
 * <p>The rule when the caller does not say whether there is a header: a first line of exactly two non-negative
 * integers is a header; a first line of a word and one or more numbers is the first row of a file without one.
 * So a headerless file whose first row is an integer word with one integer value ("1 2") reads as a header:
 * such a file needs {@link ReadOptions#withNoHeader} true.
 *
 * @param count the rows declared or counted ({@link #UNCOUNTED} until a headerless file is counted)
 * @param inFile whether the file has the header line (its rows then start on line 2)
 */
record Header(int count, int dim, boolean inFile) {

    static final int UNCOUNTED = -1;
    /** Largest dimension accepted: far beyond any embedding, small enough that a row's bytes fit an int. */
    static final int MAX_DIM = 1 << 24;
    static final int MAX_COUNT = Integer.MAX_VALUE - 8;

    private static final String HEADER = "a word2vec header \"<count> <dim>\"";
    private static final String ROW = "\"<word> <value> ... <value>\"";

    Header withCount(int count) {
        return new Header(count, dim, inFile);
    }

    /**
     * Reads the header line and the newline after it from {@code in}; in a file without header, reads nothing
     * (past a byte order mark) and returns the first row's dimension, {@link #UNCOUNTED} rows.
     *
     * @param noHeader as {@link ReadOptions#noHeader()}
     */
    static Header read(InputBuffer in, String file, Boolean noHeader) throws IOException {
        in.fill(); // the whole first line: a row of a headerless file with 1000 values takes some 10 KB
        if (in.available() == 0) {
            throw new VectorFormatException(file + ": empty file, expected " + expected(noHeader));
        }
        byte[] b = in.bytes;
        if (in.available() >= 3 && b[in.pos] == (byte) 0xEF && b[in.pos + 1] == (byte) 0xBB
                && b[in.pos + 2] == (byte) 0xBF) {
            in.pos += 3; // a UTF-8 byte order mark, as Windows editors save text
        }
        int start = in.pos;
        int nl = start;
        while (nl < in.limit && b[nl] != '\n') {
            nl++;
        }
        FirstLine line = FirstLine.scan(b, start, nl);
        boolean wholeLine = nl < in.limit || in.sawEndOfFile();
        if (!Boolean.TRUE.equals(noHeader) && wholeLine && line.isHeader()) {
            in.pos = Math.min(nl + 1, in.limit);
            return checked(file, line.first, line.second, OneLineQuote.bytes(b, start, nl));
        }
        boolean row = Boolean.TRUE.equals(noHeader) ? line.tokens >= 2 : noHeader == null && line.isRow();
        if (wholeLine && row) {
            return new Header(UNCOUNTED, line.tokens - 1, false);
        }
        throw new VectorFormatException(file + ": line 1: expected " + expected(noHeader) + ", found "
                + OneLineQuote.bytes(b, start, nl));
    }

    private static String expected(Boolean noHeader) {
        if (noHeader == null) {
            return HEADER + " or, in a file without header, a row " + ROW;
        }
        return noHeader ? "a row " + ROW + " (the file has no header, as asked)" : HEADER;
    }

    private static Header checked(String file, long count, long dim, String found) throws VectorFormatException {
        if (dim < 1 || dim > MAX_DIM) {
            throw new VectorFormatException(file + ": line 1: the dimension in the header must be between 1 and "
                    + MAX_DIM + ", found " + found);
        }
        if (count > MAX_COUNT) {
            throw new VectorFormatException(file + ": line 1: the header declares more rows than can be loaded ("
                    + MAX_COUNT + " at most), found " + found);
        }
        return new Header((int) count, (int) dim, true);
    }

    /**
     * Counts the rows of a file without header: its lines holding anything but whitespace, from the start of
     * {@code in} to its end or to {@code limit} rows (0 = no limit). Blank lines are not rows: the parser
     * rejects one between rows and accepts them at the end.
     */
    static int countRows(InputBuffer in, String file, int limit) throws IOException {
        long rows = 0;
        boolean blank = true;
        while (in.ensure(1)) {
            byte[] b = in.bytes;
            for (int i = in.pos, end = in.limit; i < end; i++) {
                byte c = b[i];
                if (c == '\n') {
                    if (!blank) {
                        rows++;
                        if (rows == limit) {
                            return limit;
                        }
                    }
                    blank = true;
                } else if (blank && !WordRules.isAsciiWhitespace(c)) {
                    blank = false;
                }
            }
            in.pos = in.limit;
            checkCount(file, rows);
        }
        rows += blank ? 0 : 1; // a last row without newline
        checkCount(file, rows);
        return (int) rows;
    }

    private static void checkCount(String file, long rows) throws VectorFormatException {
        if (rows > MAX_COUNT) {
            throw new VectorFormatException(file + ": the file has more rows than can be loaded (" + MAX_COUNT
                    + " at most)");
        }
    }

    /** The fields of the first line: how many, whether the first two are integers, whether the rest are numbers. */
    private record FirstLine(int tokens, long first, long second, boolean valuesAreNumbers) {

        static FirstLine scan(byte[] b, int from, int to) {
            int tokens = 0;
            long[] integers = {-1, -1};
            boolean numbers = true;
            int i = from;
            while (true) {
                while (i < to && WordRules.isAsciiWhitespace(b[i])) {
                    i++;
                }
                if (i == to) {
                    return new FirstLine(tokens, integers[0], integers[1], numbers);
                }
                int tokenStart = i;
                while (i < to && !WordRules.isAsciiWhitespace(b[i])) {
                    i++;
                }
                if (tokens < 2 && digitsOnly(b, tokenStart, i)) {
                    integers[tokens] = parse(b, tokenStart, i);
                }
                if (tokens >= 1 && numbers) {
                    numbers = Float.isFinite(FloatParser.parse(b, tokenStart, i));
                }
                tokens++;
            }
        }

        boolean isHeader() {
            return tokens == 2 && first >= 0 && second >= 0;
        }

        boolean isRow() {
            return tokens >= 2 && valuesAreNumbers;
        }
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
}
