package w2v;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import w2v.cluster.KMeans;
import w2v.eval.AnalogyEvaluation;
import w2v.eval.SimilarityEvaluation;
import w2v.files.OutputPolicy;
import w2v.search.KeyedQueries;
import w2v.search.Neighbour;
import w2v.search.NormalizedMatrix;
import w2v.io.ReadOptions;
import w2v.io.VectorReader;
import w2v.io.VectorWriter;
import w2v.model.EmbeddingTable;

/**
 * Words and their vectors, however they were made: trained by {@link Word2Vec} or loaded from a word2vec text or
 * binary file. The queries follow gensim 4's {@code KeyedVectors} (same words, same order, scores computed in float
 * like gensim's float32 ones); words are matched exactly, and a word missing from the vocabulary is an
 * {@link IllegalArgumentException} naming it where gensim raises {@code KeyError}.
 *
 * <p>The vectors live off-heap; close the object to free them. The first query scales the vectors to unit length
 * once (a second copy of the vectors, freed with this object). Queries may run from several threads at once.
 */
public final class WordVectors implements AutoCloseable {

    /** A file format for {@link #save}. */
    public enum Format {
        /** word2vec's text format: a header line, then a word and its values in decimal per line. */
        TEXT,
        /** word2vec's binary format: a header line, then a word, a space and its little-endian floats. */
        BINARY
    }

    private final w2v.model.WordVectors rows;
    private final AutoCloseable owner; // what holds the memory of a trained model, or null
    private final List<Path> trainedFrom; // the files a save must never replace
    private volatile NormalizedMatrix matrix;
    private volatile boolean closed;

    WordVectors(w2v.model.WordVectors rows) {
        this(rows, null, List.of());
    }

    WordVectors(w2v.model.WordVectors rows, AutoCloseable owner, List<Path> trainedFrom) {
        this.rows = Objects.requireNonNull(rows);
        this.owner = owner;
        this.trainedFrom = List.copyOf(trainedFrom);
    }

    /** What to do with a word that is not valid UTF-8, as gensim's {@code unicode_errors}. */
    public enum UnicodeErrors {
        /** Refuse the file, naming the line or byte offset (gensim's 'strict', the default). */
        STRICT,
        /** Decode each invalid sequence as U+FFFD, as Python does ('replace'). */
        REPLACE,
        /** Drop the invalid bytes ('ignore'). */
        IGNORE
    }

    /**
     * Reads a vector file: word2vec text or binary (as word2vec C, gensim and fastText's {@code .vec} write them) or
     * GloVe text without a header line, each possibly gzip-compressed. The format is detected from the bytes, not
     * the name.
     *
     * @param file the vector file
     * @return the words and vectors of the file, to be closed by the caller
     * @throws IOException when the file cannot be read or is not a vector file; the message is one line naming
     *     the file and, for a malformed one, the line or byte offset
     */
    public static WordVectors load(Path file) throws IOException {
        return load(file, 0, UnicodeErrors.STRICT);
    }

    /**
     * As {@link #load(Path)}, with gensim's {@code limit} and {@code unicode_errors}.
     *
     * @param file the vector file
     * @param limit read only the first {@code limit} words (0: all)
     * @param unicodeErrors what to do with words that are not valid UTF-8
     * @return the words and vectors of the file, to be closed by the caller
     * @throws IOException when the file cannot be read or is not a vector file
     */
    public static WordVectors load(Path file, int limit, UnicodeErrors unicodeErrors) throws IOException {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be 0 (all) or more, got " + limit);
        }
        ReadOptions options = ReadOptions.DEFAULT.withLimit(limit)
                .withUnicodeErrors(ReadOptions.UnicodeErrors.valueOf(unicodeErrors.name()));
        return new WordVectors(VectorReader.read(file, options));
    }

    /**
     * Writes the vectors in word2vec's text or binary format, atomically (the old file survives a failure), as
     * {@code w2v train} writes its output: through a symbolic link to the file it names, keeping an existing file's
     * permissions, straight into a device or FIFO; never over the corpus or vocabulary file they were trained
     * from.
     *
     * @param file where to write
     * @param format text or binary
     * @throws IOException when the file cannot be written or is one the vectors were trained from; the message
     *     is one line naming the file
     */
    public void save(Path file, Format format) throws IOException {
        OutputPolicy policy = new OutputPolicy().output("the output", file);
        for (Path input : trainedFrom) {
            policy.input("the training input", input);
        }
        policy.check();
        VectorWriter.write(rows, file, format == Format.BINARY ? VectorWriter.Format.BINARY : VectorWriter.Format.TEXT);
    }

    /**
     * How many words (rows).
     *
     * @return the vocabulary size
     */
    public int size() {
        return rows.size();
    }

    /**
     * The length of every vector.
     *
     * @return the dimension
     */
    public int dimensions() {
        return rows.dim();
    }

    /**
     * The words in file order (most frequent first for files written by word2vec trainers).
     *
     * @return an unmodifiable list of {@link #size()} words
     */
    public List<String> words() {
        String[] w = new String[rows.size()];
        Arrays.setAll(w, rows::word);
        return Collections.unmodifiableList(Arrays.asList(w));
    }

    /**
     * Whether {@code word} has a vector (exact match, like gensim's {@code word in kv}).
     *
     * @param word any word
     * @return true when it is in the vocabulary
     */
    public boolean contains(String word) {
        return rows.indexOf(word) >= 0;
    }

    /**
     * A copy of the vector of {@code word}, as stored (not normalised).
     *
     * @param word a word of the vocabulary
     * @return {@link #dimensions()} floats
     * @throws IllegalArgumentException when the word is not in the vocabulary
     */
    public float[] vector(String word) {
        checkOpen();
        return rows.vector(row(word));
    }

    /**
     * The {@code topN} words most similar to the positive words and least to the negative ones: gensim's
     * {@code most_similar(positive, negative, topn)}. The query is the mean of the words' unit vectors, weighted +1
     * (positive) and -1 (negative), scaled to unit length; each word of the vocabulary is scored by its cosine with
     * it. The input words are never returned.
     *
     * @param positive words that attract (may be empty when {@code negative} is not)
     * @param negative words that repel (may be empty)
     * @param topN how many words to return; more than the vocabulary holds returns them all
     * @return the best words, best first; empty when {@code topN} is 0 or the words' vectors cancel out
     * @throws IllegalArgumentException when a word is not in the vocabulary, both lists are empty, or {@code topN}
     *     is negative
     */
    public List<ScoredWord> mostSimilar(List<String> positive, List<String> negative, int topN) {
        checkTop(topN);
        int[] pos = rows(positive);
        int[] neg = rows(negative);
        if (pos.length + neg.length == 0) {
            throw new IllegalArgumentException("no words to compare: positive and negative are both empty");
        }
        return scored(KeyedQueries.mostSimilar(matrix(), pos, neg, topN, Integer.MAX_VALUE));
    }

    /**
     * The {@code topN} words nearest to {@code word} by cosine: gensim's {@code most_similar(word, topn=topN)}.
     *
     * @param word a word of the vocabulary (never returned)
     * @param topN how many words to return; more than the vocabulary holds returns them all
     * @return the nearest words, nearest first
     * @throws IllegalArgumentException when the word is not in the vocabulary or {@code topN} is negative
     */
    public List<ScoredWord> mostSimilar(String word, int topN) {
        return mostSimilar(List.of(word), List.of(), topN);
    }

    /**
     * The {@code topN} best words by Levy and Goldberg's multiplicative objective: gensim's
     * {@code most_similar_cosmul(positive, negative, topn)}. With {@code p(x) = (1 + cos(x, w)) / 2}, a word
     * {@code w} scores the product of {@code p} over the positive words divided by (the product over the negative
     * words + 1e-6); an empty product is 1. With positive [b, c] and negative [a] this is 3CosMul for "a is to b as
     * c is to ?". The input words are never returned.
     *
     * @param positive words that attract; at least one
     * @param negative words that repel (may be empty)
     * @param topN how many words to return; more than the vocabulary holds returns them all
     * @return the best words, best first
     * @throws IllegalArgumentException when a word is not in the vocabulary, {@code positive} is empty, or
     *     {@code topN} is negative
     */
    public List<ScoredWord> mostSimilarCosMul(List<String> positive, List<String> negative, int topN) {
        checkTop(topN);
        int[] pos = rows(positive);
        int[] neg = rows(negative);
        if (pos.length == 0) {
            throw new IllegalArgumentException("mostSimilarCosMul needs at least one positive word");
        }
        return scored(KeyedQueries.mostSimilarCosMul(matrix(), pos, neg, topN, Integer.MAX_VALUE));
    }

    /**
     * "{@code a} is to {@code b} as {@code c} is to ?": the words closest to b - a + c, that is
     * {@code mostSimilar(List.of(b, c), List.of(a), topN)} (3CosAdd, word2vec's word-analogy).
     *
     * @param a the first word of the known pair (man)
     * @param b the second word of the known pair (king)
     * @param c the first word of the asked pair (woman)
     * @param topN how many answers to return
     * @return the best answers (queen), best first, never a, b or c
     * @throws IllegalArgumentException when a word is not in the vocabulary or {@code topN} is negative
     */
    public List<ScoredWord> analogy(String a, String b, String c, int topN) {
        return mostSimilar(List.of(b, c), List.of(a), topN);
    }

    /**
     * The cosine similarity of two words: gensim's {@code similarity(a, b)}. 0 when a vector is zero.
     *
     * @param a a word of the vocabulary
     * @param b a word of the vocabulary
     * @return the cosine, between -1 and 1
     * @throws IllegalArgumentException when a word is not in the vocabulary
     */
    public double similarity(String a, String b) {
        int ra = row(a);
        int rb = row(b);
        return matrix().cosine(ra, rb);
    }

    /**
     * The cosine similarity of two sets of words: gensim's {@code n_similarity(a, b)}, the cosine of the means of
     * each set's vectors as stored (not normalised). Like gensim 4, words not in the vocabulary are left out of
     * the means.
     *
     * @param a words, at least one of them in the vocabulary
     * @param b words, at least one of them in the vocabulary
     * @return the cosine, between -1 and 1; 0 when a mean is zero
     * @throws IllegalArgumentException when a list is empty or none of its words is in the vocabulary (gensim
     *     would return 0)
     */
    public double nSimilarity(List<String> a, List<String> b) {
        checkOpen();
        if (a.isEmpty() || b.isEmpty()) {
            throw new IllegalArgumentException("nSimilarity needs at least one word in each list");
        }
        return KeyedQueries.nSimilarity(rows, knownRows(a), knownRows(b));
    }

    /**
     * The word that goes least with the others: gensim's {@code doesnt_match(words)}, the word whose unit vector
     * has the lowest cosine with the normalised mean of all their unit vectors. Like gensim, words not in the
     * vocabulary are ignored.
     *
     * @param words words, at least one of them in the vocabulary
     * @return one of {@code words}
     * @throws IllegalArgumentException when none of the words is in the vocabulary
     */
    public String doesntMatch(List<String> words) {
        checkOpen();
        List<String> used = new ArrayList<>(words.size());
        for (String w : words) {
            if (contains(w)) {
                used.add(w);
            }
        }
        if (used.isEmpty()) {
            throw new IllegalArgumentException(words.isEmpty() ? "doesntMatch needs at least one word"
                    : "none of the words is in the vocabulary: " + String.join(", ", words));
        }
        return used.get(KeyedQueries.doesntMatch(matrix(), rows(used), used));
    }

    /**
     * The first {@code n} words and their vectors, as a new object (a copy: close it too): like gensim's
     * {@code restrict_vocab}, which keeps the most frequent words of a frequency-sorted file. Unlike
     * {@code restrict_vocab}, which limits only the answers, the other words are gone as query words too.
     *
     * @param n how many words to keep; more than {@link #size()} keeps them all
     * @return the first {@code min(n, size())} words in file order
     * @throws IllegalArgumentException when {@code n} is less than 1
     */
    public WordVectors restrict(int n) {
        checkOpen();
        if (n < 1) {
            throw new IllegalArgumentException("restrict needs at least 1 word, got " + n);
        }
        int keep = Math.min(n, rows.size());
        String[] words = new String[keep];
        Arrays.setAll(words, rows::word);
        EmbeddingTable from = rows.table();
        Arena arena = Arena.ofShared();
        try {
            EmbeddingTable to = EmbeddingTable.allocate(arena, keep, from.dim());
            // Same dimension, so the same padded stride: one copy of the first rows.
            MemorySegment.copy(from.segment(), 0, to.segment(), 0, from.offset(keep));
            return new WordVectors(new w2v.model.WordVectors(words, to, arena));
        } catch (RuntimeException | Error e) {
            arena.close();
            throw e;
        }
    }

    /** The rows, for the packages that search and write them. */
    w2v.model.WordVectors rows() {
        return rows;
    }

    /**
     * Scores the vectors on an analogy file in the format of word2vec's {@code questions-words.txt}, as gensim's
     * {@code evaluate_word_analogies} does: 3CosAdd among the first {@code restrict} words, question words
     * matched case-insensitively, questions with an unknown word left out.
     *
     * @param questions the analogy file ({@code : section} headers and {@code a b c d} lines)
     * @param restrict search among this many leading words (gensim's {@code restrict_vocab}, default 300,000)
     * @return the accuracy over the questions answered, overall and by kind
     * @throws IOException when the file cannot be read or holds no question; the message is one line
     */
    public AnalogyScore evaluateWordAnalogies(Path questions, int restrict) throws IOException {
        checkOpen();
        AnalogyEvaluation.Result r = AnalogyEvaluation.evaluate(rows, questions,
                AnalogyEvaluation.Options.DEFAULT.withRestrict(restrict));
        return new AnalogyScore(r.answered() == 0 ? Double.NaN : r.accuracy(), r.total().correct(), r.answered(),
                r.questions(), r.semantic().accuracy(), r.syntactic().accuracy());
    }

    /**
     * Correlates the cosines of word pairs with human scores ({@code word1 TAB word2 TAB score} lines, as
     * WordSim-353), as gensim's {@code evaluate_word_pairs} does, among the first 300,000 words.
     *
     * @param pairs the pairs file; {@code #} starts a comment
     * @return Spearman's and Pearson's correlations and the pairs they cover
     * @throws IOException when the file cannot be read or holds no pair with a numeric score
     */
    public SimilarityScore evaluateWordPairs(Path pairs) throws IOException {
        checkOpen();
        SimilarityEvaluation.Result r = SimilarityEvaluation.evaluate(rows, pairs);
        return new SimilarityScore(r.spearman(), r.pearson(), r.pairs(), r.oov(), r.invalidScores());
    }

    /**
     * Word classes by K-means on the vectors, as word2vec C's {@code -classes k}: ten passes from a round-robin
     * start, cosine to the centroids.
     *
     * @param k how many classes, from 1 to {@link #size()}
     * @return the class of each word, in the order of {@link #words()}
     */
    public int[] classes(int k) {
        checkOpen();
        if (k < 1 || k > size()) {
            throw new IllegalArgumentException("k must be between 1 and the " + size() + " words, got " + k);
        }
        return KMeans.classes(rows, k);
    }

    /**
     * Frees the vectors and the unit vectors the queries use. Calling it again does nothing; any other method
     * called afterwards fails.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (matrix != null) {
                matrix.close();
            }
        }
        rows.close();
        if (owner != null) {
            try {
                owner.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot free the vectors' memory", e);
            }
        }
    }

    /** The unit vectors, built by the first query that needs them. */
    private NormalizedMatrix matrix() {
        NormalizedMatrix m = matrix;
        if (m == null) {
            synchronized (this) {
                checkOpen();
                m = matrix;
                if (m == null) {
                    m = NormalizedMatrix.of(rows);
                    matrix = m;
                }
            }
        }
        checkOpen();
        return m;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("these word vectors are closed");
        }
    }

    private static void checkTop(int topN) {
        if (topN < 0) {
            throw new IllegalArgumentException("topN must be 0 or more, got " + topN);
        }
    }

    private int row(String word) {
        int i = rows.indexOf(Objects.requireNonNull(word, "word"));
        if (i < 0) {
            throw new IllegalArgumentException("'" + word + "' is not in the vocabulary");
        }
        return i;
    }

    private int[] rows(List<String> words) {
        int[] r = new int[words.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = row(words.get(i));
        }
        return r;
    }

    private int[] knownRows(List<String> words) {
        int[] r = words.stream().mapToInt(w -> rows.indexOf(Objects.requireNonNull(w, "word"))).filter(i -> i >= 0)
                .toArray();
        if (r.length == 0) {
            throw new IllegalArgumentException("none of the words is in the vocabulary: " + String.join(", ", words));
        }
        return r;
    }

    private static List<ScoredWord> scored(Neighbour[] hits) {
        List<ScoredWord> out = new ArrayList<>(hits.length);
        for (Neighbour n : hits) {
            out.add(new ScoredWord(n.word(), n.score()));
        }
        return Collections.unmodifiableList(out);
    }
}
