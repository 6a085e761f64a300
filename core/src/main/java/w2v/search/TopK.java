package w2v.search;

import java.util.Arrays;

/**
 * The k best (score, row) pairs seen so far: a binary heap whose root is the worst kept pair. Higher scores are
 * better; between equal scores the lower row (the more frequent word, in a frequency-sorted file) is better,
 * which makes results independent of how rows were split between threads.
 *
 * <p>The arrays grow with the pairs kept, so a k far beyond the rows offered (a user's -k 1000000000) costs
 * memory in proportion to those rows, never to k.
 */
final class TopK {

    private static final int INITIAL_CAPACITY = 16;

    private final int k;
    private float[] scores;
    private int[] rows;
    private int size;

    TopK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k = " + k);
        }
        this.k = k;
        int capacity = Math.min(k, INITIAL_CAPACITY);
        this.scores = new float[capacity];
        this.rows = new int[capacity];
    }

    /** Pairs the arrays can hold before they grow again: at most twice the pairs kept (or 16), never above k. */
    int capacity() {
        return scores.length;
    }

    /** Scores must be strictly greater than this to have a chance to enter. */
    float threshold() {
        return size < k ? Float.NEGATIVE_INFINITY : scores[0];
    }

    /** Offers a pair; returns whether it was kept. NaN never enters. */
    boolean offer(float score, int row) {
        if (!(score == score)) {
            return false;
        }
        if (size < k) {
            if (size == scores.length) {
                grow();
            }
            scores[size] = score;
            rows[size] = row;
            siftUp(size++);
            return true;
        }
        if (!better(score, row, scores[0], rows[0])) {
            return false;
        }
        scores[0] = score;
        rows[0] = row;
        siftDown(0);
        return true;
    }

    private void grow() {
        int capacity = (int) Math.min(k, 2L * scores.length);
        scores = Arrays.copyOf(scores, capacity);
        rows = Arrays.copyOf(rows, capacity);
    }

    void addAll(TopK other) {
        for (int i = 0; i < other.size; i++) {
            offer(other.scores[i], other.rows[i]);
        }
    }

    int size() {
        return size;
    }

    /** The kept rows, best first. */
    int[] sortedRows() {
        Integer[] order = sortedOrder();
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = rows[order[i]];
        }
        return out;
    }

    /** The kept scores, best first (parallel to {@link #sortedRows()}). */
    float[] sortedScores() {
        Integer[] order = sortedOrder();
        float[] out = new float[size];
        for (int i = 0; i < size; i++) {
            out[i] = scores[order[i]];
        }
        return out;
    }

    private Integer[] sortedOrder() {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> better(scores[a], rows[a], scores[b], rows[b]) ? -1
                : better(scores[b], rows[b], scores[a], rows[a]) ? 1 : 0);
        return order;
    }

    private static boolean better(float s1, int r1, float s2, int r2) {
        return s1 > s2 || (s1 == s2 && r1 < r2);
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!better(scores[parent], rows[parent], scores[i], rows[i])) {
                break;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                return;
            }
            int worst = left;
            int right = left + 1;
            if (right < size && better(scores[left], rows[left], scores[right], rows[right])) {
                worst = right;
            }
            if (!better(scores[i], rows[i], scores[worst], rows[worst])) {
                return;
            }
            swap(i, worst);
            i = worst;
        }
    }

    private void swap(int a, int b) {
        float s = scores[a];
        scores[a] = scores[b];
        scores[b] = s;
        int r = rows[a];
        rows[a] = rows[b];
        rows[b] = r;
    }
}
