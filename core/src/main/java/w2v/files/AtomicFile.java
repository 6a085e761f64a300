package w2v.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Replaces a file all at once: the content goes to a hidden temporary file in the target's directory (same
 * file system, so the rename is atomic), is forced to disk, and is then renamed over the target. A reader
 * sees the old file or the new one, never half of one; after a crash or any failure the old file is intact
 * and the temporary file is gone. {@link OutputTarget} decides what is replaced this way and what (a device,
 * a FIFO, standard output) is written in place.
 */
public final class AtomicFile {

    /** Writes the content; may throw anything, the temporary file is removed either way. */
    public interface Body {
        void writeTo(WritableByteChannel channel) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * Writes {@code target} by the output policy of {@link OutputTarget}: a regular file (or a new one) is replaced
     * atomically where its symbolic links lead, a device or FIFO is written in place.
     *
     * @throws IOException with a one-line message naming {@code target} for anything a user can fix: a missing
     *     or read-only directory, a full disk, a target that is a directory
     */
    public static void replace(Path target, Body body) throws IOException {
        OutputTarget.of(target).write(body);
    }

    /**
     * Replaces the regular file {@code file} (not a symbolic link: {@link OutputTarget} followed them), or creates
     * it; {@code shown} names it in messages as the user gave it.
     */
    static void replaceFile(String shown, Path file, Body body) throws IOException {
        Path dir = file.getParent();
        Path tmp = createTemp(shown, dir, file.getFileName().toString());
        boolean done = false;
        try {
            keepAttributes(file, tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                body.writeTo(ch);
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            done = true;
        } catch (IOException e) {
            throw new IOException("cannot write " + shown + ": " + reason(e), e);
        } finally {
            if (!done) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // Nothing better to do; the primary failure is what the user needs to see.
                }
            }
        }
        syncDirectory(dir);
    }

    /**
     * The file being replaced keeps its mode, and its owner and group where this process may set them (root may,
     * others only to a group of theirs). Set before any byte is written, so a private file never has readable
     * content under a wider mode.
     */
    private static void keepAttributes(Path file, Path tmp) throws IOException {
        PosixFileAttributes old;
        try {
            old = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException | UnsupportedOperationException e) {
            return; // a new file gets the umask's mode, like any new file
        }
        PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
        PosixFileAttributes now = view.readAttributes();
        if (!now.owner().equals(old.owner())) {
            try {
                view.setOwner(old.owner());
            } catch (FileSystemException e) {
                // Only root may give a file away; the new file is then the writer's, as with any editor.
            }
        }
        if (!now.group().equals(old.group())) {
            try {
                view.setGroup(old.group());
            } catch (FileSystemException e) {
                // Not a group of this user: as above.
            }
        }
        view.setPermissions(old.permissions()); // after chown, which may clear set-id bits
    }

    /** Created without special permissions, so the result gets the umask's mode like any new file. */
    private static Path createTemp(String target, Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                Files.newByteChannel(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return tmp;
            } catch (FileAlreadyExistsException e) {
                if (attempt == 10) {
                    throw new IOException("cannot write " + target + ": cannot create a temporary file in " + dir, e);
                }
            } catch (NoSuchFileException e) {
                throw new IOException("cannot write " + target + ": directory " + dir + " does not exist", e);
            } catch (AccessDeniedException e) {
                throw new IOException("cannot write " + target + ": no permission to create files in " + dir, e);
            } catch (IOException e) {
                throw new IOException("cannot write " + target + ": " + reason(e), e);
            }
        }
    }

    /** The rename is durable only once the directory entry is on disk. Not every file system allows this. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Best effort: the data itself is already forced.
        }
    }

    /** The operating system's reason without the file names, which the caller's message already has. */
    public static String reason(IOException e) {
        String r = e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason() : e.getMessage();
        if (e instanceof AccessDeniedException) {
            r = "permission denied";
        }
        if (r == null || r.isBlank()) {
            r = e.getClass().getSimpleName();
        }
        if (r.equals("File too large")) {
            // EFBIG: the JVM ignores SIGXFSZ, so a write past `ulimit -f` or the file system's limit ends here.
            r = "File too large (the file size limit, ulimit -f or the file system's, was reached)";
        }
        return r.replace('\n', ' ').replace('\r', ' ');
    }
}
