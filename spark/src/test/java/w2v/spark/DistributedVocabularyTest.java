package w2v.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import scala.Tuple2;
import w2v.spark.DistributedVocabulary.Seen;
import w2v.vocab.Vocabulary;

/** The driver's half of the vocabulary: order, min-count and -max-vocab on counts merged from the partitions. */
class DistributedVocabularyTest {

    private static Tuple2<String, Seen> w(String word, long count, long first) {
        return new Tuple2<>(word, new Seen(count, first));
    }

    private static final List<Tuple2<String, Seen>> COUNTS = List.of(w("c", 3, 30), w("</s>", 4, 0), w("a", 3, 10),
            w("b", 5, 20), w("d", 1, 5), w("e", 2, 1L << 40));

    @Test
    void eosFirstThenByCountTiesToTheWordSeenFirst() {
        Vocabulary v = DistributedVocabulary.order(COUNTS, 2, 0);
        assertEquals(List.of("</s>", "b", "a", "c", "e"), List.of(v.words()));
        assertArrayEquals(new long[] {4, 5, 3, 3, 2}, v.counts());
    }

    @Test
    void maxVocabPrunesTheRarestAsReduceVocabDoes() {
        // 5 words for at most 3: those seen once go (d), then twice (e): a, b, c remain.
        assertEquals(List.of("</s>", "b", "a", "c"), List.of(DistributedVocabulary.order(COUNTS, 1, 3).words()));
        // at most 4: pruning once is enough.
        assertEquals(List.of("</s>", "b", "a", "c", "e"), List.of(DistributedVocabulary.order(COUNTS, 1, 4).words()));
    }
}
