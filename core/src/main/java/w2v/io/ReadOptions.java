package w2v.io;

import java.util.Objects;

/**
 * How to read a vector file: the options of gensim's {@code KeyedVectors.load_word2vec_format}. Start from
 * {@link #DEFAULT} and change what differs, e.g. {@code ReadOptions.DEFAULT.withLimit(30_000).withNoHeader(true)}.
 *
 * @param binary true or false to force the format, null to detect it from the bytes after the header
 * @param unicodeErrors what to do with words that are not valid UTF-8 (gensim's {@code unicode_errors})
 * @param limit read only the first {@code limit} words (0 = all), like gensim's {@code limit}
 * @param noHeader true for a file without the {@code "<count> <dim>"} line (GloVe), false to require that line,
 *     null to decide from the first line (gensim's {@code no_header}; see {@link VectorReader})
 */
public record ReadOptions(Boolean binary, UnicodeErrors unicodeErrors, int limit, Boolean noHeader) {

    public static final ReadOptions DEFAULT = new ReadOptions(null, UnicodeErrors.STRICT, 0, null);

    /** gensim's {@code unicode_errors}: Python's {@code errors} argument of {@code bytes.decode}. */
    public enum UnicodeErrors {
        /** Invalid UTF-8 in a word is an error naming where it is. */
        STRICT,
        /** Each invalid sequence becomes U+FFFD. */
        REPLACE,
        /** Invalid sequences are dropped from the word. */
        IGNORE
    }

    public ReadOptions {
        Objects.requireNonNull(unicodeErrors, "unicodeErrors");
    }

    /** The options before unicode errors had three choices and the header could be absent. */
    public ReadOptions(Boolean binary, boolean replaceInvalidUtf8, int limit) {
        this(binary, replaceInvalidUtf8 ? UnicodeErrors.REPLACE : UnicodeErrors.STRICT, limit, null);
    }

    public ReadOptions withBinary(Boolean binary) {
        return new ReadOptions(binary, unicodeErrors, limit, noHeader);
    }

    public ReadOptions withUnicodeErrors(UnicodeErrors unicodeErrors) {
        return new ReadOptions(binary, unicodeErrors, limit, noHeader);
    }

    public ReadOptions withLimit(int limit) {
        return new ReadOptions(binary, unicodeErrors, limit, noHeader);
    }

    public ReadOptions withNoHeader(Boolean noHeader) {
        return new ReadOptions(binary, unicodeErrors, limit, noHeader);
    }
}
