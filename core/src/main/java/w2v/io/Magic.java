package w2v.io;

/**
 * Recognises, from their first bytes, the files people pass instead of word vectors, so the message can say
 * what the file is and what to load instead. None of these signatures can start a vector file: a header starts
 * with a digit, and their first bytes are control bytes or invalid UTF-8 where a headerless file has a word.
 */
final class Magic {

    /** Enough bytes for every signature below. */
    static final int BYTES = 10;

    /** fastText's FASTTEXT_FILEFORMAT_MAGIC_INT32, 793712314, little-endian at offset 0 of its .bin models. */
    private static final byte[] FASTTEXT = {(byte) 0xBA, 0x16, 0x4F, 0x2F};
    private static final byte[] GZIP = {0x1F, (byte) 0x8B};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] EMPTY_ZIP = {'P', 'K', 5, 6};
    private static final byte[] XZ = {(byte) 0xFD, '7', 'z', 'X', 'Z', 0};
    /** "BZh", the block size '1'..'9', then the first block's magic (pi) or the end-of-stream magic (sqrt pi). */
    private static final byte[] BZIP2_BLOCK = {0x31, 0x41, 0x59, 0x26, 0x53, 0x59};
    private static final byte[] BZIP2_END = {0x17, 0x72, 0x45, 0x38, 0x50, (byte) 0x90};
    private static final int PICKLE_PROTO = 0x80;

    private Magic() {
    }

    static boolean isGzip(byte[] b, int from, int to) {
        return startsWith(b, from, to, GZIP);
    }

    /**
     * What the content {@code b[from, to)} starts is and what to do instead, for "FILE: this is ...", or null
     * when it may be a vector file. gzip is not in the list: it is read.
     */
    static String wrongKind(byte[] b, int from, int to) {
        if (startsWith(b, from, to, FASTTEXT)) {
            return "a fastText model (.bin), not word vectors: load the .vec file fastText writes beside it";
        }
        if (startsWith(b, from, to, ZIP) || startsWith(b, from, to, EMPTY_ZIP)) {
            return "a zip archive: unzip it and load the vector file inside";
        }
        if (isBzip2(b, from, to)) {
            return "bzip2-compressed, which is not read directly (gzip is): decompress it with bunzip2 first";
        }
        if (startsWith(b, from, to, XZ)) {
            return "xz-compressed, which is not read directly (gzip is): decompress it with unxz first";
        }
        if (to - from >= 2 && (b[from] & 0xFF) == PICKLE_PROTO && b[from + 1] >= 2 && b[from + 1] <= 5) {
            return "a Python pickle, such as a gensim .model file, not a word2vec file: in gensim, write the vectors"
                    + " with KeyedVectors.save_word2vec_format (model.wv.save_word2vec_format(path)) and load that";
        }
        return null;
    }

    private static boolean isBzip2(byte[] b, int from, int to) {
        if (to - from < 10 || b[from] != 'B' || b[from + 1] != 'Z' || b[from + 2] != 'h'
                || b[from + 3] < '1' || b[from + 3] > '9') {
            return false;
        }
        return startsWith(b, from + 4, to, BZIP2_BLOCK) || startsWith(b, from + 4, to, BZIP2_END);
    }

    private static boolean startsWith(byte[] b, int from, int to, byte[] prefix) {
        if (to - from < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[from + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
