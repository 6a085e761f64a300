package w2v.bench;

import w2v.kernel.Kernels;

/**
 * Selects the kernel implementation for a benchmark fork. The training classes read {@link Kernels#get()} into
 * static final fields, so the choice has to be made through the {@code w2v.scalar} property before
 * {@link Kernels} is first initialised; JMH runs every parameter combination in a fresh fork, so a trial-level
 * setup that calls {@link #select} runs early enough. With {@code -f 0} (no fork) a second combination would
 * silently reuse the first choice: {@link #select} throws instead.
 */
final class KernelChoice {

    private KernelChoice() {
    }

    /** @param impl "scalar" or "panama" */
    static void select(String impl) {
        switch (impl) {
            case "scalar" -> System.setProperty("w2v.scalar", "true");
            case "panama" -> System.setProperty("w2v.scalar", "false");
            default -> throw new IllegalArgumentException("impl must be scalar or panama, got " + impl);
        }
        String name = Kernels.get().name();
        if (!name.startsWith(impl)) {
            throw new IllegalStateException("wanted " + impl + " kernels but this JVM uses " + name
                    + (impl.equals("panama") ? " (is --add-modules=jdk.incubator.vector in the fork's JVM args?)"
                            : " (run forked: each impl needs its own JVM)"));
        }
    }
}
