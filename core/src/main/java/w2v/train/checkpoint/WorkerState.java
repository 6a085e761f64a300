package w2v.train.checkpoint;

import w2v.corpus.ChunkQueue;

/**
 * Where one worker stands between two sentences: everything it needs to continue exactly as if it had never
 * stopped. Workers record it at the points where a checkpoint may be taken; a resumed worker starts from it.
 *
 * @param rngState its random generator ({@link w2v.sampling.Rng#state()})
 * @param epoch the epoch of the chunk in hand, or of its last one (0-based); one less while it waits at the
 *     boundary before the chunk in hand; {@code epochs} once no chunk was left for it
 * @param ticket the chunk in hand ({@link ChunkQueue}), or {@link ChunkQueue#NONE} between chunks
 * @param position where its token reader continues in that chunk ({@link w2v.corpus.TokenReader#position()})
 * @param unpublished words processed but not yet added to the shared counter
 * @param alpha the learning rate it trains with until its next publication
 * @param published words it has added to the shared counter
 */
public record WorkerState(long rngState, int epoch, long ticket, long position, long unpublished, float alpha,
                          long published) {

    public WorkerState withEpoch(int e) {
        return new WorkerState(rngState, e, ticket, position, unpublished, alpha, published);
    }
}
