package w2v.cli;

import java.io.IOException;
import java.nio.file.Path;
import w2v.io.ReadOptions;
import w2v.io.VectorReader;
import w2v.model.WordVectors;

/** How the query commands read a vector file: {@link VectorReader} normally, something else in tests. */
@FunctionalInterface
interface VectorLoader {

    /**
     * @param limit read only the first this many words (0 = all)
     */
    WordVectors load(Path file, int limit) throws IOException;

    VectorLoader STANDARD = (file, limit) -> VectorReader.read(file, new ReadOptions(null, false, limit));
}
