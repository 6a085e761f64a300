package w2v.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Checks an input file (a corpus, a vocabulary, a checkpoint) by its attributes before anything opens it:
 * opening a FIFO that has no writer blocks for ever, and pipes, devices and /proc files report a size of 0 (or
 * stream without end), which a reader would take for an empty or a bottomless file.
 */
public final class InputFile {

    // File type bits of st_mode (POSIX), read through the "unix" attribute view.
    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFIFO = 0010000;

    private InputFile() {
    }

    /**
     * Why {@code path} cannot be read as a regular file with content, as one line without the file's name (the
     * caller names it and its flag), or null when it can. Only a regular file of size 0 is opened, to tell an
     * empty file from a pseudo-file whose size is unknown.
     *
     * @param noun what the file is for the user: "training file", "vocabulary file"
     * @param whyRegular what a special file is told after saying what it is, e.g. "training reads the corpus
     *     once per epoch and needs a regular file"
     */
    public static String problem(Path path, String noun, String whyRegular) {
        if (path.toString().isEmpty()) {
            return "empty file name";
        }
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return noun + " not found";
        } catch (AccessDeniedException e) {
            return "permission denied";
        } catch (FileSystemException e) { // "Not a directory" for a/b where a is a file: the name is ours to give
            return "cannot read (" + (e.getReason() != null ? e.getReason() : e.getMessage()) + ")";
        } catch (IOException e) {
            return "cannot read (" + e.getMessage() + ")";
        }
        if (a.isDirectory()) {
            return "is a directory, not a " + noun;
        }
        if (!a.isRegularFile()) {
            return "is " + special(path) + "; " + whyRegular;
        }
        if (a.size() == 0) {
            return hasContent(path) ? "is a pseudo-file whose size is unknown (as in /proc); copy it to a regular "
                    + "file first" : noun + " is empty";
        }
        return null;
    }

    /** What a file that is neither a directory nor a regular file is, for a message: "a FIFO (named pipe)". */
    static String special(Path path) {
        String link = finalLinkTarget(path);
        if (link != null && link.startsWith("pipe:")) {
            return "a pipe"; // /dev/fd/N or /proc/self/fd/N of a shell's <(...) or a | pipeline
        }
        int mode;
        try {
            mode = (Integer) Files.getAttribute(path, "unix:mode");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "not a regular file";
        }
        return switch (mode & S_IFMT) {
            case S_IFIFO -> "a FIFO (named pipe)";
            case S_IFCHR -> "a character device";
            case S_IFBLK -> "a block device";
            case S_IFSOCK -> "a socket";
            default -> "not a regular file";
        };
    }

    /** Where a chain of symbolic links ends, as the last link's text ("pipe:[123]"), or null if not a link. */
    private static String finalLinkTarget(Path path) {
        Path p = path;
        String target = null;
        try {
            for (int i = 0; i < 16 && Files.isSymbolicLink(p); i++) {
                Path t = Files.readSymbolicLink(p);
                target = t.toString();
                p = p.toAbsolutePath().getParent().resolve(t);
            }
        } catch (IOException | UnsupportedOperationException | java.nio.file.InvalidPathException e) {
            // as far as it could be followed
        }
        return target;
    }

    /** For a regular file of size 0 only: a /proc file has content, an empty file has none. */
    private static boolean hasContent(Path path) {
        if (!Files.isRegularFile(path)) {
            return false; // replaced since its attributes were read: never open a FIFO
        }
        try (InputStream in = Files.newInputStream(path)) {
            return in.read() >= 0;
        } catch (IOException e) {
            return false;
        }
    }
}
