package w2v.spark;

import java.io.Serializable;
import w2v.model.EmbeddingTable;
import w2v.model.Model;

/**
 * A model's tables as plain arrays (rows x dim, no padding): what the driver broadcasts at the start of a round
 * and what every replica sends back, summed on the way ({@link #add}).
 * With several replicas they send what they changed ({@link #subtract}), one replica sends its model whole.
 */
final class ModelState implements Serializable {

    private static final long serialVersionUID = 1L;

    final int dim;
    final float[] input;
    final float[] negative; // null without negative sampling
    final float[] nodes; // null without hierarchical softmax
    // Deltas only, summed with them: per row, how many replicas changed it, and the squared norms of its moves in
    // the first and the second half of the round.
    int[] touchedInput;
    int[] touchedNegative;
    int[] touchedNodes;
    float[] firstInput;
    float[] firstNegative;
    float[] firstNodes;
    float[] secondInput;
    float[] secondNegative;
    float[] secondNodes;

    private ModelState(int dim, float[] input, float[] negative, float[] nodes) {
        this.dim = dim;
        this.input = input;
        this.negative = negative;
        this.nodes = nodes;
    }

    static ModelState of(Model m) {
        return new ModelState(m.input().dim(), toArray(m.input()), toArray(m.negativeOutput()),
                toArray(m.softmaxNodes()));
    }

    /** Copies these values into {@code m}, a model of the same shape. */
    void copyInto(Model m) {
        fill(m.input(), input);
        fill(m.negativeOutput(), negative);
        fill(m.softmaxNodes(), nodes);
    }

    /** Adds {@code other} into this one, in place. */
    ModelState add(ModelState other) {
        addInto(input, other.input);
        addInto(negative, other.negative);
        addInto(nodes, other.nodes);
        addInto(touchedInput, other.touchedInput);
        addInto(touchedNegative, other.touchedNegative);
        addInto(touchedNodes, other.touchedNodes);
        addInto(firstInput, other.firstInput);
        addInto(firstNegative, other.firstNegative);
        addInto(firstNodes, other.firstNodes);
        addInto(secondInput, other.secondInput);
        addInto(secondNegative, other.secondNegative);
        addInto(secondNodes, other.secondNodes);
        return this;
    }

    /**
     * Adds a sum of deltas to this model, each row's scaled for how its moves decayed within the round. With k
     * replicas that changed a row and q = (its second half-round moves' squared norms) / (its first half's), the
     * decay of its moves over a round (at most 1), the row takes the replicas' mean step times 1 + q + ... +
     * q^(k-1), what k rounds in a row would have moved it: a row that kept moving (a rare word, a steady drift)
     * takes the sum, a row that settled within the round (the output rows of frequent words) the mean. Summed, those
     * overshoot k times and swing; averaged, every other row learns k times slower. On the shared corpus at 4
     * partitions, 1 epoch, -sync-words 2M: 0.0% of the analogies summed, 1.1% averaged, 3.6% with the earlier
     * 1/sqrt(k), 4.8% with this rule (single process: 14.23%).
     */
    ModelState addDeltas(ModelState sum) {
        addRows(input, sum.input, sum.touchedInput, sum.firstInput, sum.secondInput);
        addRows(negative, sum.negative, sum.touchedNegative, sum.firstNegative, sum.secondNegative);
        addRows(nodes, sum.nodes, sum.touchedNodes, sum.firstNodes, sum.secondNodes);
        return this;
    }

    private void addRows(float[] to, float[] delta, int[] touched, float[] first, float[] second) {
        if (to == null) {
            return;
        }
        for (int r = 0; r < touched.length; r++) {
            int k = touched[r];
            if (k > 0) {
                float scale = (float) stepScale(k, first[r] > 0 ? Math.min(1.0, second[r] / first[r]) : 1.0);
                for (int i = r * dim, end = i + dim; i < end; i++) {
                    to[i] += delta[i] * scale;
                }
            }
        }
    }

    /** What the sum of k replicas' deltas is multiplied by: (1 + q + ... + q^(k-1)) / k. */
    static double stepScale(int k, double q) {
        return q >= 1 ? 1 : (1 - Math.pow(q, k)) / (1 - q) / k;
    }

    /**
     * Subtracts {@code base}, the round's start, from this one, a replica at the round's end, in place: the replica
     * becomes its round's delta. {@code half} is the replica halfway through the round.
     */
    ModelState subtract(ModelState base, ModelState half) {
        firstInput = moves(base.input, half.input, dim);
        firstNegative = moves(base.negative, half.negative, dim);
        firstNodes = moves(base.nodes, half.nodes, dim);
        secondInput = moves(half.input, input, dim);
        secondNegative = moves(half.negative, negative, dim);
        secondNodes = moves(half.nodes, nodes, dim);
        touchedInput = subtractFrom(input, base.input, dim);
        touchedNegative = subtractFrom(negative, base.negative, dim);
        touchedNodes = subtractFrom(nodes, base.nodes, dim);
        return this;
    }

    /** Per row, the squared norm of the move from {@code from} to {@code to}. */
    private static float[] moves(float[] from, float[] to, int dim) {
        if (from == null) {
            return null;
        }
        float[] q = new float[from.length / dim];
        for (int i = 0; i < from.length; i++) {
            float d = to[i] - from[i];
            q[i / dim] += d * d;
        }
        return q;
    }

    /** Bytes a copy of the model takes: what one replica sends each round, and the broadcast's size. */
    long bytes() {
        return 4L * (input.length + (negative == null ? 0 : negative.length) + (nodes == null ? 0 : nodes.length));
    }

    private static float[] toArray(EmbeddingTable t) {
        if (t == null) {
            return null;
        }
        int dim = t.dim();
        float[] a = new float[t.rows() * dim];
        float[] row = new float[dim];
        for (int r = 0; r < t.rows(); r++) {
            t.copyRow(r, row);
            System.arraycopy(row, 0, a, r * dim, dim);
        }
        return a;
    }

    private static void fill(EmbeddingTable t, float[] a) {
        if (t == null) {
            return;
        }
        int dim = t.dim();
        float[] row = new float[dim];
        for (int r = 0; r < t.rows(); r++) {
            System.arraycopy(a, r * dim, row, 0, dim);
            t.setRow(r, row);
        }
    }

    private static void addInto(float[] to, float[] from) {
        if (to != null) {
            for (int i = 0; i < to.length; i++) {
                to[i] += from[i];
            }
        }
    }

    /** Subtracts in place; returns, per row, 1 where the row changed. */
    private static int[] subtractFrom(float[] to, float[] base, int dim) {
        if (to == null) {
            return null;
        }
        int[] touched = new int[to.length / dim];
        for (int i = 0; i < to.length; i++) {
            to[i] -= base[i];
            if (to[i] != 0) {
                touched[i / dim] = 1;
            }
        }
        return touched;
    }

    private static void addInto(int[] to, int[] from) {
        if (to != null) {
            for (int i = 0; i < to.length; i++) {
                to[i] += from[i];
            }
        }
    }
}
