package w2v.corpus;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Locale;
import w2v.files.InputFile;

/**
 * One training file, checked before anything is allocated: it must be a regular readable file (checked by its
 * attributes before it is opened: a FIFO would block, a pipe or a device cannot be read once per epoch) and
 * look like text, plain or gzip-compressed (told by the magic bytes 1f 8b, not by the name; then its first
 * decompressed bytes must look like text). Every reader thread opens its own channel through {@link #open()}.
 *
 * <p>Its size, modification time and identity are recorded here; readers call {@link #checkUnchanged()} as they
 * go, and a {@link TokenReader} made with this file refuses reads that end before or past the recorded size, so
 * a file truncated, appended to or replaced while it is read stops the run instead of training on a mixture.
 */
public final class CorpusFile {

    private static final int SNIFF_BYTES = 64 * 1024;

    /** What the user is told after saying what a special file is. */
    static final String NEEDS_REGULAR = "training reads the corpus once per epoch and needs a regular file";

    private final Path path;
    private final long size;
    private final FileTime modified;
    private final Object key; // device and inode on Unix; null where the file system has none
    private boolean gzip;

    private CorpusFile(Path path, BasicFileAttributes attributes) {
        this.path = path;
        this.size = attributes.size();
        this.modified = attributes.lastModifiedTime();
        this.key = attributes.fileKey();
    }

    /** What {@link InputFile#problem} says of an empty file. */
    private static final String EMPTY = "training file is empty";

    /** Checks {@code path}; throws {@link CorpusException} with a one-line reason when it cannot be trained on. */
    public static CorpusFile of(Path path) {
        String problem = InputFile.problem(path, "training file", NEEDS_REGULAR);
        if (problem != null) {
            throw problem.equals(EMPTY) ? new EmptySourceException(path, problem) : new CorpusException(path, problem);
        }
        CorpusFile corpus;
        byte[] head;
        try {
            corpus = new CorpusFile(path, Files.readAttributes(path, BasicFileAttributes.class));
            try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
                ByteBuffer bb = ByteBuffer.allocate((int) Math.min(corpus.size, SNIFF_BYTES));
                while (bb.hasRemaining() && ch.read(bb) > 0) {
                    // fill the sniff buffer
                }
                head = java.util.Arrays.copyOf(bb.array(), bb.position());
            }
        } catch (AccessDeniedException e) {
            throw new CorpusException(path, "permission denied");
        } catch (NoSuchFileException e) {
            throw new CorpusException(path, "training file not found");
        } catch (IOException e) {
            throw new CorpusException(path, "cannot read (" + e.getMessage() + ")");
        }
        if (head.length < Math.min(corpus.size, SNIFF_BYTES)) {
            // A /sys file reports 4096 bytes whatever it holds; a file being truncated looks the same.
            throw new CorpusException(path, String.format(Locale.ROOT, "is a pseudo-file or is being truncated: it "
                    + "reports %,d bytes but %,d could be read; copy it to a regular file first", corpus.size,
                    head.length));
        }
        if (isGzip(head, head.length)) {
            corpus.gzip = true;
            head = corpus.decompressedHead();
            if (head.length == 0) {
                throw new EmptySourceException(path, "is a gzip file that decompresses to nothing");
            }
            String binary = binaryKind(head);
            if (binary != null) {
                throw new CorpusException(path, isGzip(head, head.length)
                        ? "is gzip-compressed twice: decompress it once (gunzip -c FILE > FILE2) and train on that"
                        : isTar(head) ? "is a gzip-compressed tar archive; extract it (tar -xzf) and train on the "
                                + "directory of text files it holds"
                        : "is gzip-compressed, and decompressed it " + binary);
            }
            return corpus;
        }
        String binary = binaryKind(head);
        if (binary != null) {
            throw new CorpusException(path, binary);
        }
        return corpus;
    }

    /** The first {@link #SNIFF_BYTES} of text, or fewer if there are fewer. */
    private byte[] decompressedHead() {
        byte[] head = new byte[SNIFF_BYTES];
        int n = 0;
        try (GzipStream in = new GzipStream(this)) {
            for (int r; n < head.length && (r = in.read(head, n, head.length - n)) > 0; ) {
                n += r;
            }
        } catch (AccessDeniedException e) {
            throw new CorpusException(path, "permission denied");
        } catch (IOException e) {
            throw new CorpusException(path, "cannot read (" + e.getMessage() + ")");
        }
        return java.util.Arrays.copyOf(head, n);
    }

    private static boolean isGzip(byte[] head, int length) {
        return length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B;
    }

    /** A POSIX tar header: "ustar" at offset 257. */
    private static boolean isTar(byte[] head) {
        byte[] magic = {'u', 's', 't', 'a', 'r'};
        return head.length >= 262 && java.util.Arrays.equals(head, 257, 262, magic, 0, 5);
    }

    /** Why these first bytes are not a text corpus, or null if they look like text. */
    static String binaryKind(byte[] head) {
        if (isGzip(head, head.length)) {
            return "is gzip-compressed";
        }
        if (isTar(head)) {
            return "is a tar archive; extract it (tar -xf) and train on the directory of text files it holds";
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return "is a zip archive; extract the text first";
        }
        if (head.length >= 3 && head[0] == 'B' && head[1] == 'Z' && head[2] == 'h') {
            return "is bzip2-compressed; decompress it first (bunzip2 -k)";
        }
        if (head.length >= 6 && (head[0] & 0xFF) == 0xFD && head[1] == '7' && head[2] == 'z' && head[3] == 'X') {
            return "is xz-compressed; decompress it first (unxz -k)";
        }
        int control = 0;
        for (byte b : head) {
            int c = b & 0xFF;
            if (c == 0) {
                return "contains NUL bytes: this looks like a binary file, not text";
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != 0x0B && c != 0x0C) {
                control++;
            }
        }
        if (control > head.length / 10) {
            return "is mostly control characters: this looks like a binary file, not text";
        }
        return null;
    }

    public Path path() {
        return path;
    }

    /** gzip-compressed: read through a decompressor; offsets in it are offsets in the decompressed text. */
    public boolean isGzip() {
        return gzip;
    }

    /** Device and inode on Unix (null where the file system has none): the same file given twice has the same. */
    Object key() {
        return key;
    }

    /** The size when it was checked: the size every pass reads (compressed bytes for a gzip file). */
    public long size() {
        return size;
    }

    /** A new read channel; each thread uses its own. */
    public FileChannel open() throws IOException {
        return FileChannel.open(path, StandardOpenOption.READ);
    }

    /**
     * Throws {@link CorpusChangedException} if the file's size, modification time or identity (a file renamed
     * over it) is no longer what it was when checked. One stat call: cheap enough for every chunk.
     */
    public void checkUnchanged() {
        String change = change();
        if (change != null) {
            throw new CorpusChangedException(path, change);
        }
    }

    /** For a read that ended at {@code offset}, before the recorded size or past it: the file changed. */
    CorpusChangedException readEndedAt(long offset) {
        String change = change();
        return new CorpusChangedException(path, change != null ? change : String.format(Locale.ROOT,
                "a read ended at byte %,d of %,d", offset, size));
    }

    /** What differs from the recorded attributes, or null. */
    private String change() {
        BasicFileAttributes now;
        try {
            now = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return "deleted or renamed";
        } catch (IOException e) {
            return "its attributes cannot be read any more: " + e.getMessage();
        }
        if (key != null && !key.equals(now.fileKey())) {
            return now.size() == size ? "replaced by another file of the same size"
                    : String.format(Locale.ROOT, "replaced by another file, size %,d -> %,d bytes", size, now.size());
        }
        if (now.size() != size) {
            return String.format(Locale.ROOT, "size %,d -> %,d bytes", size, now.size());
        }
        if (!now.lastModifiedTime().equals(modified)) {
            return "rewritten at " + now.lastModifiedTime() + ", same size";
        }
        return null;
    }
}
