package w2v.corpus;

/**
 * A half-open byte range of the corpus file. A range owns every token whose first byte lies inside it, so
 * ranges cut at arbitrary offsets still give each token to exactly one reader: no split point has to be
 * searched for up front, and none can fall inside a token or a UTF-8 character.
 */
public record ByteRange(long start, long end) {

    /** No bytes: a reader's range until it is given its first chunk ({@link TokenReader#reset}). */
    public static final ByteRange EMPTY = new ByteRange(0, 0);

    /** Splits [0, size) into {@code parts} ranges of nearly equal length (empty ones only when size < parts). */
    public static ByteRange[] split(long size, int parts) {
        if (parts <= 0) {
            throw new IllegalArgumentException("parts = " + parts);
        }
        ByteRange[] ranges = new ByteRange[parts];
        for (int i = 0; i < parts; i++) {
            ranges[i] = part(size, parts, i);
        }
        return ranges;
    }

    /** Range {@code i} of {@link #split}{@code (size, parts)}. */
    public static ByteRange part(long size, long parts, long i) {
        long start = size / parts * i + Math.min(i, size % parts);
        long end = size / parts * (i + 1) + Math.min(i + 1, size % parts);
        return new ByteRange(start, end);
    }

    public long length() {
        return end - start;
    }
}
