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
    // Deltas only: per row, how many replicas changed it (summed with the deltas).
    int[] touchedInput;
    int[] touchedNegative;
    int[] touchedNodes;

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
        return this;
    }

    /**
     * Adds a sum of deltas to this model, each row's divided by the square root of the number of replicas that
     * changed it. A row one replica trained (a rare word) takes its whole step. For rows all p replicas trained,
     * the plain sum made frequent words take p stale steps at once and the plain mean divided every step by p;
     * on the planted corpus of the tests (3 epochs, 4 replicas, a sync every 50k words) analogies were 2% right
     * summed, 26% averaged and 89% with the square root (1 replica, 1 thread: 95%).
     */
    ModelState addDeltas(ModelState sum) {
        addRows(input, sum.input, sum.touchedInput);
        addRows(negative, sum.negative, sum.touchedNegative);
        addRows(nodes, sum.nodes, sum.touchedNodes);
        return this;
    }

    private void addRows(float[] to, float[] delta, int[] touched) {
        if (to == null) {
            return;
        }
        for (int r = 0; r < touched.length; r++) {
            if (touched[r] > 0) {
                float scale = (float) (1 / Math.sqrt(touched[r]));
                for (int i = r * dim, end = i + dim; i < end; i++) {
                    to[i] += delta[i] * scale;
                }
            }
        }
    }

    /** Subtracts {@code base} from this one, in place: a replica becomes its round's delta. */
    ModelState subtract(ModelState base) {
        touchedInput = subtractFrom(input, base.input, dim);
        touchedNegative = subtractFrom(negative, base.negative, dim);
        touchedNodes = subtractFrom(nodes, base.nodes, dim);
        return this;
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
