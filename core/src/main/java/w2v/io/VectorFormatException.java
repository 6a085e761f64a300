package w2v.io;

import java.io.IOException;

/** A vector file that does not follow the word2vec format. The message is one line a user can act on. */
public class VectorFormatException extends IOException {
    public VectorFormatException(String message) {
        super(message);
    }
}
