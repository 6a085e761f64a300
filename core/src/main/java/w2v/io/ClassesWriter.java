package w2v.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import w2v.files.AtomicFile;
import w2v.model.WordVectors;
import w2v.text.OneLineQuote;
import w2v.text.WordRules;

/**
 * Writes word classes as word2vec C's {@code -classes} does: one {@code word class} line per word, in vocabulary
 * order, class numbers in decimal (C's demo then runs {@code sort -k 2 -n}). Atomic, like {@link VectorWriter}.
 */
public final class ClassesWriter {

    private ClassesWriter() {
    }

    /**
     * @throws IllegalArgumentException naming the word when a word cannot be written (as {@link VectorWriter}),
     *     or when the arrays differ in length
     */
    public static void write(WordVectors words, int[] classes, Path out) throws IOException {
        if (words.size() != classes.length) {
            throw new IllegalArgumentException(words.size() + " words but " + classes.length + " classes");
        }
        AtomicFile.replace(out, channel -> {
            // Not closed: AtomicFile forces and closes the channel.
            OutputStream o = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            for (int i = 0; i < classes.length; i++) {
                byte[] word = WordRules.encode(words.word(i));
                String problem = WordRules.problemEncoded(word);
                if (problem != null) {
                    throw new IllegalArgumentException("cannot write " + out + ": word " + i + " "
                            + OneLineQuote.text(words.word(i)) + " " + problem);
                }
                o.write(word);
                o.write(' ');
                o.write(Integer.toString(classes[i]).getBytes(StandardCharsets.US_ASCII));
                o.write('\n');
            }
            o.flush();
        });
    }
}
