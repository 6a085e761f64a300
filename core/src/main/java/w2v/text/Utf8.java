package w2v.text;

/**
 * Strict UTF-8 validation (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), the same
 * rules as the JDK's decoder, but answering where the first bad byte is and how long each bad sequence is, which error messages need and a
 * CharsetDecoder does not report cheaply. Shared by the vocabulary (which counts invalid words) and the vector
 * readers and writers (which name the bad byte).
 */
public final class Utf8 {
    private Utf8() {
    }

    /** Index of the first byte in {@code b[from, to)} that starts no valid sequence, or -1 if all are valid. */
    public static int firstInvalid(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            if (b[i] >= 0) {
                i++;
                continue;
            }
            int n = sequenceAt(b, i, to);
            if (n < 0) {
                return i;
            }
            i += n;
        }
        return -1;
    }

    /**
     * The length of the valid sequence starting at {@code b[i]} ({@code i < to}), or, when it is invalid, minus
     * the length of its maximal subpart: the lead byte and the continuation bytes that could still have made a
     * valid sequence (1 to 3 bytes). Unicode's recommended practice, which Python's decoder follows, replaces
     * each maximal subpart with one U+FFFD (a surrogate's ED A0 80 is three subparts, where the JDK sees one).
     */
    public static int sequenceAt(byte[] b, int i, int to) {
        int c = b[i] & 0xFF;
        if (c < 0x80) {
            return 1;
        }
        int n; // continuation bytes
        int lo = 0x80;
        int hi = 0xBF; // allowed range of the first continuation byte
        if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            if (c == 0xE0) {
                lo = 0xA0; // overlong below U+0800
            } else if (c == 0xED) {
                hi = 0x9F; // surrogates U+D800..U+DFFF
            }
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            if (c == 0xF0) {
                lo = 0x90; // overlong below U+10000
            } else if (c == 0xF4) {
                hi = 0x8F; // above U+10FFFF
            }
        } else {
            return -1;
        }
        for (int k = 1; k <= n; k++) {
            if (i + k >= to) {
                return -k; // cut off by the end
            }
            int ck = b[i + k] & 0xFF;
            if (k == 1 ? ck < lo || ck > hi : ck < 0x80 || ck > 0xBF) {
                return -k;
            }
        }
        return n + 1;
    }

    public static boolean isAscii(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] < 0) {
                return false;
            }
        }
        return true;
    }
}
