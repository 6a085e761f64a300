package w2v.search;

import java.lang.foreign.MemorySegment;
import w2v.kernel.Kernels;
import w2v.kernel.ScalarKernels;

/**
 * Scores one tile of a {@link NormalizedMatrix} against query vectors. A tile holds {@link #lanes()} rows stored
 * column by column (for each dimension d, the d-th value of every row in the tile, contiguous), so one SIMD
 * register accumulates the scores of a whole tile at once and there is no horizontal reduction per row.
 *
 * <p>Every implementation computes each score as the same sequence of fused multiply-adds over d = 0..dim-1,
 * so the SIMD and scalar kernels return bit-identical scores.
 */
interface TileKernel {

    /** Rows per tile. */
    int lanes();

    /** Queries scored together by {@link #cosine8}: one column load feeds this many accumulators. */
    int GROUP = 8;

    /**
     * Cosine scores of {@link #GROUP} queries against one tile.
     *
     * @param q the queries interleaved: value d of query j at {@code qOff + d * GROUP + j}
     * @param thresholds per query: a lane is reported only if its score is strictly greater
     * @param out receives, for query j with any reported lane, its {@link #lanes()} scores at {@code j * lanes()}
     * @param masks receives, for query j, the bit set of reported lanes (bit l = row l of the tile)
     */
    void cosine8(MemorySegment tiles, long tileOffset, int dim, float[] q, int qOff, float[] thresholds,
                 float[] out, long[] masks);

    /**
     * 3CosMul scores of one query (vectors pos1, pos2, neg at {@code qOff}, {@code qOff + dim},
     * {@code qOff + 2 dim}) against one tile: {@code p(pos1) p(pos2) / (p(neg) + 1e-6)} with
     * {@code p(v) = (1 + cos(v, row)) / 2}, as gensim's {@code most_similar_cosmul}.
     *
     * @return the bit set of lanes whose score is strictly greater than {@code threshold}; their scores are in
     *     {@code out[0 .. lanes())} when it is non-zero
     */
    long cosMul(MemorySegment tiles, long tileOffset, int dim, float[] q, int qOff, float threshold, float[] out);

    /** The kernel for this JVM: SIMD exactly when {@link Kernels#get()} chose the Vector API kernels. */
    static TileKernel get() {
        return Holder.INSTANCE;
    }

    /** Epsilon of 3CosMul's denominator, gensim's value. */
    float COSMUL_EPSILON = 1e-6f;

    final class Holder {
        // Follows the project-wide choice (and its warning when the Vector API module is missing, -Dw2v.scalar).
        static final TileKernel INSTANCE =
                Kernels.get() instanceof ScalarKernels ? new ScalarTileKernel(16) : new PanamaTileKernel();

        private Holder() {
        }
    }
}
