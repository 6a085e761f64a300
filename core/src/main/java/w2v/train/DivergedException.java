package w2v.train;

/** Training produced NaN or infinite vectors; nothing is written. */
public final class DivergedException extends RuntimeException {
    public DivergedException(String message) {
        super(message);
    }
}
