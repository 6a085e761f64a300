package w2v.io;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import w2v.text.OneLineQuote;
import w2v.text.WordRules;

/**
 * Reads rows of the binary format, {@code word ' '} and dim little-endian float32, straight into a table row.
 * Whitespace before a word is skipped: word2vec C writes a newline after each vector, gensim none, and some
 * writers put spaces there.
 */
final class BinaryRows implements RowReader {

    private static final ValueLayout.OfFloat NATIVE = ValueLayout.JAVA_FLOAT_UNALIGNED;
    private static final ValueLayout.OfFloat LITTLE_ENDIAN = NATIVE.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final InputBuffer in;
    private final String file;
    private final int dim;
    private final int count;
    private final WordDecoder decoder;
    private final WordBytes word = new WordBytes();
    private final MemorySegment buffer;
    private final RowLocation where = new RowLocation("row", 0);

    BinaryRows(InputBuffer in, String file, Header header, WordDecoder decoder) {
        this.in = in;
        this.file = file;
        this.dim = header.dim();
        this.count = header.count();
        this.decoder = decoder;
        this.buffer = MemorySegment.ofArray(in.bytes);
    }

    @Override
    public String read(int row, MemorySegment seg, long offset) throws IOException {
        skipWhitespace();
        long wordOffset = in.offset();
        where.number = row + 1;
        if (in.peek() == -1) {
            throw new VectorFormatException(file + ": " + in.offsetName + " " + wordOffset + ": expected row "
                    + (row + 1) + " of the " + count + " the header declares, found the end of the file");
        }
        if (!word.readUntilSpace(in, file, where)) {
            throw new VectorFormatException(file + ": " + where + ", " + in.offsetName + " " + in.offset()
                    + ": truncated file: it ends inside word " + OneLineQuote.bytes(word.bytes, 0, word.length));
        }
        String w = decoder.decode(word.bytes, 0, word.length, wordOffset, where);
        long vectorOffset = in.offset();
        int left = dim;
        long dst = offset;
        while (left > 0) {
            int n = Math.min(left, InputBuffer.CAPACITY / Float.BYTES);
            if (!in.ensure(n * Float.BYTES)) {
                long missing = (long) left * Float.BYTES - in.available();
                throw new VectorFormatException(file + ": " + where + ", " + in.offsetName + " " + vectorOffset
                        + ": truncated file: word " + OneLineQuote.text(w) + " needs " + (long) dim * Float.BYTES
                        + " bytes of vector (" + dim + " float32), the file ends " + missing + " bytes short");
            }
            MemorySegment.copy(buffer, LITTLE_ENDIAN, in.pos, seg, NATIVE, dst, n);
            in.pos += n * Float.BYTES;
            dst += (long) n * Float.BYTES;
            left -= n;
        }
        for (int i = 0; i < dim; i++) {
            float v = seg.get(NATIVE, offset + 4L * i);
            if (!Float.isFinite(v)) {
                throw new VectorFormatException(file + ": " + where + ", " + in.offsetName + " "
                        + (vectorOffset + 4L * i) + ": value " + (i + 1) + " of word " + OneLineQuote.text(w) + " is "
                        + (Float.isNaN(v) ? "NaN" : "infinite"));
            }
        }
        return w;
    }

    @Override
    public void expectEnd() throws IOException {
        skipWhitespace();
        if (in.peek() != -1) {
            in.ensure(80);
            throw new VectorFormatException(file + ": " + in.offsetName + " " + in.offset()
                    + ": expected the end of the file after the " + count + " rows the header declares, found more: "
                    + OneLineQuote.bytes(in.bytes, in.pos, Math.min(in.limit, in.pos + 40)));
        }
    }

    private void skipWhitespace() throws IOException {
        while (true) {
            if (in.pos == in.limit && !in.ensure(1)) {
                return;
            }
            if (!WordRules.isAsciiWhitespace(in.bytes[in.pos])) {
                return;
            }
            in.pos++;
        }
    }
}
