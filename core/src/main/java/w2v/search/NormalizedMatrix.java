package w2v.search;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import w2v.model.WordVectors;

/**
 * The word vectors scaled to unit length once, off-heap, laid out for fast batched nearest-neighbour search.
 *
 * <p>Rows are grouped in tiles of {@code lanes} rows (16 with AVX-512) stored column by column, so the SIMD
 * kernel accumulates the cosines of a whole tile in one register without a reduction per row, and one load of a
 * column feeds eight queries. Searches split the work over threads by query blocks (many queries) or by row ranges
 * (few queries), walk the rows in cache-sized blocks, and keep a top-k heap per query.
 *
 * <p>Rows that cannot be an answer are never returned: rows whose vector is zero or not finite (gensim gives
 * them a NaN score) and rows repeating an earlier row's word (gensim keeps only the first).
 *
 * <p>Unit vectors follow gensim's {@code unitvec}: {@code v * (float) (1 / ||v||)}; each score is a sequence of
 * float fused multiply-adds over the dimensions in order, identical for the SIMD and scalar kernels. The norm is
 * summed in double, so rows of huge finite values (3e38, whose float norm overflows; gensim's float32 norm is
 * infinite and their unit vector zero) and of tiny ones (whose float reciprocal overflows) are divided by their
 * double norm instead and still come out unit length. A zero row stays zero, as gensim's {@code unitvec} leaves
 * it, and is marked as having no direction, like a row with a NaN or infinite value.
 */
public final class NormalizedMatrix implements AutoCloseable {

    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT_UNALIGNED;
    /** Target bytes of matrix per cache block: stays in L2 while a query block runs over it. */
    private static final long BLOCK_BYTES = 256 * 1024;
    /** Queries per task when there are many. */
    private static final int QUERY_BLOCK = 64;
    /** What {@link #unit} found: a direction, or why there is none. */
    private static final byte UNIT = 0;
    private static final byte ZERO = 1;
    private static final byte NOT_FINITE = 2;

    /** How a search scores a row against a query. */
    public enum Scoring {
        /** Cosine with one unit query vector. */
        COSINE(1),
        /** Levy and Goldberg's 3CosMul with three unit vectors: positive, positive, negative (gensim's form). */
        COSMUL(3);

        final int vectors;

        Scoring(int vectors) {
            this.vectors = vectors;
        }
    }

    /**
     * One query: unit vectors ({@link Scoring#vectors} of them, each {@link #dim()} floats) and rows never to
     * return (the input words).
     */
    public record Query(float[][] vectors, int[] exclude) {
        public Query {
            Objects.requireNonNull(vectors);
            exclude = exclude == null ? new int[0] : exclude.clone();
        }

        public static Query of(float[] vector, int... exclude) {
            return new Query(new float[][] {vector}, exclude);
        }
    }

    private final WordVectors vectors;
    private final TileKernel kernel;
    private final Arena arena;
    private final MemorySegment tiles;
    private final int rows;
    private final int dim;
    private final int lanes;
    private final long tileBytes;
    private final boolean[] excluded;
    private final boolean[] duplicate;
    private final byte[] direction;

    private NormalizedMatrix(WordVectors vectors, int rows, TileKernel kernel) {
        this.vectors = vectors;
        this.kernel = kernel;
        this.rows = rows;
        this.dim = vectors.dim();
        this.lanes = kernel.lanes();
        this.tileBytes = (long) dim * lanes * Float.BYTES;
        int tileCount = (rows + lanes - 1) / lanes;
        this.arena = Arena.ofShared();
        this.tiles = arena.allocate(Math.max(64, tileBytes * tileCount), 64);
        this.excluded = new boolean[rows];
        this.duplicate = new boolean[rows];
        this.direction = new byte[rows];
    }

    /** Normalises every row of {@code vectors} (which must stay open while this matrix is used). */
    public static NormalizedMatrix of(WordVectors vectors) {
        return of(vectors, Integer.MAX_VALUE);
    }

    /**
     * Normalises the rows holding the first {@code maxWords} distinct words of {@code vectors}, in file order,
     * like gensim's {@code restrict_vocab} (a repeated word does not count and is never returned).
     */
    public static NormalizedMatrix of(WordVectors vectors, int maxWords) {
        return of(vectors, maxWords, TileKernel.get());
    }

    static NormalizedMatrix of(WordVectors vectors, int maxWords, TileKernel kernel) {
        if (maxWords < 0) {
            throw new IllegalArgumentException("maxWords " + maxWords);
        }
        int rows = rowsForWords(vectors, maxWords);
        NormalizedMatrix m = new NormalizedMatrix(vectors, rows, kernel);
        for (int r = 0; r < rows; r++) {
            m.duplicate[r] = vectors.indexOf(vectors.word(r)) != r;
        }
        int tileCount = (rows + m.lanes - 1) / m.lanes;
        IntStream.range(0, tileCount).parallel().forEach(m::fillTile);
        return m;
    }

    /** The number of leading rows that hold the first {@code words} distinct words. */
    public static int rowsForWords(WordVectors vectors, int words) {
        int distinct = 0;
        int r = 0;
        int n = vectors.size();
        while (r < n && distinct < words) {
            if (vectors.indexOf(vectors.word(r)) == r) {
                distinct++;
            }
            r++;
        }
        return r;
    }

    private void fillTile(int tile) {
        float[] v = new float[dim];
        long base = tile * tileBytes;
        for (int l = 0; l < lanes; l++) {
            int row = tile * lanes + l;
            if (row >= rows) {
                break;
            }
            vectors.table().copyRow(row, v);
            direction[row] = unit(v, v);
            excluded[row] = direction[row] != UNIT || duplicate[row];
            long off = base + 4L * l;
            for (int d = 0; d < dim; d++, off += 4L * lanes) {
                tiles.set(F, off, v[d]);
            }
        }
    }

    /** The vectors this matrix was built from. */
    public WordVectors vectors() {
        return vectors;
    }

    /** Rows covered: the first {@code rows()} rows of {@link #vectors()}. */
    public int rows() {
        return rows;
    }

    public int dim() {
        return dim;
    }

    public String word(int row) {
        return vectors.word(row);
    }

    /** Row of {@code word} (first occurrence) if it is among the covered rows, else -1. */
    public int indexOf(String word) {
        int i = vectors.indexOf(word);
        return i < rows ? i : -1;
    }

    /**
     * Writes the unit vector of {@code v} to {@code out} (which may be {@code v}); all zeros when {@code v} is
     * zero or has a NaN or infinite value. Normal rows get gensim's {@code v * (float) (1 / (float) ||v||)}; rows
     * whose float norm or its reciprocal overflows get {@code (float) (v / ||v||)} in double.
     */
    static byte unit(float[] v, float[] out) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x; // at most dim * 1.2e77: no overflow in double
        }
        byte kind = Double.isNaN(sum) || Double.isInfinite(sum) ? NOT_FINITE : sum == 0 ? ZERO : UNIT;
        if (kind != UNIT) {
            Arrays.fill(out, 0f);
            return kind;
        }
        double norm = Math.sqrt(sum);
        float alpha = (float) (1.0 / (float) norm);
        if (alpha > 0f && Float.isFinite(alpha) && Float.isFinite((float) norm)) {
            for (int d = 0; d < v.length; d++) {
                out[d] = v[d] * alpha;
            }
        } else {
            for (int d = 0; d < v.length; d++) {
                out[d] = (float) (v[d] / norm);
            }
        }
        return UNIT;
    }

    /** Whether the row can be a search answer: its vector is non-zero and finite and its word not a repeat. */
    public boolean searchable(int row) {
        return !excluded[row];
    }

    /** Whether the row's vector has a direction: it is not zero and all its values are finite. */
    public boolean hasDirection(int row) {
        return direction[row] == UNIT;
    }

    /**
     * Why {@code row} cannot be compared by cosine, as a sentence about its word ("'foo' has a zero vector; it
     * has no direction to compare"), or null when it can.
     */
    public String noDirection(int row) {
        String why = switch (direction[row]) {
            case ZERO -> "has a zero vector";
            case NOT_FINITE -> "has NaN or infinite values in its vector";
            default -> null;
        };
        return why == null ? null : "'" + word(row) + "' " + why + "; it has no direction to compare";
    }

    /** Whether the row's word already occurred in an earlier row. */
    public boolean isRepeat(int row) {
        return duplicate[row];
    }

    /** A copy of the unit vector of {@code row} (all zero when the row's vector is zero or not finite). */
    public float[] unitVector(int row) {
        Objects.checkIndex(row, rows);
        float[] u = new float[dim];
        long off = (row / lanes) * tileBytes + 4L * (row % lanes);
        for (int d = 0; d < dim; d++, off += 4L * lanes) {
            u[d] = tiles.get(F, off);
        }
        return u;
    }

    /** Cosine similarity of two rows, computed like the search kernels (float FMAs in dimension order). */
    public float cosine(int a, int b) {
        return dot(unitVector(a), unitVector(b));
    }

    static float dot(float[] a, float[] b) {
        float acc = 0f;
        for (int d = 0; d < a.length; d++) {
            acc = Math.fma(a[d], b[d], acc);
        }
        return acc;
    }

    /**
     * The unit vector of {@code sum(weights[i] * unit(rows[i])) / sum(|weights[i]|)}, accumulated in float in
     * the given order like gensim's {@code get_mean_vector}: the query of {@code most_similar} and of
     * word2vec C's {@code distance} (weights 1) and {@code word-analogy} (b - a + c). Null when the sum is zero.
     */
    public float[] combine(int[] rows, float[] weights) {
        float[] mean = new float[dim];
        float total = 0f;
        for (int i = 0; i < rows.length; i++) {
            float[] u = unitVector(rows[i]);
            for (int d = 0; d < dim; d++) {
                mean[d] += weights[i] * u[d];
            }
            total += Math.abs(weights[i]);
        }
        if (total > 0f) {
            for (int d = 0; d < dim; d++) {
                mean[d] /= total;
            }
        }
        return normalize(mean);
    }

    /** {@code v} scaled to unit length in place as gensim's {@code unitvec} does; null if it is zero. */
    static float[] normalize(float[] v) {
        return unit(v, v) == UNIT ? v : null;
    }

    /**
     * The {@code k} best rows for each query among the first {@code rowLimit} rows, best first; ties go to the
     * lower row. Runs in parallel (the common fork-join pool) and batches the queries. Memory grows with
     * {@code min(k, rowLimit, rows())} per query, whatever {@code k} is.
     */
    public List<Neighbour[]> search(Scoring scoring, List<Query> queries, int k, int rowLimit) {
        int nq = queries.size();
        List<Neighbour[]> out = new ArrayList<>(nq);
        int limit = Math.min(Math.max(rowLimit, 0), rows);
        k = Math.min(k, limit); // no query can have more answers than rows
        if (nq == 0) {
            return out;
        }
        if (k < 1) {
            for (int i = 0; i < nq; i++) {
                out.add(new Neighbour[0]);
            }
            return out;
        }
        int per = scoring.vectors;
        int group = TileKernel.GROUP;
        // COSINE: queries interleaved by groups of eight (value d of query j of a group at d * 8 + j), padded to
        // a whole group (padding never scores above +inf). COSMUL: each query's three vectors one after another.
        int padded = (nq + group - 1) / group * group;
        float[] packed = new float[padded * per * dim];
        int[][] exclude = new int[nq][];
        for (int i = 0; i < nq; i++) {
            Query q = queries.get(i);
            if (q.vectors().length != per) {
                throw new IllegalArgumentException(scoring + " needs " + per + " vectors per query, got "
                        + q.vectors().length);
            }
            for (int j = 0; j < per; j++) {
                float[] v = q.vectors()[j];
                if (v.length != dim) {
                    throw new IllegalArgumentException("query of dimension " + v.length + ", vectors have " + dim);
                }
                if (scoring == Scoring.COSINE) {
                    int base = (i / group) * group * dim + i % group;
                    for (int d = 0; d < dim; d++) {
                        packed[base + d * group] = v[d];
                    }
                } else {
                    System.arraycopy(v, 0, packed, (i * per + j) * dim, dim);
                }
            }
            exclude[i] = q.exclude();
        }

        int tileCount = (limit + lanes - 1) / lanes;
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        int queryBlock = scoring == Scoring.COSINE ? QUERY_BLOCK : QUERY_BLOCK / 4;
        int queryBlocks = (nq + queryBlock - 1) / queryBlock;
        // Few queries: split the rows too, so every core has work; never slices thinner than 64 tiles.
        int rowSplits = queryBlocks >= 2 * threads ? 1
                : Math.max(1, Math.min((2 * threads + queryBlocks - 1) / queryBlocks, tileCount / 64));
        int tilesPerSplit = (tileCount + rowSplits - 1) / rowSplits;
        int tasks = queryBlocks * rowSplits;

        Search search = new Search(scoring, packed, exclude, k, limit);
        TopK[][] partial = IntStream.range(0, tasks).parallel().mapToObj(t -> {
            int qb = t / rowSplits;
            int rs = t % rowSplits;
            int q0 = qb * queryBlock;
            int q1 = Math.min(nq, q0 + queryBlock);
            int t0 = rs * tilesPerSplit;
            int t1 = Math.min(tileCount, t0 + tilesPerSplit);
            return search.run(q0, q1, t0, t1);
        }).toArray(TopK[][]::new);

        for (int i = 0; i < nq; i++) {
            int qb = i / queryBlock;
            TopK best = partial[qb * rowSplits][i - qb * queryBlock];
            for (int rs = 1; rs < rowSplits; rs++) {
                best.addAll(partial[qb * rowSplits + rs][i - qb * queryBlock]);
            }
            int[] r = best.sortedRows();
            float[] s = best.sortedScores();
            Neighbour[] hits = new Neighbour[r.length];
            for (int j = 0; j < r.length; j++) {
                hits[j] = new Neighbour(r[j], vectors.word(r[j]), s[j]);
            }
            out.add(hits);
        }
        return out;
    }

    /**
     * The cosine of each of the first {@code rowLimit} rows with each unit query vector, computed by the search
     * kernel: {@code result[q][row]}. Rows that can never be answers ({@link #searchable}) score NaN. For scores
     * that combine several cosines per row, such as 3CosMul with any number of words.
     *
     * @param queries unit vectors of {@link #dim()} floats
     * @param rowLimit score the first this many rows (at most {@link #rows()})
     * @return one array of cosines per query, indexed by row
     */
    public float[][] cosines(List<float[]> queries, int rowLimit) {
        int nq = queries.size();
        int limit = Math.min(Math.max(rowLimit, 0), rows);
        float[][] out = new float[nq][limit];
        if (nq == 0 || limit == 0) {
            return out;
        }
        int group = TileKernel.GROUP;
        int groups = (nq + group - 1) / group;
        float[] packed = new float[groups * group * dim];
        for (int i = 0; i < nq; i++) {
            float[] v = queries.get(i);
            if (v.length != dim) {
                throw new IllegalArgumentException("query of dimension " + v.length + ", vectors have " + dim);
            }
            int base = (i / group) * group * dim + i % group;
            for (int d = 0; d < dim; d++) {
                packed[base + d * group] = v[d];
            }
        }
        int tileCount = (limit + lanes - 1) / lanes;
        int blockTiles = (int) Math.max(1, BLOCK_BYTES / tileBytes);
        int blocks = (tileCount + blockTiles - 1) / blockTiles;
        IntStream.range(0, blocks).parallel().forEach(b -> {
            float[] scores = new float[group * lanes];
            float[] thresholds = new float[group];
            java.util.Arrays.fill(thresholds, Float.NEGATIVE_INFINITY);
            long[] masks = new long[group];
            int t1 = Math.min(tileCount, (b + 1) * blockTiles);
            for (int g = 0; g < groups; g++) {
                for (int t = b * blockTiles; t < t1; t++) {
                    kernel.cosine8(tiles, t * tileBytes, dim, packed, g * group * dim, thresholds, scores, masks);
                    for (int j = 0; j < group && g * group + j < nq; j++) {
                        float[] row = out[g * group + j];
                        for (int l = 0; l < lanes; l++) {
                            int r = t * lanes + l;
                            if (r < limit) {
                                // Only lanes over the -inf threshold are written: the others scored NaN.
                                row[r] = excluded[r] || (masks[j] & (1L << l)) == 0 ? Float.NaN
                                        : scores[j * lanes + l];
                            }
                        }
                    }
                }
            }
        });
        return out;
    }

    /** One search's shared, read-only state; {@link #run} is one task. */
    private final class Search {
        private final Scoring scoring;
        private final float[] packed;
        private final int[][] exclude;
        private final int k;
        private final int limit;

        Search(Scoring scoring, float[] packed, int[][] exclude, int k, int limit) {
            this.scoring = scoring;
            this.packed = packed;
            this.exclude = exclude;
            this.k = k;
            this.limit = limit;
        }

        TopK[] run(int q0, int q1, int t0, int t1) {
            TopK[] top = new TopK[q1 - q0];
            for (int i = 0; i < top.length; i++) {
                top[i] = new TopK(k);
            }
            int blockTiles = (int) Math.max(1, BLOCK_BYTES / tileBytes);
            int group = TileKernel.GROUP;
            float[] scores = new float[group * lanes];
            float[] thresholds = new float[group];
            long[] masks = new long[group];
            for (int b0 = t0; b0 < t1; b0 += blockTiles) {
                int b1 = Math.min(t1, b0 + blockTiles);
                if (scoring == Scoring.COSINE) {
                    for (int g = q0; g < q1; g += group) {
                        for (int j = 0; j < group; j++) {
                            thresholds[j] = g + j < q1 ? top[g + j - q0].threshold() : Float.POSITIVE_INFINITY;
                        }
                        for (int t = b0; t < b1; t++) {
                            kernel.cosine8(tiles, t * tileBytes, dim, packed, g * dim, thresholds, scores, masks);
                            for (int j = 0; j < group; j++) {
                                if (masks[j] != 0) {
                                    TopK tk = top[g + j - q0];
                                    offerLanes(tk, g + j, t, masks[j], scores, j * lanes);
                                    thresholds[j] = tk.threshold();
                                }
                            }
                        }
                    }
                } else {
                    for (int q = q0; q < q1; q++) {
                        TopK tk = top[q - q0];
                        float threshold = tk.threshold();
                        for (int t = b0; t < b1; t++) {
                            long mask = kernel.cosMul(tiles, t * tileBytes, dim, packed, q * 3 * dim, threshold,
                                    scores);
                            if (mask != 0) {
                                offerLanes(tk, q, t, mask, scores, 0);
                                threshold = tk.threshold();
                            }
                        }
                    }
                }
            }
            return top;
        }

        private void offerLanes(TopK tk, int query, int tile, long mask, float[] scores, int scoreOff) {
            int[] ex = exclude[query];
            while (mask != 0) {
                int l = Long.numberOfTrailingZeros(mask);
                mask &= mask - 1;
                int row = tile * lanes + l;
                if (row >= limit || excluded[row] || contains(ex, row)) {
                    continue;
                }
                tk.offer(scores[scoreOff + l], row);
            }
        }
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    /** Frees the off-heap matrix (not the vectors it was built from). */
    @Override
    public void close() {
        arena.close();
    }
}
