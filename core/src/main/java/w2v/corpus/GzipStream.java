package w2v.corpus;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The decompressed text of a gzip source, read from its start: every member in turn (pigz, bgzip and
 * {@code cat a.gz b.gz} write several), each checked against its CRC-32 and length, as gunzip does. Zero bytes
 * after the last member (tape padding) are ignored, like gunzip; anything else there is refused.
 *
 * <p>The compressed bytes are read with positional reads and never past the size recorded when the file was
 * checked; a problem is one line naming the compressed offset, after a check that the file did not change
 * meanwhile (a file being rewritten looks truncated).
 */
final class GzipStream implements AutoCloseable {

    /** The inflater's input: large enough that reading the compressed file costs few system calls. */
    private static final int INPUT_BYTES = 1 << 16;

    private static final int FHCRC = 2, FEXTRA = 4, FNAME = 8, FCOMMENT = 16, RESERVED = 0xE0;

    private enum State { HEADER, DATA, END }

    private final CorpusFile file;
    private final FileChannel channel;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final byte[] in = new byte[INPUT_BYTES];
    private final ByteBuffer inBuffer = ByteBuffer.wrap(in);
    private long inOffset; // compressed offset of in[0]
    private int inPos; // next byte not yet parsed or handed to the inflater
    private int inLimit;
    private State state = State.HEADER;
    private int member; // 1-based number of the member being read
    private long memberStart; // compressed offset of its header
    private long memberText;
    private long produced;

    GzipStream(CorpusFile file) throws IOException {
        this.file = file;
        this.channel = file.open();
    }

    /** Decompressed bytes returned so far: the offset in the text of the next byte. */
    long produced() {
        return produced;
    }

    /** Compressed bytes consumed so far (for progress). */
    long consumed() {
        return inOffset + inPos - (state == State.DATA ? inflater.getRemaining() : 0);
    }

    /** Up to {@code len} bytes of text; -1 after the last member. */
    int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (true) {
            switch (state) {
                case END -> {
                    return -1;
                }
                case HEADER -> startMember();
                case DATA -> {
                    int n = inflate(b, off, len);
                    if (n > 0) {
                        crc.update(b, off, n);
                        memberText += n;
                        produced += n;
                        return n;
                    }
                }
            }
        }
    }

    /** Reads and discards text up to {@code position} (at or after {@link #produced()}). */
    void skipTo(long position) throws IOException {
        byte[] scratch = new byte[INPUT_BYTES];
        while (produced < position) {
            if (read(scratch, 0, (int) Math.min(scratch.length, position - produced)) < 0) {
                throw new CorpusException(file.path(), String.format(Locale.ROOT,
                        "holds %,d bytes of text, fewer than the %,d a position in it needs", produced, position));
            }
        }
    }

    private int inflate(byte[] b, int off, int len) throws IOException {
        int n;
        try {
            n = inflater.inflate(b, off, len);
        } catch (DataFormatException e) {
            throw problem(String.format(Locale.ROOT, "corrupt gzip data near compressed byte %,d (member %d, "
                    + "after %,d bytes of text): %s", consumed(), member, produced, e.getMessage()));
        }
        if (n > 0) {
            return n;
        }
        if (inflater.finished()) {
            inPos = inLimit - inflater.getRemaining();
            endMember();
        } else if (inflater.needsDictionary()) {
            throw problem(String.format(Locale.ROOT, "corrupt gzip data near compressed byte %,d (member %d): "
                    + "it asks for a preset dictionary, which gzip never uses", consumed(), member));
        } else if (inflater.needsInput()) {
            if (!refill()) {
                throw problem(String.format(Locale.ROOT, "truncated gzip file: the compressed data ends at byte %,d,"
                        + " inside member %d, after %,d bytes of text (an incomplete download or copy?)",
                        file.size(), member, produced));
            }
            inflater.setInput(in, inPos, inLimit - inPos);
            inPos = inLimit;
        }
        return 0;
    }

    /** Parses a member header and hands the inflater what follows it. */
    private void startMember() throws IOException {
        member++;
        memberStart = inOffset + inPos;
        int id1 = nextByte(), id2 = nextByte();
        if (id1 != 0x1F || id2 != 0x8B) {
            throw problem(String.format(Locale.ROOT, "corrupt gzip data: compressed byte %,d does not start a "
                    + "gzip member", memberStart));
        }
        int method = needByte();
        int flags = needByte();
        if (method != 8) {
            throw problem(String.format(Locale.ROOT, "corrupt gzip header at compressed byte %,d: compression "
                    + "method %d is not deflate", memberStart, method));
        }
        if ((flags & RESERVED) != 0) {
            throw problem(String.format(Locale.ROOT, "corrupt gzip header at compressed byte %,d: reserved flag "
                    + "bits are set", memberStart));
        }
        for (int i = 0; i < 6; i++) { // modification time, extra flags, operating system
            needByte();
        }
        if ((flags & FEXTRA) != 0) {
            int length = needByte() | needByte() << 8;
            for (int i = 0; i < length; i++) {
                needByte();
            }
        }
        if ((flags & FNAME) != 0) {
            while (needByte() != 0) {
                // the original file name
            }
        }
        if ((flags & FCOMMENT) != 0) {
            while (needByte() != 0) {
                // a comment
            }
        }
        if ((flags & FHCRC) != 0) {
            needByte();
            needByte();
        }
        inflater.reset();
        crc.reset();
        memberText = 0;
        inflater.setInput(in, inPos, inLimit - inPos);
        inPos = inLimit;
        state = State.DATA;
    }

    /** Checks the trailer of the member just inflated, then finds what follows: a member, zeros or the end. */
    private void endMember() throws IOException {
        long crcStored = needInt();
        long sizeStored = needInt();
        if (crcStored != crc.getValue()) {
            throw problem(String.format(Locale.ROOT, "corrupt gzip data: member %d (compressed bytes %,d to %,d) "
                    + "fails its CRC-32 check", member, memberStart, inOffset + inPos));
        }
        if (sizeStored != (memberText & 0xFFFFFFFFL)) {
            throw problem(String.format(Locale.ROOT, "corrupt gzip data: member %d (compressed bytes %,d to %,d) "
                    + "holds %,d bytes of text, its trailer says %,d (modulo 2^32)", member, memberStart,
                    inOffset + inPos, memberText, sizeStored));
        }
        if (peekByte() == 0x1F) {
            state = State.HEADER;
            return;
        }
        for (int b; (b = nextByte()) >= 0; ) {
            if (b != 0) {
                throw problem(String.format(Locale.ROOT, "corrupt gzip data: compressed byte %,d, after member %d,"
                        + " starts neither another gzip member nor zero padding", inOffset + inPos - 1, member));
            }
        }
        state = State.END;
        file.checkUnchanged(); // appended to: reads stop at the recorded size, so only the size tells
    }

    private long needInt() throws IOException {
        return needByte() | needByte() << 8 | needByte() << 16 | (long) needByte() << 24;
    }

    private int needByte() throws IOException {
        int b = nextByte();
        if (b < 0) {
            throw problem(String.format(Locale.ROOT, "truncated gzip file: the compressed data ends at byte %,d, "
                    + "inside the header or trailer of member %d (an incomplete download or copy?)", file.size(),
                    member));
        }
        return b;
    }

    private int nextByte() throws IOException {
        int b = peekByte();
        if (b >= 0) {
            inPos++;
        }
        return b;
    }

    private int peekByte() throws IOException {
        if (inPos == inLimit && !refill()) {
            return -1;
        }
        return in[inPos] & 0xFF;
    }

    /** Replaces the consumed input with the next compressed bytes; false at the recorded end of the file. */
    private boolean refill() throws IOException {
        inOffset += inLimit;
        inPos = 0;
        inLimit = 0;
        long left = file.size() - inOffset;
        if (left <= 0) {
            return false;
        }
        inBuffer.clear().limit((int) Math.min(in.length, left));
        while (inBuffer.hasRemaining()) {
            int n = channel.read(inBuffer, inOffset + inBuffer.position());
            if (n < 0) {
                throw file.readEndedAt(inOffset + inBuffer.position()); // shorter than when it was checked
            }
        }
        inLimit = inBuffer.position();
        return true;
    }

    /** A problem of the data, unless the file changed meanwhile, which would explain it. */
    private CorpusException problem(String reason) {
        file.checkUnchanged();
        return new CorpusException(file.path(), reason);
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        channel.close();
    }
}
