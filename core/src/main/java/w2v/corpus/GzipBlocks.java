package w2v.corpus;

import java.io.IOException;

/**
 * Cuts the text of a gzip source into blocks of at most a given size, each ending at a line end (or, in a line
 * longer than a block, at its last whitespace; in a word longer than a block, anywhere), so that readers given
 * different blocks split no sentence a plain file's ranges would not. The cuts depend only on the text and the
 * block size: decompressing again from the start gives the same blocks, which is how a checkpoint finds its
 * block again.
 */
final class GzipBlocks implements AutoCloseable {

    private final GzipStream stream;
    private final int blockBytes;
    private final byte[] carry; // read past the last cut: the start of the next block
    private int carryLength;
    private long nextStart;
    private long index;
    private boolean ended;

    GzipBlocks(CorpusFile file, int blockBytes) throws IOException {
        this.stream = new GzipStream(file);
        this.blockBytes = blockBytes;
        this.carry = new byte[blockBytes];
    }

    /** Index of the next block. */
    long index() {
        return index;
    }

    /** Compressed bytes consumed so far. */
    long consumed() {
        return stream.consumed();
    }

    /**
     * Fills {@code block} with the next block (its array must hold the block size); false once the text is
     * exhausted.
     */
    boolean next(BlockInput block) throws IOException {
        byte[] data = block.data();
        System.arraycopy(carry, 0, data, 0, carryLength);
        int n = carryLength;
        while (n < blockBytes && !ended) {
            int r = stream.read(data, n, blockBytes - n);
            if (r < 0) {
                ended = true;
            } else {
                n += r;
            }
        }
        if (n == 0) {
            return false;
        }
        int cut = ended ? n : cut(data, n);
        carryLength = n - cut;
        System.arraycopy(data, cut, carry, 0, carryLength);
        block.set(nextStart, cut, index);
        nextStart += cut;
        index++;
        return true;
    }

    /** Passes over {@code blocks} blocks (resuming a checkpoint: the same text, the same cuts). */
    void skip(long blocks, BlockInput scratch) throws IOException {
        while (index < blocks && next(scratch)) {
            // decompress and cut, as the first time
        }
    }

    /** After the last line end, else after the last whitespace, else the whole block. */
    private static int cut(byte[] data, int n) {
        for (int i = n - 1; i >= 0; i--) {
            if (data[i] == '\n') {
                return i + 1;
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            if (TokenReader.isSpace(data[i] & 0xFF)) {
                return i + 1;
            }
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
