package w2v.kernel;

import java.lang.foreign.MemorySegment;

/**
 * The float math every hot loop uses, on rows of off-heap tables. Offsets are in bytes, lengths in floats.
 * Two implementations exist, {@link ScalarKernels} and {@link PanamaKernels}; {@link Kernels#get()} picks one
 * once at start-up, so call sites see a single receiver type and the JIT inlines it.
 */
public interface VectorKernels {

    /** Returns sum over i in [0, n) of a[i] * b[i]. */
    float dot(MemorySegment a, long aOffset, MemorySegment b, long bOffset, int n);

    /** y[i] += alpha * x[i] for i in [0, n). */
    void axpy(float alpha, MemorySegment x, long xOffset, MemorySegment y, long yOffset, int n);

    /** x[i] *= s for i in [0, n). */
    void scale(float s, MemorySegment x, long xOffset, int n);

    /** A short name for logs and benchmark tables. */
    String name();
}
