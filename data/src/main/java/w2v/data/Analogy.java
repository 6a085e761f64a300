package w2v.data;

/**
 * One planted analogy question, {@code a : b :: c : d}, in the order of a Google {@code questions-words.txt}
 * line: {@code b - a + c} should be nearest to {@code d}.
 *
 * @param section the questions-file section (the relation's name), e.g. {@code capital-world}
 */
public record Analogy(String section, String a, String b, String c, String d) {

    /** The question as a {@code questions-words.txt} line: {@code "a b c d"}. */
    public String line() {
        return a + ' ' + b + ' ' + c + ' ' + d;
    }
}
