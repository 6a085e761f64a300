package w2v.io;

import java.io.IOException;
import java.lang.foreign.MemorySegment;

/** Reads the rows after the header, one format each. */
interface RowReader {

    /**
     * Reads row {@code row}: stores its dim values at {@code offset} in {@code seg}, returns its word.
     *
     * @throws VectorFormatException naming the place in the file when the row is not well formed
     */
    String read(int row, MemorySegment seg, long offset) throws IOException;

    /** After the last declared row: fails when anything but whitespace follows. */
    void expectEnd() throws IOException;
}
