package w2v.kernel;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

import static java.lang.foreign.ValueLayout.JAVA_FLOAT;

/**
 * Vector API kernels. Tables pad each row to a multiple of 16 floats, so the training loops never reach the
 * masked tail; it exists for arbitrary lengths (query vectors, tests). One accumulator: at dimensions up to 300
 * several did not help, and 512-bit vectors were about as fast as 256-bit ones (JDK 25).
 */
public final class PanamaKernels implements VectorKernels {

    // Must stay static final: held in a non-final field the Vector API is slower than scalar code.
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    @Override
    public float dot(MemorySegment a, long aOffset, MemorySegment b, long bOffset, int n) {
        FloatVector acc = FloatVector.zero(SPECIES);
        int bound = SPECIES.loopBound(n);
        int i = 0;
        for (; i < bound; i += LANES) {
            long off = 4L * i;
            FloatVector va = FloatVector.fromMemorySegment(SPECIES, a, aOffset + off, ORDER);
            FloatVector vb = FloatVector.fromMemorySegment(SPECIES, b, bOffset + off, ORDER);
            acc = va.fma(vb, acc);
        }
        if (i < n) {
            VectorMask<Float> m = SPECIES.indexInRange(i, n);
            long off = 4L * i;
            FloatVector va = FloatVector.fromMemorySegment(SPECIES, a, aOffset + off, ORDER, m);
            FloatVector vb = FloatVector.fromMemorySegment(SPECIES, b, bOffset + off, ORDER, m);
            acc = va.fma(vb, acc);
        }
        return sum(acc);
    }

    @Override
    public void axpy(float alpha, MemorySegment x, long xOffset, MemorySegment y, long yOffset, int n) {
        FloatVector va = FloatVector.broadcast(SPECIES, alpha);
        int bound = SPECIES.loopBound(n);
        int i = 0;
        for (; i < bound; i += LANES) {
            long off = 4L * i;
            FloatVector vx = FloatVector.fromMemorySegment(SPECIES, x, xOffset + off, ORDER);
            FloatVector vy = FloatVector.fromMemorySegment(SPECIES, y, yOffset + off, ORDER);
            vx.fma(va, vy).intoMemorySegment(y, yOffset + off, ORDER);
        }
        if (i < n) {
            VectorMask<Float> m = SPECIES.indexInRange(i, n);
            long off = 4L * i;
            FloatVector vx = FloatVector.fromMemorySegment(SPECIES, x, xOffset + off, ORDER, m);
            FloatVector vy = FloatVector.fromMemorySegment(SPECIES, y, yOffset + off, ORDER, m);
            vx.fma(va, vy).intoMemorySegment(y, yOffset + off, ORDER, m);
        }
    }

    @Override
    public void axpyThenAxpy(float alpha, MemorySegment x, long xOffset, MemorySegment y, long yOffset,
                             MemorySegment h, long hOffset, int n) {
        FloatVector va = FloatVector.broadcast(SPECIES, alpha);
        int bound = SPECIES.loopBound(n);
        int i = 0;
        for (; i < bound; i += LANES) {
            long off = 4L * i;
            FloatVector vx = FloatVector.fromMemorySegment(SPECIES, x, xOffset + off, ORDER);
            FloatVector vy = FloatVector.fromMemorySegment(SPECIES, y, yOffset + off, ORDER);
            FloatVector vh = FloatVector.fromMemorySegment(SPECIES, h, hOffset + off, ORDER);
            vx.fma(va, vy).intoMemorySegment(y, yOffset + off, ORDER);
            vh.fma(va, vx).intoMemorySegment(x, xOffset + off, ORDER);
        }
        if (i < n) {
            VectorMask<Float> m = SPECIES.indexInRange(i, n);
            long off = 4L * i;
            FloatVector vx = FloatVector.fromMemorySegment(SPECIES, x, xOffset + off, ORDER, m);
            FloatVector vy = FloatVector.fromMemorySegment(SPECIES, y, yOffset + off, ORDER, m);
            FloatVector vh = FloatVector.fromMemorySegment(SPECIES, h, hOffset + off, ORDER, m);
            vx.fma(va, vy).intoMemorySegment(y, yOffset + off, ORDER, m);
            vh.fma(va, vx).intoMemorySegment(x, xOffset + off, ORDER, m);
        }
    }

    @Override
    public void scale(float s, MemorySegment x, long xOffset, int n) {
        int bound = SPECIES.loopBound(n);
        int i = 0;
        for (; i < bound; i += LANES) {
            long off = xOffset + 4L * i;
            FloatVector.fromMemorySegment(SPECIES, x, off, ORDER).mul(s).intoMemorySegment(x, off, ORDER);
        }
        if (i < n) {
            VectorMask<Float> m = SPECIES.indexInRange(i, n);
            long off = xOffset + 4L * i;
            FloatVector.fromMemorySegment(SPECIES, x, off, ORDER, m).mul(s).intoMemorySegment(x, off, ORDER, m);
        }
    }

    @Override
    public void sumRows(MemorySegment x, long[] rows, int n, float s, MemorySegment out, long outOffset, int len) {
        int bound = SPECIES.loopBound(len);
        int k = 0;
        for (; k < bound; k += LANES) {
            long off = 4L * k;
            FloatVector sum = FloatVector.zero(SPECIES);
            for (int i = 0; i < n; i++) {
                sum = sum.add(FloatVector.fromMemorySegment(SPECIES, x, rows[i] + off, ORDER));
            }
            sum.mul(s).intoMemorySegment(out, outOffset + off, ORDER);
        }
        for (; k < len; k++) { // rows not padded to the vector length (never the tables')
            long off = 4L * k;
            float sum = 0f;
            for (int i = 0; i < n; i++) {
                sum += x.get(JAVA_FLOAT, rows[i] + off);
            }
            out.set(JAVA_FLOAT, outOffset + off, sum * s);
        }
    }

    @Override
    public void addToRows(float alpha, MemorySegment g, long gOffset, MemorySegment x, long[] rows, int n, int len) {
        FloatVector va = FloatVector.broadcast(SPECIES, alpha);
        int bound = SPECIES.loopBound(len);
        for (int k = 0; k < bound; k += LANES) {
            long off = 4L * k;
            FloatVector vg = FloatVector.fromMemorySegment(SPECIES, g, gOffset + off, ORDER);
            for (int i = 0; i < n; i++) {
                long xo = rows[i] + off;
                vg.fma(va, FloatVector.fromMemorySegment(SPECIES, x, xo, ORDER)).intoMemorySegment(x, xo, ORDER);
            }
        }
        if (bound < len) { // rows not padded to the vector length: axpy's own tail, row by row
            for (int i = 0; i < n; i++) {
                axpy(alpha, g, gOffset + 4L * bound, x, rows[i] + 4L * bound, len - bound);
            }
        }
    }

    @Override
    public void dotBlock(MemorySegment a, long[] aRows, int m, MemorySegment b, long[] bRows, int n, int len,
                         float[] scores) {
        for (int i = 0; i < m; i++) {
            long ai = aRows[i];
            int j = 0;
            for (; j + 4 <= n; j += 4) {
                dot4(a, ai, b, bRows[j], bRows[j + 1], bRows[j + 2], bRows[j + 3], len, scores, i * n + j);
            }
            for (; j < n; j++) {
                scores[i * n + j] = dot(a, ai, b, bRows[j], len);
            }
        }
    }

    /*
     * Four dot products sharing one row of a: each chunk of a is loaded once for four independent FMA chains.
     * Kept apart from dotBlock on purpose: written as one method, C1 ran out of virtual registers compiling it
     * (the Vector API is not intrinsified there, every vector is an object), the method never got past tier 2,
     * and training ran several times slower in about one start in five (BENCHMARKS.md).
     */
    private static void dot4(MemorySegment a, long ai, MemorySegment b, long b0, long b1, long b2, long b3,
                             int len, float[] scores, int o) {
        FloatVector s0 = FloatVector.zero(SPECIES), s1 = s0, s2 = s0, s3 = s0;
        int bound = SPECIES.loopBound(len);
        int k = 0;
        for (; k < bound; k += LANES) {
            long off = 4L * k;
            FloatVector va = FloatVector.fromMemorySegment(SPECIES, a, ai + off, ORDER);
            s0 = va.fma(FloatVector.fromMemorySegment(SPECIES, b, b0 + off, ORDER), s0);
            s1 = va.fma(FloatVector.fromMemorySegment(SPECIES, b, b1 + off, ORDER), s1);
            s2 = va.fma(FloatVector.fromMemorySegment(SPECIES, b, b2 + off, ORDER), s2);
            s3 = va.fma(FloatVector.fromMemorySegment(SPECIES, b, b3 + off, ORDER), s3);
        }
        scores[o] = sum(s0);
        scores[o + 1] = sum(s1);
        scores[o + 2] = sum(s2);
        scores[o + 3] = sum(s3);
        for (; k < len; k++) { // rows not padded to the vector length: the rest one scalar at a time, rare
            long off = 4L * k;
            float x = a.get(JAVA_FLOAT, ai + off);
            scores[o] += x * b.get(JAVA_FLOAT, b0 + off);
            scores[o + 1] += x * b.get(JAVA_FLOAT, b1 + off);
            scores[o + 2] += x * b.get(JAVA_FLOAT, b2 + off);
            scores[o + 3] += x * b.get(JAVA_FLOAT, b3 + off);
        }
    }

    /*
     * One pass over each row's chunks instead of three (x's gradients, y's update, x's update): for each chunk,
     * six y rows are held in registers while every x row goes by once, giving both its contribution to the six y
     * accumulators and the six terms of its own sum. Each x chunk is then loaded once per six y rows instead of
     * once per y row, and no gradient row is zeroed, written and read back. Targets beyond a multiple of six go
     * one at a time, their partial sums for x carried in scratch. Every row distinct, so writing x_i as soon as
     * its sum is complete cannot change what a later row reads.
     */
    @Override
    public void crossUpdate(MemorySegment x, long[] xRows, int m, MemorySegment y, long[] yRows, int n, float[] c,
                            MemorySegment scratch, long[] scratchRows, int len) {
        int bound = SPECIES.loopBound(len);
        for (int k = 0; k < bound; k += LANES) {
            long off = 4L * k;
            int j = 0;
            for (; j + 6 <= n; j += 6) {
                cross6(x, xRows, m, y, yRows, n, j, c, scratch, scratchRows, off);
            }
            for (; j < n; j++) {
                cross1(x, xRows, m, y, yRows, n, j, c, scratch, scratchRows, off);
            }
        }
        for (int k = bound; k < len; k++) { // rows not padded to the vector length (never the tables')
            ScalarKernels.crossUpdateElement(x, xRows, m, y, yRows, n, c, scratch, scratchRows, 4L * k);
        }
    }

    /* y rows j..j+5 at chunk off. Kept apart from crossUpdate for C1's sake, as dot4 is. */
    private static void cross6(MemorySegment x, long[] xRows, int m, MemorySegment y, long[] yRows, int n, int j,
                               float[] c, MemorySegment scratch, long[] scratchRows, long off) {
        boolean first = j == 0, last = j + 6 == n;
        long y0 = yRows[j] + off, y1 = yRows[j + 1] + off, y2 = yRows[j + 2] + off;
        long y3 = yRows[j + 3] + off, y4 = yRows[j + 4] + off, y5 = yRows[j + 5] + off;
        FloatVector o0 = FloatVector.fromMemorySegment(SPECIES, y, y0, ORDER);
        FloatVector o1 = FloatVector.fromMemorySegment(SPECIES, y, y1, ORDER);
        FloatVector o2 = FloatVector.fromMemorySegment(SPECIES, y, y2, ORDER);
        FloatVector o3 = FloatVector.fromMemorySegment(SPECIES, y, y3, ORDER);
        FloatVector o4 = FloatVector.fromMemorySegment(SPECIES, y, y4, ORDER);
        FloatVector o5 = FloatVector.fromMemorySegment(SPECIES, y, y5, ORDER);
        FloatVector a0 = o0, a1 = o1, a2 = o2, a3 = o3, a4 = o4, a5 = o5;
        for (int i = 0; i < m; i++) {
            long xo = xRows[i] + off, so = scratchRows[i] + off;
            int ci = i * n + j;
            FloatVector xi = FloatVector.fromMemorySegment(SPECIES, x, xo, ORDER);
            FloatVector s = first ? FloatVector.zero(SPECIES)
                    : FloatVector.fromMemorySegment(SPECIES, scratch, so, ORDER);
            FloatVector g = FloatVector.broadcast(SPECIES, c[ci]);
            a0 = xi.fma(g, a0);
            s = o0.fma(g, s);
            g = FloatVector.broadcast(SPECIES, c[ci + 1]);
            a1 = xi.fma(g, a1);
            s = o1.fma(g, s);
            g = FloatVector.broadcast(SPECIES, c[ci + 2]);
            a2 = xi.fma(g, a2);
            s = o2.fma(g, s);
            g = FloatVector.broadcast(SPECIES, c[ci + 3]);
            a3 = xi.fma(g, a3);
            s = o3.fma(g, s);
            g = FloatVector.broadcast(SPECIES, c[ci + 4]);
            a4 = xi.fma(g, a4);
            s = o4.fma(g, s);
            g = FloatVector.broadcast(SPECIES, c[ci + 5]);
            a5 = xi.fma(g, a5);
            s = o5.fma(g, s);
            if (last) {
                xi.add(s).intoMemorySegment(x, xo, ORDER);
            } else {
                s.intoMemorySegment(scratch, so, ORDER);
            }
        }
        a0.intoMemorySegment(y, y0, ORDER);
        a1.intoMemorySegment(y, y1, ORDER);
        a2.intoMemorySegment(y, y2, ORDER);
        a3.intoMemorySegment(y, y3, ORDER);
        a4.intoMemorySegment(y, y4, ORDER);
        a5.intoMemorySegment(y, y5, ORDER);
    }

    /* y row j at chunk off. */
    private static void cross1(MemorySegment x, long[] xRows, int m, MemorySegment y, long[] yRows, int n, int j,
                               float[] c, MemorySegment scratch, long[] scratchRows, long off) {
        boolean first = j == 0, last = j + 1 == n;
        long yo = yRows[j] + off;
        FloatVector o = FloatVector.fromMemorySegment(SPECIES, y, yo, ORDER);
        FloatVector a = o;
        for (int i = 0; i < m; i++) {
            long xo = xRows[i] + off, so = scratchRows[i] + off;
            FloatVector xi = FloatVector.fromMemorySegment(SPECIES, x, xo, ORDER);
            FloatVector s = first ? FloatVector.zero(SPECIES)
                    : FloatVector.fromMemorySegment(SPECIES, scratch, so, ORDER);
            FloatVector g = FloatVector.broadcast(SPECIES, c[i * n + j]);
            a = xi.fma(g, a);
            s = o.fma(g, s);
            if (last) {
                xi.add(s).intoMemorySegment(x, xo, ORDER);
            } else {
                s.intoMemorySegment(scratch, so, ORDER);
            }
        }
        a.intoMemorySegment(y, yo, ORDER);
    }

    /*
     * Chunk by chunk: x's and g's chunk stay in registers while every y row goes by once, so each path row is
     * read and written once per chunk and the rows' loads do not wait on one another's dot products.
     */
    @Override
    public void pathUpdate(MemorySegment x, long xOffset, MemorySegment y, long[] yRows, int n, float[] c,
                           MemorySegment g, long gOffset, int len) {
        int bound = SPECIES.loopBound(len);
        for (int k = 0; k < bound; k += LANES) {
            long off = 4L * k;
            FloatVector xk = FloatVector.fromMemorySegment(SPECIES, x, xOffset + off, ORDER);
            FloatVector s = FloatVector.fromMemorySegment(SPECIES, g, gOffset + off, ORDER);
            for (int j = 0; j < n; j++) {
                long yo = yRows[j] + off;
                FloatVector old = FloatVector.fromMemorySegment(SPECIES, y, yo, ORDER);
                FloatVector cj = FloatVector.broadcast(SPECIES, c[j]);
                s = old.fma(cj, s);
                xk.fma(cj, old).intoMemorySegment(y, yo, ORDER);
            }
            s.intoMemorySegment(g, gOffset + off, ORDER);
        }
        for (int k = bound; k < len; k++) { // rows not padded to the vector length (never the tables')
            ScalarKernels.pathUpdateElement(x, xOffset, y, yRows, n, c, g, gOffset, 4L * k);
        }
    }

    /*
     * The lanes of v added in one fixed order. FloatVector.reduceLanes(ADD) leaves the order to the
     * implementation, and it differs: C2 inlining dot into the hierarchical-softmax loop summed in another order
     * than the interpreter and C1, so a one-thread run with a fixed seed gave different vectors depending on
     * when the JIT got to it, and a checkpoint resumed in a fresh process did not match the uninterrupted run.
     * Here each step adds the vector to itself with halves, then quarters, ... swapped: a pairwise tree
     * ((l0 + l8) + (l4 + l12)) + ... that every tier rounds the same way, in one permute and one add per level
     * (taking the 16 lanes out one at a time cost more than the dot product they summed).
     */
    private static final VectorShuffle<Float> SWAP_8 = swapping(8);
    private static final VectorShuffle<Float> SWAP_4 = swapping(4);
    private static final VectorShuffle<Float> SWAP_2 = swapping(2);
    private static final VectorShuffle<Float> SWAP_1 = swapping(1);

    /** Lane i takes lane i xor d (lanes stay put when the vector has no such partner). */
    private static VectorShuffle<Float> swapping(int d) {
        return VectorShuffle.fromOp(SPECIES, i -> d < LANES ? i ^ d : i);
    }

    private static float sum(FloatVector v) {
        switch (LANES) {
            case 16:
                v = v.add(v.rearrange(SWAP_8));
                // fall through
            case 8:
                v = v.add(v.rearrange(SWAP_4));
                // fall through
            case 4:
                v = v.add(v.rearrange(SWAP_2));
                v = v.add(v.rearrange(SWAP_1));
                return v.lane(0);
            default: {
                float s = 0f;
                for (int i = 0; i < LANES; i++) {
                    s += v.lane(i);
                }
                return s;
            }
        }
    }

    @Override
    public String name() {
        return "panama-" + SPECIES.vectorBitSize();
    }
}
