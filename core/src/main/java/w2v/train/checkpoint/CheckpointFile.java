package w2v.train.checkpoint;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import w2v.corpus.ChunkQueue;
import w2v.files.AtomicFile;
import w2v.files.InputFile;
import w2v.model.EmbeddingTable;
import w2v.model.Model;
import w2v.train.config.Initialization;
import w2v.train.config.QualityOptions;
import w2v.train.config.TrainingConfig;
import w2v.vocab.Vocabulary;

/**
 * The checkpoint format, big-endian throughout (Java's DataOutput):
 * <pre>
 * magic "W2VCKPT\n", int version (4; 3 is read too, as C's schedule, gradient and initialisation)
 * config: int dim, int window, double sample, boolean hs, int negative, int threads, int epochs,
 *         long minCount, float alpha, boolean cbow, long seed, boolean batched,
 *         float minAlpha (NaN: C's schedule), boolean cbowMean, byte init (0 C, 1 gensim) (from version 4)
 * corpus: int n files, n x (long size, int CRC-32C of its first 64 KiB), in reading order
 * workers: int n (= threads), n x (long rngState, int epoch, long ticket, long position, long unpublished,
 *          float alpha, long published)
 * chunks: long next ticket ({@link ChunkQueue#position()})
 * vocabulary: int V, V x (int length, bytes, long count), in index order ({@code </s>} first): the counts in this
 *          order rebuild the Huffman tree and the sampling tables exactly
 * tables: input V x dim floats; negative-sampling output V x dim if negative > 0; hierarchical-softmax inner
 *          nodes max(V-1, 1) x dim if hs
 * int CRC-32C of every byte before it
 * </pre>
 * Written through {@link AtomicFile}, so a failed write (full disk, size limit) leaves the previous
 * checkpoint intact. The checksum catches truncated and damaged files before any training resumes from them.
 */
public final class CheckpointFile {

    static final byte[] MAGIC = {'W', '2', 'V', 'C', 'K', 'P', 'T', '\n'};
    // 2: chunks handed out on demand instead of one byte range per thread; 3: several files, gzip files;
    // 4: -min-alpha, -cbow-mean, -init
    public static final int VERSION = 4;
    private static final int OLDEST_READ = 3;

    private static final int MAX_WORD_BYTES = 4096;
    private static final ValueLayout.OfFloat NATIVE = ValueLayout.JAVA_FLOAT_UNALIGNED;
    private static final ValueLayout.OfFloat BIG = NATIVE.withOrder(ByteOrder.BIG_ENDIAN);
    private static final int CHUNK = 1 << 20;

    private CheckpointFile() {
    }

    /** Writes atomically; the tables must not change meanwhile (workers parked or finished). */
    public static void write(Path file, Checkpoint.Settings settings, WorkerState[] workers, long chunks,
                      Vocabulary vocab, Model model) throws IOException {
        AtomicFile.replace(file, channel -> {
            CRC32C crc = new CRC32C();
            // Not closed: closing would close the channel, which AtomicFile still forces to disk.
            DataOutputStream out = new DataOutputStream(new CheckedOutputStream(
                    new BufferedOutputStream(Channels.newOutputStream(channel), CHUNK), crc));
            out.write(MAGIC);
            out.writeInt(VERSION);
            writeConfig(out, settings.config());
            out.writeInt(settings.corpus().files().size());
            for (CorpusStamp.File f : settings.corpus().files()) {
                out.writeLong(f.size());
                out.writeInt(f.headChecksum());
            }
            out.writeInt(workers.length);
            for (WorkerState w : workers) {
                out.writeLong(w.rngState());
                out.writeInt(w.epoch());
                out.writeLong(w.ticket());
                out.writeLong(w.position());
                out.writeLong(w.unpublished());
                out.writeFloat(w.alpha());
                out.writeLong(w.published());
            }
            out.writeLong(chunks);
            out.writeInt(vocab.size());
            for (int i = 0; i < vocab.size(); i++) {
                byte[] b = vocab.bytes(i);
                out.writeInt(b.length);
                out.write(b);
                out.writeLong(vocab.count(i));
            }
            writeTable(out, model.input());
            if (model.negativeOutput() != null) {
                writeTable(out, model.negativeOutput());
            }
            if (model.softmaxNodes() != null) {
                writeTable(out, model.softmaxNodes());
            }
            out.flush();
            out.writeInt((int) crc.getValue());
            out.flush();
        });
    }

    /** What a FIFO, a device or a pipe given as a checkpoint is told after what it is. */
    public static final String NEEDS_REGULAR = "a checkpoint is the regular file -checkpoint wrote";

    /**
     * Reads a checkpoint. {@code check} sees the settings before the tables are allocated and read, and refuses
     * an incompatible checkpoint by throwing.
     *
     * @throws CheckpointException for a file that is not a checkpoint, is truncated or damaged, or has another
     *     format version
     */
    public static Checkpoint read(Path file, Consumer<Checkpoint.Settings> check) throws IOException {
        String problem = InputFile.problem(file, "checkpoint", NEEDS_REGULAR);
        if (problem != null) { // before opening: a FIFO would block
            throw new CheckpointException(file.toString().isEmpty() ? problem : file + ": " + problem);
        }
        try (InputStream raw = Files.newInputStream(file)) {
            CRC32C crc = new CRC32C();
            // The checksum sits above the buffer: it covers the bytes consumed, not the bytes read ahead.
            DataInputStream in = new DataInputStream(new CheckedInputStream(new BufferedInputStream(raw, CHUNK), crc));
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new CheckpointException(file + ": not a w2v checkpoint");
            }
            int version = in.readInt();
            if (version < OLDEST_READ || version > VERSION) {
                throw new CheckpointException(file + ": checkpoint format version " + version
                        + ", this w2v reads versions " + OLDEST_READ + " to " + VERSION);
            }
            TrainingConfig config = readConfig(in, file, version);
            CorpusStamp corpus = readStamp(in, file);
            Checkpoint.Settings settings = new Checkpoint.Settings(config, corpus);
            check.accept(settings);
            WorkerState[] workers = readWorkers(in, file, config);
            long chunks = readChunks(in, file, config, corpus, workers);
            Vocabulary vocab = readVocabulary(in, file);
            Model model = new Model(vocab.size(), config.dim(), config.negative() > 0, config.hierarchicalSoftmax());
            try {
                readTable(in, model.input());
                if (model.negativeOutput() != null) {
                    readTable(in, model.negativeOutput());
                }
                if (model.softmaxNodes() != null) {
                    readTable(in, model.softmaxNodes());
                }
                int expected = (int) crc.getValue();
                if (in.readInt() != expected || in.read() != -1) {
                    throw new CheckpointException(file + ": checkpoint is damaged (checksum mismatch)");
                }
                return new Checkpoint(settings, workers, chunks, vocab, model);
            } catch (IOException | RuntimeException | Error e) {
                model.close();
                throw e;
            }
        } catch (EOFException e) {
            throw new CheckpointException(file + ": checkpoint is truncated");
        } catch (NoSuchFileException e) {
            throw new CheckpointException(file + ": checkpoint not found");
        } catch (AccessDeniedException e) {
            throw new CheckpointException(file + ": permission denied");
        }
    }

    private static void writeConfig(DataOutputStream out, TrainingConfig c) throws IOException {
        out.writeInt(c.dim());
        out.writeInt(c.window());
        out.writeDouble(c.sample());
        out.writeBoolean(c.hierarchicalSoftmax());
        out.writeInt(c.negative());
        out.writeInt(c.threads());
        out.writeInt(c.epochs());
        out.writeLong(c.minCount());
        out.writeFloat(c.alpha());
        out.writeBoolean(c.cbow());
        out.writeLong(c.seed());
        out.writeBoolean(c.batched());
        out.writeFloat(c.minAlpha());
        out.writeBoolean(c.cbowMean());
        out.writeByte(c.init().ordinal());
    }

    private static TrainingConfig readConfig(DataInputStream in, Path file, int version) throws IOException {
        TrainingConfig c = new TrainingConfig(in.readInt(), in.readInt(), in.readDouble(), in.readBoolean(),
                in.readInt(), in.readInt(), in.readInt(), in.readLong(), in.readFloat(), in.readBoolean(),
                in.readLong(), in.readBoolean());
        if (version >= 4) {
            float minAlpha = in.readFloat();
            boolean cbowMean = in.readBoolean();
            int init = in.readByte();
            if (init < 0 || init >= Initialization.values().length) {
                throw damaged(file, "initialisation " + init);
            }
            c = c.with(new QualityOptions(minAlpha, cbowMean, Initialization.values()[init]));
        }
        try {
            return c.validate();
        } catch (IllegalArgumentException e) {
            throw damaged(file, e.getMessage());
        }
    }

    private static CorpusStamp readStamp(DataInputStream in, Path file) throws IOException {
        int n = in.readInt();
        if (n < 1) {
            throw damaged(file, n + " training files");
        }
        java.util.List<CorpusStamp.File> files = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) { // grows as they arrive: a damaged count must not allocate gigabytes
            files.add(new CorpusStamp.File(in.readLong(), in.readInt()));
            if (files.get(i).size() <= 0) {
                throw damaged(file, "training file " + i + " of " + files.get(i).size() + " bytes");
            }
        }
        return new CorpusStamp(files, java.util.List.of());
    }

    private static WorkerState[] readWorkers(DataInputStream in, Path file, TrainingConfig config)
            throws IOException {
        int n = in.readInt();
        if (n != config.threads()) {
            throw damaged(file, n + " worker states for " + config.threads() + " threads");
        }
        WorkerState[] workers = new WorkerState[n];
        for (int i = 0; i < n; i++) {
            WorkerState w = new WorkerState(in.readLong(), in.readInt(), in.readLong(), in.readLong(), in.readLong(),
                    in.readFloat(), in.readLong());
            if (w.epoch() < 0 || w.epoch() > config.epochs() || w.ticket() < ChunkQueue.NONE
                    || w.position() < 0
                    || w.unpublished() < 0 || w.published() < 0 || !(w.alpha() > 0)) {
                throw damaged(file, "worker " + i + " has an impossible state " + w);
            }
            workers[i] = w;
        }
        return workers;
    }

    /** The next chunk to hand out; every worker's chunk in hand must be one handed out before it. */
    private static long readChunks(DataInputStream in, Path file, TrainingConfig config, CorpusStamp corpus,
                                   WorkerState[] workers) throws IOException {
        long next = in.readLong();
        if (next < 0 || (next >>> 32) > (long) config.epochs() * corpus.files().size()) {
            throw damaged(file, "impossible chunk position " + next);
        }
        for (int i = 0; i < workers.length; i++) {
            if (workers[i].ticket() >= next) {
                throw damaged(file, "worker " + i + " holds chunk ticket " + workers[i].ticket()
                        + ", not yet handed out at " + next);
            }
        }
        return next;
    }

    private static Vocabulary readVocabulary(DataInputStream in, Path file) throws IOException {
        int size = in.readInt();
        if (size < 2 || size > Integer.MAX_VALUE / 2) {
            throw damaged(file, "vocabulary of " + size + " words");
        }
        byte[][] words = new byte[Math.min(size, 1 << 20)][];
        long[] counts = new long[words.length];
        for (int i = 0; i < size; i++) {
            if (i == words.length) { // grow as the words arrive: a damaged size must not allocate gigabytes
                words = Arrays.copyOf(words, (int) Math.min(size, 2L * words.length));
                counts = Arrays.copyOf(counts, words.length);
            }
            int len = in.readInt();
            if (len < 0 || len > MAX_WORD_BYTES) {
                throw damaged(file, "word " + i + " of " + len + " bytes");
            }
            words[i] = in.readNBytes(len);
            if (words[i].length != len) {
                throw new EOFException();
            }
            counts[i] = in.readLong();
        }
        try {
            return Vocabulary.ofBytes(words, counts);
        } catch (IllegalArgumentException e) {
            throw damaged(file, e.getMessage());
        }
    }

    /** Row by row into a buffer of about a mebibyte: no padding, fixed byte order, few large writes. */
    private static void writeTable(DataOutputStream out, EmbeddingTable t) throws IOException {
        int rowBytes = t.dim() * Float.BYTES;
        int rowsPerChunk = Math.max(1, CHUNK / rowBytes);
        byte[] chunk = new byte[rowsPerChunk * rowBytes];
        MemorySegment heap = MemorySegment.ofArray(chunk);
        for (int r = 0; r < t.rows(); r += rowsPerChunk) {
            int n = Math.min(rowsPerChunk, t.rows() - r);
            for (int k = 0; k < n; k++) {
                MemorySegment.copy(t.segment(), NATIVE, t.offset(r + k), heap, BIG, (long) k * rowBytes, t.dim());
            }
            out.write(chunk, 0, n * rowBytes);
        }
    }

    private static void readTable(DataInputStream in, EmbeddingTable t) throws IOException {
        int rowBytes = t.dim() * Float.BYTES;
        int rowsPerChunk = Math.max(1, CHUNK / rowBytes);
        byte[] chunk = new byte[rowsPerChunk * rowBytes];
        MemorySegment heap = MemorySegment.ofArray(chunk);
        for (int r = 0; r < t.rows(); r += rowsPerChunk) {
            int n = Math.min(rowsPerChunk, t.rows() - r);
            in.readFully(chunk, 0, n * rowBytes);
            for (int k = 0; k < n; k++) {
                MemorySegment.copy(heap, BIG, (long) k * rowBytes, t.segment(), NATIVE, t.offset(r + k), t.dim());
            }
        }
    }

    private static CheckpointException damaged(Path file, String detail) {
        return new CheckpointException(file + ": checkpoint is damaged (" + detail + ")");
    }
}
