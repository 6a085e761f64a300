package w2v.vocab;

/**
 * What the counting pass saw, for the log line and for errors.
 *
 * @param tokens words read (line ends not included)
 * @param lines line ends read
 * @param distinct distinct words before min-count
 * @param truncatedWords words cut at the maximum word length
 * @param invalidUtf8Words distinct kept words that are not valid UTF-8 (written with U+FFFD)
 * @param prunedWhileCounting distinct words dropped during counting to bound memory (-max-vocab)
 * @param bytes bytes of corpus read
 */
public record VocabularyStats(long tokens, long lines, long distinct, long truncatedWords, long invalidUtf8Words,
                              long prunedWhileCounting, long bytes) {
}
