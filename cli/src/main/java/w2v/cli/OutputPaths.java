package w2v.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks that an output file can be created, so a long run does not fail at its very end. */
final class OutputPaths {

    private OutputPaths() {
    }

    /** A one-line reason why {@code file} cannot be written, or null if it can (or is null). */
    static String problem(Path file) {
        if (file == null) {
            return null;
        }
        if (Files.isDirectory(file)) {
            return file + ": is a directory";
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return file + ": directory " + dir + " does not exist";
        }
        if (!Files.isWritable(dir)) {
            return file + ": directory " + dir + " is not writable";
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            return file + ": exists and is not writable";
        }
        return null;
    }
}
