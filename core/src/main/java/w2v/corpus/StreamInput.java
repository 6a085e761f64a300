package w2v.corpus;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A whole gzip source read start to end by one reader, as a plain file is with one thread: the same tokens and
 * the same sentences, so one-thread runs on a file and on its gzip give the same vectors. Reads must go forward;
 * a position further on is reached by decompressing up to it (resuming a checkpoint).
 */
final class StreamInput implements TokenReader.Input, AutoCloseable {
    private final CorpusFile file;
    private GzipStream stream;

    StreamInput(CorpusFile file) throws IOException {
        this.file = file;
        this.stream = new GzipStream(file);
    }

    CorpusFile file() {
        return file;
    }

    /** Compressed bytes consumed so far. */
    long consumed() {
        return stream.consumed();
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        if (position < stream.produced()) { // never while reading forward; kept correct all the same
            stream.close();
            stream = new GzipStream(file);
        }
        stream.skipTo(position);
        int n = stream.read(dst.array(), dst.arrayOffset() + dst.position(), dst.remaining());
        if (n > 0) {
            dst.position(dst.position() + n);
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
