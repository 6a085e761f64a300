package w2v.io;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import w2v.text.OneLineQuote;
import w2v.text.WordRules;

/**
 * Reads rows of the text format, {@code word v1 ... vdim} and a line end, straight into a table row.
 * Tolerated: several spaces or tabs between fields, leading blanks, a blank or CR before the newline (word2vec
 * C writes "%lf " with a trailing space; Windows tools write CRLF), no newline after the last row.
 */
final class TextRows implements RowReader {

    /** No decimal number in a vector file is longer; Python's repr of a double is at most 24 bytes. */
    private static final int MAX_TOKEN = 64;
    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT_UNALIGNED;

    private final InputBuffer in;
    private final String file;
    private final int dim;
    private final int count;
    private final WordDecoder decoder;
    private final WordBytes word = new WordBytes();
    /** Line number of the next row. */
    private final RowLocation line;
    /** Where the count comes from, for messages. */
    private final String declared;
    /** Where the dimension comes from, for messages: said only when it is not in a header. */
    private final String dimFrom;

    TextRows(InputBuffer in, String file, Header header, WordDecoder decoder) {
        this.in = in;
        this.file = file;
        this.dim = header.dim();
        this.count = header.count();
        this.decoder = decoder;
        this.line = new RowLocation("line", header.inFile() ? 2 : 1);
        this.declared = header.inFile() ? "the header declares" : "counted in the file before reading";
        this.dimFrom = header.inFile() ? "" : " (as many as on line 1: the file has no header)";
    }

    @Override
    public String read(int row, MemorySegment seg, long offset) throws IOException {
        skipBlanks();
        int c = in.peek();
        if (c == -1) {
            throw error("expected row " + (row + 1) + " of the " + count + " " + declared
                    + ", found the end of the file");
        }
        if (c == '\n') {
            throw error("expected a word and " + dim + " values, found an empty line");
        }
        long wordOffset = in.offset();
        word.readUntilWhitespace(in, file, line);
        String w = decoder.decode(word.bytes, 0, word.length, wordOffset, line);
        byte[] b = in.bytes;
        for (int v = 0; v < dim; v++) {
            skipBlanks();
            in.ensure(MAX_TOKEN + 1);
            int p = in.pos;
            int end = Math.min(in.limit, p + MAX_TOKEN + 1);
            int e = p;
            while (e < end && !WordRules.isAsciiWhitespace(b[e])) {
                e++;
            }
            if (e == p) {
                throw error("expected " + dim + " values after word " + OneLineQuote.text(w) + ", found " + v
                        + dimFrom);
            }
            if (e - p > MAX_TOKEN) {
                throw error("value " + (v + 1) + " of word " + OneLineQuote.text(w) + " is not a number: "
                        + OneLineQuote.bytes(b, p, e));
            }
            float f = FloatParser.parse(b, p, e);
            if (!Float.isFinite(f)) {
                throw error("value " + (v + 1) + " of word " + OneLineQuote.text(w) + " is "
                        + FloatParser.describe(b, p, e) + ": " + OneLineQuote.bytes(b, p, e));
            }
            seg.set(F, offset + 4L * v, f);
            in.pos = e;
        }
        skipBlanks();
        c = in.peek();
        if (c != '\n' && c != -1) {
            throw error("expected " + dim + " values after word " + OneLineQuote.text(w) + ", found "
                    + (dim + restOfLine()) + dimFrom);
        }
        if (c == '\n') {
            in.pos++;
        }
        line.number++;
        return w;
    }

    @Override
    public void expectEnd() throws IOException {
        while (true) {
            int c = in.peek();
            if (c == -1) {
                return;
            }
            if (!WordRules.isAsciiWhitespace(c)) {
                in.ensure(80);
                int end = in.pos;
                while (end < in.limit && end - in.pos < 80 && in.bytes[end] != '\n') {
                    end++;
                }
                throw error("expected the end of the file after the " + count + " rows " + declared + ", found "
                        + OneLineQuote.bytes(in.bytes, in.pos, end));
            }
            if (c == '\n') {
                line.number++;
            }
            in.pos++;
        }
    }

    /** Skips spaces, tabs and CRs, not newlines. */
    private void skipBlanks() throws IOException {
        while (true) {
            if (in.pos == in.limit && !in.ensure(1)) {
                return;
            }
            byte c = in.bytes[in.pos];
            if (c == '\n' || !WordRules.isAsciiWhitespace(c)) {
                return;
            }
            in.pos++;
        }
    }

    /** Counts the remaining fields on the line, for a message. */
    private int restOfLine() throws IOException {
        int fields = 0;
        boolean inField = false;
        while (true) {
            int c = in.peek();
            if (c == -1 || c == '\n') {
                return fields;
            }
            boolean ws = WordRules.isAsciiWhitespace(c);
            if (!ws && !inField) {
                fields++;
            }
            inField = !ws;
            in.pos++;
        }
    }

    private VectorFormatException error(String what) {
        return new VectorFormatException(file + ": " + line + ": " + what);
    }
}
