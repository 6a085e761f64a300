package w2v.io;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import w2v.files.AtomicFile;
import w2v.model.EmbeddingTable;
import w2v.model.WordVectors;

/**
 * Reads word vector files as gensim's {@code KeyedVectors.load_word2vec_format} does: word2vec text and binary
 * (word2vec C, gensim, fastText's .vec, us), text without the {@code "<count> <dim>"} header line (GloVe), and
 * gzip-compressed files of each, all recognised from their bytes, never their names. gzip is decompressed while
 * reading, nothing is unpacked to disk.
 *
 * <p>The rows stream straight from a 1 MiB buffer into an {@link EmbeddingTable} of the header's count rows
 * (or the limit), allocated in a shared Arena that the returned {@link WordVectors} owns: a file of millions of
 * rows never exists as Java objects other than its words. A file without header declares no count, so a first
 * pass counts its rows (decompressing a gzip file twice) and the table is allocated once, at its final size:
 * growing it while reading would copy it and need up to twice its memory, gensim reads such files twice too.
 *
 * <p>Accepted variations: CRLF line ends, blanks before a line end, several blanks between text fields,
 * leading blanks before a word, binary vectors with or without the newline word2vec C writes after each,
 * a last row without a newline, several gzip members. When {@link ReadOptions#binary()} is null the format is
 * detected as {@link FormatDetector} describes, when {@link ReadOptions#noHeader()} is null the header as
 * {@link Header} describes (a file without header is text). Everything else that is wrong, including a header
 * whose count or dimension disagrees with the rows, rows of a headerless file with other numbers of values than
 * its first, values that are NaN, infinite or not numbers and words that are not UTF-8 (unless the options
 * say otherwise), fails with a {@link VectorFormatException} whose one-line message names the file, the line
 * (text) or byte offset (binary; in a gzip file, the offset in the decompressed data, which the message says),
 * what was expected and what was found. Files of other kinds that people pass by mistake (a fastText .bin
 * model, a zip, bzip2 or xz file, a gensim pickle) are recognised by their first bytes and the message says
 * what to load instead.
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
        if (Boolean.TRUE.equals(options.binary()) && Boolean.TRUE.equals(options.noHeader())) {
            throw new IllegalArgumentException("a binary word2vec file always has a header: binary and noHeader"
                    + " cannot both be true");
        }
        String name = file.toString();
        try (FileChannel ch = open(file); VectorSource source = VectorSource.of(ch, name)) {
            InputBuffer in = source.buffer();
            // Binary files always have a header, so forcing binary means requiring one.
            Boolean noHeader = Boolean.TRUE.equals(options.binary()) ? Boolean.FALSE : options.noHeader();
            Header header = Header.read(in, name, noHeader);
            int limit = options.limit();
            if (!header.inFile()) {
                header = header.withCount(Header.countRows(source.buffer(), name, limit)); // see the class comment
            }
            int rows = limit > 0 ? Math.min(header.count(), limit) : header.count();
            boolean binary = header.inFile() && isBinary(options, in, header, rows);
            if (header.inFile()) {
                checkRoom(name, header, rows, binary, source, in.offset());
            }
            // A headerless file counted up to the limit may have more rows: only a header says there are none.
            boolean wholeFile = header.inFile() ? rows == header.count() : limit == 0 || rows < limit;
            WordDecoder decoder = new WordDecoder(options.unicodeErrors(), name, in.offsetName);
            RowReader reader = binary ? new BinaryRows(in, name, header, decoder) : new TextRows(in, name, header, decoder);
            Arena arena = Arena.ofShared();
            try {
                EmbeddingTable table = EmbeddingTable.allocate(arena, rows, header.dim());
                String[] words = new String[rows];
                for (int r = 0; r < rows; r++) {
                    words[r] = reader.read(r, table.segment(), table.offset(r));
                }
                if (wholeFile) {
                    reader.expectEnd();
                }
                return new WordVectors(words, table, arena);
            } catch (Throwable t) {
                arena.close();
                throw t;
            }
        }
    }

    /** The format the options force, else the one {@link FormatDetector} sees after the header. */
    private static boolean isBinary(ReadOptions options, InputBuffer in, Header header, int rows) throws IOException {
        if (options.binary() != null) {
            return options.binary();
        }
        in.fill();
        return FormatDetector.isBinary(in.bytes, in.pos, in.limit, in.sawEndOfFile(), rows, header.count(),
                header.dim());
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
     * and a newline in text. A gzip file's content is bounded by deflate's best ratio. Small tables are allocated
     * anyway: the parser then says exactly where the file falls short, which is more use than this estimate.
     */
    private static void checkRoom(String file, Header header, int rows, boolean binary, VectorSource source,
                                  long headerEnd) throws IOException {
        if (EmbeddingTable.bytesFor(rows, header.dim()) <= CHECK_ROOM_ABOVE) {
            return;
        }
        long perRow = binary ? 2 + 4L * header.dim() : 2 + 2L * header.dim();
        long needed = rows * perRow - (binary ? 0 : 1);
        long available = source.maxContentBytes() - headerEnd;
        if (needed > available) {
            throw new VectorFormatException(file + ": the header declares " + header.count() + " rows of "
                    + header.dim() + " values, which take at least " + needed + " bytes in "
                    + (binary ? "binary" : "text") + ", but " + (source.compressed()
                            ? "the gzip file cannot decompress to more than " + available + " bytes after the header"
                            : "only " + available + " bytes follow the header")
                    + ": the file has fewer rows than declared or a wrong header");
        }
    }
}
