package w2v.vocab;

/** The corpus or vocabulary file yields no usable vocabulary; the message is one line for the user. */
public final class VocabularyException extends RuntimeException {
    public VocabularyException(String message) {
        super(message);
    }
}
