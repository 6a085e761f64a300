package w2v.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * gzip files as the tools people use write them: one member (gzip, the JDK), or many (bgzip's 64 KiB members
 * with an extra field, pigz --independent, {@code cat a.gz b.gz}), with the optional header fields filled in.
 */
public final class Gzip {

    private Gzip() {
    }

    /** One member, as {@link GZIPOutputStream} writes it. */
    public static byte[] of(byte[] text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text);
        }
        return out.toByteArray();
    }

    /**
     * A member for every {@code memberBytes} of text, cut anywhere (inside words and lines too); each header
     * has an extra field (as bgzip's), a file name (as gzip's), a comment and a header CRC.
     */
    public static byte[] members(byte[] text, int memberBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int from = 0; from < text.length || from == 0; from += memberBytes) {
            member(out, text, from, Math.min(text.length, from + memberBytes));
        }
        return out.toByteArray();
    }

    private static void member(ByteArrayOutputStream out, byte[] text, int from, int to) {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.writeBytes(new byte[] {0x1F, (byte) 0x8B, 8, 4 | 8 | 16 | 2, 0, 0, 0, 0, 0, 3});
        header.writeBytes(new byte[] {6, 0, 'B', 'C', 2, 0, 0, 0}); // XLEN 6: bgzip's BC subfield
        header.writeBytes("part.txt\0".getBytes());
        header.writeBytes("a comment\0".getBytes());
        CRC32 headerCrc = new CRC32();
        headerCrc.update(header.toByteArray());
        out.writeBytes(header.toByteArray());
        out.write((int) headerCrc.getValue() & 0xFF);
        out.write((int) headerCrc.getValue() >>> 8 & 0xFF);
        Deflater deflater = new Deflater(6, true);
        deflater.setInput(text, from, to - from);
        deflater.finish();
        byte[] buf = new byte[8192];
        while (!deflater.finished()) {
            out.write(buf, 0, deflater.deflate(buf));
        }
        deflater.end();
        CRC32 crc = new CRC32();
        crc.update(text, from, to - from);
        writeInt(out, crc.getValue());
        writeInt(out, to - from);
    }

    private static void writeInt(ByteArrayOutputStream out, long v) {
        for (int i = 0; i < 4; i++) {
            out.write((int) (v >>> 8 * i) & 0xFF);
        }
    }
}
