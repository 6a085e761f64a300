package w2v.corpus;

import java.io.IOException;
import java.util.List;

/**
 * One thread's reading of the chunks a {@link ChunkQueue} hands it: the {@link TokenReader} with its buffer,
 * the open channel of the plain file it last read (its next chunk is likely in the same file), and the buffer a
 * block of decompressed text is put in. Tokens are read through {@link #tokens()}; their offsets are offsets in
 * the chunk's source ({@link #source()}).
 */
public final class ChunkReader implements AutoCloseable {

    private final List<CorpusFile> files;
    private final TokenReader tokens;
    private int source = -1;
    private PlainInput plain;
    private StreamInput stream;
    private BlockInput block;
    private ByteRange range = ByteRange.EMPTY;
    private long storedSpan; // stored (compressed) bytes the chunk in hand stands for
    private long storedDone; // of the chunks before it

    public ChunkReader(Corpus corpus, int bufferSize) {
        this.files = corpus.files();
        this.tokens = new TokenReader(bufferSize);
    }

    public TokenReader tokens() {
        return tokens;
    }

    /** Index in {@link Corpus#files()} of the chunk in hand; -1 before the first. */
    public int source() {
        return source;
    }

    /**
     * Stored bytes (compressed ones for gzip) read so far, the chunk in hand in proportion: for progress, which
     * then runs at the pace of the files on disk.
     */
    public long storedBytesRead() {
        return storedDone + storedInChunk();
    }

    private long storedInChunk() {
        if (stream != null && range.end() == Long.MAX_VALUE) {
            return stream.consumed();
        }
        long len = range.length();
        if (len <= 0) {
            return 0;
        }
        long read = Math.min(len, Math.max(0, tokens.fileOffset() - range.start()));
        return read == len ? storedSpan : (long) (storedSpan * ((double) read / len));
    }

    /** Bytes [range) of plain file {@code source}. */
    void readPlain(int source, ByteRange range) throws IOException {
        next(source, range.length());
        CorpusFile f = files.get(source);
        if (plain == null || plain.file() != f) {
            closeInputs();
            plain = new PlainInput(f, f.open());
        }
        this.range = range;
        tokens.reset(plain, range);
    }

    /** All of gzip file {@code source}, decompressed as it is read. */
    void readStream(int source) throws IOException {
        next(source, files.get(source).size());
        closeInputs();
        stream = new StreamInput(files.get(source));
        range = new ByteRange(0, Long.MAX_VALUE);
        tokens.reset(stream, range);
    }

    /** The buffer {@link GzipBlocks#next} fills; then {@link #readBlock}. */
    BlockInput blockBuffer(int capacity) {
        if (block == null || block.data().length < capacity) {
            block = new BlockInput(capacity);
        }
        return block;
    }

    /** The block just put in {@link #blockBuffer}, of gzip file {@code source}, for {@code compressed} bytes. */
    void readBlock(int source, long compressed) throws IOException {
        next(source, compressed);
        if (stream != null) {
            stream.close();
            stream = null;
        }
        range = block.range();
        tokens.reset(block, range);
    }

    private void next(int source, long storedSpan) {
        storedDone += storedInChunk();
        this.source = source;
        this.storedSpan = storedSpan;
        range = ByteRange.EMPTY;
        tokens.forgetFirstNul();
    }

    private void closeInputs() throws IOException {
        if (plain != null) {
            plain.channel().close();
            plain = null;
        }
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }

    @Override
    public void close() throws IOException {
        closeInputs();
    }
}
