package w2v.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

class EmbeddingTableTest {

    @Test
    void rowsAreAlignedPaddedAndZeroInSmallAndLargeTables() {
        for (int rows : new int[] {10, 50_000}) { // 50k x 112 floats = 21 MB: the huge-page path
            Arena arena = Arena.ofShared();
            {
                EmbeddingTable t = EmbeddingTable.allocate(arena, rows, 100);
                assertEquals(112, t.stride());
                assertEquals(0, t.segment().address() % 64, "64-byte aligned");
                assertTrue(t.segment().byteSize() >= (long) rows * 112 * 4);
                for (int r = 0; r < rows; r += 997) {
                    for (int i = 0; i < t.stride(); i++) {
                        assertEquals(0f, t.segment().get(ValueLayout.JAVA_FLOAT, t.offset(r) + 4L * i));
                    }
                }
                t.set(rows - 1, 99, 3.5f);
                assertEquals(3.5f, t.get(rows - 1, 99));
                float[] row = new float[100];
                t.copyRow(rows - 1, row);
                assertEquals(3.5f, row[99]);
                arena.close();
                assertThrows(IllegalStateException.class, () -> t.get(0, 0), "memory freed with the arena");
            }
        }
    }

    @Test
    void paddedStrideIsAMultipleOfSixteenFloats() {
        assertEquals(16, EmbeddingTable.paddedStride(1));
        assertEquals(16, EmbeddingTable.paddedStride(16));
        assertEquals(112, EmbeddingTable.paddedStride(100));
        assertEquals(304, EmbeddingTable.paddedStride(300));
    }

    @Test
    void firstNonFiniteRowFindsTheFirstNanOrInfinity() {
        try (Arena arena = Arena.ofConfined()) {
            EmbeddingTable t = EmbeddingTable.allocate(arena, 50, 20);
            assertEquals(-1, t.firstNonFiniteRow());
            t.set(41, 19, Float.NEGATIVE_INFINITY);
            assertEquals(41, t.firstNonFiniteRow());
            t.set(7, 0, Float.NaN);
            assertEquals(7, t.firstNonFiniteRow());
            t.set(3, 5, Float.MAX_VALUE); // large but finite
            assertEquals(7, t.firstNonFiniteRow());
        }
    }
}
