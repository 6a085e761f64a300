package w2v.kernel;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** Plain loops: the reference the SIMD kernels are tested against, and the fallback without the incubator module. */
public final class ScalarKernels implements VectorKernels {

    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT_UNALIGNED;

    @Override
    public float dot(MemorySegment a, long aOffset, MemorySegment b, long bOffset, int n) {
        float sum = 0f;
        for (int i = 0; i < n; i++) {
            sum += a.get(F, aOffset + 4L * i) * b.get(F, bOffset + 4L * i);
        }
        return sum;
    }

    @Override
    public void axpy(float alpha, MemorySegment x, long xOffset, MemorySegment y, long yOffset, int n) {
        for (int i = 0; i < n; i++) {
            long yi = yOffset + 4L * i;
            y.set(F, yi, y.get(F, yi) + alpha * x.get(F, xOffset + 4L * i));
        }
    }

    @Override
    public void axpyThenAxpy(float alpha, MemorySegment x, long xOffset, MemorySegment y, long yOffset,
                             MemorySegment h, long hOffset, int n) {
        for (int i = 0; i < n; i++) {
            long xi = xOffset + 4L * i, yi = yOffset + 4L * i;
            float old = x.get(F, xi);
            y.set(F, yi, y.get(F, yi) + alpha * old);
            x.set(F, xi, old + alpha * h.get(F, hOffset + 4L * i));
        }
    }

    @Override
    public void scale(float s, MemorySegment x, long xOffset, int n) {
        for (int i = 0; i < n; i++) {
            long xi = xOffset + 4L * i;
            x.set(F, xi, x.get(F, xi) * s);
        }
    }

    @Override
    public void sumRows(MemorySegment x, long[] rows, int n, float s, MemorySegment out, long outOffset, int len) {
        for (int k = 0; k < len; k++) {
            float sum = 0f;
            for (int i = 0; i < n; i++) {
                sum = sum + 1f * x.get(F, rows[i] + 4L * k); // axpy's arithmetic with alpha 1
            }
            out.set(F, outOffset + 4L * k, sum * s);
        }
    }

    @Override
    public void addToRows(float alpha, MemorySegment g, long gOffset, MemorySegment x, long[] rows, int n, int len) {
        for (int i = 0; i < n; i++) {
            axpy(alpha, g, gOffset, x, rows[i], len);
        }
    }

    @Override
    public void dotBlock(MemorySegment a, long[] aRows, int m, MemorySegment b, long[] bRows, int n, int len,
                         float[] scores) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                scores[i * n + j] = dot(a, aRows[i], b, bRows[j], len);
            }
        }
    }

    @Override
    public void crossUpdate(MemorySegment x, long[] xRows, int m, MemorySegment y, long[] yRows, int n, float[] c,
                            MemorySegment scratch, long[] scratchRows, int len) {
        for (int k = 0; k < len; k++) {
            crossUpdateElement(x, xRows, m, y, yRows, n, c, scratch, scratchRows, 4L * k);
        }
    }

    /**
     * Element {@code off} (in bytes) of every row, in {@link VectorKernels#crossUpdate}'s order. x's sums wait in
     * scratch until y has been updated from x's entry values. Also the SIMD kernel's tail.
     */
    static void crossUpdateElement(MemorySegment x, long[] xRows, int m, MemorySegment y, long[] yRows, int n,
                                   float[] c, MemorySegment scratch, long[] scratchRows, long off) {
        for (int i = 0; i < m; i++) {
            float s = 0f;
            for (int j = 0; j < n; j++) {
                s = Math.fma(y.get(F, yRows[j] + off), c[i * n + j], s);
            }
            scratch.set(F, scratchRows[i] + off, s);
        }
        for (int j = 0; j < n; j++) {
            long yj = yRows[j] + off;
            float acc = y.get(F, yj);
            for (int i = 0; i < m; i++) {
                acc = Math.fma(x.get(F, xRows[i] + off), c[i * n + j], acc);
            }
            y.set(F, yj, acc);
        }
        for (int i = 0; i < m; i++) {
            long xi = xRows[i] + off;
            x.set(F, xi, x.get(F, xi) + scratch.get(F, scratchRows[i] + off));
        }
    }

    @Override
    public void pathUpdate(MemorySegment x, long xOffset, MemorySegment y, long[] yRows, int n, float[] c,
                           MemorySegment g, long gOffset, int len) {
        for (int k = 0; k < len; k++) {
            pathUpdateElement(x, xOffset, y, yRows, n, c, g, gOffset, 4L * k);
        }
    }

    /** Element {@code off} (in bytes) of every row, in {@link VectorKernels#pathUpdate}'s order; also the SIMD tail. */
    static void pathUpdateElement(MemorySegment x, long xOffset, MemorySegment y, long[] yRows, int n, float[] c,
                                  MemorySegment g, long gOffset, long off) {
        float xk = x.get(F, xOffset + off);
        float s = g.get(F, gOffset + off);
        for (int j = 0; j < n; j++) {
            long yj = yRows[j] + off;
            float old = y.get(F, yj);
            s = Math.fma(old, c[j], s);
            y.set(F, yj, Math.fma(xk, c[j], old));
        }
        g.set(F, gOffset + off, s);
    }

    @Override
    public String name() {
        return "scalar";
    }
}
