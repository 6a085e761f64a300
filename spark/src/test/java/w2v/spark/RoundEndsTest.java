package w2v.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How an epoch is cut into rounds: equal rounds of at most -sync-words, the first epoch's doubling up to it. */
class RoundEndsTest {

    @Test
    void equalRoundsOfAtMostSyncWords() {
        assertArrayEquals(new long[] {1000, 2000, 3000}, SparkWord2Vec.roundEnds(3000, 1000, 0));
        assertArrayEquals(new long[] {834, 1667, 2500}, SparkWord2Vec.roundEnds(2500, 1000, 0));
        assertArrayEquals(new long[] {500}, SparkWord2Vec.roundEnds(500, 1000, 0));
    }

    @Test
    void theFirstEpochsRoundsDoubleUpToSyncWordsThenTheRestIsCutEvenly() {
        // 125, 250, 500, 1000, then the remaining 3125 words in 4 equal rounds.
        assertArrayEquals(new long[] {125, 375, 875, 1875, 2657, 3438, 4219, 5000},
                SparkWord2Vec.roundEnds(5000, 1000, 125));
        assertArrayEquals(new long[] {100}, SparkWord2Vec.roundEnds(100, 1000, 125), "a short epoch: one round");
    }

    @Test
    void aPartitionsShareFollowsTheClustersWords() {
        assertEquals(0, SparkWord2Vec.share(1000, 0, 4000));
        assertEquals(250, SparkWord2Vec.share(1000, 1000, 4000));
        assertEquals(1000, SparkWord2Vec.share(1000, 4000, 4000));
    }
}
