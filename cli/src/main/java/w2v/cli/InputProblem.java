package w2v.cli;

import java.nio.file.Path;
import w2v.files.InputFile;

/** An input file that cannot be used, as the one line that names its flag and the file: "-read-vocab v.txt: ...". */
final class InputProblem extends RuntimeException {

    InputProblem(String line) {
        super(line);
    }

    /** "-flag FILE: reason", or "-flag: reason" for an empty file name (which has nothing to show). */
    static String line(String flag, Path file, String reason) {
        return flag + (file.toString().isEmpty() ? "" : " " + file) + ": " + reason;
    }

    /**
     * Throws if {@code file} is missing, a directory, empty, or not a regular file (checked by its attributes
     * before anything opens it: a FIFO would block).
     */
    static void check(String flag, Path file, String noun, String whyRegular) {
        String reason = InputFile.problem(file, noun, whyRegular);
        if (reason != null) {
            throw new InputProblem(line(flag, file, reason));
        }
    }
}
