package w2v.corpus;

import java.nio.ByteBuffer;

/** A block of decompressed text in memory, at its offset in the text of its source. */
final class BlockInput implements TokenReader.Input {
    private final byte[] data;
    private long start;
    private int length;
    private long index;

    BlockInput(int capacity) {
        this.data = new byte[capacity];
    }

    byte[] data() {
        return data;
    }

    void set(long start, int length, long index) {
        this.start = start;
        this.length = length;
        this.index = index;
    }

    long index() {
        return index;
    }

    int length() {
        return length;
    }

    ByteRange range() {
        return new ByteRange(start, start + length);
    }

    @Override
    public long start() {
        return start;
    }

    @Override
    public int read(ByteBuffer dst, long position) {
        long off = position - start;
        if (off < 0) {
            throw new IllegalArgumentException("position " + position + " before the block at " + start);
        }
        if (off >= length) {
            return -1;
        }
        int n = (int) Math.min(dst.remaining(), length - off);
        dst.put(data, (int) off, n);
        return n;
    }
}
