package w2v.cli;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Turns exceptions into the one line a user reads. */
final class Errors {

    private Errors() {
    }

    /** True when the user asked for stack traces ({@code W2V_DEBUG=1} or {@code -debug 3}). */
    static boolean verbose() {
        return "1".equals(System.getenv("W2V_DEBUG")) || Boolean.getBoolean("w2v.debug");
    }

    static String describe(Throwable e) {
        if (e instanceof UncheckedIOException u && u.getCause() != null) {
            e = u.getCause();
        }
        if (e instanceof NoSuchFileException n) {
            return n.getFile() + ": no such file or directory";
        }
        if (e instanceof AccessDeniedException a) {
            return a.getFile() + ": permission denied";
        }
        if (e instanceof FileSystemException f) {
            return f.getFile() + ": " + (f.getReason() != null ? f.getReason() : "file system error");
        }
        if (e instanceof FileNotFoundException || e instanceof IOException) {
            return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        }
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return "internal error (" + e.getClass().getName() + "); rerun with W2V_DEBUG=1 for details";
        }
        return m.lines().findFirst().orElse(m);
    }
}
