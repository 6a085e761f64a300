package w2v.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code w2v phrases}: the same bytes as word2phrase, and one clear line for every input it refuses. */
class PhrasesCommandTest {

    @TempDir
    Path dir;

    @Test
    void sameBytesAsWord2PhraseRunTwiceAsDemoPhrasesDoes() throws Exception {
        Path bin = Word2PhraseBinary.require();
        Path corpus = dir.resolve("corpus.txt");
        Files.write(corpus, demoText(new Random(11), 600_000));
        assertTrue(Files.size(corpus) > 3_000_000, "a few MB: " + Files.size(corpus));
        // demo-phrases.sh: -threshold 200 on the text, then -threshold 100 on the result.
        Path c0 = dir.resolve("c-phrase0");
        Path c1 = dir.resolve("c-phrase1");
        Word2PhraseBinary.run(bin, corpus, c0, 5, "200");
        Word2PhraseBinary.run(bin, c0, c1, 5, "100");
        Path w0 = dir.resolve("w-phrase0");
        Path w1 = dir.resolve("w-phrase1");
        CliRun r0 = CliRun.of("phrases", "-train", corpus.toString(), "-output", w0.toString(), "-threshold", "200",
                "-debug", "1");
        assertEquals(0, r0.exit(), r0.err());
        assertTrue(r0.err().contains("Joined"), r0.err());
        CliRun r1 = CliRun.of("phrases", "-train", w0.toString(), "-output", w1.toString(), "-threshold", "100",
                "-threads", "3", "-debug", "0");
        assertEquals(0, r1.exit(), r1.err());
        assertEquals("", r1.err());
        assertSameBytes(c0, w0);
        assertSameBytes(c1, w1);
        String first = Files.readString(w0, StandardCharsets.ISO_8859_1);
        String second = Files.readString(w1, StandardCharsets.ISO_8859_1);
        assertTrue(first.contains(" new_york ") && !first.contains("united_states_army"), "one join per pass");
        assertTrue(second.contains(" united_states_army ") && second.contains(" hot_dog_stand "),
                "three-word phrases in the second pass");
        // A word over 178 bytes is cut there, and all its bigrams, cut at 179 bytes, are one entry: it joins.
        assertTrue(first.contains("word".repeat(43) + "wo_"), "the cut long word joins");
    }

    @Test
    void sameBytesAsWord2PhraseWhereItsSortDropsAKeptEntry() throws Exception {
        // min-count 1: nothing is below it, and word2phrase's SortVocab loses the last entry it sorted ("b").
        Path bin = Word2PhraseBinary.require();
        Path corpus = dir.resolve("tiny.txt");
        Files.writeString(corpus, "a_b _a b\n");
        Word2PhraseBinary.run(bin, corpus, dir.resolve("c.txt"), 1, "0.5");
        CliRun r = CliRun.of("phrases", "-train", corpus.toString(), "-output", dir.resolve("w.txt").toString(),
                "-min-count", "1", "-threshold", "0.5", "-debug", "0");
        assertEquals(0, r.exit(), r.err());
        assertSameBytes(dir.resolve("c.txt"), dir.resolve("w.txt"));
        assertEquals(" a_b _a b\n", Files.readString(dir.resolve("w.txt")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "-output OUT | 2 | w2v phrases: -train FILE is required; run 'w2v phrases --help' for the flags",
            "-train IN | 2 | w2v phrases: -output FILE is required; run 'w2v phrases --help' for the flags",
            "-train IN -output OUT -min-count 0 | 2 | w2v phrases: -min-count must be at least 1 (got 0)",
            "-train IN -output OUT -threshold abc | 2 | w2v phrases: -threshold must be a number (got 'abc')",
            "-train IN -output OUT -threshold NaN | 2 | w2v phrases: -threshold must be a finite number (got 'NaN')",
            "-train IN -output OUT -scoring pmi | 2 | w2v phrases: -scoring must be default or npmi (got 'pmi')",
            "-train IN -output OUT -scoring npmi | 2 | w2v phrases: -scoring npmi needs a -threshold in [-1, 1] "
                    + "(the default 100 is for the default scoring)",
            "-train IN -output OUT -scoring npmi -threshold 1.5 | 2 | w2v phrases: -threshold 1.5 is outside "
                    + "[-1, 1], where npmi scores lie",
            "-train IN -output OUT -threads 0 | 2 | w2v phrases: -threads must be at least 1 (got 0)",
            "-train IN -output OUT -max-vocab -1 | 2 | w2v phrases: -max-vocab must be 0 (the default bound) or "
                    + "more (got -1)",
            "-train IN -output OUT -window 5 | 2 | w2v phrases: \"-window\" is not a valid option; run 'w2v "
                    + "phrases --help' for the flags",
            "-train MISSING -output OUT | 1 | w2v phrases: -train MISSING: training file not found",
            "-train DIR -output OUT | 1 | w2v phrases: -train DIR: is a directory, not a training file",
            "-train GZ -output OUT | 1 | w2v phrases: -train GZ: is gzip-compressed; decompress it first (gunzip -k)",
            "-train IN -output NODIR/out.txt | 1 | w2v phrases: -output NODIR/out.txt: directory NODIR does not exist",
            "-train IN -output IN | 1 | w2v phrases: -output IN is the same file as -train IN; refusing to overwrite "
                    + "an input",
            "-train IN -output LINK | 1 | w2v phrases: -output LINK is the same file as -train IN; refusing to "
                    + "overwrite an input",
    })
    void refusesBadInputWithOneLineAndWritesNothing(String args, int exit, String message) throws Exception {
        Path in = dir.resolve("in.txt");
        Files.writeString(in, "new york is big\n".repeat(10));
        Path out = dir.resolve("out.txt");
        Files.writeString(out, "previous output");
        Path gz = dir.resolve("in.txt.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write("new york\n".getBytes(StandardCharsets.US_ASCII));
        }
        Path link = dir.resolve("link.txt");
        Files.createLink(link, in);
        Path sub = dir.resolve("sub");
        Files.createDirectory(sub);
        // Longest names first: LINK and MISSING contain IN, NODIR contains DIR.
        String[][] names = {{"MISSING", dir.resolve("none.txt").toString()}, {"NODIR", dir.resolve("nodir").toString()},
                {"LINK", link.toString()}, {"GZ", gz.toString()}, {"DIR", sub.toString()}, {"IN", in.toString()},
                {"OUT", out.toString()}};
        String line = "phrases " + args.trim();
        String expected = message;
        for (String[] n : names) {
            line = line.replace(n[0], n[1]);
            expected = expected.replace(n[0], n[1]);
        }
        CliRun r = CliRun.of(line.split(" +"));
        assertEquals(exit, r.exit(), r.err());
        assertEquals(expected + "\n", r.err());
        assertEquals("new york is big\n".repeat(10), Files.readString(in), "the input is untouched");
        assertEquals("previous output", Files.readString(out), "the output is untouched");
        try (var files = Files.list(dir)) {
            assertEquals(5, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void aNulByteDeepInTheFileIsRefusedAndTheOutputKept() throws Exception {
        byte[] text = "new york is big\n".repeat(6000).getBytes(StandardCharsets.US_ASCII);
        text[80_000] = 0; // past the 64 KB CorpusFile looks at before anything runs
        Path in = dir.resolve("in.txt");
        Files.write(in, text);
        Path out = dir.resolve("out.txt");
        Files.writeString(out, "previous output");
        CliRun r = CliRun.of("phrases", "-train", in.toString(), "-output", out.toString(), "-debug", "0");
        assertEquals(1, r.exit());
        assertEquals("w2v phrases: " + in + ": contains a NUL byte at offset 80000: this looks like a binary file, "
                + "not text\n", r.err());
        assertEquals("previous output", Files.readString(out));
    }

    @Test
    void writesPhrasesAndASummary() throws Exception {
        Path in = dir.resolve("in.txt");
        Files.writeString(in, "new york is big\n".repeat(20) + "the city\n");
        Path out = dir.resolve("out.txt");
        CliRun r = CliRun.of("phrases", "-train", in.toString(), "-output", out.toString(), "-threshold", "1",
                "-debug", "1");
        assertEquals(0, r.exit(), r.err());
        assertEquals(" new_york is_big\n".repeat(20) + " the city\n", Files.readString(out));
        assertEquals("Counted 82 words in 21 lines: 13 distinct words and bigrams, 8 seen at least 5 times",
                r.err().lines().findFirst().orElse("").replaceAll(" \\(.*", ""));
        assertTrue(r.err().contains("Joined 40 bigrams (default scoring, threshold 1); wrote " + out), r.err());
        assertFalse(r.err().contains("Pruned"), r.err());
    }

    private static void assertSameBytes(Path expected, Path actual) throws IOException {
        byte[] e = Files.readAllBytes(expected);
        byte[] a = Files.readAllBytes(actual);
        if (!Arrays.equals(e, a)) {
            int i = Arrays.mismatch(e, a);
            int from = Math.max(0, i - 60);
            throw new AssertionError(actual + " differs from word2phrase's " + expected + " at byte " + i + " of "
                    + e.length + "/" + a.length + ": word2phrase has\n"
                    + new String(e, from, Math.min(e.length, i + 60) - from, StandardCharsets.ISO_8859_1)
                    + "\nw2v has\n" + new String(a, from, Math.min(a.length, i + 60) - from, StandardCharsets.ISO_8859_1));
        }
        assertArrayEquals(e, a);
    }

    /**
     * About {@code words} words of Zipf-distributed made-up words with English function words on top, and the
     * phrases word2phrase exists for: two-word collocations, three-word ones for the second pass ("new york
     * city"), some weaker. Sprinkled with what the port must get right: CRLF line ends, tabs and runs of
     * spaces, empty lines, a literal {@code </s>}, words with '_', carriage returns inside words, words over 178
     * bytes, UTF-8, words seen exactly 4 and 5 times, and no newline after the last word.
     */
    static byte[] demoText(Random r, int words) {
        String[] top = {"the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "was", "on", "with", "as"};
        String[] syllables = {"ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "pe", "do", "gu", "ha", "zo", "be"};
        int vocab = 20_000;
        String[] w = new String[vocab];
        for (int i = 0; i < vocab; i++) {
            if (i < top.length) {
                w[i] = top[i];
                continue;
            }
            StringBuilder b = new StringBuilder();
            for (int x = i; x > 0 || b.length() < 4; x /= syllables.length) {
                b.append(syllables[x % syllables.length]);
            }
            w[i] = b.toString();
        }
        double[] cumulative = new double[vocab];
        double sum = 0;
        for (int i = 0; i < vocab; i++) {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
        String[][] phrases = {{"new", "york"}, {"new", "york", "city"}, {"san", "francisco"}, {"los", "angeles"},
                {"united", "states", "army"}, {"prime", "minister"}, {"ice", "cream"}, {"hot", "dog", "stand"},
                {"the", "new", "york"}, {"red", "wine"}, {"kalo", "mine"}};
        double[] strength = {0.004, 0.002, 0.003, 0.002, 0.001, 0.002, 0.0005, 0.0008, 0.0006, 0.0004, 0.0003};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int written = 0;
        int rare = 0;
        while (written < words) {
            int len = 1 + r.nextInt(25);
            StringBuilder line = new StringBuilder();
            for (int k = 0; k < len; k++) {
                String token;
                double u = r.nextDouble();
                int p = 0;
                while (p < phrases.length && u >= strength[p]) {
                    u -= strength[p];
                    p++;
                }
                int kind = r.nextInt(1000);
                if (p < phrases.length) {
                    token = String.join(" ", phrases[p]);
                } else if (kind < 3) {
                    // in each group of nine: rareNx four times and rareNy five, either side of min-count 5
                    token = "rare" + rare / 9 + (rare % 9 < 4 ? "x" : "y");
                    rare++;
                } else if (kind < 6) {
                    token = "new_york";
                } else if (kind < 8) {
                    token = "</s>";
                } else if (kind < 10) {
                    token = "lo\rng" + "word".repeat(50); // over 178 bytes once the \r is gone
                } else if (kind < 12) {
                    token = "café";
                } else if (kind < 14) {
                    token = "ci\rty";
                } else {
                    double x = r.nextDouble() * sum;
                    int i = Arrays.binarySearch(cumulative, x);
                    token = w[i < 0 ? -i - 1 : i];
                }
                if (k > 0) {
                    int s = r.nextInt(100);
                    line.append(s < 94 ? " " : s < 97 ? "\t" : "  ");
                }
                line.append(token);
                written += token.split(" ").length;
            }
            int end = r.nextInt(100);
            line.append(end < 90 ? "\n" : end < 95 ? "\r\n" : end < 98 ? "\n\n" : " \n");
            out.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes("and the last word without a newline".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
