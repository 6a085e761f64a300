package w2v.train.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32C;
import w2v.corpus.Corpus;
import w2v.corpus.CorpusFile;

/**
 * What a checkpoint remembers of its training files, each in reading order: the size as stored (the chunks handed
 * to the workers depend on it) and a checksum of the first 64 KiB as stored (compressed, for a gzip file), which
 * catches another file of the same size without reading gigabytes.
 */
public final class CorpusStamp {

    static final int HEAD_BYTES = 64 * 1024;

    /** One file's stamp. */
    public record File(long size, int headChecksum) {
    }

    private final List<File> files;
    private final List<Path> paths; // for messages; empty for a stamp read from a checkpoint

    CorpusStamp(List<File> files, List<Path> paths) {
        this.files = List.copyOf(files);
        this.paths = List.copyOf(paths);
    }

    /** The stamp of a single file (tests). */
    public CorpusStamp(long size, int headChecksum) {
        this(List.of(new File(size, headChecksum)), List.of());
    }

    public static CorpusStamp of(CorpusFile corpus) throws IOException {
        return of(Corpus.of(corpus));
    }

    public static CorpusStamp of(Corpus corpus) throws IOException {
        List<File> files = new ArrayList<>();
        List<Path> paths = new ArrayList<>();
        for (CorpusFile f : corpus.files()) {
            files.add(new File(f.size(), headChecksum(f)));
            paths.add(f.path());
        }
        return new CorpusStamp(files, paths);
    }

    private static int headChecksum(CorpusFile f) throws IOException {
        ByteBuffer head = ByteBuffer.allocate((int) Math.min(f.size(), HEAD_BYTES));
        try (FileChannel ch = f.open()) {
            while (head.hasRemaining() && ch.read(head, head.position()) > 0) {
                // fill
            }
        }
        CRC32C crc = new CRC32C();
        crc.update(head.array(), 0, head.position());
        return (int) crc.getValue();
    }

    public List<File> files() {
        return files;
    }

    /** The size of the first file (a single-file stamp's size). */
    public long size() {
        return files.get(0).size();
    }

    public int headChecksum() {
        return files.get(0).headChecksum();
    }

    /** Why a run on {@code now} cannot continue from this stamp, or null. */
    String mismatch(CorpusStamp now) {
        if (files.size() != now.files.size()) {
            return String.format(Locale.ROOT, "the training files changed since the checkpoint (%,d files then, %,d "
                    + "now)", files.size(), now.files.size());
        }
        for (int i = 0; i < files.size(); i++) {
            File then = files.get(i);
            File current = now.files.get(i);
            String which = files.size() == 1 || now.paths.isEmpty() ? "the training file"
                    : "the training file " + now.paths.get(i);
            if (then.size() != current.size()) {
                return which + " changed since the checkpoint (" + then.size() + " bytes then, " + current.size()
                        + " now)";
            }
            if (then.headChecksum() != current.headChecksum()) {
                return which + " changed since the checkpoint (same size, different content)";
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CorpusStamp s && files.equals(s.files);
    }

    @Override
    public int hashCode() {
        return files.hashCode();
    }

    @Override
    public String toString() {
        return "CorpusStamp" + files;
    }
}
