package w2v.train;

/**
 * Where one worker stands between two sentences: everything it needs to continue exactly as if it had never
 * stopped. Workers record it at the points where a checkpoint may be taken; a resumed worker starts from it.
 *
 * @param rngState its random generator ({@link w2v.sampling.Rng#state()})
 * @param epoch the epoch it is in (0-based); {@code epochs} when it has finished
 * @param position where its token reader continues ({@link w2v.corpus.TokenReader#position()})
 * @param unpublished words processed but not yet added to the shared counter
 * @param alpha the learning rate it trains with until its next publication
 * @param published words it has added to the shared counter
 */
public record WorkerState(long rngState, int epoch, long position, long unpublished, float alpha, long published) {
}
