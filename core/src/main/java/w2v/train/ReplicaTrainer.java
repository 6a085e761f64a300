package w2v.train;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import w2v.model.Model;
import w2v.sampling.Rng;
import w2v.sampling.Subsampler;
import w2v.sampling.UnigramTable;
import w2v.train.config.TrainingConfig;
import w2v.vocab.HuffmanTree;
import w2v.vocab.Vocabulary;

/**
 * Trains one replica of a distributed run (the Spark module's executors): Hogwild threads over blocks of word
 * indices already read and looked up ({@code 0}, {@code </s>}, ends a line; unknown words left out), on a model
 * the caller filled. Each thread walks the words as {@link Worker} walks its chunk (same sentences, subsampling,
 * window draws and publication cadence), and the learning rate follows the global schedule: at a publication it is
 * taken at the words the whole cluster published before the round plus this replica's words scaled by the number
 * of replicas. Each thread's random numbers, unpublished words and learning rate carry from round to round
 * ({@link ThreadState}), so one replica with one thread trains exactly as {@code Trainer} with one thread does.
 */
public final class ReplicaTrainer {

    /** Where a thread stands between two rounds. */
    public record ThreadState(long rng, long unpublished, float alpha) implements java.io.Serializable {
    }

    /** What a round did: the threads' states for the next one, the words read and the words published. */
    public record Round(ThreadState[] states, long wordsRead, long wordsPublished) {
    }

    private final TrainingConfig config;
    private final Vocabulary vocab;
    private final Subsampler subsampler;
    private final UnigramTable unigram;
    private final HuffmanTree tree;
    private final LearningRate schedule;

    public ReplicaTrainer(TrainingConfig config, Vocabulary vocab) {
        this.config = config.validate();
        this.vocab = vocab;
        this.subsampler = new Subsampler(vocab, config.sample());
        this.unigram = config.negative() > 0 ? new UnigramTable(vocab) : null;
        this.tree = config.hierarchicalSoftmax() ? HuffmanTree.build(vocab) : null;
        this.schedule = Architectures.schedule(config, vocab.totalCount());
    }

    /** A fresh model, initialised as {@code Trainer} initialises it. */
    public static Model freshModel(TrainingConfig config, Vocabulary vocab) {
        Model model = new Model(vocab.size(), config.dim(), config.negative() > 0, config.hierarchicalSoftmax());
        model.initialize(config.seed(), config.threads());
        return model;
    }

    /** The states a run starts with: replica {@code replica}'s thread t draws as a single run's thread r*T+t. */
    public ThreadState[] initialStates(int replica) {
        ThreadState[] s = new ThreadState[config.threads()];
        for (int t = 0; t < s.length; t++) {
            s[t] = new ThreadState(Trainer.mix(config.seed(), replica * config.threads() + t), 0, config.alpha());
        }
        return s;
    }

    /**
     * Trains {@code model} on {@code blocks} (each ending at a line end), handed to the threads in order.
     *
     * @param publishedBefore words the whole cluster published before this round
     * @param replicas replicas training at the same time: this one's words stand for that many times as many
     */
    public Round train(Model model, List<int[]> blocks, ThreadState[] states, long publishedBefore, int replicas)
            throws InterruptedException {
        Architecture architecture = Architectures.of(config, model, unigram, tree);
        AtomicInteger next = new AtomicInteger();
        AtomicLong published = new AtomicLong();
        AtomicLong read = new AtomicLong();
        ThreadState[] after = new ThreadState[states.length];
        Throwable[] failures = new Throwable[states.length];
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < states.length; t++) {
            int id = t;
            Scratch scratch = architecture.newScratch(new Rng(states[t].rng()), model.arena());
            Runnable walk = () -> {
                try {
                    after[id] = new Walker(architecture, scratch, states[id], publishedBefore, replicas, published)
                            .run(blocks, next, read);
                } catch (RuntimeException | Error e) {
                    failures[id] = e;
                }
            };
            threads.add(Thread.ofPlatform().name("w2v-replica-" + t).start(walk));
        }
        for (Thread t : threads) {
            t.join();
        }
        for (Throwable f : failures) {
            if (f instanceof RuntimeException re) {
                throw re;
            } else if (f instanceof Error err) {
                throw err;
            }
        }
        int bad = model.input().firstNonFiniteRow();
        if (bad >= 0) {
            throw new DivergedException("training diverged: the vector of '" + vocab.word(bad)
                    + "' is not finite; lower -alpha (was " + config.alpha() + ")");
        }
        return new Round(after, read.get(), published.get());
    }

    /** One thread's pass over the blocks it draws: {@link Worker}'s sentence loop on word indices. */
    private final class Walker {
        private final Architecture architecture;
        private final Scratch scratch;
        private final Rng rng;
        private final int[] sentence;
        private final long publishedBefore;
        private final int replicas;
        private final AtomicLong published;
        private long unpublished;
        private float alpha;

        Walker(Architecture architecture, Scratch scratch, ThreadState start, long publishedBefore, int replicas,
               AtomicLong published) {
            this.architecture = architecture;
            this.scratch = scratch;
            this.rng = scratch.rng;
            this.sentence = scratch.sentence;
            this.publishedBefore = publishedBefore;
            this.replicas = replicas;
            this.published = published;
            this.unpublished = start.unpublished();
            this.alpha = start.alpha();
        }

        ThreadState run(List<int[]> blocks, AtomicInteger next, AtomicLong read) {
            long words = 0;
            for (int b = next.getAndIncrement(); b < blocks.size(); b = next.getAndIncrement()) {
                int[] block = blocks.get(b);
                words += block.length;
                int at = 0;
                while (at < block.length) {
                    int length = 0;
                    // Worker.readSentence: a line end or MAX_SENTENCE kept words ends a sentence.
                    while (at < block.length) {
                        int word = block[at++];
                        unpublished++;
                        if (word == 0) {
                            break;
                        }
                        if (!subsampler.keep(word, rng)) {
                            continue;
                        }
                        sentence[length++] = word;
                        if (length == Worker.MAX_SENTENCE) {
                            break;
                        }
                    }
                    architecture.trainSentence(sentence, length, config.window(), alpha, scratch);
                    if (unpublished >= Worker.PUBLISH_EVERY) {
                        long mine = published.addAndGet(unpublished);
                        unpublished = 0;
                        alpha = schedule.at(publishedBefore + mine * replicas);
                    }
                }
            }
            read.addAndGet(words);
            return new ThreadState(rng.state(), unpublished, alpha);
        }
    }
}
