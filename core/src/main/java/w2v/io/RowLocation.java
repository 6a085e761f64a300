package w2v.io;

/**
 * Where the reader is, for error messages: "line 12" in text, "row 7" in binary. One mutable instance per
 * reader, updated per row, so a file of millions of rows does not build millions of strings that no message
 * will ever use.
 */
final class RowLocation {
    private final String kind;
    long number;

    RowLocation(String kind, long number) {
        this.kind = kind;
        this.number = number;
    }

    @Override
    public String toString() {
        return kind + " " + number;
    }
}
