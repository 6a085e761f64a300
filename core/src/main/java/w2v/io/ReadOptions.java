package w2v.io;

/**
 * How to read a word2vec file.
 *
 * @param binary true or false to force the format, null to detect it from the bytes after the header
 * @param replaceInvalidUtf8 decode invalid UTF-8 in words as U+FFFD instead of failing
 * @param limit read only the first {@code limit} words (0 = all), like gensim's {@code limit}
 */
public record ReadOptions(Boolean binary, boolean replaceInvalidUtf8, int limit) {
    public static final ReadOptions DEFAULT = new ReadOptions(null, false, 0);
}
