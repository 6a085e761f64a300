package w2v.io;

import java.nio.charset.StandardCharsets;
import w2v.text.Utf8;

/**
 * Turns a word's bytes into a String: strictly (invalid UTF-8 is an error naming where it is) or leniently
 * (each invalid sequence becomes U+FFFD, like gensim's {@code unicode_errors='replace'}), for files from
 * word2vec C, which cuts words at 100 bytes even in the middle of a character.
 */
final class WordDecoder {

    private final boolean replaceInvalid;
    private final String file;

    WordDecoder(boolean replaceInvalid, String file) {
        this.replaceInvalid = replaceInvalid;
        this.file = file;
    }

    /**
     * @param offset the file offset of {@code b[from]}
     * @param where the row, for the message
     */
    String decode(byte[] b, int from, int to, long offset, Place where) throws VectorFormatException {
        if (Utf8.isAscii(b, from, to)) {
            return new String(b, from, to - from, StandardCharsets.ISO_8859_1); // no decoding: the common case
        }
        if (!replaceInvalid) {
            int bad = Utf8.firstInvalid(b, from, to);
            if (bad >= 0) {
                throw new VectorFormatException(file + ": " + where + ", byte offset " + (offset + bad - from)
                        + ": invalid UTF-8 (byte " + Quote.hexByte(b[bad]) + ") in word " + Quote.bytes(b, from, to)
                        + "; read with invalid UTF-8 replaced by U+FFFD to accept it");
            }
        }
        // The JDK replaces each malformed sequence with U+FFFD, the substitution gensim's 'replace' makes too.
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }
}
