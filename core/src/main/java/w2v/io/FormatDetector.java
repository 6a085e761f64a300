package w2v.io;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import w2v.text.WordRules;

/**
 * Decides between text and binary from the first bytes after the header (up to 1 MiB), when the caller
 * does not say. The rule:
 * <ol>
 * <li>Parse up to the first 8 rows both ways. As text a row must be a word, exactly dim decimal numbers and a
 *     line end; as binary a word free of control bytes, a space and dim finite floats (and, when the sample
 *     holds the whole file, nothing but whitespace after the declared rows).</li>
 * <li>If only one reading works, that is the format. If both do (possible only for dim 1, where 4 float bytes
 *     can happen to be ASCII digits), text wins: a binary file whose every value is printable digits is far
 *     less likely than a text file of 4-character numbers.</li>
 * <li>If neither does, the file is malformed; it is read as text when the sample holds no control bytes other
 *     than tab, CR and LF (true of every text file and almost never of float32 data), else as binary, so the
 *     error comes from the parser for the format the file was meant to be in.</li>
 * </ol>
 */
final class FormatDetector {

    static final int ROWS = 8;
    private static final ValueLayout.OfFloat LE = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private FormatDetector() {
    }

    /**
     * @param b the sample: {@code b[from, to)} starts right after the header
     * @param wholeFile whether {@code to} is the end of the file
     * @param rows how many rows the caller will read (the header's count, or its limit)
     * @param count the header's count
     */
    static boolean isBinary(byte[] b, int from, int to, boolean wholeFile, int rows, int count, int dim) {
        int check = Math.min(rows, ROWS);
        if (check == 0) {
            return false;
        }
        boolean text = textRows(b, from, to, wholeFile, check, dim);
        boolean binary = binaryRows(b, from, to, wholeFile, check, count, dim);
        if (text != binary) {
            return binary;
        }
        if (text) {
            return false;
        }
        return hasControlBytes(b, from, to);
    }

    /** True when the first rows read as text, or at least one complete row does and the sample ends mid-row. */
    private static boolean textRows(byte[] b, int from, int to, boolean wholeFile, int rows, int dim) {
        int p = from;
        for (int r = 0; r < rows; r++) {
            int eol = p;
            while (eol < to && b[eol] != '\n') {
                eol++;
            }
            if (eol == to && !wholeFile) {
                return r > 0; // the row is cut off by the sample's end
            }
            if (!textRow(b, p, eol, dim)) {
                return false;
            }
            p = eol + 1;
        }
        return true;
    }

    private static boolean textRow(byte[] b, int from, int to, int dim) {
        int p = skipBlanks(b, from, to);
        int wordEnd = p;
        while (wordEnd < to && !WordRules.isAsciiWhitespace(b[wordEnd])) {
            wordEnd++;
        }
        if (wordEnd == p) {
            return false;
        }
        p = wordEnd;
        for (int v = 0; v < dim; v++) {
            p = skipBlanks(b, p, to);
            int e = p;
            while (e < to && !WordRules.isAsciiWhitespace(b[e])) {
                e++;
            }
            if (e == p || !Float.isFinite(FloatParser.parse(b, p, e))) {
                return false;
            }
            p = e;
        }
        return skipBlanks(b, p, to) == to;
    }

    private static int skipBlanks(byte[] b, int p, int to) {
        while (p < to && WordRules.isAsciiWhitespace(b[p])) {
            p++;
        }
        return p;
    }

    private static boolean binaryRows(byte[] b, int from, int to, boolean wholeFile, int rows, int count, int dim) {
        MemorySegment seg = MemorySegment.ofArray(b);
        long vectorBytes = (long) dim * Float.BYTES;
        int p = from;
        for (int r = 0; r < rows; r++) {
            p = skipBlanks(b, p, to);
            int wordStart = p;
            while (p < to && b[p] != ' ') {
                int c = b[p] & 0xFF;
                if (c < 0x20 || c == 0x7F) {
                    return false;
                }
                p++;
            }
            if (p == wordStart && p < to) {
                return false;
            }
            if (p + 1 + vectorBytes > to) {
                return !wholeFile && r > 0;
            }
            p++;
            for (int i = 0; i < dim; i++) {
                if (!Float.isFinite(seg.get(LE, p + 4L * i))) {
                    return false;
                }
            }
            p += (int) vectorBytes;
        }
        return !(wholeFile && rows == count) || skipBlanks(b, p, to) == to;
    }

    private static boolean hasControlBytes(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            int c = b[i] & 0xFF;
            if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7F) {
                return true;
            }
        }
        return false;
    }
}
