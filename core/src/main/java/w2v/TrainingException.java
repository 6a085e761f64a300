package w2v;

/**
 * A training run that cannot go on, for a reason the user can act on: a corpus that cannot be trained on (not a
 * regular file, empty, binary, changed while training ran, NUL bytes, no word reaching the minimum count), a
 * vocabulary file or checkpoint that does not fit, or vectors that diverged. The message is the one line
 * {@code w2v train} prints.
 */
public final class TrainingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    TrainingException(String message, Throwable cause) {
        super(message, cause);
    }
}
