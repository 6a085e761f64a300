package w2v.text;

import java.nio.charset.StandardCharsets;

/**
 * Puts words and file content into one-line error messages: quoted, control characters escaped (a word with
 * a newline must not break the line), long text cut short.
 */
public final class OneLineQuote {
    static final int MAX_CHARS = 60;

    private OneLineQuote() {
    }

    public static String text(String s) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), MAX_CHARS) + 8).append('"');
        int n = 0;
        for (int i = 0; i < s.length(); i = s.offsetByCodePoints(i, 1)) {
            if (n++ == MAX_CHARS) {
                sb.append("...");
                break;
            }
            int cp = s.codePointAt(i);
            switch (cp) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (cp < 0x20 || cp == 0x7F || Character.isSurrogate((char) cp)) {
                        sb.append(String.format("\\u%04x", cp));
                    } else {
                        sb.appendCodePoint(cp);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** Bytes shown as UTF-8 text; invalid bytes appear as U+FFFD. */
    public static String bytes(byte[] b, int from, int to) {
        int end = Math.min(to, from + 4 * MAX_CHARS);
        String s = new String(b, from, end - from, StandardCharsets.UTF_8);
        return text(end < to ? s + "\u2026" : s);
    }

    public static String hexByte(int b) {
        return String.format("0x%02X", b & 0xFF);
    }
}
