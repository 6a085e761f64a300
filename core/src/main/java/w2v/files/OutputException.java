package w2v.files;

import java.io.IOException;

/**
 * An output that must not or cannot be written, found before any work: the message is one line naming the
 * output (by its flag, when it has one) and the file, ready to print.
 */
public final class OutputException extends IOException {

    public OutputException(String message) {
        super(message);
    }
}
