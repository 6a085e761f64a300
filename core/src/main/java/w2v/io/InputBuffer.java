package w2v.io;

import java.io.IOException;

/**
 * A byte array filled from a {@link Source} (a file, or the decompressed content of a gzip file), read in
 * place by the parsers: they scan {@code bytes[pos, limit)} directly (no call per byte) and ask for more with
 * {@link #ensure} before each token or vector, so a token never straddles two fills. Knows the offset of every
 * byte in the content for error messages.
 */
final class InputBuffer {

    static final int CAPACITY = 1 << 20;

    /** Where the bytes come from. */
    interface Source {
        /** Like {@link java.io.InputStream#read(byte[], int, int)}: up to len bytes, or -1 at the end. */
        int read(byte[] b, int off, int len) throws IOException;
    }

    private final Source source;
    /** How messages name an offset: "byte offset", or "decompressed byte offset" in a gzip file. */
    final String offsetName;
    final byte[] bytes = new byte[CAPACITY];
    /** Next unread byte. */
    int pos;
    /** End of the valid bytes. */
    int limit;
    /** Content offset of bytes[0]. */
    private long base;
    private boolean eof;

    InputBuffer(Source source, String offsetName) {
        this.source = source;
        this.offsetName = offsetName;
    }

    /** Content offset of {@code bytes[i]}. */
    long offsetOf(int i) {
        return base + i;
    }

    long offset() {
        return base + pos;
    }

    int available() {
        return limit - pos;
    }

    /**
     * Makes {@code n <= CAPACITY} bytes available at {@link #pos} unless the file ends first; moves the unread
     * bytes to the front of the array, so indices held across this call become stale.
     *
     * @return whether n bytes are available
     */
    boolean ensure(int n) throws IOException {
        if (limit - pos >= n) {
            return true;
        }
        if (eof) {
            return false;
        }
        if (pos > 0) {
            System.arraycopy(bytes, pos, bytes, 0, limit - pos);
            base += pos;
            limit -= pos;
            pos = 0;
        }
        while (limit < n) {
            int r = source.read(bytes, limit, CAPACITY - limit);
            if (r < 0) {
                eof = true;
                break;
            }
            limit += r;
        }
        return limit - pos >= n;
    }

    /** Fills the whole array (or to the end of the file): for sniffing the format. */
    void fill() throws IOException {
        ensure(CAPACITY);
    }

    boolean sawEndOfFile() {
        return eof;
    }

    /** The next byte, or -1 at the end of the file. */
    int peek() throws IOException {
        if (pos == limit && !ensure(1)) {
            return -1;
        }
        return bytes[pos] & 0xFF;
    }
}
