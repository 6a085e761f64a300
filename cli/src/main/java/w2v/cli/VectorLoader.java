package w2v.cli;

import java.io.IOException;
import java.nio.file.Path;
import w2v.io.ReadOptions;
import w2v.io.VectorReader;
import w2v.model.WordVectors;

/** How the query commands read a vector file: {@link VectorReader} normally, something else in tests. */
@FunctionalInterface
interface VectorLoader {

    WordVectors load(Path file, ReadOptions options) throws IOException;

    VectorLoader STANDARD = VectorReader::read;
}
