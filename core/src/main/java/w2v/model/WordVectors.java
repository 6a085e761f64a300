package w2v.model;

import java.lang.foreign.Arena;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Words with one vector each, in file order: what the writers write, what the readers return and what the
 * query and evaluation tools search. The vectors live in an {@link EmbeddingTable}; after training it is the
 * model's input table itself (no copy), after reading a file it is a table this object owns.
 */
public final class WordVectors implements AutoCloseable {

    private final String[] words;
    private final EmbeddingTable table;
    private final Arena ownedArena;
    private Map<String, Integer> index;

    /**
     * @param words one per row of {@code table}, in order (row i is the vector of words[i])
     * @param table the vectors; only its first {@code words.length} rows are used
     * @param ownedArena closed by {@link #close()}, or null when someone else owns the memory
     */
    public WordVectors(String[] words, EmbeddingTable table, Arena ownedArena) {
        Objects.requireNonNull(words);
        Objects.requireNonNull(table);
        if (table.rows() < words.length) {
            throw new IllegalArgumentException(words.length + " words but only " + table.rows() + " rows");
        }
        this.words = words;
        this.table = table;
        this.ownedArena = ownedArena;
    }

    public int size() {
        return words.length;
    }

    public int dim() {
        return table.dim();
    }

    public String word(int i) {
        return words[i];
    }

    public EmbeddingTable table() {
        return table;
    }

    /** Row of {@code word}, or -1. The first occurrence wins when a file repeats a word. */
    public synchronized int indexOf(String word) {
        if (index == null) {
            Map<String, Integer> m = new HashMap<>(words.length * 2);
            for (int i = words.length - 1; i >= 0; i--) {
                m.put(words[i], i);
            }
            index = m;
        }
        Integer i = index.get(word);
        return i == null ? -1 : i;
    }

    /** A copy of the vector of row {@code i}. */
    public float[] vector(int i) {
        float[] v = new float[dim()];
        table.copyRow(i, v);
        return v;
    }

    @Override
    public void close() {
        if (ownedArena != null) {
            ownedArena.close();
        }
    }
}
