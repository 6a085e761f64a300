package w2v.corpus;

/** Training input a user must fix: the message is one line naming the file and the problem. */
public final class CorpusException extends RuntimeException {
    public CorpusException(String message) {
        super(message);
    }
}
