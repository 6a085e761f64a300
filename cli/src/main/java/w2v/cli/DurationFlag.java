package w2v.cli;

import java.time.Duration;

/** Parses durations such as {@code 30s}, {@code 10m}, {@code 2h} for flags like -checkpoint-every. */
final class DurationFlag {

    /** A checkpoint more often than this would spend more time writing than training on big models. */
    static final Duration MIN = Duration.ofSeconds(1);
    static final Duration MAX = Duration.ofHours(10_000);

    private DurationFlag() {
    }

    /** @throws IllegalArgumentException with a one-line message naming {@code flag} */
    static Duration parse(String flag, String text) {
        String bad = flag + " must be a whole number of seconds, minutes or hours such as 30s, 10m or 2h (got '"
                + text + "')";
        if (text == null || text.length() < 2) {
            throw new IllegalArgumentException(bad);
        }
        long n;
        try {
            n = Long.parseLong(text.substring(0, text.length() - 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(bad);
        }
        Duration d;
        try {
            d = switch (text.charAt(text.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> throw new IllegalArgumentException(bad);
            };
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(bad);
        }
        if (d.compareTo(MIN) < 0 || d.compareTo(MAX) > 0) {
            throw new IllegalArgumentException(flag + " must be between 1s and 10000h (got '" + text + "')");
        }
        return d;
    }
}
