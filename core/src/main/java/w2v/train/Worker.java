package w2v.train;

import java.io.IOException;
import w2v.corpus.ChunkQueue;
import w2v.corpus.ChunkReader;
import w2v.corpus.Corpus;
import w2v.corpus.TokenReader;
import w2v.kernel.Kernels;
import w2v.kernel.VectorKernels;
import w2v.model.EmbeddingTable;
import w2v.sampling.Rng;
import w2v.sampling.Subsampler;
import w2v.train.checkpoint.WorkerState;
import w2v.vocab.Vocabulary;

/**
 * One training thread: draws chunks of the corpus from the shared {@link ChunkQueue} until none are left,
 * streams each, turns it into sentences (line ends, a chunk's end and every {@link #MAX_SENTENCE} kept words
 * end one; unknown words are skipped; frequent words are subsampled), and hands every position with a randomly
 * shrunk window to the architecture. Publishes its word count and refreshes the learning rate every
 * {@link #PUBLISH_EVERY} words; those publications are also where it stops when asked and where it parks for a
 * checkpoint, so its {@link WorkerState} there is exact.
 */
final class Worker implements Runnable {

    /** word2vec C's MAX_SENTENCE_LENGTH. Longer lines continue as a new sentence, nothing is dropped. */
    static final int MAX_SENTENCE = 1000;
    static final int PUBLISH_EVERY = 10_000;
    private static final VectorKernels K = Kernels.get();

    private final int id;
    private final Corpus corpus;
    private final ChunkQueue chunks;
    private final Vocabulary vocab;
    private final Subsampler subsampler;
    private final Architecture architecture;
    private final EmbeddingTable input;
    private final LearningRate learningRate;
    private final TrainingProgress progress;
    private final int epochs;
    private final int window;
    private final WorkerControl control;
    private final Scratch scratch;
    private final Rng rng;
    private final int[] sentence;
    private final WorkerState start; // null: a fresh run

    private int epoch; // of the chunk in hand once crossed into, else of the last one; epochs once the queue ran dry
    private long ticket = ChunkQueue.NONE; // the chunk in hand
    private long unpublished;
    private long countedAhead; // of unpublished, words already added to the progress at an epoch boundary
    private long trainedSinceLoss; // centre words trained since the loss in the scratch was last handed over
    private float alpha;
    private WorkerState last;
    private Throwable failure;

    /** @param start where a resumed run's worker stood, or null for a fresh run */
    Worker(int id, Job job, WorkerControl control, Scratch scratch, WorkerState start) {
        this.id = id;
        this.corpus = job.corpus();
        this.chunks = job.chunks();
        this.vocab = job.vocab();
        this.subsampler = job.subsampler();
        this.architecture = job.architecture();
        this.input = job.input();
        this.learningRate = job.learningRate();
        this.progress = job.progress();
        this.epochs = job.epochs();
        this.window = job.window();
        this.control = control;
        this.scratch = scratch;
        this.rng = scratch.rng;
        this.sentence = scratch.sentence;
        this.start = start;
    }

    @Override
    public void run() {
        ChunkReader chunk = new ChunkReader(corpus, TokenReader.DEFAULT_BUFFER);
        TokenReader reader = chunk.tokens();
        try (chunk) {
            if (start == null) {
                alpha = learningRate.at(progress.wordsDone());
            } else {
                epoch = start.epoch();
                ticket = start.ticket();
                if (ticket != ChunkQueue.NONE) {
                    chunks.reopen(chunk, ticket, start.position());
                }
                unpublished = start.unpublished();
                alpha = start.alpha();
            }
            while (!control.stopRequested()) {
                if (ticket == ChunkQueue.NONE) {
                    // The queue checks the chunk's file did not change (a stat per chunk), and gives the reader a
                    // fresh start: no end-of-file state can leak into the next epoch (word2vec.c never resets it,
                    // so the range at the end of its file is trained in the first epoch only).
                    long next = chunks.claim(chunk);
                    if (next == ChunkQueue.NONE) {
                        handOverLoss(epochs);
                        epoch = epochs;
                        break;
                    }
                    ticket = next;
                }
                // Also for a resumed chunk in hand: its worker may have been waiting at the boundary before it.
                if (!crossEpochBoundaries(reader) || !trainChunk(reader)) {
                    break; // stopped between two sentences or at an epoch boundary
                }
                ticket = ChunkQueue.NONE;
            }
            last = state(reader); // before the final publication, which a resumed worker repeats
        } catch (IOException e) {
            Object file = chunk.source() >= 0 ? corpus.files().get(chunk.source()).path() : corpus.name();
            failure = new IOException(file + ": " + e.getMessage(), e);
            control.requestStop(); // the run fails: the others' work would be thrown away
        } catch (InterruptedException | RuntimeException | Error e) {
            failure = e;
            control.requestStop();
        } finally {
            publish();
            control.finished(id, failure == null ? last : null); // never leave the others waiting
        }
    }

    /**
     * Moves {@link #epoch} up to the pass of the chunk in hand. With a barrier, waits at each boundary until all
     * workers are there and the last to arrive has reported the epoch. A checkpoint taken meanwhile records this
     * worker in the epoch it is finishing (past the boundary once that is reported, see Trainer), so a run
     * resumed before the report waits at the same boundary again. Returns false when a stop was requested.
     */
    private boolean crossEpochBoundaries(TokenReader reader) throws InterruptedException {
        if (epoch < chunks.pass(ticket)) {
            handOverLoss(chunks.pass(ticket)); // everything in the scratch was trained in the epoch it leaves
        }
        while (epoch < chunks.pass(ticket)) {
            if (!control.holdsEpochEnds()) {
                epoch++;
                continue;
            }
            countAhead();
            if (!control.awaitEpochEnd(id, epoch + 1, state(reader))) {
                return false; // stopped first: recorded before the boundary
            }
            epoch++;
            if (control.stopRequested()) {
                return false; // stopped during the report: recorded past it
            }
        }
        return true;
    }

    /** Where this worker stands; only between sentences, from its own thread. */
    private WorkerState state(TokenReader reader) {
        long position = ticket == ChunkQueue.NONE ? 0 : reader.position();
        // Recorded as if the boundary had counted nothing: a resumed worker adds all of unpublished at once.
        return new WorkerState(rng.state(), epoch, ticket, position, unpublished, alpha,
                progress.wordsDone(id) - countedAhead);
    }

    /** The state it ended in (stopped or finished), or null if it failed. */
    WorkerState lastState() {
        return last;
    }

    /** What ended this worker abnormally, or null. */
    Throwable failure() {
        return failure;
    }

    /*
     * The chunk loop only calls two methods per sentence. A worker runs it once per chunk, so the JIT can only
     * compile it on-stack; with the reading and training loops inlined into it, every uncommon trap (a buffer
     * refill, a long line) threw the whole thread back to the interpreter, and runs differed by 2x from one start
     * to the next. Called once per sentence, readSentence and trainSentence get ordinary compilations.
     * Returns false when it stopped early because a stop was requested.
     */
    private boolean trainChunk(TokenReader reader) throws InterruptedException {
        while (true) {
            int length = readSentence(reader);
            if (length == TokenReader.END) {
                return true;
            }
            trainSentence(length);
            if (unpublished >= PUBLISH_EVERY) {
                publish();
                if (length > 0) {
                    checkFinite(sentence[0]);
                }
                if (control.checkpointRequested()) {
                    control.pauseForCheckpoint(id, state(reader));
                }
                if (control.stopRequested()) {
                    return false;
                }
            }
        }
    }

    /**
     * Fills {@link #sentence} up to the next line end, or {@link #MAX_SENTENCE} kept words; returns its length,
     * or {@link TokenReader#END} once the chunk is done and nothing was read.
     */
    private int readSentence(TokenReader reader) {
        int length = 0;
        while (true) {
            int n = reader.next();
            if (n == TokenReader.END) {
                return length == 0 ? TokenReader.END : length;
            }
            int word = n == TokenReader.NEWLINE ? 0 : vocab.indexOf(reader.wordBytes(), reader.wordStart(), n, reader.wordHash());
            if (word < 0) {
                continue; // below min-count: C skips it without counting
            }
            unpublished++;
            if (word == 0) {
                return length; // </s>: end of sentence
            }
            if (!subsampler.keep(word, rng)) {
                continue;
            }
            sentence[length++] = word;
            if (length == MAX_SENTENCE) {
                return length;
            }
        }
    }

    private void trainSentence(int length) {
        trainedSinceLoss += length;
        architecture.trainSentence(sentence, length, window, alpha, scratch);
    }

    /**
     * A NaN spreads through every row it touches and the sigmoid table would hide it: stop as soon as one
     * recently trained row is no longer finite, instead of training on garbage for hours.
     */
    private void checkFinite(int word) {
        long off = input.offset(word);
        float norm = K.dot(input.segment(), off, input.segment(), off, input.stride());
        if (!Float.isFinite(norm)) {
            throw new DivergedException("training diverged at " + Math.round(100 * progress.fraction())
                    + "%: word vectors are no longer finite; lower -alpha (was " + learningRate.start() + ")");
        }
    }

    /**
     * At an epoch boundary the report needs every word counted, but a publication there would also refresh the
     * learning rate and restart the 10,000-word cadence, so watching epochs would change the vectors. This adds
     * the count alone; the next publication adds the rest and refreshes alpha where it would have anyway.
     */
    private void countAhead() {
        progress.add(id, unpublished - countedAhead);
        countedAhead = unpublished;
    }

    /** Adds the loss summed in the scratch, and the words it is of, to the current epoch's. */
    private void handOverLoss(int nowIn) {
        progress.addLoss(id, epoch, scratch.lossSum, trainedSinceLoss, nowIn);
        scratch.lossSum = 0;
        trainedSinceLoss = 0;
    }

    private void publish() {
        handOverLoss(epoch);
        long total = progress.add(id, unpublished - countedAhead);
        unpublished = 0;
        countedAhead = 0;
        alpha = learningRate.at(total);
        progress.alpha(alpha);
        control.published(total);
    }
}
