package w2v.vocab;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import w2v.io.AtomicFile;

/**
 * word2vec C's vocabulary file ({@code -save-vocab}, {@code -read-vocab}): one {@code word count} line per
 * word, {@code </s>} first. Reading applies min-count and the usual order, as C's ReadVocab does.
 */
public final class VocabularyFile {

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

    /** Reads a vocabulary file; a malformed line is a {@link VocabularyException} naming it. */
    public static Vocabulary read(Path file, long minCount) throws IOException {
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
                if (table.find(all, i, wordEnd - i) >= 0) {
                    throw new VocabularyException(file + ":" + line + ": word listed twice");
                }
                table.add(all, i, wordEnd - i, count, line);
            }
            i = end + 1;
        }
        Vocabulary v = VocabularyBuilder.finish(table, minCount);
        if (v.size() < 2) {
            throw new VocabularyException(file + ": no word with count >= " + minCount);
        }
        return v;
    }
}
