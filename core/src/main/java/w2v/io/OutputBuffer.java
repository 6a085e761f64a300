package w2v.io;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/**
 * A byte array in front of a channel: rows are assembled in place and reach the channel in writes of
 * about a mebibyte, so a model of millions of short rows costs a few hundred system calls, not millions.
 */
final class OutputBuffer {

    static final int CAPACITY = 1 << 20;

    private final WritableByteChannel channel;
    private final byte[] bytes;
    private final MemorySegment segment;
    private int position;
    private long flushed;

    OutputBuffer(WritableByteChannel channel) {
        this(channel, CAPACITY);
    }

    OutputBuffer(WritableByteChannel channel, int capacity) {
        this.channel = channel;
        this.bytes = new byte[capacity];
        this.segment = MemorySegment.ofArray(bytes);
    }

    int capacity() {
        return bytes.length;
    }

    /** The array to write into directly, at {@link #position()}; call {@link #reserve} first. */
    byte[] array() {
        return bytes;
    }

    /** The same memory as {@link #array()}, for bulk copies from off-heap tables. */
    MemorySegment segment() {
        return segment;
    }

    int position() {
        return position;
    }

    void position(int p) {
        position = p;
    }

    /** Bytes handed to the channel plus bytes waiting here. */
    long written() {
        return flushed + position;
    }

    /** Makes room for {@code n <= capacity()} bytes at {@link #position()}. */
    void reserve(int n) throws IOException {
        if (bytes.length - position < n) {
            flush();
        }
    }

    void put(byte b) throws IOException {
        reserve(1);
        bytes[position++] = b;
    }

    void put(byte[] src) throws IOException {
        put(src, src.length);
    }

    /** The first {@code length} bytes of {@code src}. */
    void put(byte[] src, int length) throws IOException {
        if (length > bytes.length) {
            flush();
            drain(ByteBuffer.wrap(src, 0, length));
            flushed += length;
            return;
        }
        reserve(length);
        System.arraycopy(src, 0, bytes, position, length);
        position += length;
    }

    void flush() throws IOException {
        drain(ByteBuffer.wrap(bytes, 0, position));
        flushed += position;
        position = 0;
    }

    private void drain(ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
    }
}
