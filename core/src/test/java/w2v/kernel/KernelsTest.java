package w2v.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The Vector API kernels must agree with the scalar twins at every length, aligned or not. */
class KernelsTest {

    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT_UNALIGNED;
    private static final VectorKernels SIMD = new PanamaKernels();
    private static final VectorKernels SCALAR = new ScalarKernels();

    static IntStream lengths() {
        return IntStream.concat(IntStream.rangeClosed(1, 301), IntStream.of(511, 1023, 1031, 4099));
    }

    @Test
    void theTestJvmUsesTheVectorApi() {
        assertInstanceOf(PanamaKernels.class, Kernels.get(), "surefire must run with --add-modules jdk.incubator.vector");
    }

    @ParameterizedTest
    @MethodSource("lengths")
    void dotMatchesScalar(int n) {
        try (Arena arena = Arena.ofConfined()) {
            Random r = new Random(n);
            for (int shift : new int[] {0, 1, 3}) { // float offsets: aligned and not
                MemorySegment a = random(arena, n + 8, r);
                MemorySegment b = random(arena, n + 8, r);
                long aOff = 4L * shift, bOff = 4L * ((shift + 2) % 5);
                float expected = SCALAR.dot(a, aOff, b, bOff, n);
                float actual = SIMD.dot(a, aOff, b, bOff, n);
                assertEquals(expected, actual, tolerance(a, aOff, b, bOff, n), "n=" + n + " shift=" + shift);
                assertEquals(exactDot(a, aOff, b, bOff, n), actual, tolerance(a, aOff, b, bOff, n));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("lengths")
    void axpyMatchesScalarAndLeavesNeighboursAlone(int n) {
        try (Arena arena = Arena.ofConfined()) {
            Random r = new Random(-n);
            MemorySegment x = random(arena, n + 8, r);
            MemorySegment y1 = random(arena, n + 8, r);
            MemorySegment y2 = arena.allocate(y1.byteSize(), 64);
            y2.copyFrom(y1);
            float alpha = r.nextFloat() * 2 - 1;
            SCALAR.axpy(alpha, x, 4, y1, 8, n);
            SIMD.axpy(alpha, x, 4, y2, 8, n);
            for (int i = 0; i < n + 8; i++) {
                float e = y1.getAtIndex(F, i);
                float a = y2.getAtIndex(F, i);
                assertEquals(e, a, 1e-6f * (1 + Math.abs(e)), "n=" + n + " i=" + i);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("lengths")
    void scaleMatchesScalar(int n) {
        try (Arena arena = Arena.ofConfined()) {
            Random r = new Random(31L * n);
            MemorySegment x1 = random(arena, n + 4, r);
            MemorySegment x2 = arena.allocate(x1.byteSize(), 64);
            x2.copyFrom(x1);
            SCALAR.scale(0.37f, x1, 4, n);
            SIMD.scale(0.37f, x2, 4, n);
            assertEquals(-1L, x1.mismatch(x2), "n=" + n);
        }
    }

    @ParameterizedTest
    @MethodSource("lengths")
    void dotBlockMatchesScalarDots(int len) {
        try (Arena arena = Arena.ofConfined()) {
            Random r = new Random(7L * len);
            int rows = 12;
            MemorySegment a = random(arena, rows * (len + 3), r);
            MemorySegment b = random(arena, rows * (len + 3), r);
            // m: a window's context words; n up to 40: a Huffman path (hierarchical softmax) is that long.
            int m = 1 + r.nextInt(20), n = 1 + r.nextInt(41);
            long[] aRows = new long[m], bRows = new long[n];
            for (int i = 0; i < m; i++) {
                aRows[i] = 4L * r.nextInt(rows) * (len + 3);
            }
            for (int j = 0; j < n; j++) {
                bRows[j] = 4L * (r.nextInt(rows) * (len + 3) + r.nextInt(3)); // not aligned
            }
            float[] expected = new float[m * n];
            float[] actual = new float[m * n];
            SCALAR.dotBlock(a, aRows, m, b, bRows, n, len, expected);
            SIMD.dotBlock(a, aRows, m, b, bRows, n, len, actual);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    assertEquals(expected[i * n + j], actual[i * n + j],
                            tolerance(a, aRows[i], b, bRows[j], len), "len=" + len + " i=" + i + " j=" + j);
                    if (len % 16 == 0) {
                        // Whole vectors (as in the tables): the block sums the lanes in dot's order, bit for bit,
                        // so batched and one-pair training agree wherever they compute the same score.
                        assertEquals(Float.floatToRawIntBits(SIMD.dot(a, aRows[i], b, bRows[j], len)),
                                Float.floatToRawIntBits(actual[i * n + j]), "len=" + len + " i=" + i + " j=" + j);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("lengths")
    void accumulateMatchesScalarExactlyInBothCoefficientLayouts(int len) {
        try (Arena arena = Arena.ofConfined()) {
            Random r = new Random(11L * len);
            int rows = 12;
            MemorySegment x = random(arena, rows * len + 2, r);
            MemorySegment y1 = random(arena, rows * len + 2, r);
            MemorySegment y2 = arena.allocate(y1.byteSize(), 64);
            int n = 1 + r.nextInt(41), m = 1 + r.nextInt(41); // either side can be a Huffman path
            long[] xRows = new long[n], yRows = new long[m];
            for (int s = 0; s < n; s++) {
                xRows[s] = 4L * (r.nextInt(rows) * len + r.nextInt(2));
            }
            for (int q = 0; q < m; q++) {
                yRows[q] = 4L * (r.nextInt(rows) * len); // repeats allowed: each applies in turn
            }
            float[] c = new float[m * n];
            for (int i = 0; i < c.length; i++) {
                c[i] = r.nextFloat() - 0.5f;
            }
            for (boolean transposed : new boolean[] {false, true}) {
                y2.copyFrom(y1);
                MemorySegment y3 = arena.allocate(y1.byteSize(), 64);
                y3.copyFrom(y1);
                int rStep = transposed ? 1 : n, sStep = transposed ? m : 1;
                SCALAR.accumulate(x, xRows, n, c, rStep, sStep, y2, yRows, m, len);
                SIMD.accumulate(x, xRows, n, c, rStep, sStep, y3, yRows, m, len);
                assertEquals(-1L, y2.mismatch(y3), "len=" + len + " transposed=" + transposed);
                // And it is what it says: y_r += sum_s c x_s, checked in double for the first row.
                MemorySegment y4 = arena.allocate(y1.byteSize(), 64);
                y4.copyFrom(y1);
                SCALAR.accumulate(x, xRows, n, c, rStep, sStep, y4, new long[] {yRows[0]}, 1, len);
                for (int i = 0; i < len; i++) {
                    double e = y1.get(F, yRows[0] + 4L * i);
                    for (int s = 0; s < n; s++) {
                        e += (double) c[s * sStep] * x.get(F, xRows[s] + 4L * i);
                    }
                    assertEquals(e, y4.get(F, yRows[0] + 4L * i), 1e-5, "i=" + i);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("lengths")
    void crossUpdateIsTheThreePassUpdateBitForBit(int len) {
        try (Arena arena = Arena.ofConfined()) {
            Random r = new Random(13L * len);
            // m and n cover one target, a block of six, blocks of six with the rest one at a time, and contexts
            // from one to a full window of ten; rows distinct, as the kernel requires.
            int[][] shapes = {{1, 1}, {10, 6}, {4, 5}, {7, 13}, {3, 12}, {1, 7}};
            for (int[] shape : shapes) {
                int m = shape[0], n = shape[1];
                int rows = 20;
                long[] xRows = distinctRows(m, rows, len, r);
                long[] yRows = distinctRows(n, rows, len, r);
                long[] gradRows = new long[m];
                for (int i = 0; i < m; i++) {
                    gradRows[i] = 4L * i * len;
                }
                float[] c = new float[m * n];
                for (int i = 0; i < c.length; i++) {
                    c[i] = r.nextFloat() - 0.5f;
                }
                MemorySegment x0 = random(arena, rows * len, r), y0 = random(arena, rows * len, r);
                MemorySegment[] xs = new MemorySegment[3], ys = new MemorySegment[3];
                for (int v = 0; v < 3; v++) {
                    xs[v] = arena.allocate(x0.byteSize(), 64).copyFrom(x0);
                    ys[v] = arena.allocate(y0.byteSize(), 64).copyFrom(y0);
                }
                MemorySegment scratch = random(arena, m * len, r); // garbage in it must not matter
                SIMD.crossUpdate(xs[0], xRows, m, ys[0], yRows, n, c, scratch, gradRows, len);
                SCALAR.crossUpdate(xs[1], xRows, m, ys[1], yRows, n, c, scratch, gradRows, len);
                // The three passes it replaces: gradients into zeroed rows, y's update, then x += gradient.
                MemorySegment grads = arena.allocate(4L * m * len, 64);
                SIMD.accumulate(ys[2], yRows, n, c, n, 1, grads, gradRows, m, len);
                SIMD.accumulate(xs[2], xRows, m, c, 1, n, ys[2], yRows, n, len);
                for (int i = 0; i < m; i++) {
                    SIMD.axpy(1f, grads, gradRows[i], xs[2], xRows[i], len);
                }
                String what = "len=" + len + " m=" + m + " n=" + n;
                assertEquals(-1L, xs[0].mismatch(xs[1]), what + ": x, SIMD against scalar");
                assertEquals(-1L, ys[0].mismatch(ys[1]), what + ": y, SIMD against scalar");
                assertEquals(-1L, xs[0].mismatch(xs[2]), what + ": x, against the three passes");
                assertEquals(-1L, ys[0].mismatch(ys[2]), what + ": y, against the three passes");
                // And both sides moved as the formula says, from the entry rows, in double.
                for (int k = 0; k < len; k++) {
                    double x = x0.get(F, xRows[m - 1] + 4L * k), y = y0.get(F, yRows[n - 1] + 4L * k);
                    for (int j = 0; j < n; j++) {
                        x += (double) c[(m - 1) * n + j] * y0.get(F, yRows[j] + 4L * k);
                    }
                    for (int i = 0; i < m; i++) {
                        y += (double) c[i * n + n - 1] * x0.get(F, xRows[i] + 4L * k);
                    }
                    assertEquals(x, xs[0].get(F, xRows[m - 1] + 4L * k), 1e-5, what + " x k=" + k);
                    assertEquals(y, ys[0].get(F, yRows[n - 1] + 4L * k), 1e-5, what + " y k=" + k);
                }
            }
        }
    }

    /** {@code count} different row offsets among {@code rows} rows of {@code len} floats. */
    private static long[] distinctRows(int count, int rows, int len, Random r) {
        return r.ints(0, rows).distinct().limit(count).mapToLong(row -> 4L * row * len).toArray();
    }

    @Test
    void maskedTailWritesNothingPastTheEnd() {
        try (Arena arena = Arena.ofConfined()) {
            for (int n = 1; n < 40; n++) {
                MemorySegment x = arena.allocate(4L * 64, 64);
                MemorySegment y = arena.allocate(4L * 64, 64);
                for (int i = 0; i < 64; i++) {
                    x.setAtIndex(F, i, 1f);
                    y.setAtIndex(F, i, 7f);
                }
                SIMD.axpy(1f, x, 0, y, 0, n);
                SIMD.scale(3f, y, 4L * n, 0);
                for (int i = 0; i < 64; i++) {
                    assertEquals(i < n ? 8f : 7f, y.getAtIndex(F, i), "n=" + n + " i=" + i);
                }
            }
        }
    }

    private static MemorySegment random(Arena arena, int n, Random r) {
        MemorySegment s = arena.allocate(Math.max(4L * n, 4), 64);
        for (int i = 0; i < n; i++) {
            s.setAtIndex(F, i, (float) r.nextGaussian());
        }
        return s;
    }

    private static double exactDot(MemorySegment a, long aOff, MemorySegment b, long bOff, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (double) a.get(F, aOff + 4L * i) * b.get(F, bOff + 4L * i);
        }
        return s;
    }

    /** Float summation error bound: a few ulps of the sum of magnitudes. */
    private static float tolerance(MemorySegment a, long aOff, MemorySegment b, long bOff, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.abs((double) a.get(F, aOff + 4L * i) * b.get(F, bOff + 4L * i));
        }
        return (float) (s * n * 1.2e-7 + 1e-6);
    }
}
