package w2v.search;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Word-to-row maps for lookups that are not exact, built the way gensim's evaluations build theirs. */
public final class RestrictedVocab {

    private RestrictedVocab() {
    }

    /** Python's {@code str.upper()} for the scripts word lists use. */
    public static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    /**
     * gensim's {@code ok_vocab}: each of the first {@code rowLimit} rows' word (upper-cased when {@code caseInsensitive}) to the first
     * row holding it, so with several case variants the first (most frequent) one's vector is used.
     */
    public static Map<String, Integer> okVocab(NormalizedMatrix m, int rowLimit, boolean caseInsensitive) {
        Map<String, Integer> map = new HashMap<>(Math.max(16, rowLimit * 2));
        for (int r = 0; r < rowLimit; r++) {
            String w = m.word(r);
            map.putIfAbsent(caseInsensitive ? upper(w) : w, r);
        }
        return map;
    }
}
