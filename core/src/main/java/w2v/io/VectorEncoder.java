package w2v.io;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;
import w2v.model.EmbeddingTable;
import w2v.text.OneLineQuote;
import w2v.text.WordRules;

/**
 * Turns words and vectors into word2vec bytes, exactly as word2vec C lays them out apart from the text
 * number format:
 * <pre>
 * header: "&lt;count&gt; &lt;dim&gt;\n"
 * text:   word ' ' v1 ' ' v2 ... ' ' vdim '\n'        values in %g form, 6 significant digits, see FloatFormat
 * binary: word ' ' dim little-endian float32 '\n'
 * </pre>
 * The text rows carry no space before the newline (C writes one: {@code "%lf "}); gensim, fastText and word2vec C
 * readers accept both, and without it a row is exactly one space-separated token per field.
 * Every word and value is checked first: nothing unreadable is ever written.
 */
final class VectorEncoder {

    /** Rows per chunk when text rows are formatted on several threads: about 256 KB of text at dim 100. */
    static final int CHUNK_ROWS = 256;
    /**
     * Fewer values than this are formatted on the calling thread alone. Formatting is ~10 ns a value
     * (FloatFormat), while the parallel path's code is compiled afresh at the end of every training run: for
     * 82k x 100 values it took 0.33 s cold on two threads against 0.25 s on one (and only ~10% less warm,
     * the appending thread being the limit).
     */
    static final long PARALLEL_MIN_VALUES = 1L << 25;

    private static final ValueLayout.OfFloat NATIVE = ValueLayout.JAVA_FLOAT_UNALIGNED;
    private static final ValueLayout.OfFloat LITTLE_ENDIAN = NATIVE.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final OutputBuffer out;
    private final String target;
    /** The current row's values. */
    private float[] values;

    /** @param target how to name the output in error messages */
    VectorEncoder(OutputBuffer out, String target) {
        this.out = out;
        this.target = target;
    }

    /**
     * Writes {@code count} rows: row i is {@code words.apply(i)} (UTF-8, or null for a word with no UTF-8 form)
     * and row i of {@code table}. Text rows are formatted on {@code threads} threads; the bytes are the same as
     * with one.
     *
     * @param display the word as the caller knows it, for messages
     */
    void write(int count, IntFunction<byte[]> words, IntFunction<String> display, EmbeddingTable table,
            VectorWriter.Format format, int threads) throws IOException {
        write(count, words, display, table, format, threads, PARALLEL_MIN_VALUES);
    }

    /** As above, with the size from which text goes to several threads (tests use 0). */
    void write(int count, IntFunction<byte[]> words, IntFunction<String> display, EmbeddingTable table,
            VectorWriter.Format format, int threads, long parallelMinValues) throws IOException {
        if (count > table.rows()) {
            throw new IllegalArgumentException(count + " words but the table has only " + table.rows() + " rows");
        }
        out.put((count + " " + table.dim() + "\n").getBytes(StandardCharsets.US_ASCII));
        if (threads > 1 && format == VectorWriter.Format.TEXT && count > CHUNK_ROWS
                && (long) count * table.dim() >= parallelMinValues) {
            OrderedChunks.write(out, count, CHUNK_ROWS, threads, (from, to, buffer) ->
                    new VectorEncoder(buffer, target).rows(from, to, words, display, table, format));
        } else {
            rows(0, count, words, display, table, format);
        }
        out.flush();
    }

    /** Rows [from, to), without the header. */
    private void rows(int from, int to, IntFunction<byte[]> words, IntFunction<String> display, EmbeddingTable table,
            VectorWriter.Format format) throws IOException {
        values = new float[table.dim()];
        for (int row = from; row < to; row++) {
            byte[] word = words.apply(row);
            String problem = WordRules.problemEncoded(word);
            if (problem != null) {
                throw invalid("word " + row + " " + OneLineQuote.text(display.apply(row)) + " " + problem);
            }
            table.copyRow(row, values); // one bulk copy serves the check and the text formatting
            checkFinite(table.dim(), row, display);
            out.put(word);
            out.put((byte) ' ');
            if (format == VectorWriter.Format.BINARY) {
                binaryValues(table, row);
            } else {
                textValues(table.dim());
            }
            out.put((byte) '\n');
        }
    }

    /** Formats the row copied into {@link #values}, reserving room for a whole row at once when it fits. */
    private void textValues(int dim) throws IOException {
        float[] v = values;
        int perValue = FloatFormat.ROOM + 1; // room for the separator and what format may store
        boolean wholeRow = (long) dim * perValue <= out.capacity();
        if (wholeRow) {
            out.reserve(dim * perValue);
        }
        for (int i = 0; i < dim; i++) {
            if (!wholeRow) {
                out.reserve(perValue);
            }
            byte[] a = out.array();
            int p = out.position();
            if (i > 0) {
                a[p++] = ' ';
            }
            out.position(FloatFormat.format(v[i], a, p));
        }
    }

    /** Copies the row as little-endian floats: the copy swaps bytes only on a big-endian machine. */
    private void binaryValues(EmbeddingTable table, int row) throws IOException {
        long src = table.offset(row);
        int left = table.dim();
        while (left > 0) {
            int n = Math.min(left, out.capacity() / Float.BYTES);
            out.reserve(n * Float.BYTES);
            MemorySegment.copy(table.segment(), NATIVE, src, out.segment(), LITTLE_ENDIAN, out.position(), n);
            out.position(out.position() + n * Float.BYTES);
            src += (long) n * Float.BYTES;
            left -= n;
        }
    }

    private void checkFinite(int dim, int row, IntFunction<String> display) {
        for (int i = 0; i < dim; i++) {
            float v = values[i];
            if (!Float.isFinite(v)) {
                throw invalid("value " + i + " of word " + row + " " + OneLineQuote.text(display.apply(row)) + " is "
                        + (Float.isNaN(v) ? "NaN" : v > 0 ? "+Infinity" : "-Infinity")
                        + ", which the word2vec format cannot carry");
            }
        }
    }

    private IllegalArgumentException invalid(String what) {
        return new IllegalArgumentException("cannot write " + target + ": " + what);
    }
}
