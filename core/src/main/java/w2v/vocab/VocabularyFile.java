package w2v.vocab;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import w2v.files.AtomicFile;
import w2v.files.InputFile;
import w2v.text.WordRules;

/**
 * word2vec C's vocabulary file ({@code -save-vocab}, {@code -read-vocab}): one {@code word count} line per
 * word, {@code </s>} first. Reading applies min-count and the usual order, as C's ReadVocab does.
 */
public final class VocabularyFile {

    /** What a FIFO, a device or a pipe given as a vocabulary file is told after what it is. */
    public static final String NEEDS_REGULAR = "a vocabulary is read from a regular file";

    private VocabularyFile() {
    }

    /**
     * Writes atomically through {@link AtomicFile}: a full disk or a size limit leaves the previous file intact
     * and gives a one-line message naming the file.
     */
    public static void write(Vocabulary vocab, Path file) throws IOException {
        AtomicFile.replace(file, channel -> {
            // Not closed: AtomicFile forces and closes the channel.
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            for (int i = 0; i < vocab.size(); i++) {
                out.write(vocab.bytes(i));
                out.write(' ');
                out.write(Long.toString(vocab.count(i)).getBytes(StandardCharsets.US_ASCII));
                out.write('\n');
            }
            out.flush();
        });
    }

    /**
     * Reads a vocabulary file; a malformed line, or a word no word2vec file can hold (with whitespace or NUL in
     * it), is a {@link VocabularyException} naming the line. A FIFO, device or directory is refused before it
     * is opened.
     */
    public static Vocabulary read(Path file, long minCount) throws IOException {
        String problem = InputFile.problem(file, "vocabulary file", NEEDS_REGULAR);
        if (problem != null) {
            throw new VocabularyException(file.toString().isEmpty() ? problem : file + ": " + problem);
        }
        byte[] all = Files.readAllBytes(file);
        ByteStringTable table = new ByteStringTable();
        int line = 0;
        int i = 0;
        while (i < all.length) {
            line++;
            int end = i;
            while (end < all.length && all[end] != '\n') {
                end++;
            }
            int stop = end;
            if (stop > i && all[stop - 1] == '\r') {
                stop--;
            }
            if (stop > i) {
                int space = stop - 1;
                while (space >= i && all[space] != ' ' && all[space] != '\t') {
                    space--;
                }
                if (space <= i) {
                    throw new VocabularyException(file + ":" + line + ": expected 'word count'");
                }
                long count;
                try {
                    count = Long.parseLong(new String(all, space + 1, stop - space - 1, StandardCharsets.US_ASCII));
                } catch (NumberFormatException e) {
                    throw new VocabularyException(file + ":" + line + ": count is not a whole number");
                }
                if (count < 0) {
                    throw new VocabularyException(file + ":" + line + ": negative count");
                }
                int wordEnd = space;
                while (wordEnd > i && (all[wordEnd - 1] == ' ' || all[wordEnd - 1] == '\t')) {
                    wordEnd--;
                }
                String forbidden = WordRules.forbiddenByte(all, i, wordEnd);
                if (forbidden != null) {
                    throw new VocabularyException(file + ":" + line + ": word " + WordRules.quote(all, i, wordEnd) + " "
                            + forbidden);
                }
                if (table.find(all, i, wordEnd - i) >= 0) {
                    throw new VocabularyException(file + ":" + line + ": word listed twice");
                }
                table.add(all, i, wordEnd - i, count, line);
            }
            i = end + 1;
        }
        Vocabulary v = VocabularyBuilder.finish(table, minCount);
        if (v.size() < 2) {
            int eos = table.find(Vocabulary.EOS_BYTES, 0, Vocabulary.EOS_BYTES.length);
            if (table.size() - (eos >= 0 ? 1 : 0) == 0) {
                throw new VocabularyException(file + ": lists no " + (eos >= 0 ? "word but " + Vocabulary.EOS : "words"));
            }
            throw new VocabularyException(file + ": no word with count >= " + minCount + " (the highest is "
                    + VocabularyBuilder.highestCount(table) + "); lower -min-count");
        }
        return v;
    }
}
