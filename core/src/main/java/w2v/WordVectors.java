package w2v;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import w2v.io.ReadOptions;
import w2v.io.VectorReader;
import w2v.io.VectorWriter;

/**
 * Words and their vectors, however they were made: trained by {@link Word2Vec} or loaded from a word2vec text or
 * binary file. The queries follow gensim's {@code KeyedVectors}. The vectors live off-heap; close the object to
 * free them.
 */
public final class WordVectors implements AutoCloseable {

    /** A file format for {@link #save}. */
    public enum Format { TEXT, BINARY }

    private final w2v.model.WordVectors rows;
    private final AutoCloseable owner; // what holds the memory of a trained model, or null

    WordVectors(w2v.model.WordVectors rows) {
        this(rows, null);
    }

    WordVectors(w2v.model.WordVectors rows, AutoCloseable owner) {
        this.rows = Objects.requireNonNull(rows);
        this.owner = owner;
    }

    /** Reads a word2vec text or binary file (the format is detected from its bytes). */
    public static WordVectors load(Path file) throws IOException {
        return new WordVectors(VectorReader.read(file, ReadOptions.DEFAULT));
    }

    /** Writes the vectors in word2vec's text or binary format, atomically (the old file survives a failure). */
    public void save(Path file, Format format) throws IOException {
        VectorWriter.write(rows, file, format == Format.BINARY ? VectorWriter.Format.BINARY : VectorWriter.Format.TEXT);
    }

    /** How many words (rows). */
    public int size() {
        return rows.size();
    }

    /** The length of every vector. */
    public int dimensions() {
        return rows.dim();
    }

    /** The words in file order (most frequent first for files written by word2vec trainers). */
    public List<String> words() {
        String[] w = new String[rows.size()];
        Arrays.setAll(w, rows::word);
        return Collections.unmodifiableList(Arrays.asList(w));
    }

    public boolean contains(String word) {
        return rows.indexOf(word) >= 0;
    }

    /**
     * A copy of the vector of {@code word}.
     *
     * @throws IllegalArgumentException when the word is not in the vocabulary
     */
    public float[] vector(String word) {
        int i = rows.indexOf(word);
        if (i < 0) {
            throw new IllegalArgumentException("'" + word + "' is not in the vocabulary");
        }
        return rows.vector(i);
    }

    /** The rows, for the packages that search and write them. */
    w2v.model.WordVectors rows() {
        return rows;
    }

    @Override
    public void close() {
        rows.close();
        if (owner != null) {
            try {
                owner.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot free the vectors' memory", e);
            }
        }
    }
}
