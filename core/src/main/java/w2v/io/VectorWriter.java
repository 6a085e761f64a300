package w2v.io;

import java.io.IOException;
import java.nio.file.Path;
import w2v.model.WordVectors;

/** Writes word2vec text and binary files atomically: a temporary file beside the target, then a rename. */
public final class VectorWriter {
    public enum Format { TEXT, BINARY }

    private VectorWriter() {
    }

    public static void write(WordVectors vectors, Path out, Format format) throws IOException {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
