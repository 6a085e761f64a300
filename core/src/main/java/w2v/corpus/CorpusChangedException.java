package w2v.corpus;

import java.nio.file.Path;

/**
 * The corpus changed (size, modification time or identity) while it was being read: the counts or the vectors
 * come from two different files, so nothing made from them should be written.
 */
public final class CorpusChangedException extends CorpusException {
    private final String change;

    CorpusChangedException(Path file, String change) {
        super(file, "changed while it was being read (" + change + ")");
        this.change = change;
    }

    /** What changed, e.g. "size 2,990,000 -> 1,390,000 bytes". */
    public String change() {
        return change;
    }
}
