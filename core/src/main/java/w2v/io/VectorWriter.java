package w2v.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.IntFunction;
import w2v.files.AtomicFile;
import w2v.model.EmbeddingTable;
import w2v.model.WordVectors;
import w2v.text.WordRules;

/**
 * Writes word2vec text and binary files atomically: a temporary file beside the target, then a rename.
 *
 * <p>Layout (what word2vec C writes, read by gensim, fastText tools and word2vec C's own tools):
 * <pre>
 * "&lt;count&gt; &lt;dim&gt;\n"
 * TEXT:   word v1 v2 ... vdim\n          values like C's %g: 6 significant digits, e.g. 0.0123457, -1.5e-07
 * BINARY: word ' ' &lt;dim little-endian float32&gt; '\n'
 * </pre>
 * Words are written as UTF-8. Text rows end without the space word2vec C puts before the newline.
 *
 * <p>Failures: an {@link IOException} with a one-line message naming the path for what a user can fix (missing
 * directory, permission, full disk, target is a directory); an {@link IllegalArgumentException} naming the
 * word for content the format cannot carry (a word that is empty, contains ASCII whitespace or is not valid
 * UTF-8; a NaN or infinite value). Either way a previous file at the target is left untouched and no
 * temporary file remains.
 */
public final class VectorWriter {
    public enum Format { TEXT, BINARY }

    private VectorWriter() {
    }

    public static void write(WordVectors vectors, Path out, Format format) throws IOException {
        write(vectors, out, format, 1);
    }

    /**
     * As {@link #write(WordVectors, Path, Format)}, formatting text rows on {@code threads} threads when there
     * are enough of them to pay for it.
     */
    public static void write(WordVectors vectors, Path out, Format format, int threads) throws IOException {
        write(vectors, out, format, threads, VectorEncoder.PARALLEL_MIN_VALUES);
    }

    /** Tests: {@code parallelMinValues} 0 sends any text of more than one chunk to several threads. */
    static void write(WordVectors vectors, Path out, Format format, int threads, long parallelMinValues)
            throws IOException {
        Objects.requireNonNull(vectors);
        AtomicFile.replace(out, ch -> new VectorEncoder(new OutputBuffer(ch), out.toString())
                .write(vectors.size(), i -> WordRules.encode(vectors.word(i)), vectors::word, vectors.table(), format,
                        threads, parallelMinValues));
    }

    /**
     * Writes the first {@code words.length} rows of {@code table}, row i under {@code words[i]} (UTF-8 bytes,
     * as a trainer that reads its corpus as bytes holds them; no String per word is made).
     */
    public static void write(byte[][] words, EmbeddingTable table, Path out, Format format) throws IOException {
        Objects.requireNonNull(words);
        AtomicFile.replace(out, ch -> new VectorEncoder(new OutputBuffer(ch), out.toString())
                .write(words.length, i -> words[i], display(words), table, format, 1));
    }

    /**
     * Writes to a stream, which is flushed but not closed. Not atomic: on failure the stream has part of the
     * file. For standard output and tests.
     */
    public static void write(WordVectors vectors, OutputStream out, Format format) throws IOException {
        Objects.requireNonNull(vectors);
        new VectorEncoder(new OutputBuffer(Channels.newChannel(out)), "output stream")
                .write(vectors.size(), i -> WordRules.encode(vectors.word(i)), vectors::word, vectors.table(), format,
                        1);
        out.flush();
    }

    private static IntFunction<String> display(byte[][] words) {
        return i -> new String(words[i], java.nio.charset.StandardCharsets.UTF_8);
    }
}
