package w2v.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import w2v.testing.Gzip;

/** gzip files as the tools write them are read whole; damaged ones are refused with the compressed offset. */
class GzipStreamTest {

    @TempDir
    Path dir;

    /** 200 KB: more than the 64 KB CorpusFile decompresses to check the text, so damage past it is met later. */
    private static final byte[] TEXT = ChunkQueueTest.text(40_000, 11).getBytes(StandardCharsets.UTF_8);

    @Test
    void oneMemberManyMembersWithHeaderFieldsAndZeroPaddingGiveTheText() throws IOException {
        byte[] padded = Arrays.copyOf(Gzip.members(TEXT, 65_280), Gzip.members(TEXT, 65_280).length + 512);
        for (byte[] gz : new byte[][] {Gzip.of(TEXT), Gzip.members(TEXT, 65_280), Gzip.members(TEXT, 1_000), padded}) {
            CorpusFile f = CorpusFile.of(Files.write(dir.resolve("c.txt"), gz));
            assertTrue(f.isGzip(), "told by its first bytes, not its name");
            assertArrayEquals(TEXT, readAll(f));
        }
        // An empty member before the text, as some tools write: the text is all there is.
        byte[] emptyThenText = concat(Gzip.members(new byte[0], 1), Gzip.of(TEXT));
        assertArrayEquals(TEXT, readAll(CorpusFile.of(Files.write(dir.resolve("et.gz"), emptyThenText))));
    }

    @Test
    void aTruncatedFileSaysWhereTheCompressedDataEnds() throws IOException {
        byte[] gz = Gzip.of(TEXT);
        byte[] cut = Arrays.copyOf(gz, gz.length - 1000);
        CorpusFile f = CorpusFile.of(Files.write(dir.resolve("cut.gz"), cut));
        CorpusException e = assertThrows(CorpusException.class, () -> readAll(f));
        assertTrue(e.getMessage().matches(f.path() + ": truncated gzip file: the compressed data ends at byte "
                + String.format("%,d", cut.length) + ", inside member 1, after [0-9,]+ bytes of text \\(an "
                + "incomplete download or copy\\?\\)"), e.getMessage());

        byte[] noTrailer = Arrays.copyOf(gz, gz.length - 3);
        CorpusFile g = CorpusFile.of(Files.write(dir.resolve("trailer.gz"), noTrailer));
        assertEquals(g.path() + ": truncated gzip file: the compressed data ends at byte "
                + String.format("%,d", noTrailer.length) + ", inside the header or trailer of member 1 (an "
                + "incomplete download or copy?)", assertThrows(CorpusException.class, () -> readAll(g)).getMessage());

        Path small = Files.write(dir.resolve("small.gz"), Arrays.copyOf(Gzip.of("a b c\n".repeat(100).getBytes()), 15));
        String m = assertThrows(CorpusException.class, () -> CorpusFile.of(small)).getMessage();
        assertTrue(m.matches(small + ": truncated gzip file: the compressed data ends at byte 15, inside member 1, "
                + "after [0-9]+ bytes of text \\(an incomplete download or copy\\?\\)"),
                "met while checking the first 64 KB, refused before anything is trained: " + m);
    }

    @Test
    void corruptDataAndAFailedCheckSayNearWhichCompressedByte() throws IOException {
        byte[] gz = Gzip.of(TEXT);
        byte[] flipped = gz.clone();
        for (int i = gz.length - 20_000; i < gz.length - 19_990; i++) {
            flipped[i] ^= (byte) 0x5A;
        }
        CorpusFile f = CorpusFile.of(Files.write(dir.resolve("flipped.gz"), flipped));
        String m = assertThrows(CorpusException.class, () -> readAll(f)).getMessage();
        assertTrue(m.matches(f.path() + ": corrupt gzip data( near compressed byte [0-9,]+ \\(member 1, after "
                + "[0-9,]+ bytes of text\\): .+|: member 1 \\(compressed bytes 0 to [0-9,]+\\) fails its CRC-32 check)"),
                m);

        byte[] badBlock = gz.clone();
        badBlock[10] = (byte) 0xFF; // the first deflate block: final, of the reserved type 3
        Path b = Files.write(dir.resolve("block.gz"), badBlock);
        m = assertThrows(CorpusException.class, () -> CorpusFile.of(b)).getMessage();
        assertTrue(m.matches(b + ": corrupt gzip data near compressed byte 1[01] \\(member 1, after 0 bytes of text\\): "
                + "invalid block type"), m);

        byte[] badCrc = gz.clone();
        badCrc[gz.length - 8] ^= 1;
        CorpusFile c = CorpusFile.of(Files.write(dir.resolve("crc.gz"), badCrc));
        assertEquals(c.path() + ": corrupt gzip data: member 1 (compressed bytes 0 to " + String.format("%,d", gz.length)
                + ") fails its CRC-32 check", assertThrows(CorpusException.class, () -> readAll(c)).getMessage());
    }

    @Test
    void whatFollowsTheLastMemberMustBeAnotherMemberOrZeros() throws IOException {
        byte[] gz = Gzip.of(TEXT);
        CorpusFile f = CorpusFile.of(Files.write(dir.resolve("junk.gz"), concat(gz, "junk".getBytes())));
        assertEquals(f.path() + ": corrupt gzip data: compressed byte " + String.format("%,d", gz.length)
                + ", after member 1, starts neither another gzip member nor zero padding",
                assertThrows(CorpusException.class, () -> readAll(f)).getMessage());

        byte[] method = concat(gz, Gzip.of(TEXT));
        method[gz.length + 2] = 7;
        CorpusFile g = CorpusFile.of(Files.write(dir.resolve("method.gz"), method));
        assertEquals(g.path() + ": corrupt gzip header at compressed byte " + String.format("%,d", gz.length)
                + ": compression method 7 is not deflate", assertThrows(CorpusException.class, () -> readAll(g)).getMessage());
    }

    @Test
    void aFileAppendedToWhileReadIsAChangeNotCorruption() throws IOException {
        Path p = Files.write(dir.resolve("grows.gz"), Gzip.of(TEXT));
        CorpusFile f = CorpusFile.of(p);
        Files.write(p, Gzip.of(TEXT), java.nio.file.StandardOpenOption.APPEND);
        CorpusChangedException e = assertThrows(CorpusChangedException.class, () -> readAll(f));
        long size = Gzip.of(TEXT).length;
        assertEquals(String.format("size %,d -> %,d bytes", size, 2 * size), e.change());
    }

    private static byte[] readAll(CorpusFile f) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GzipStream in = new GzipStream(f)) {
            byte[] buf = new byte[10_000];
            for (int n; (n = in.read(buf, 0, buf.length)) >= 0; ) {
                out.write(buf, 0, n);
            }
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
