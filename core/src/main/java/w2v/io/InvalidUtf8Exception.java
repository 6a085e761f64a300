package w2v.io;

/**
 * A word that is not valid UTF-8 under {@link ReadOptions.UnicodeErrors#STRICT}. The message ends with how to
 * accept it through this library; {@link #problem()} is the message without that, for callers such as a
 * command line that name their own way (a flag).
 */
public final class InvalidUtf8Exception extends VectorFormatException {

    private final String problem;

    InvalidUtf8Exception(String problem) {
        super(problem + "; load with UnicodeErrors.REPLACE to accept it (invalid UTF-8 becomes"
                + " U+FFFD)");
        this.problem = problem;
    }

    /** The file, where, and what: the message without the remedy. */
    public String problem() {
        return problem;
    }
}
