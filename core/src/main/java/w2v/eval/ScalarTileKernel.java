package w2v.eval;

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
    public void cosine4(MemorySegment tiles, long tileOffset, int dim, float[] q, int qOff, float[] thresholds,
                        float[] out, long[] masks) {
        for (int j = 0; j < 4; j++) {
            int qj = qOff + j * dim;
            long mask = 0;
            for (int l = 0; l < lanes; l++) {
                float acc = 0f;
                long off = tileOffset + 4L * l;
                for (int d = 0; d < dim; d++, off += 4L * lanes) {
                    acc = Math.fma(tiles.get(F, off), q[qj + d], acc);
                }
                out[j * lanes + l] = acc;
                if (acc > thresholds[j]) {
                    mask |= 1L << l;
                }
            }
            masks[j] = mask;
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
