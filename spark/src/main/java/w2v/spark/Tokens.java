package w2v.spark;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import w2v.corpus.TokenReader;
import w2v.text.WordRules;

/**
 * word2vec C's tokenisation of one line, as core's {@code TokenReader} does it: words separated by space, tab,
 * vertical tab, form feed or carriage return, each cut at {@link TokenReader#MAX_WORD_BYTES} bytes of UTF-8 (never
 * inside a character). The line end itself is {@code </s>}, added by the callers.
 */
final class Tokens {

    private Tokens() {
    }

    static List<String> of(String line) {
        List<String> out = new ArrayList<>();
        int n = line.length();
        int i = 0;
        while (i < n) {
            while (i < n && WordRules.isAsciiWhitespace(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !WordRules.isAsciiWhitespace(line.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(cut(line.substring(start, i)));
            }
        }
        return out;
    }

    /** A word from an already tokenised row: cut the same way; null or empty words are no words. */
    static String word(String w) {
        return w == null || w.isEmpty() ? null : cut(w);
    }

    private static String cut(String word) {
        byte[] b = word.getBytes(StandardCharsets.UTF_8);
        if (b.length <= TokenReader.MAX_WORD_BYTES) {
            return word;
        }
        return new String(b, 0, TokenReader.utf8Boundary(b, TokenReader.MAX_WORD_BYTES), StandardCharsets.UTF_8);
    }
}
