package w2v.eval;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The few Python behaviours gensim's evaluations depend on, reproduced so our figures match to the last digit:
 * {@code str.split()}, {@code str.strip()}, {@code float(str)}, {@code "%.Nf" % x} and line iteration over
 * binary and text-mode files.
 */
final class PythonText {

    private PythonText() {
    }

    /** Python's {@code str.isspace()} for one char. */
    static boolean isSpace(char c) {
        return switch (c) {
            case ' ', '\t', '\n', '\u000b', '\f', '\r', '\u001c', '\u001d', '\u001e', '\u001f', '\u0085', '\u00a0',
                 '\u1680', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000' -> true;
            default -> c >= '\u2000' && c <= '\u200a';
        };
    }

    /** Python's {@code str.split()} with no argument: runs of whitespace separate, no empty fields. */
    static List<String> split(String s) {
        List<String> out = new ArrayList<>(4);
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && isSpace(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSpace(s.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(s.substring(start, i));
            }
        }
        return out;
    }

    /** Python's {@code str.split(sep)}: every occurrence separates, empty fields kept. */
    static List<String> split(String s, String sep) {
        List<String> out = new ArrayList<>(4);
        int from = 0;
        int at;
        while ((at = s.indexOf(sep, from)) >= 0) {
            out.add(s.substring(from, at));
            from = at + sep.length();
        }
        out.add(s.substring(from));
        return out;
    }

    /** Python's {@code str.strip()}. */
    static String strip(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && isSpace(s.charAt(a))) {
            a++;
        }
        while (b > a && isSpace(s.charAt(b - 1))) {
            b--;
        }
        return s.substring(a, b);
    }

    /** Python's {@code str.lstrip(chars)}. */
    static String lstrip(String s, String chars) {
        int a = 0;
        while (a < s.length() && chars.indexOf(s.charAt(a)) >= 0) {
            a++;
        }
        return s.substring(a);
    }

    private static final Pattern FLOAT = Pattern.compile(
            "[+-]?(?:(?:\\d(?:_?\\d)*)?\\.?\\d(?:_?\\d)*(?:[eE][+-]?\\d(?:_?\\d)*)?|\\d(?:_?\\d)*\\."
                    + "(?:[eE][+-]?\\d(?:_?\\d)*)?|(?i:inf|infinity|nan))");

    /** Python's {@code float(str)}, or null where Python raises ValueError. */
    static Double parseFloat(String s) {
        String t = strip(s);
        if (!FLOAT.matcher(t).matches()) {
            return null;
        }
        String lower = t.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith("nan")) {
            return Double.NaN;
        }
        if (lower.endsWith("inf") || lower.endsWith("infinity")) {
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return Double.parseDouble(t.replace("_", ""));
    }

    /** Python's {@code "%.{digits}f" % x}: the exact binary value rounded half-even. */
    static String fixed(double x, int digits) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        String s = new BigDecimal(x).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
        // Python keeps the sign of a negative value that rounds to zero ("-0.0").
        if ((x < 0 || (x == 0 && 1 / x < 0)) && !s.startsWith("-")) {
            s = "-" + s;
        }
        return s;
    }

    /** {@code "%.1f%%"} of a percentage, Python's way. */
    static String percent(double pct) {
        return fixed(pct, 1) + "%";
    }

    /**
     * The lines of a file opened in binary mode, as {@code for line in open(f, 'rb')}: split after each
     * {@code \n} only, each decoded as strict UTF-8 (gensim's {@code to_unicode}), terminators kept.
     */
    static List<String> binaryLines(byte[] bytes, String name) throws IOException {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                int end = i == bytes.length ? i : i + 1;
                if (end > start) {
                    lines.add(decode(bytes, start, end, name, lines.size() + 1));
                }
                start = end;
            }
        }
        return lines;
    }

    /**
     * The lines of a file opened in text mode, as {@code for line in open(f, encoding='utf8')}: universal
     * newlines ({@code \r\n}, {@code \r} and {@code \n} end a line and read as {@code \n}).
     */
    static List<String> textLines(byte[] bytes, String name) throws IOException {
        String all = decode(bytes, 0, bytes.length, name, 0);
        List<String> lines = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < all.length(); i++) {
            char c = all.charAt(i);
            if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < all.length() && all.charAt(i + 1) == '\n') {
                    i++;
                }
                sb.append('\n');
                lines.add(sb.toString());
                sb.setLength(0);
            } else {
                sb.append(c);
            }
        }
        if (!sb.isEmpty()) {
            lines.add(sb.toString());
        }
        return lines;
    }

    private static String decode(byte[] b, int from, int to, String name, int line) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException(name + (line > 0 ? " line " + line : "") + " is not valid UTF-8");
        }
    }
}
