package w2v.phrases;

/**
 * The words and bigrams word2phrase keeps after counting (count >= min-count), for the rewriting pass to look
 * up: read-only once built, so any number of threads may share it. Partitioned like the {@link Counts} it
 * came from.
 */
final class KeptCounts {

    private final KeyTable[] parts;
    private final int shift;
    private final long lowestIfNoneDropped;

    /**
     * @param lowestIfNoneDropped the smallest count of all entries if none fell below min-count, else 0
     */
    KeptCounts(KeyTable[] parts, long lowestIfNoneDropped) {
        this.parts = parts;
        this.shift = 64 - Integer.numberOfTrailingZeros(parts.length);
        this.lowestIfNoneDropped = lowestIfNoneDropped == Long.MAX_VALUE ? 0 : lowestIfNoneDropped;
    }

    /** The count of b[off, off + len), or 0 if it was not kept. */
    long count(byte[] b, int off, int len) {
        return count(Keys.hash(b, off, len), b, off, len);
    }

    /** The same, with the key's {@link Keys#hash} already computed. */
    long count(long hash, byte[] b, int off, int len) {
        return parts[(int) (hash >>> shift)].count((int) hash, b, off, len);
    }

    /** See {@link KeyTable#touch}. */
    long touch(long hash) {
        return parts[(int) (hash >>> shift)].touch((int) hash);
    }

    /** Makes b[off, off + len) unknown, as if it had not been kept. */
    void drop(byte[] b, int off, int len) {
        long h = Keys.hash(b, off, len);
        KeyTable t = parts[(int) (h >>> shift)];
        t.add((int) h, b, off, len, -t.count((int) h, b, off, len));
    }

    /** The smallest count if every counted entry reached min-count (then C drops one: {@link Quirks}), else 0. */
    long lowestCountIfNoneDropped() {
        return lowestIfNoneDropped;
    }

    /** How many entries have exactly this count. */
    long withCount(long count) {
        long n = 0;
        for (KeyTable t : parts) {
            for (int e = 0; e < t.capacity(); e++) {
                n += t.occupied(e) && t.count(e) == count ? 1 : 0;
            }
        }
        return n;
    }

    long size() {
        long n = 0;
        for (KeyTable t : parts) {
            n += t.size();
        }
        return n;
    }
}
