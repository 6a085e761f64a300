package w2v.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Utf8Test {

    /** Same verdict and same first bad byte as the JDK's strict decoder, over random byte soup. */
    @Test
    void agreesWithTheJdkDecoder() {
        SplittableRandom rnd = new SplittableRandom(11);
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        int[] interesting = {0x00, 0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF,
            0x9F, 0xA0, 0x8F, 0x90};
        for (int n = 0; n < 300_000; n++) {
            byte[] b = new byte[rnd.nextInt(1, 9)];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (rnd.nextBoolean() ? interesting[rnd.nextInt(interesting.length)] : rnd.nextInt(256));
            }
            ByteBuffer in = ByteBuffer.wrap(b);
            CoderResult r = dec.reset().decode(in, CharBuffer.allocate(32), true);
            int expected = r.isError() ? in.position() : -1;
            if (!r.isError()) {
                r = dec.flush(CharBuffer.allocate(32));
            }
            assertEquals(expected, Utf8.firstInvalid(b, 0, b.length), () -> java.util.HexFormat.of().formatHex(b));
        }
    }
}
