package w2v.train.checkpoint;

/** A checkpoint that cannot be resumed from: the message is one line naming the file and the reason. */
public final class CheckpointException extends RuntimeException {
    public CheckpointException(String message) {
        super(message);
    }
}
