package w2v.search;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API tile kernel: one register holds the scores of a whole tile, one column load feeds eight queries.
 * Only loaded when the incubator module is present.
 */
final class PanamaTileKernel implements TileKernel {

    // static final: held in a non-final field, the species is not a constant and the Vector API is slower than
    // scalar code.
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int W = SPECIES.length();
    private static final long COL_BYTES = (long) W * Float.BYTES;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    @Override
    public int lanes() {
        return W;
    }

    @Override
    public void cosine8(MemorySegment tiles, long tileOffset, int dim, float[] q, int qOff, float[] thresholds,
                        float[] out, long[] masks) {
        // Eight accumulators fit AVX2's 16 registers with the column and a broadcast; measured 1.6x faster than
        // four queries per column load.
        FloatVector a0 = FloatVector.zero(SPECIES);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        FloatVector a4 = a0;
        FloatVector a5 = a0;
        FloatVector a6 = a0;
        FloatVector a7 = a0;
        long off = tileOffset;
        int i = qOff;
        for (int d = 0; d < dim; d++, off += COL_BYTES, i += GROUP) {
            FloatVector col = FloatVector.fromMemorySegment(SPECIES, tiles, off, ORDER);
            a0 = col.fma(FloatVector.broadcast(SPECIES, q[i]), a0);
            a1 = col.fma(FloatVector.broadcast(SPECIES, q[i + 1]), a1);
            a2 = col.fma(FloatVector.broadcast(SPECIES, q[i + 2]), a2);
            a3 = col.fma(FloatVector.broadcast(SPECIES, q[i + 3]), a3);
            a4 = col.fma(FloatVector.broadcast(SPECIES, q[i + 4]), a4);
            a5 = col.fma(FloatVector.broadcast(SPECIES, q[i + 5]), a5);
            a6 = col.fma(FloatVector.broadcast(SPECIES, q[i + 6]), a6);
            a7 = col.fma(FloatVector.broadcast(SPECIES, q[i + 7]), a7);
        }
        masks[0] = report(a0, thresholds[0], out, 0);
        masks[1] = report(a1, thresholds[1], out, W);
        masks[2] = report(a2, thresholds[2], out, 2 * W);
        masks[3] = report(a3, thresholds[3], out, 3 * W);
        masks[4] = report(a4, thresholds[4], out, 4 * W);
        masks[5] = report(a5, thresholds[5], out, 5 * W);
        masks[6] = report(a6, thresholds[6], out, 6 * W);
        masks[7] = report(a7, thresholds[7], out, 7 * W);
    }

    private static long report(FloatVector scores, float threshold, float[] out, int outOff) {
        VectorMask<Float> m = scores.compare(VectorOperators.GT, threshold);
        if (!m.anyTrue()) {
            return 0L;
        }
        scores.intoArray(out, outOff);
        return m.toLong();
    }

    @Override
    public long cosMul(MemorySegment tiles, long tileOffset, int dim, float[] q, int qOff, float threshold,
                       float[] out) {
        FloatVector p1 = FloatVector.zero(SPECIES);
        FloatVector p2 = p1;
        FloatVector n = p1;
        int i1 = qOff;
        int i2 = qOff + dim;
        int i3 = i2 + dim;
        long off = tileOffset;
        for (int d = 0; d < dim; d++, off += COL_BYTES) {
            FloatVector col = FloatVector.fromMemorySegment(SPECIES, tiles, off, ORDER);
            p1 = col.fma(FloatVector.broadcast(SPECIES, q[i1 + d]), p1);
            p2 = col.fma(FloatVector.broadcast(SPECIES, q[i2 + d]), p2);
            n = col.fma(FloatVector.broadcast(SPECIES, q[i3 + d]), n);
        }
        // ((1 + c1) / 2) * ((1 + c2) / 2) / ((1 + cn) / 2 + eps), each step rounded to float like numpy float32.
        FloatVector num = p1.add(1f).div(2f).mul(p2.add(1f).div(2f));
        FloatVector den = n.add(1f).div(2f).add(COSMUL_EPSILON);
        return report(num.div(den), threshold, out, 0);
    }
}
