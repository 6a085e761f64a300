package w2v.model;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Zeroed memory for large tables, backed by 2 MB pages where Linux allows it. Training reads rows at random
 * all over tables larger than the caches; with 4 KB pages nearly every row also costs a page walk, and on
 * these machines a random row's dot product took 1.5-2.4x longer with them (bench/PageSizeBench).
 *
 * <p>{@code Arena.allocate} cannot give huge pages: it zeroes the memory at once, so its 4 KB pages exist
 * before anyone could advise them. Here the memory is mapped anonymously (zero-filled by the kernel on first
 * touch), advised with MADV_HUGEPAGE, and unmapped when the arena closes. Any failure, or another OS, falls
 * back to {@code Arena.allocate}. {@code -Dw2v.hugepages=false} turns it off, for comparisons.
 */
final class LargePages {

    static final long HUGE = 2L << 20;
    /** Below this a table fits in the caches anyway, and rounding up to 2 MB would waste memory. */
    static final long THRESHOLD = 8L << 20;

    private static final int PROT_READ = 1, PROT_WRITE = 2, MAP_PRIVATE = 2, MAP_ANONYMOUS = 0x20;
    private static final int MADV_HUGEPAGE = 14;
    private static final boolean ENABLED = !"false".equals(System.getProperty("w2v.hugepages"))
            && System.getProperty("os.name", "").startsWith("Linux");

    private LargePages() {
    }

    /**
     * Resolves the native calls now (their first use links the foreign-function machinery: ~40 generated
     * classes and tens of milliseconds), so that allocating the model later does not; false when they are not
     * available or huge pages are off.
     */
    static boolean link() {
        return ENABLED && Native.available();
    }

    /** {@code bytes} of zeroed memory aligned to at least 64 bytes, freed when {@code arena} closes. */
    static MemorySegment allocate(Arena arena, long bytes) {
        if (ENABLED && bytes >= THRESHOLD) {
            MemorySegment s = Native.map(arena, bytes);
            if (s != null) {
                return s;
            }
        }
        return arena.allocate(bytes, 64);
    }

    /** The native calls, resolved on first use only (class initialisation is lazy). */
    private static final class Native {
        private static final Linker LINKER = Linker.nativeLinker();
        private static final MethodHandle MMAP = find("mmap", FunctionDescriptor.of(ValueLayout.ADDRESS,
                ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG));
        private static final MethodHandle MADVISE = find("madvise", FunctionDescriptor.of(ValueLayout.JAVA_INT,
                ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
        private static final MethodHandle MUNMAP = find("munmap", FunctionDescriptor.of(ValueLayout.JAVA_INT,
                ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));

        private static MethodHandle find(String name, FunctionDescriptor d) {
            return LINKER.defaultLookup().find(name).map(a -> LINKER.downcallHandle(a, d)).orElse(null);
        }

        static boolean available() {
            return MMAP != null && MADVISE != null && MUNMAP != null;
        }

        /** The mapping, or null when it cannot be made (the caller falls back). */
        static MemorySegment map(Arena arena, long bytes) {
            if (!available()) {
                return null;
            }
            long length = (bytes + HUGE - 1) / HUGE * HUGE;
            long mapped = length + HUGE; // room to align the start to 2 MB
            try {
                MemorySegment base = (MemorySegment) MMAP.invokeExact(MemorySegment.NULL, mapped,
                        PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0L);
                if (base.address() == -1L || base.address() == 0L) {
                    return null;
                }
                long start = (base.address() + HUGE - 1) / HUGE * HUGE;
                MemorySegment aligned = MemorySegment.ofAddress(start);
                // If THP is off the advice fails; the mapping still works with small pages.
                int ignored = (int) MADVISE.invokeExact(aligned, length, MADV_HUGEPAGE);
                return aligned.reinterpret(length, arena, s -> unmap(base, mapped));
            } catch (Throwable t) {
                return null;
            }
        }

        private static void unmap(MemorySegment base, long length) {
            try {
                int ignored = (int) MUNMAP.invokeExact(base, length);
            } catch (Throwable t) {
                throw new IllegalStateException("munmap failed", t);
            }
        }
    }
}
