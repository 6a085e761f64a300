package w2v.files;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Where one output goes: the single policy for every file w2v writes.
 * <ul>
 *   <li>A regular file, or a name that does not exist yet, is replaced atomically ({@link AtomicFile}) in the
 *       directory where the file really is: symbolic links are followed, so a link stays a link and the file it
 *       points to gets the new content (a dangling link gets its target created). An existing file keeps its
 *       permission bits, and its owner and group where the process may set them (as root).
 *   <li>Anything else that exists (a character or block device, a FIFO), and any path that leads into /proc
 *       ({@code /dev/stdout}, {@code /dev/fd/N}), is written in place and never renamed over: a rename over
 *       {@code /dev/null} as root would leave a regular file there for every process on the machine.
 *   <li>An empty name, a name ending in '/', a directory, a socket, and a missing or unwritable directory are
 *       refused with an {@link OutputException} naming the output.
 * </ul>
 * {@link OutputPolicy} checks a run's outputs against its inputs with these targets.
 */
public final class OutputTarget {

    private static final int MAX_LINKS = 40; // Linux's own limit before ELOOP
    private static final Path PROC = Path.of("/proc");
    private static final Path OWN_FDS = PROC.resolve(Long.toString(ProcessHandle.current().pid())).resolve("fd");
    private static final int SOCKET = 0140000; // S_IFSOCK
    private static final int FILE_TYPE = 0170000; // S_IFMT

    private enum Kind {
        /** Temporary file beside {@link #file}, then a rename over it. */
        REPLACE,
        /** Opened and written where it is: a device or a FIFO, or an open file reached through /proc. */
        IN_PLACE,
        /** A regular file reached through /proc/PID/fd: appended to, as the shell's {@code >} or {@code >>} set it up. */
        APPEND,
        /** This process's own standard output or error, written through its descriptor (sharing its offset). */
        STANDARD_OUTPUT,
        STANDARD_ERROR
    }

    private final String name;
    private final String shown;
    private final Path file;
    private final Kind kind;
    private final boolean regular;

    private OutputTarget(String name, String shown, Path file, Kind kind, boolean regular) {
        this.name = name;
        this.shown = shown;
        this.file = file;
        this.kind = kind;
        this.regular = regular;
    }

    /**
     * The output named {@code name} (a flag such as {@code -output}, used in messages) at {@code path}, exactly as
     * the user typed it (a trailing '/' is refused, which {@link Path} would drop).
     *
     * @throws OutputException naming the output and the file when it cannot or must not be written
     */
    public static OutputTarget of(String name, String path) throws OutputException {
        if (path.isEmpty()) {
            throw new OutputException(label(name, "''") + ": the file name is empty");
        }
        if (path.endsWith("/")) {
            throw new OutputException(label(name, path) + ": a file name cannot end with '/'");
        }
        Path p;
        try {
            p = Path.of(path);
        } catch (InvalidPathException e) {
            throw new OutputException(label(name, path) + ": not a valid file name (" + e.getReason() + ")");
        }
        return resolve(name, path, p);
    }

    /** As {@link #of(String, String)} for a {@link Path}; {@code name} may be null (messages then say "cannot write"). */
    public static OutputTarget of(String name, Path path) throws OutputException {
        return of(name, path.toString());
    }

    /** The unnamed output at {@code path}, as the writers' {@code Path} methods use it. */
    public static OutputTarget of(Path path) throws OutputException {
        return of(null, path);
    }

    /** The flag that named this output, or null. */
    public String name() {
        return name;
    }

    /** True when the output is written where it is (a device, a FIFO, a file descriptor), not replaced. */
    public boolean inPlace() {
        return kind != Kind.REPLACE;
    }

    /** Writes the output by this policy; a failure leaves a replaced file as it was. */
    public void write(AtomicFile.Body body) throws IOException {
        switch (kind) {
            case REPLACE -> AtomicFile.replaceFile(shown, file, body);
            case STANDARD_OUTPUT -> writeToDescriptor(System.out, FileDescriptor.out, body);
            case STANDARD_ERROR -> writeToDescriptor(System.err, FileDescriptor.err, body);
            case IN_PLACE, APPEND -> writeInPlace(body);
        }
    }

    /** "-output FILE", or "cannot write FILE" for an unnamed output: how messages start. */
    String label() {
        return label(name, shown);
    }

    /** True when writing this output would change the existing regular file {@code input}. */
    boolean overwrites(Path input) {
        return regular && sameExistingFile(file, input);
    }

    /**
     * True when this output and {@code other} would end in the same regular file and at least one of them replaces
     * it. Two writes to one device, or to one descriptor one after the other, lose nothing.
     */
    boolean collidesWith(OutputTarget other) {
        if (!regular || !other.regular || (kind != Kind.REPLACE && other.kind != Kind.REPLACE)) {
            return false;
        }
        return file.equals(other.file) || sameExistingFile(file, other.file);
    }

    private static String label(String name, String shown) {
        return name == null ? "cannot write " + shown : name + " " + shown;
    }

    /** Follows the path's links one at a time, so that the last one decides where the temporary file goes. */
    private static OutputTarget resolve(String name, String shown, Path given) throws OutputException {
        Path p = given.toAbsolutePath();
        for (int links = 0; links <= MAX_LINKS; links++) {
            Path parent = p.getParent();
            Path leaf = p.getFileName();
            if (parent == null || leaf == null) {
                throw problem(name, shown, "it is a directory");
            }
            Path dir = realDirectory(name, shown, parent);
            Path file = dir.resolve(leaf.toString());
            if (dir.startsWith(PROC)) {
                return inProc(name, shown, dir, file);
            }
            BasicFileAttributes a = attributes(file);
            if (a == null) {
                requireWritableDirectory(name, shown, dir);
                return new OutputTarget(name, shown, file, Kind.REPLACE, true);
            }
            if (a.isSymbolicLink()) {
                p = dir.resolve(readLink(name, shown, file));
                continue;
            }
            if (a.isDirectory()) {
                throw problem(name, shown, "it is a directory");
            }
            if (a.isRegularFile()) {
                if (!Files.isWritable(file)) {
                    throw problem(name, shown, "it exists and is not writable");
                }
                requireWritableDirectory(name, shown, dir);
                return new OutputTarget(name, shown, file, Kind.REPLACE, true);
            }
            if (isSocket(file)) {
                throw problem(name, shown, "it is a socket");
            }
            if (!Files.isWritable(file)) {
                throw problem(name, shown, "it is not writable");
            }
            return new OutputTarget(name, shown, file, Kind.IN_PLACE, false);
        }
        throw problem(name, shown, "too many levels of symbolic links");
    }

    /** /proc cannot take a rename, and its fd entries stand for files already open: /dev/stdout is /proc/self/fd/1. */
    private static OutputTarget inProc(String name, String shown, Path dir, Path file) throws OutputException {
        if (!Files.exists(file)) {
            throw problem(name, shown, "no such file or open descriptor");
        }
        if (Files.isDirectory(file)) {
            throw problem(name, shown, "it is a directory");
        }
        boolean regular = Files.isRegularFile(file);
        String leaf = file.getFileName().toString();
        Kind kind = dir.equals(OWN_FDS) && leaf.equals("1") ? Kind.STANDARD_OUTPUT
                : dir.equals(OWN_FDS) && leaf.equals("2") ? Kind.STANDARD_ERROR
                : regular ? Kind.APPEND : Kind.IN_PLACE;
        return new OutputTarget(name, shown, file, kind, regular);
    }

    private static Path realDirectory(String name, String shown, Path parent) throws OutputException {
        Path real;
        try {
            real = parent.toRealPath();
        } catch (NoSuchFileException e) {
            throw problem(name, shown, "directory " + parent + " does not exist");
        } catch (AccessDeniedException e) {
            throw problem(name, shown, "no permission to reach directory " + parent);
        } catch (FileSystemException e) {
            throw problem(name, shown, "Not a directory".equals(e.getReason())
                    ? parent + " is not a directory" : "directory " + parent + ": " + AtomicFile.reason(e));
        } catch (IOException e) {
            throw problem(name, shown, "directory " + parent + ": " + AtomicFile.reason(e));
        }
        if (!Files.isDirectory(real)) {
            throw problem(name, shown, parent + " is not a directory");
        }
        return real;
    }

    private static void requireWritableDirectory(String name, String shown, Path dir) throws OutputException {
        if (!Files.isWritable(dir)) {
            throw problem(name, shown, "directory " + dir + " is not writable");
        }
    }

    private static BasicFileAttributes attributes(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null; // not there (or not readable, which creating it will report)
        }
    }

    private static Path readLink(String name, String shown, Path link) throws OutputException {
        try {
            return Files.readSymbolicLink(link);
        } catch (IOException e) {
            throw problem(name, shown, "cannot read the symbolic link " + link + ": " + AtomicFile.reason(e));
        }
    }

    private static boolean isSocket(Path file) {
        try {
            return ((Integer) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS) & FILE_TYPE) == SOCKET;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false; // no unix view: opening it will fail with the system's reason
        }
    }

    private static boolean sameExistingFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static OutputException problem(String name, String shown, String why) {
        return new OutputException(label(name, shown) + ": " + why);
    }

    /** No temporary file and no truncation: a device or FIFO takes the bytes as they come. */
    private void writeInPlace(AtomicFile.Body body) throws IOException {
        StandardOpenOption[] options = kind == Kind.APPEND
                ? new StandardOpenOption[] {StandardOpenOption.WRITE, StandardOpenOption.APPEND}
                : new StandardOpenOption[] {StandardOpenOption.WRITE};
        try (FileChannel ch = FileChannel.open(file, options)) {
            body.writeTo(ch);
        } catch (IOException e) {
            throw new IOException("cannot write " + shown + ": " + AtomicFile.reason(e), e);
        }
    }

    /** Through the descriptor itself, so the bytes follow what was printed before, whatever fd 1 or 2 is. */
    private void writeToDescriptor(PrintStream java, FileDescriptor fd, AtomicFile.Body body) throws IOException {
        java.flush();
        // Never closed: the descriptor is the process's own and stays open for what is printed next.
        FileChannel ch = new FileOutputStream(fd).getChannel();
        try {
            body.writeTo(new KeptOpen(ch));
        } catch (IOException e) {
            throw new IOException("cannot write " + shown + ": " + AtomicFile.reason(e), e);
        }
    }

    /** A channel whose close() leaves the descriptor open. */
    private record KeptOpen(WritableByteChannel channel) implements WritableByteChannel {
        @Override
        public int write(ByteBuffer src) throws IOException {
            return channel.write(src);
        }

        @Override
        public boolean isOpen() {
            return channel.isOpen();
        }

        @Override
        public void close() {
        }
    }
}
