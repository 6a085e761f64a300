package w2v.kernel;

import java.lang.foreign.MemorySegment;

/**
 * The float math every hot loop uses, on rows of off-heap tables. Offsets are in bytes, lengths in floats.
 * Two implementations exist, {@link ScalarKernels} and {@link PanamaKernels}; {@link Kernels#get()} picks one
 * once at start-up, so call sites see a single receiver type and the JIT inlines it.
 *
 * <p>What the two give bit for bit: {@link #scale}, {@link #sumRows}, and {@link #crossUpdate} for the same
 * coefficients. What they do not: {@link #dot} and {@link #dotBlock} (the SIMD kernels fuse each multiply-add and
 * sum the lanes in a tree, the scalar ones round every product and add in index order) and {@link #axpy} and
 * {@link #addToRows} (one rounding against two). They agree within float rounding, with u = 2^-24 and g(n) = n u / (1 - n u): a dot product of n terms
 * within 2 g(n) sum |a_i b_i| (each within g(n) sum |a_i b_i| of the exact sum), an axpy element within
 * 2u (|y| + 2 |alpha x|). So the same seeded run trains other bits with the scalar kernels
 * ({@code -Dw2v.scalar=true}, or no Vector API module) than with the SIMD ones, and each is repeatable on its
 * own. Within one implementation, {@link #dotBlock} gives every score the bits of {@link #dot} on rows of whole
 * vectors, as the tables' are, so batched and one-pair training agree wherever they compute the same score.
 */
public interface VectorKernels {

    /** Returns sum over i in [0, n) of a[i] * b[i]. */
    float dot(MemorySegment a, long aOffset, MemorySegment b, long bOffset, int n);

    /** y[i] += alpha * x[i] for i in [0, n). */
    void axpy(float alpha, MemorySegment x, long xOffset, MemorySegment y, long yOffset, int n);

    /**
     * {@code y[i] += alpha * x[i]}, then {@code x[i] += alpha * h[i]}, for i in [0, n): the two axpys of a
     * one-pair update (the hidden vector's gradient gains alpha o, then o gains alpha h) in one pass over x, with
     * the bits of {@code axpy(alpha, x, y)} followed by {@code axpy(alpha, h, x)}. x must not overlap y or h.
     */
    void axpyThenAxpy(float alpha, MemorySegment x, long xOffset, MemorySegment y, long yOffset, MemorySegment h,
                      long hOffset, int n);

    /** x[i] *= s for i in [0, n). */
    void scale(float s, MemorySegment x, long xOffset, int n);

    /**
     * {@code out = (x_0 + x_1 + ... + x_{n-1}) * s}, the rows (at byte offsets {@code rows}) added in that order to
     * zero and the sum scaled once: the bits of zeroing {@code out}, n axpys with alpha 1 and a {@link #scale}
     * (an axpy with alpha 1 is an exact add in both implementations), in one pass that keeps the sum in registers.
     * A row may be listed twice.
     */
    void sumRows(MemorySegment x, long[] rows, int n, float s, MemorySegment out, long outOffset, int len);

    /**
     * {@code x_i += alpha * g} for each of the n rows in order, a row listed twice gaining twice: the bits of n
     * {@link #axpy} calls, in one pass that loads each chunk of g once. g must not overlap any row.
     */
    void addToRows(float alpha, MemorySegment g, long gOffset, MemorySegment x, long[] rows, int n, int len);

    /**
     * The m x n matrix of dot products between rows of two tables: {@code scores[i * n + j] = dot(a_i, b_j)},
     * a_i at byte offset {@code aRows[i]} of {@code a}, b_j at {@code bRows[j]} of {@code b}, each {@code len} floats.
     * One load of each a chunk serves several b rows, which is the point of batching.
     */
    void dotBlock(MemorySegment a, long[] aRows, int m, MemorySegment b, long[] bRows, int n, int len, float[] scores);

    /**
     * Both halves of a batched update in one pass, from the rows as they were on entry:
     * {@code x_i += sum over j < n of c[i * n + j] * y_j} for each i < m, and
     * {@code y_j += sum over i < m of c[i * n + j] * x_i} for each j < n. Each element becomes
     * x + (c_i0 y_0 + c_i1 y_1 + ...) and y + c_0j x_0 + c_1j x_1 + ..., fused multiply-adds in those orders, so
     * both implementations give the same bits for the same c (which comes from {@link #dot}: see above). x's
     * gradient is summed alone and then added, as word2vec C adds its accumulated gradient to the context row.
     * Every row must be distinct: no x row twice, no y row twice, no memory in both (a repeated row would keep
     * only one of its updates). {@code scratch} holds m rows of len floats at {@code scratchRows}, for partial
     * sums.
     */
    void crossUpdate(MemorySegment x, long[] xRows, int m, MemorySegment y, long[] yRows, int n, float[] c,
                     MemorySegment scratch, long[] scratchRows, int len);

    /**
     * One hidden row trained against n distinct target rows whose steps are known:
     * {@code g += c_j * y_j} for j = 0, 1, ... in that order, and {@code y_j += c_j * x}, each a fused multiply-add,
     * from y_j as it was on entry. This is word2vec C's loop over a path's nodes (the hidden row's gradient gains
     * g syn1, then syn1 gains g neu1) for every node at once, so both implementations give the bits of that loop
     * done with fused axpys. Every y row distinct, and none the same memory as x or g.
     */
    void pathUpdate(MemorySegment x, long xOffset, MemorySegment y, long[] yRows, int n, float[] c,
                    MemorySegment g, long gOffset, int len);

    /** A short name for logs and benchmark tables. */
    String name();
}
