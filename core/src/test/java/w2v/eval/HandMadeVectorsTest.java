package w2v.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import w2v.model.WordVectors;
import w2v.search.Neighbour;
import w2v.search.Neighbours;
import w2v.search.NormalizedMatrix;
import w2v.testing.TestVectors;

/**
 * Exact neighbours and analogy answers on royals.txt, 13 hand-made 5-d vectors. The expected words and scores
 * are what gensim 4.2 returns on the same file ({@code most_similar}, {@code most_similar_cosmul}); the file is
 * built so that the two analogy methods disagree on man : king :: woman : ? (3CosAdd picks "crown", which is
 * very close to woman, 3CosMul the balanced "queen"), as in Levy and Goldberg's argument for 3CosMul.
 */
class HandMadeVectorsTest {

    private static WordVectors vectors;
    private static NormalizedMatrix matrix;

    @BeforeAll
    static void load() throws Exception {
        vectors = TestVectors.readText(royals());
        matrix = NormalizedMatrix.of(vectors);
    }

    static Path royals() throws URISyntaxException {
        return Path.of(HandMadeVectorsTest.class.getResource("royals.txt").toURI());
    }

    @AfterAll
    static void close() {
        matrix.close();
        vectors.close();
    }

    @Test
    void nearestNeighbours() {
        Neighbours nb = new Neighbours(matrix);
        List<Neighbours.Result> r = nb.similar(List.of(List.of("king"), List.of("apple"), List.of("king", "woman"),
                List.of("girl")), 3);
        assertHits(r.get(0).neighbours(), "prince", 0.777778, "man", 0.745356, "queen", 0.555556);
        assertHits(r.get(1).neighbours(), "pear", 0.948683, "banana", 0.942809, "cherry", 0.894427);
        assertHits(r.get(2).neighbours(), "crown", 0.874456, "queen", 0.858142, "man", 0.623601);
        assertHits(r.get(3).neighbours(), "princess", 0.745356, "woman", 0.6, "crown", 0.498273);
    }

    @Test
    void unknownWordsAreReportedAndCaseFallsBack() {
        Neighbours nb = new Neighbours(matrix);
        List<Neighbours.Result> r = nb.similar(List.of(List.of("King"), List.of("king", "unicorn")), 2);
        assertTrue(r.get(0).found());
        assertEquals(2, r.get(0).rows()[0]);
        assertHits(r.get(0).neighbours(), "prince", 0.777778, "man", 0.745356);
        assertFalse(r.get(1).found());
        assertEquals(List.of("unicorn"), r.get(1).unknown());
        assertTrue(r.get(1).neighbours().isEmpty());
    }

    @Test
    void analogiesWith3CosAdd() {
        List<Analogies.Answer> a = new Analogies(matrix).solve(questions(), Analogies.Method.ADD, 3);
        assertHits(a.get(0).answers(), "crown", 0.977409, "queen", 0.97091, "princess", 0.783594);
        assertHits(a.get(1).answers(), "princess", 0.97091, "queen", 0.783594, "crown", 0.768708);
        assertHits(a.get(2).answers(), "girl", 1.0, "princess", 0.745356, "crown", 0.498273);
        assertHits(a.get(3).answers(), "man", 0.773762, "prince", 0.586679, "queen", 0.576728);
    }

    @Test
    void analogiesWith3CosMul() {
        List<Analogies.Answer> a = new Analogies(matrix).solve(questions(), Analogies.Method.MUL, 3);
        assertHits(a.get(0).answers(), "queen", 1.181386, "crown", 1.173523, "princess", 1.133828);
        assertHits(a.get(1).answers(), "princess", 1.181386, "queen", 1.133828, "crown", 1.120764);
        assertHits(a.get(2).answers(), "girl", 1.199997, "princess", 0.977137, "cherry", 0.699999);
        assertHits(a.get(3).answers(), "man", 0.996091, "queen", 0.859761, "crown", 0.835393);
    }

    @Test
    void restrictLimitsTheAnswersToTheFirstWords() {
        // Among the first 8 words crown (row 8) is not a candidate: 3CosAdd now answers queen.
        List<Analogies.Answer> a = new Analogies(matrix).solve(questions().subList(0, 1), Analogies.Method.ADD, 2, 8);
        assertHits(a.get(0).answers(), "queen", 0.97091, "princess", 0.783594);
    }

    private static List<Analogies.Question> questions() {
        return List.of(new Analogies.Question("man", "king", "woman"), new Analogies.Question("boy", "prince", "girl"),
                new Analogies.Question("man", "woman", "boy"), new Analogies.Question("apple", "pear", "king"));
    }

    private static void assertHits(List<Neighbour> hits, Object... expected) {
        assertEquals(expected.length / 2, hits.size(), hits.toString());
        for (int i = 0; i < hits.size(); i++) {
            assertEquals(expected[2 * i], hits.get(i).word(), "rank " + (i + 1) + " of " + hits);
            assertEquals((Double) expected[2 * i + 1], hits.get(i).score(), 2e-6, "score of " + hits.get(i).word());
        }
    }
}
