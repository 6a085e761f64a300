package w2v.io;

import java.io.IOException;
import java.nio.file.Path;
import w2v.model.WordVectors;

/** Reads word2vec text and binary files, as written by word2vec C, gensim, fastText (.vec) and us. */
public final class VectorReader {
    private VectorReader() {
    }

    /** Reads {@code file} into off-heap memory owned by the returned object (close it). */
    public static WordVectors read(Path file, ReadOptions options) throws IOException {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
