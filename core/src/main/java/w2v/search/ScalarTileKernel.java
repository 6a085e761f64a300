package w2v.search;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Plain-loop tile kernel: the fallback without the Vector API module and the reference the SIMD kernel is tested
 * against. Uses {@link Math#fma} in the same order as the SIMD kernel, so both give identical scores.
 */
final class ScalarTileKernel implements TileKernel {

    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT_UNALIGNED;

    private final int lanes;

    ScalarTileKernel(int lanes) {
        if (lanes < 1 || lanes > 64) {
            throw new IllegalArgumentException("lanes " + lanes);
        }
        this.lanes = lanes;
    }

    @Override
    public int lanes() {
        return lanes;
    }

    @Override
    public void cosine8(MemorySegment tiles, long tileOffset, int dim, float[] q, int qOff, float[] thresholds,
                        float[] out, long[] masks) {
        java.util.Arrays.fill(masks, 0, GROUP, 0L);
        float[] acc = new float[GROUP];
        for (int l = 0; l < lanes; l++) {
            java.util.Arrays.fill(acc, 0f);
            long off = tileOffset + 4L * l;
            int i = qOff;
            for (int d = 0; d < dim; d++, off += 4L * lanes, i += GROUP) {
                float x = tiles.get(F, off);
                for (int j = 0; j < GROUP; j++) {
                    acc[j] = Math.fma(x, q[i + j], acc[j]);
                }
            }
            for (int j = 0; j < GROUP; j++) {
                out[j * lanes + l] = acc[j];
                if (acc[j] > thresholds[j]) {
                    masks[j] |= 1L << l;
                }
            }
        }
    }

    @Override
    public long cosMul(MemorySegment tiles, long tileOffset, int dim, float[] q, int qOff, float threshold,
                       float[] out) {
        long mask = 0;
        for (int l = 0; l < lanes; l++) {
            float c1 = 0f;
            float c2 = 0f;
            float cn = 0f;
            long off = tileOffset + 4L * l;
            for (int d = 0; d < dim; d++, off += 4L * lanes) {
                float x = tiles.get(F, off);
                c1 = Math.fma(x, q[qOff + d], c1);
                c2 = Math.fma(x, q[qOff + dim + d], c2);
                cn = Math.fma(x, q[qOff + 2 * dim + d], cn);
            }
            float s = ((1f + c1) / 2f) * ((1f + c2) / 2f) / ((1f + cn) / 2f + COSMUL_EPSILON);
            out[l] = s;
            if (s > threshold) {
                mask |= 1L << l;
            }
        }
        return mask;
    }
}
