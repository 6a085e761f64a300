package w2v.kernel;

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
