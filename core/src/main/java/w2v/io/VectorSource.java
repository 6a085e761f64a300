package w2v.io;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The content of a vector file: its bytes, or what they decompress to when the file is gzip (recognised by the
 * magic bytes 1f 8b, whatever its name; concatenated members are read as one stream, as gunzip does). Each
 * {@link #buffer()} starts a new pass over the content from its first byte: the reader makes a second pass to
 * count the rows of a file without header. Reads are positional, so passes do not disturb each other.
 */
final class VectorSource implements Closeable {

    /** The inflater's input chunk: large enough that reading the compressed file costs few system calls. */
    private static final int GZIP_INPUT_BYTES = 1 << 16;
    /** deflate never expands data more than 1032:1, which bounds what a gzip file of known size can hold. */
    private static final long MAX_GZIP_RATIO = 1032;

    private final FileChannel channel;
    private final String file;
    private final boolean gzip;
    /** Inflaters hold native memory until closed. */
    private final List<Gunzip> passes = new ArrayList<>();

    private VectorSource(FileChannel channel, String file, boolean gzip) {
        this.channel = channel;
        this.file = file;
        this.gzip = gzip;
    }

    /** Looks at the first bytes of {@code channel}: gzip or not. */
    static VectorSource of(FileChannel channel, String file) throws IOException {
        ByteBuffer start = ByteBuffer.allocate(Magic.BYTES);
        while (start.hasRemaining() && channel.read(start, start.position()) >= 0) {
            // a positional read may return fewer bytes than asked
        }
        return new VectorSource(channel, file, Magic.isGzip(start.array(), 0, start.position()));
    }

    boolean compressed() {
        return gzip;
    }

    /**
     * A new buffer over the content from its start, after checking that the content is not one of the files
     * {@link Magic} recognises as something else.
     */
    InputBuffer buffer() throws IOException {
        InputBuffer in;
        if (gzip) {
            Gunzip pass = new Gunzip(file, new ChannelStream(channel));
            passes.add(pass);
            in = new InputBuffer(pass, "decompressed byte offset");
        } else {
            in = new InputBuffer(new ChannelStream(channel)::read, "byte offset");
        }
        in.ensure(Magic.BYTES);
        String wrong = Magic.wrongKind(in.bytes, in.pos, in.limit);
        if (wrong != null) {
            throw new VectorFormatException(file + ": " + (gzip ? "the decompressed data is " : "this is ") + wrong);
        }
        if (gzip && Magic.isGzip(in.bytes, in.pos, in.limit)) {
            throw new VectorFormatException(file + ": the decompressed data is gzip again: decompress the file once"
                    + " with gunzip and load the result");
        }
        return in;
    }

    /** An upper bound on the content's size in bytes: the file's size, or what its compressed bytes can hold. */
    long maxContentBytes() throws IOException {
        long size = channel.size();
        return gzip ? (size > Long.MAX_VALUE / MAX_GZIP_RATIO ? Long.MAX_VALUE : size * MAX_GZIP_RATIO) : size;
    }

    /** Frees the inflaters; the channel belongs to the caller. */
    @Override
    public void close() throws IOException {
        for (Gunzip pass : passes) {
            pass.close();
        }
        passes.clear();
    }

    /** The file from offset 0, read with positional reads: passes over it do not share a position. */
    private static final class ChannelStream extends InputStream {
        private final FileChannel channel;
        private long position;

        ChannelStream(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int n = channel.read(ByteBuffer.wrap(b, off, len), position);
            if (n > 0) {
                position += n;
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n;
            while ((n = read(one, 0, 1)) == 0) {
                // not at the end: try again
            }
            return n < 0 ? -1 : one[0] & 0xFF;
        }
    }

    /**
     * Decompresses, turning the JDK's exceptions into one line that names the file: a truncated stream ends in an
     * EOFException, corrupt data in a ZipException.
     */
    private static final class Gunzip implements InputBuffer.Source {
        private final String file;
        private final InputStream compressed;
        private GZIPInputStream gz;
        private long produced;

        Gunzip(String file, InputStream compressed) {
            this.file = file;
            this.compressed = compressed;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                if (gz == null) {
                    gz = new GZIPInputStream(compressed, GZIP_INPUT_BYTES); // reads the first member's header
                }
                int n = gz.read(b, off, len);
                if (n > 0) {
                    produced += n;
                }
                return n;
            } catch (EOFException e) {
                throw new VectorFormatException(file + ": truncated gzip file: the compressed data ends after "
                        + produced + " bytes of content, before the end of the gzip stream (an incomplete download"
                        + " or copy?)");
            } catch (ZipException e) {
                throw new VectorFormatException(file + ": corrupt gzip data after " + produced
                        + " bytes of content (" + e.getMessage() + ")");
            }
        }

        void close() throws IOException {
            if (gz != null) {
                gz.close();
            }
        }
    }
}
