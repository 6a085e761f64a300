package w2v.model;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A rows x dim float matrix off-heap. Each row starts on a 64-byte boundary and its stride is padded to a
 * multiple of 16 floats, with the padding kept zero: the SIMD kernels then run over whole strides and never
 * need a tail loop, which on MemorySegments made a kernel 4-9x slower (JDK 25).
 *
 * <p>Hogwild training reads and writes rows from several threads without locks; the table does not
 * synchronise anything.
 */
public final class EmbeddingTable {

    /** Floats per alignment block: 64 bytes. */
    public static final int ALIGN_FLOATS = 16;

    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT_UNALIGNED;

    private final MemorySegment segment;
    private final int rows;
    private final int dim;
    private final int stride;

    private EmbeddingTable(MemorySegment segment, int rows, int dim, int stride) {
        this.segment = segment;
        this.rows = rows;
        this.dim = dim;
        this.stride = stride;
    }

    /** Allocates a zeroed table in {@code arena}. */
    public static EmbeddingTable allocate(Arena arena, int rows, int dim) {
        if (rows < 0 || dim <= 0) {
            throw new IllegalArgumentException("table of " + rows + " x " + dim);
        }
        int stride = paddedStride(dim);
        long bytes = Math.multiplyExact((long) rows, (long) stride * Float.BYTES);
        MemorySegment seg = LargePages.allocate(arena, Math.max(bytes, 64));
        return new EmbeddingTable(seg, rows, dim, stride);
    }

    /** The row stride in floats for a dimension: dim rounded up to a multiple of 16. */
    public static int paddedStride(int dim) {
        return (dim + ALIGN_FLOATS - 1) / ALIGN_FLOATS * ALIGN_FLOATS;
    }

    /** Bytes a table of this shape takes. */
    public static long bytesFor(long rows, int dim) {
        return rows * paddedStride(dim) * (long) Float.BYTES;
    }

    public MemorySegment segment() {
        return segment;
    }

    public int rows() {
        return rows;
    }

    public int dim() {
        return dim;
    }

    /** Row stride in floats (a multiple of 16, at least {@link #dim()}). */
    public int stride() {
        return stride;
    }

    /** Byte offset of row {@code row} in {@link #segment()}. */
    public long offset(int row) {
        return (long) row * stride * Float.BYTES;
    }

    public float get(int row, int i) {
        return segment.get(F, offset(row) + 4L * i);
    }

    public void set(int row, int i, float v) {
        segment.set(F, offset(row) + 4L * i, v);
    }

    /** Copies the {@link #dim()} floats of a row into {@code dst}. */
    public void copyRow(int row, float[] dst) {
        MemorySegment.copy(segment, F, offset(row), dst, 0, dim);
    }

    /** Overwrites the {@link #dim()} floats of a row from {@code src}; the padding stays zero. */
    public void setRow(int row, float[] src) {
        MemorySegment.copy(src, 0, segment, F, offset(row), dim);
    }

    /** The first non-finite value's row, or -1 when every value is finite. */
    public int firstNonFiniteRow() {
        for (int r = 0; r < rows; r++) {
            long base = offset(r);
            for (int i = 0; i < dim; i++) {
                if (!Float.isFinite(segment.get(F, base + 4L * i))) {
                    return r;
                }
            }
        }
        return -1;
    }
}
