package w2v.train;

import java.util.ArrayList;
import java.util.List;
import w2v.model.Model;
import w2v.sampling.UnigramTable;
import w2v.train.config.TrainingConfig;
import w2v.train.loss.HierarchicalSoftmax;
import w2v.train.loss.Loss;
import w2v.train.loss.NegativeSampling;
import w2v.vocab.HuffmanTree;

/**
 * Builds the update a configuration asks for, in one place for every trainer that runs workers (the single
 * process {@link Trainer} and a distributed run's {@link ReplicaTrainer}), so both train with the same code.
 */
final class Architectures {

    private Architectures() {
    }

    /**
     * The architecture for {@code config} over {@code model}'s tables.
     *
     * @param unigram the negative-sampling table (null without -negative)
     * @param tree the Huffman tree (null without -hs)
     */
    static Architecture of(TrainingConfig config, Model model, UnigramTable unigram, HuffmanTree tree) {
        Loss[] losses = losses(config, model, unigram, tree);
        if (config.cbow()) {
            // The same updates as Cbow bit for bit, whatever -batch says; only faster.
            return new LookaheadCbow(new Cbow(model.input(), config.cbowMean(), losses), model.input(), losses);
        }
        if (config.batched()) {
            if (losses.length != 1) { // validate() allows -batch 1 with one loss only
                throw new IllegalStateException("no batched form of " + losses.length + " losses");
            }
            // Hierarchical softmax's scores need the window's earlier steps to train as well as one pair at a time.
            return new BatchedSkipGram(model.input(), losses[0], config.window(), config.hierarchicalSoftmax());
        }
        return new SkipGram(model.input(), losses);
    }

    /** The schedule of the whole run: every word of every epoch. */
    static LearningRate schedule(TrainingConfig config, long wordsPerEpoch) {
        return new LearningRate(config.alpha(), config.minAlpha(), wordsPerEpoch * config.epochs());
    }

    /** The losses in the order word2vec C applies them to a pair: hierarchical softmax, then negative sampling. */
    private static Loss[] losses(TrainingConfig config, Model model, UnigramTable unigram, HuffmanTree tree) {
        List<Loss> losses = new ArrayList<>(2);
        if (config.hierarchicalSoftmax()) {
            losses.add(new HierarchicalSoftmax(model.softmaxNodes(), tree));
        }
        if (config.negative() > 0) {
            losses.add(new NegativeSampling(model.negativeOutput(), unigram, config.negative()));
        }
        return losses.toArray(Loss[]::new);
    }
}
