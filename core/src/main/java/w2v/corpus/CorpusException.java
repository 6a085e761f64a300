package w2v.corpus;

import java.nio.file.Path;

/**
 * Training input a user must fix: the message is one line naming the file and the problem; {@link #file()} and
 * {@link #reason()} let a caller put its own flag name before them.
 */
public class CorpusException extends RuntimeException {
    private final Path file;
    private final String reason;

    public CorpusException(Path file, String reason) {
        super(file.toString().isEmpty() ? reason : file + ": " + reason);
        this.file = file;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    public String reason() {
        return reason;
    }
}
