package w2v.corpus;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The training file, checked before anything is allocated: it must exist, be a regular readable file, and
 * look like text. Every reader thread opens its own channel through {@link #open()}.
 */
public final class CorpusFile {

    private static final int SNIFF_BYTES = 64 * 1024;

    private final Path path;
    private final long size;

    private CorpusFile(Path path, long size) {
        this.path = path;
        this.size = size;
    }

    /** Checks {@code path}; throws {@link CorpusException} with a one-line reason when it cannot be trained on. */
    public static CorpusFile of(Path path) {
        if (Files.isDirectory(path)) {
            throw new CorpusException(path + ": is a directory, not a training file");
        }
        if (!Files.exists(path)) {
            throw new CorpusException(path + ": training file not found");
        }
        long size;
        byte[] head;
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            size = ch.size();
            ByteBuffer bb = ByteBuffer.allocate((int) Math.min(size, SNIFF_BYTES));
            while (bb.hasRemaining() && ch.read(bb) > 0) {
                // fill the sniff buffer
            }
            head = java.util.Arrays.copyOf(bb.array(), bb.position());
        } catch (AccessDeniedException e) {
            throw new CorpusException(path + ": permission denied");
        } catch (NoSuchFileException e) {
            throw new CorpusException(path + ": training file not found");
        } catch (IOException e) {
            throw new CorpusException(path + ": cannot read (" + e.getMessage() + ")");
        }
        if (size == 0) {
            throw new CorpusException(path + ": training file is empty");
        }
        String binary = binaryKind(head);
        if (binary != null) {
            throw new CorpusException(path + ": " + binary);
        }
        return new CorpusFile(path, size);
    }

    /** Why these first bytes are not a text corpus, or null if they look like text. */
    static String binaryKind(byte[] head) {
        if (head.length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) {
            return "is gzip-compressed; decompress it first (gunzip -k)";
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

    public long size() {
        return size;
    }

    /** A new read channel; each thread uses its own. */
    public FileChannel open() throws IOException {
        return FileChannel.open(path, StandardOpenOption.READ);
    }

}
