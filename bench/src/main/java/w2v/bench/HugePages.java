package w2v.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Anonymous memory mapped with mmap and advised MADV_HUGEPAGE before it is touched, so that with the kernel's
 * transparent huge pages in "madvise" mode (this machine's setting) a large table is backed by 2 MB pages and
 * a random row costs no page walk. {@code Arena.allocate} cannot do this: it zeroes the memory at once, so the
 * 4 KB pages exist before anyone could advise them.
 */
final class HugePages {

    static final long HUGE = 2L << 20;
    private static final int PROT_READ = 1, PROT_WRITE = 2, MAP_PRIVATE = 2, MAP_ANONYMOUS = 0x20;
    private static final int MADV_HUGEPAGE = 14;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle MMAP = LINKER.downcallHandle(LINKER.defaultLookup().find("mmap").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG,
                    ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG));
    private static final MethodHandle MADVISE = LINKER.downcallHandle(
            LINKER.defaultLookup().find("madvise").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG,
                    ValueLayout.JAVA_INT));
    private static final MethodHandle MUNMAP = LINKER.downcallHandle(
            LINKER.defaultLookup().find("munmap").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));

    private HugePages() {
    }

    /** {@code bytes} of zeroed memory, 2 MB aligned, advised for huge pages; unmapped when {@code arena} closes. */
    static MemorySegment allocate(Arena arena, long bytes) {
        long length = (bytes + HUGE - 1) / HUGE * HUGE;
        long mapped = length + HUGE; // room to align the start
        try {
            MemorySegment base = (MemorySegment) MMAP.invokeExact(MemorySegment.NULL, mapped,
                    PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0L);
            if (base.address() == -1L) {
                throw new IllegalStateException("mmap of " + mapped + " bytes failed");
            }
            long start = (base.address() + HUGE - 1) / HUGE * HUGE;
            MemorySegment aligned = MemorySegment.ofAddress(start);
            int rc = (int) MADVISE.invokeExact(aligned, length, MADV_HUGEPAGE);
            if (rc != 0) {
                throw new IllegalStateException("madvise(MADV_HUGEPAGE) failed");
            }
            return aligned.reinterpret(length, arena, s -> {
                try {
                    int ignored = (int) MUNMAP.invokeExact(base, mapped);
                } catch (Throwable t) {
                    throw new RuntimeException(t);
                }
            });
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** This process's anonymous memory in huge pages, in kB (Linux), or -1 when unknown. */
    static long anonHugePagesKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/smaps_rollup"))) {
                if (line.startsWith("AnonHugePages:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            // not Linux, or no smaps_rollup
        }
        return -1;
    }
}
