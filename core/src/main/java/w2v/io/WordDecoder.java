package w2v.io;

import java.nio.charset.StandardCharsets;
import w2v.io.ReadOptions.UnicodeErrors;
import w2v.text.OneLineQuote;
import w2v.text.Utf8;

/**
 * Turns a word's bytes into a String as gensim's {@code unicode_errors} says: strictly (invalid UTF-8 is an
 * error naming where it is), replacing each invalid sequence with U+FFFD, or dropping it. The lenient choices
 * are for files from word2vec C, which cuts words at 100 bytes even in the middle of a character.
 */
final class WordDecoder {

    private final UnicodeErrors errors;
    private final String file;
    private final String offsetName;

    WordDecoder(UnicodeErrors errors, String file, String offsetName) {
        this.errors = errors;
        this.file = file;
        this.offsetName = offsetName;
    }

    /**
     * @param offset the content offset of {@code b[from]}
     * @param where the row, for the message
     */
    String decode(byte[] b, int from, int to, long offset, RowLocation where) throws VectorFormatException {
        if (Utf8.isAscii(b, from, to)) {
            return new String(b, from, to - from, StandardCharsets.ISO_8859_1); // no decoding: the common case
        }
        if (errors == UnicodeErrors.STRICT) {
            int bad = Utf8.firstInvalid(b, from, to);
            if (bad >= 0) {
                throw new InvalidUtf8Exception(file + ": " + where + ", " + offsetName + " " + (offset + bad - from)
                        + ": invalid UTF-8 (byte " + OneLineQuote.hexByte(b[bad]) + ") in word "
                        + OneLineQuote.bytes(b, from, to));
            }
            return new String(b, from, to - from, StandardCharsets.UTF_8);
        }
        return lenient(b, from, to, errors == UnicodeErrors.REPLACE ? "\uFFFD" : "");
    }

    /**
     * Python's 'replace' and 'ignore': each maximal subpart of an invalid sequence becomes {@code substitute}.
     * Not the JDK's decoder, which takes a surrogate's three bytes as one bad sequence where Python sees three.
     */
    private static String lenient(byte[] b, int from, int to, String substitute) {
        StringBuilder sb = new StringBuilder(to - from);
        int valid = from; // start of the run of valid bytes not yet appended
        int i = from;
        while (i < to) {
            int n = Utf8.sequenceAt(b, i, to);
            if (n > 0) {
                i += n;
                continue;
            }
            sb.append(new String(b, valid, i - valid, StandardCharsets.UTF_8)).append(substitute);
            i -= n;
            valid = i;
        }
        return sb.append(new String(b, valid, to - valid, StandardCharsets.UTF_8)).toString();
    }
}
