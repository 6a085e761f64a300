package w2v.phrases;

/**
 * What the tokens of one chunk show its neighbours: the bigram that straddles two chunks is counted once all
 * chunks are read, and the rewriting of a chunk starts from the state its predecessors leave.
 *
 * @param firstWord the chunk's first word, or null if it has none
 * @param lastWord the chunk's last word, or null
 * @param hasToken whether the chunk has any word or line end
 * @param endsWithLine whether its last token is a line end
 */
record Edge(byte[] firstWord, byte[] lastWord, boolean hasToken, boolean endsWithLine) {
}
