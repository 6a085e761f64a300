package w2v.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HuffmanTreeTest {

    @Test
    void codesArePrefixFreeOptimalAndShortForFrequentWords() {
        Random r = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int v = 2 + r.nextInt(trial < 100 ? 12 : 400);
            long[] counts = sortedCounts(v, r);
            HuffmanTree t = HuffmanTree.build(counts);

            String[] codes = new String[v];
            for (int w = 0; w < v; w++) {
                StringBuilder b = new StringBuilder();
                for (int i = t.start(w); i < t.start(w) + t.codeLength(w); i++) {
                    b.append(t.codes()[i]);
                }
                codes[w] = b.toString();
            }
            Set<String> seen = new HashSet<>();
            for (int a = 0; a < v; a++) {
                assertTrue(seen.add(codes[a]), "codes are distinct");
                for (int b = 0; b < v; b++) {
                    if (a != b) {
                        assertFalse(codes[b].startsWith(codes[a]), codes[a] + " is a prefix of " + codes[b]);
                    }
                }
            }
            // Optimal: the weighted length equals an independent Huffman computation (lengths themselves may
            // differ among equally optimal trees when counts tie).
            long cost = 0;
            for (int w = 0; w < v; w++) {
                cost += counts[w] * (long) t.codeLength(w);
            }
            assertEquals(optimalCost(counts), cost, "weighted code length, v=" + v);
            // Frequent words get codes no longer than rarer ones.
            for (int w = 1; w < v; w++) {
                if (counts[w - 1] > counts[w]) {
                    assertTrue(t.codeLength(w - 1) <= t.codeLength(w), "monotone lengths at " + w);
                }
            }
            // Paths start at the root (node v-2) and stay within the V-1 inner nodes.
            for (int w = 0; w < v; w++) {
                assertEquals(v - 2, t.points()[t.start(w)]);
                for (int i = t.start(w); i < t.start(w) + t.codeLength(w); i++) {
                    assertTrue(t.points()[i] >= 0 && t.points()[i] <= v - 2);
                }
            }
        }
    }

    @Test
    void matchesWordToVecCOnAKnownCase() {
        // Counts 5,3,2,1 by word2vec C's CreateBinaryTree: codes 0, 11, 101, 100 (root first).
        HuffmanTree t = HuffmanTree.build(new long[] {5, 3, 2, 1});
        assertEquals("0", code(t, 0));
        assertEquals("11", code(t, 1));
        assertEquals("101", code(t, 2));
        assertEquals("100", code(t, 3));
    }

    @Test
    void tooDeepATreeIsAClearError() {
        // Fibonacci counts give the deepest possible tree: depth v-1.
        long[] fib = new long[45];
        fib[44] = 1;
        fib[43] = 1;
        for (int i = 42; i >= 0; i--) {
            fib[i] = fib[i + 1] + fib[i + 2];
        }
        VocabularyException e = assertThrows(VocabularyException.class, () -> HuffmanTree.build(fib));
        assertTrue(e.getMessage().contains("limit 40"), e.getMessage());
    }

    private static String code(HuffmanTree t, int w) {
        StringBuilder b = new StringBuilder();
        for (int i = t.start(w); i < t.start(w) + t.codeLength(w); i++) {
            b.append(t.codes()[i]);
        }
        return b.toString();
    }

    private static long[] sortedCounts(int v, Random r) {
        long[] c = new long[v];
        for (int i = 0; i < v; i++) {
            c[i] = 1 + (r.nextBoolean() ? r.nextInt(5) : (long) (1e6 / Math.pow(i + 1, 1 + r.nextDouble())));
        }
        Long[] boxed = Arrays.stream(c).boxed().toArray(Long[]::new);
        Arrays.sort(boxed, (a, b) -> Long.compare(b, a));
        return Arrays.stream(boxed).mapToLong(Long::longValue).toArray();
    }

    private static long optimalCost(long[] counts) {
        PriorityQueue<Long> q = new PriorityQueue<>();
        for (long c : counts) {
            q.add(c);
        }
        long cost = 0;
        while (q.size() > 1) {
            long s = q.poll() + q.poll();
            cost += s;
            q.add(s);
        }
        return cost;
    }
}
