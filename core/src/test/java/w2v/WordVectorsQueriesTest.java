package w2v;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The {@link WordVectors} queries' contract on royals.txt (13 hand-made 5-d vectors whose gensim answers
 * HandMadeVectorsTest lists): errors, topN capping, restrict, close, and concurrent first use.
 */
class WordVectorsQueriesTest {

    private WordVectors v;

    @BeforeEach
    void load() throws Exception {
        v = WordVectors.load(Path.of(WordVectorsQueriesTest.class.getResource("/w2v/eval/royals.txt").toURI()));
    }

    @AfterEach
    void close() {
        v.close();
    }

    private static List<String> words(List<ScoredWord> hits) {
        return hits.stream().map(ScoredWord::word).toList();
    }

    private static void assertMessage(String message, Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    @Test
    void answersAreGensims() {
        // Values from gensim 4.2 on the same file (see HandMadeVectorsTest).
        List<ScoredWord> king = v.mostSimilar("king", 3);
        assertEquals(List.of("prince", "man", "queen"), words(king));
        assertEquals(0.777778, king.get(0).score(), 1e-6);
        assertEquals(List.of("crown", "queen", "princess"), words(v.analogy("man", "king", "woman", 3)));
        assertEquals(v.analogy("man", "king", "woman", 3), v.mostSimilar(List.of("king", "woman"), List.of("man"), 3));
        List<ScoredWord> mul = v.mostSimilarCosMul(List.of("king", "woman"), List.of("man"), 3);
        assertEquals(List.of("queen", "crown", "princess"), words(mul));
        assertEquals(1.181386, mul.get(0).score(), 1e-6);
        assertEquals(0.555556, v.similarity("king", "queen"), 1e-6);
        assertEquals(0.555556, v.nSimilarity(List.of("king", "unicorn"), List.of("queen")), 1e-6);
        assertEquals("apple", v.doesntMatch(List.of("king", "queen", "unicorn", "apple")));
    }

    @Test
    void unknownWordsAreOneLineErrorsNamingTheWord() {
        String msg = "'unicorn' is not in the vocabulary";
        assertMessage(msg, () -> v.mostSimilar("unicorn", 3));
        assertMessage(msg, () -> v.mostSimilar(List.of("king"), List.of("unicorn"), 3));
        assertMessage(msg, () -> v.mostSimilarCosMul(List.of("king", "unicorn"), List.of(), 3));
        assertMessage(msg, () -> v.analogy("man", "unicorn", "woman", 3));
        assertMessage(msg, () -> v.similarity("king", "unicorn"));
        assertMessage("'King' is not in the vocabulary", () -> v.similarity("King", "queen")); // exact, as gensim
        assertMessage("none of the words is in the vocabulary: unicorn, dragon",
                () -> v.doesntMatch(List.of("unicorn", "dragon")));
        assertMessage("none of the words is in the vocabulary: unicorn",
                () -> v.nSimilarity(List.of("king"), List.of("unicorn")));
    }

    @Test
    void emptyInputsAndBadCountsAreRejected() {
        assertMessage("no words to compare: positive and negative are both empty",
                () -> v.mostSimilar(List.of(), List.of(), 3));
        assertMessage("mostSimilarCosMul needs at least one positive word",
                () -> v.mostSimilarCosMul(List.of(), List.of("king"), 3));
        assertMessage("doesntMatch needs at least one word", () -> v.doesntMatch(List.of()));
        assertMessage("nSimilarity needs at least one word in each list",
                () -> v.nSimilarity(List.of("king"), List.of()));
        assertMessage("topN must be 0 or more, got -1", () -> v.mostSimilar("king", -1));
        assertMessage("restrict needs at least 1 word, got 0", () -> v.restrict(0));
    }

    @Test
    void topNIsCappedAtTheVocabulary() {
        assertEquals(12, v.mostSimilar("king", Integer.MAX_VALUE).size());
        assertEquals(10, v.mostSimilarCosMul(List.of("king", "woman"), List.of("man"), 1000).size());
        assertEquals(11, v.mostSimilar(List.of(), List.of("king", "queen"), 100).size());
        assertTrue(v.mostSimilar("king", 0).isEmpty());
        // Vectors that cancel out leave no direction to search: nothing, where gensim scores every word 0.
        assertTrue(v.mostSimilar(List.of("king"), List.of("king"), 5).isEmpty());
    }

    @Test
    void restrictKeepsTheFirstWordsAsAnIndependentCopy() {
        try (WordVectors all = v.restrict(100)) {
            assertEquals(v.words(), all.words());
        }
        WordVectors first = v.restrict(4);
        assertEquals(List.of("man", "woman", "king", "queen"), first.words());
        assertEquals(List.of("man", "queen", "woman"), words(first.mostSimilar("king", 5)));
        assertMessage("'prince' is not in the vocabulary", () -> first.vector("prince"));
        v.close();
        // Still readable after the original is freed: a copy, not a view.
        assertEquals(List.of(2f, 2f, 0f, 1f, 0f), toList(first.vector("king")));
        first.close();
    }

    private static List<Float> toList(float[] a) {
        List<Float> out = new ArrayList<>();
        for (float x : a) {
            out.add(x);
        }
        return out;
    }

    @Test
    void closeIsIdempotentAndLaterQueriesFailClearly() {
        v.mostSimilar("king", 1);
        v.close();
        v.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> v.mostSimilar("king", 1));
        assertEquals("these word vectors are closed", e.getMessage());
        assertThrows(IllegalStateException.class, () -> v.vector("king"));
    }

    @Test
    void concurrentFirstQueriesShareOneMatrixAndAgree() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<List<ScoredWord>>> calls = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                calls.add(() -> v.mostSimilar(List.of("king", "woman"), List.of("man"), 5));
            }
            List<ScoredWord> first = null;
            for (Future<List<ScoredWord>> f : pool.invokeAll(calls)) {
                if (first == null) {
                    first = f.get();
                }
                assertEquals(first, f.get());
            }
            assertEquals(5, first.size());
        } finally {
            pool.shutdown();
        }
    }
}
