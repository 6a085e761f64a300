package w2v.text;

import java.nio.charset.StandardCharsets;

/**
 * What a word must be to survive a round trip through the word2vec format: non-empty, valid UTF-8, and free
 * of ASCII whitespace and NUL. Readers split rows on spaces (gensim, us), on any whitespace (word2vec C's fscanf) and
 * strip line ends and leading newlines, so a word containing any of them would come back as other words or
 * a corrupt row.
 */
public final class WordRules {
    private WordRules() {
    }

    /** Why {@code utf8} cannot be written as a word, or null when it can. */
    static String problem(byte[] utf8) {
        if (utf8.length == 0) {
            return "is empty";
        }
        String forbidden = forbiddenByte(utf8, 0, utf8.length);
        if (forbidden != null) {
            return forbidden;
        }
        int bad = Utf8.firstInvalid(utf8, 0, utf8.length);
        if (bad >= 0) {
            return "is not valid UTF-8 (byte " + OneLineQuote.hexByte(utf8[bad]) + " at index " + bad + ")";
        }
        return null;
    }

    /**
     * Why the word {@code b[from, to)} holds a byte no word may hold (ASCII whitespace or NUL), or null. For
     * word lists that are not vector files (a vocabulary file): invalid UTF-8 is left to the writers, which
     * write it as U+FFFD.
     */
    public static String forbiddenByte(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (isAsciiWhitespace(c)) {
                return "contains " + whitespaceName(c) + ", which the word2vec format uses as a separator";
            }
            if (c == 0) {
                return "contains a NUL byte, which ends a word in C readers";
            }
        }
        return null;
    }

    /** A word's bytes quoted for a one-line message (control characters escaped, long words cut). */
    public static String quote(byte[] b, int from, int to) {
        return OneLineQuote.bytes(b, from, to);
    }

    /** Why a word {@link #encode} returned {@code utf8} for cannot be written, or null when it can. */
    public static String problemEncoded(byte[] utf8) {
        return utf8 == null ? "has no UTF-8 form (unpaired surrogate)" : problem(utf8);
    }

    /** The UTF-8 bytes of {@code word}, or null when it holds an unpaired surrogate (no UTF-8 form). */
    public static byte[] encode(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < word.length() && Character.isLowSurrogate(word.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return null;
            }
        }
        return word.getBytes(StandardCharsets.UTF_8);
    }

    /** Space, tab, LF, VT, FF, CR: C's isspace in the C locale. Most bytes are decided by the first test. */
    public static boolean isAsciiWhitespace(int c) {
        return c <= ' ' && (c == ' ' || (c >= '\t' && c <= '\r'));
    }

    private static String whitespaceName(byte c) {
        return switch (c) {
            case ' ' -> "a space";
            case '\t' -> "a tab";
            case '\n' -> "a newline";
            case '\r' -> "a carriage return";
            default -> "whitespace " + OneLineQuote.hexByte(c);
        };
    }
}
