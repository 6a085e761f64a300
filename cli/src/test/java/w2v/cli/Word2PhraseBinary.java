package w2v.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * word2vec C's word2phrase, which {@code w2v phrases} must match byte for byte: {@code -Dw2v.word2phrase=PATH},
 * else {@code $W2V_WORD2PHRASE}, else where {@code npm install --prefix ~/.cache/w2v-peers word2vec@1.1.5}
 * builds it (.ci/run does). A missing binary fails the test with that command instead of skipping it: a skipped
 * comparison would let a difference pass unnoticed.
 */
final class Word2PhraseBinary {

    static final String PROPERTY = "w2v.word2phrase";
    static final String ENV = "W2V_WORD2PHRASE";
    static final String INSTALL = "npm install --prefix ~/.cache/w2v-peers word2vec@1.1.5";

    private Word2PhraseBinary() {
    }

    static Path require() {
        String p = System.getProperty(PROPERTY);
        if (p == null || p.isBlank()) {
            p = System.getenv(ENV);
        }
        Path bin = p == null || p.isBlank()
                ? Path.of(System.getProperty("user.home"), ".cache/w2v-peers/node_modules/word2vec/src/word2phrase")
                : Path.of(p);
        if (!Files.isExecutable(bin)) {
            fail("word2phrase not found at " + bin + ": install it with `" + INSTALL + "` (npm builds word2vec C's"
                    + " tools with gcc and make), or point " + ENV + " at a word2phrase binary. This test compares"
                    + " w2v phrases with it and is never skipped.");
        }
        return bin;
    }

    /** Runs word2phrase, which prints its progress to stdout; fails the test unless it exits 0. */
    static void run(Path bin, Path train, Path output, long minCount, String threshold) throws IOException,
            InterruptedException {
        Path log = Files.createTempFile("word2phrase", ".log");
        try {
            Process p = new ProcessBuilder(List.of(bin.toString(), "-train", train.toString(), "-output",
                    output.toString(), "-min-count", Long.toString(minCount), "-threshold", threshold, "-debug", "0"))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("word2phrase did not finish within 300 s");
            }
            assertEquals(0, p.exitValue(), "word2phrase failed: " + Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
