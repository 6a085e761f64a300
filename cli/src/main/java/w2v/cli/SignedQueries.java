package w2v.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import w2v.search.KeyedQueries;
import w2v.search.Neighbours;
import w2v.search.NormalizedMatrix;

/**
 * {@code w2v similar FILE QUERY... --negative WORD}: each query's words attract and the negative words repel, as
 * gensim's {@code most_similar(positive, negative)} ({@link KeyedQueries#mostSimilar}).
 */
final class SignedQueries {

    private SignedQueries() {
    }

    /**
     * Prints the ranking of each query with the negative words subtracted, in the format of the other queries.
     *
     * @return 0, or 1 when a word is not in the vocabulary or a query's words cancel out
     */
    static int print(Neighbours nb, List<String> queries, List<String> negative, int k, int restrict,
                     PrintStream out, PrintStream err) {
        NormalizedMatrix m = nb.matrix();
        List<String> unknownNegative = new ArrayList<>();
        int[] neg = rows(nb, negative, unknownNegative);
        int status = 0;
        boolean first = true;
        for (String query : queries) {
            List<String> unknown = new ArrayList<>();
            int[] pos = rows(nb, SimilarCommand.words(query), unknown);
            unknown.addAll(unknownNegative);
            if (!unknown.isEmpty()) {
                err.println("w2v similar: not in the vocabulary: " + String.join(", ", unknown));
                status = 1;
                continue;
            }
            String head = head(m, pos, neg);
            List<w2v.search.Neighbour> hits = List.of(KeyedQueries.mostSimilar(m, pos, neg, k, restrict));
            if (hits.isEmpty()) {
                err.println("w2v similar: " + head + ": the vectors cancel out, there is no direction to search");
                status = 1;
                continue;
            }
            if (!first) {
                out.println();
            }
            first = false;
            out.println(head);
            SimilarCommand.printTable(hits, "cosine", out);
        }
        return status;
    }

    private static int[] rows(Neighbours nb, List<String> words, List<String> unknown) {
        int[] rows = new int[words.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = nb.lookup(words.get(i));
            if (rows[i] < 0) {
                unknown.add(words.get(i));
            }
        }
        return rows;
    }

    /** "king (#3) + woman (#2) - man (#1)": the words as found, with their rows. */
    private static String head(NormalizedMatrix m, int[] pos, int[] neg) {
        StringBuilder s = new StringBuilder();
        for (int r : pos) {
            s.append(s.isEmpty() ? "" : " + ").append(m.word(r)).append(" (#").append(r + 1).append(')');
        }
        for (int r : neg) {
            s.append(s.isEmpty() ? "- " : " - ").append(m.word(r)).append(" (#").append(r + 1).append(')');
        }
        return s.toString();
    }
}
