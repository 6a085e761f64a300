package w2v.train.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;
import w2v.corpus.CorpusFile;

/**
 * What a checkpoint remembers of its training file: the size (the chunks handed to the workers and their
 * positions depend on it) and a checksum of the first 64 KiB, which catches another file of the same size
 * without reading gigabytes.
 */
public record CorpusStamp(long size, int headChecksum) {

    static final int HEAD_BYTES = 64 * 1024;

    public static CorpusStamp of(CorpusFile corpus) throws IOException {
        ByteBuffer head = ByteBuffer.allocate((int) Math.min(corpus.size(), HEAD_BYTES));
        try (FileChannel ch = corpus.open()) {
            while (head.hasRemaining() && ch.read(head, head.position()) > 0) {
                // fill
            }
        }
        CRC32C crc = new CRC32C();
        crc.update(head.array(), 0, head.position());
        return new CorpusStamp(corpus.size(), (int) crc.getValue());
    }

    /** Why a run on {@code now} cannot continue from this stamp, or null. */
    String mismatch(CorpusStamp now) {
        if (size != now.size) {
            return "the training file changed since the checkpoint (" + size + " bytes then, " + now.size + " now)";
        }
        if (headChecksum != now.headChecksum) {
            return "the training file changed since the checkpoint (same size, different content)";
        }
        return null;
    }
}
