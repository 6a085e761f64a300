package w2v.corpus;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A plain-text source read through a channel of its own: a read that ends before the size recorded when the file
 * was checked, or goes past it, means the file was truncated or appended to meanwhile.
 */
final class PlainInput implements TokenReader.Input {
    private final CorpusFile file;
    private final FileChannel channel;

    PlainInput(CorpusFile file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    CorpusFile file() {
        return file;
    }

    FileChannel channel() {
        return channel;
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        int n = channel.read(dst, position);
        if (n < 0 ? position < file.size() : position + n > file.size()) {
            throw file.readEndedAt(n < 0 ? position : position + n);
        }
        return n;
    }
}
