package w2v.kernel;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Chooses the kernel implementation once per JVM. The Vector API lives in an incubator module that must be
 * added on the command line; without it we fall back to scalar loops and say which flag is missing.
 */
public final class Kernels {

    private static final VectorKernels INSTANCE = choose();

    private Kernels() {
    }

    /** The kernels every hot loop should call (through a static final field of its own, for inlining). */
    public static VectorKernels get() {
        return INSTANCE;
    }

    /**
     * Calls every kernel once, on a few scratch rows: enough to link them, too little to shape the JIT's
     * profiles. The first call of the Vector API kernels in a JVM costs ~150 ms (the API spins and loads a few
     * hundred classes: its lambdas and method-handle forms); see {@code Trainer.linkInBackground}.
     */
    public static void link() {
        link(INSTANCE);
    }

    static void link(VectorKernels k) {
        int len = 32; // two chunks of 512 bits, or four of 256
        int rows = 7;
        long rowBytes = (long) len * Float.BYTES;
        // A shared arena, as the model's tables have. With a confined one here, whole runs were 5-29% slower
        // (mean 13%, 8 side-by-side pairs of 8), presumably because the JDK's segment checks, already
        // profiled, then saw two kinds of arena scope.
        try (Arena arena = Arena.ofShared()) {
            MemorySegment x = arena.allocate(rowBytes * rows, 64);
            MemorySegment y = arena.allocate(rowBytes * rows, 64);
            MemorySegment scratch = arena.allocate(rowBytes * rows, 64);
            long[] offsets = new long[rows];
            for (int i = 0; i < rows; i++) {
                offsets[i] = i * rowBytes;
            }
            float[] c = new float[rows * rows];
            k.dot(x, 0, y, rowBytes, len);
            k.axpy(0.5f, x, 0, y, 0, len);
            k.axpyThenAxpy(0.5f, x, 0, y, 0, scratch, 0, len);
            k.scale(0.5f, x, 0, len);
            // 7 targets: a block of 4 dots and 3 single ones; a block of 6 in the update and 1 single.
            k.dotBlock(x, offsets, rows, y, offsets, rows, len, c);
            k.crossUpdate(x, offsets, rows, y, offsets, rows, c, scratch, offsets, len);
            k.pathUpdate(x, 0, y, offsets, rows, c, scratch, 0, len);
            k.sumRows(x, offsets, rows, 0.5f, scratch, 0, len);
            k.addToRows(0.5f, scratch, 0, x, offsets, rows, len);
        }
    }

    /** Whether the Vector API module is present in this JVM. */
    public static boolean vectorApiAvailable() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    private static VectorKernels choose() {
        if (Boolean.getBoolean("w2v.scalar")) {
            return new ScalarKernels();
        }
        if (!vectorApiAvailable()) {
            System.err.println("w2v: Vector API unavailable (start java with --add-modules=jdk.incubator.vector);"
                    + " using scalar kernels, expect several times lower speed");
            return new ScalarKernels();
        }
        // Only reached with the module present, so PanamaKernels links.
        return new PanamaKernels();
    }
}
