package w2v.eval;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads an evaluation file (analogy questions, word pairs) line by line, so a wrong file given by mistake (a
 * directory, the binary vectors, a corpus) is refused with one sentence naming it, at its first bad line and
 * without reading it whole.
 */
final class EvalFiles {

    /** No line of a questions or word-pair file comes near this; a longer one means a wrong file. */
    static final int MAX_LINE_BYTES = 1 << 20;

    /** Receives each line with its 1-based number. */
    @FunctionalInterface
    interface LineHandler {
        void line(String line, int number) throws IOException;
    }

    private EvalFiles() {
    }

    /**
     * Streams the lines of {@code file}, strict UTF-8. {@code universalNewlines}: as Python's text mode, a line
     * ends at {@code \r\n}, {@code \r} or {@code \n}, read as {@code \n} (gensim's evaluate_word_pairs); else as
     * binary mode, a line ends after {@code \n} only, terminators kept (gensim's evaluate_word_analogies).
     *
     * @param what the kind of file expected, for messages ("an analogy questions file")
     * @throws java.nio.file.NoSuchFileException if it does not exist
     * @throws IOException naming the file when it is a directory, binary (a NUL byte), not UTF-8 or has a line
     *         over {@link #MAX_LINE_BYTES}
     */
    static void forEachLine(Path file, String what, boolean universalNewlines, LineHandler handler)
            throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(file + ": is a directory, not " + what);
        }
        try (InputStream in = Files.newInputStream(file)) {
            new Reader(file, what, universalNewlines, handler).read(in);
        }
    }

    /** One pass over one file. */
    private static final class Reader {
        private final Path file;
        private final String what;
        private final boolean universal;
        private final LineHandler handler;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private int number = 1;

        Reader(Path file, String what, boolean universal, LineHandler handler) {
            this.file = file;
            this.what = what;
            this.universal = universal;
            this.handler = handler;
        }

        void read(InputStream in) throws IOException {
            byte[] buf = new byte[1 << 16];
            boolean afterCr = false; // universal newlines: a \n right after \r ends nothing more
            int n = in.readNBytes(buf, 0, buf.length);
            sniff(buf, n);
            for (; n > 0; n = in.read(buf)) {
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    if (b == 0) {
                        throw new IOException(file + ": not a text file (a NUL byte on line " + number + "); expected "
                                + what);
                    }
                    if (universal) {
                        if (b == '\n' && afterCr) {
                            afterCr = false;
                            continue;
                        }
                        afterCr = b == '\r';
                        if (b == '\r' || b == '\n') {
                            line.write('\n');
                            emit();
                            continue;
                        }
                    }
                    line.write(b);
                    if (!universal && b == '\n') {
                        emit();
                    } else if (line.size() > MAX_LINE_BYTES) {
                        throw new IOException(file + ": line " + number + " is over " + (MAX_LINE_BYTES >> 20)
                                + " MiB long; expected " + what);
                    }
                }
            }
            if (line.size() > 0) {
                emit();
            }
        }

        /**
         * Refuses a binary file (the vectors given by mistake) from its first block, before its first lines (a
         * binary word2vec header is text) make a misleading complaint about the format.
         */
        private void sniff(byte[] buf, int n) throws IOException {
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer bytes = ByteBuffer.wrap(buf, 0, n);
            CoderResult r = decoder.decode(bytes, CharBuffer.allocate(n), false); // a cut last character is fine
            int nul = 0;
            while (nul < n && buf[nul] != 0) {
                nul++;
            }
            int bad = r.isError() ? bytes.position() : n;
            if (nul < n || bad < n) {
                int at = Math.min(nul, bad);
                int line = 1;
                for (int i = 0; i < at; i++) {
                    if (buf[i] == '\n' || (universal && buf[i] == '\r' && (i + 1 == n || buf[i + 1] != '\n'))) {
                        line++;
                    }
                }
                throw new IOException(file + (nul <= bad ? ": not a text file (a NUL byte on line " + line + ")"
                        : ": not UTF-8 text (line " + line + ")") + "; expected " + what);
            }
        }

        private void emit() throws IOException {
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(line.toByteArray())).toString();
            } catch (CharacterCodingException e) {
                throw new IOException(file + ": not UTF-8 text (line " + number + "); expected " + what);
            }
            line.reset();
            handler.line(text, number++);
        }
    }
}
