package w2v.kernel;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API kernels. Tables pad each row to a multiple of 16 floats, so the training loops never reach the
 * masked tail; it exists for arbitrary lengths (query vectors, tests). One accumulator: at dimensions up to 300
 * several did not help on this hardware (shared/docs/jdk25.md).
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
        return acc.reduceLanes(VectorOperators.ADD);
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
    public String name() {
        return "panama-" + SPECIES.vectorBitSize();
    }
}
