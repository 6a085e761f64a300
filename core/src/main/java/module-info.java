/**
 * w2v: trains word2vec embeddings (skip-gram and CBOW, negative sampling and hierarchical softmax) and queries
 * word vectors. {@link w2v.Word2Vec} trains; {@link w2v.WordVectors} loads, saves and queries vectors however
 * they were made. Everything else (corpus reading, vocabulary, sampling, kernels, workers, file formats) is
 * internal: the command line and the benchmarks use it from the class path.
 */
module w2v.core {
    requires jdk.incubator.vector;
    requires static java.desktop; // the PCA map (PNG) of the command line only

    exports w2v;
}
