package w2v.train;

import w2v.corpus.ChunkQueue;
import w2v.corpus.Corpus;
import w2v.model.EmbeddingTable;
import w2v.sampling.Subsampler;
import w2v.vocab.Vocabulary;

/**
 * What every worker of a run shares and nobody changes: the corpus and its chunks, the vocabulary and the
 * subsampling, the architecture and the input table it trains, the learning-rate schedule and the progress
 * counters the workers publish to.
 *
 * @param epochs passes over the corpus
 * @param window the largest window, shrunk at random per position
 */
record Job(Corpus corpus, ChunkQueue chunks, Vocabulary vocab, Subsampler subsampler, Architecture architecture,
           EmbeddingTable input, LearningRate learningRate, TrainingProgress progress, int epochs, int window) {
}
