package w2v.corpus;

import java.nio.file.Path;

/** A source with no text: refused when it is the only one, skipped with a warning among several. */
final class EmptySourceException extends CorpusException {

    EmptySourceException(Path file, String reason) {
        super(file, reason);
    }
}
