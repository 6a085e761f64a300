package w2v.io;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import w2v.model.EmbeddingTable;
import w2v.model.WordVectors;

/**
 * Reads word2vec text and binary files, as written by word2vec C, gensim, fastText (.vec) and us.
 *
 * <p>The rows stream straight from a 1 MiB buffer into an {@link EmbeddingTable} of the header's count rows
 * (or the limit), allocated in a shared Arena that the returned {@link WordVectors} owns: a file of millions of
 * rows never exists as Java objects other than its words.
 *
 * <p>Accepted variations: CRLF line ends, blanks before a line end, several blanks between text fields,
 * leading blanks before a word, binary vectors with or without the newline word2vec C writes after each,
 * a last row without a newline. When {@link ReadOptions#binary()} is null the format is detected as
 * {@link FormatDetector} describes. Everything else that is wrong, including a header whose count or
 * dimension disagrees with the rows, values that are NaN, infinite or not numbers and words that are not
 * UTF-8, fails with a {@link VectorFormatException} whose one-line message names the file, the line (text)
 * or byte offset (binary), what was expected and what was found.
 */
public final class VectorReader {

    /** Tables up to this size are allocated without checking that the file can fill them. */
    private static final long CHECK_ROOM_ABOVE = 64L << 20;

    private VectorReader() {
    }

    /** Reads {@code file} into off-heap memory owned by the returned object (close it). */
    public static WordVectors read(Path file, ReadOptions options) throws IOException {
        if (options.limit() < 0) {
            throw new IllegalArgumentException("limit must be 0 (all) or positive, got " + options.limit());
        }
        String name = file.toString();
        try (FileChannel ch = open(file)) {
            long size = ch.size();
            InputBuffer in = new InputBuffer(ch);
            Header header = Header.read(in, name);
            int rows = options.limit() > 0 ? Math.min(header.count(), options.limit()) : header.count();
            boolean binary;
            if (options.binary() != null) {
                binary = options.binary();
            } else {
                in.fill();
                binary = FormatDetector.isBinary(in.bytes, in.pos, in.limit, in.sawEndOfFile(), rows,
                        header.count(), header.dim());
            }
            checkRoom(name, header, rows, binary, size - in.offset());
            WordDecoder decoder = new WordDecoder(options.replaceInvalidUtf8(), name);
            RowReader reader = binary ? new BinaryRows(in, name, header, decoder) : new TextRows(in, name, header, decoder);
            Arena arena = Arena.ofShared();
            try {
                EmbeddingTable table = EmbeddingTable.allocate(arena, rows, header.dim());
                String[] words = new String[rows];
                for (int r = 0; r < rows; r++) {
                    words[r] = reader.read(r, table.segment(), table.offset(r));
                }
                if (rows == header.count()) {
                    reader.expectEnd();
                }
                return new WordVectors(words, table, arena);
            } catch (Throwable t) {
                arena.close();
                throw t;
            }
        }
    }

    private static FileChannel open(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException("cannot read " + file + ": it is a directory");
        }
        try {
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new IOException("cannot read " + file + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new IOException("cannot read " + file + ": permission denied", e);
        } catch (IOException e) {
            throw new IOException("cannot read " + file + ": " + AtomicFile.reason(e), e);
        }
    }

    /**
     * Fails before allocating a large table when the rest of the file cannot hold the rows the header declares,
     * so a corrupt header cannot ask for terabytes. Smallest rows: "w " + 4*dim bytes in binary, "w" + " 0"*dim
     * and a newline in text. Small tables are allocated anyway: the parser then says exactly where the file
     * falls short, which is more use than this estimate.
     */
    private static void checkRoom(String file, Header header, int rows, boolean binary, long available)
            throws VectorFormatException {
        long perRow = binary ? 2 + 4L * header.dim() : 2 + 2L * header.dim();
        long needed = rows * perRow - (binary ? 0 : 1);
        if (EmbeddingTable.bytesFor(rows, header.dim()) > CHECK_ROOM_ABOVE && needed > available) {
            throw new VectorFormatException(file + ": the header declares " + header.count() + " rows of "
                    + header.dim() + " values, which take at least " + needed + " bytes in "
                    + (binary ? "binary" : "text") + ", but only " + available
                    + " bytes follow the header: the file has fewer rows than declared or a wrong header");
        }
    }
}
