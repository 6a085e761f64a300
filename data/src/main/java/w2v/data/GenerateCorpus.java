package w2v.data;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Command line for {@link PlantedCorpus}:
 * <pre>
 * java -cp data/target/classes w2v.data.GenerateCorpus --words 1M --seed 1 --out corpus.txt --questions q.txt
 * </pre>
 * {@code --out -} writes the corpus to standard output. Counts accept a {@code k}, {@code M} or {@code G}
 * suffix (powers of 1000). A summary goes to standard error. Bad arguments: one line on standard error,
 * exit code 2; I/O failure: exit code 1.
 */
public final class GenerateCorpus {

    static final String USAGE = """
        usage: GenerateCorpus --words N --out FILE|- [options]
          --words N           words to write, exactly (suffix k, M or G allowed: 5G)
          --out FILE          corpus file, or - for standard output
          --questions FILE    also write the planted analogies as a questions-words.txt file
          --seed S            random seed (default 1); the same seed gives the same bytes
          --filler N          filler vocabulary size (default 3000)
          --zipf X            Zipf exponent of the filler words (default 1.0)
          --relations N       relation families, 1..3: capital-world, gram-plural, gram-past-tense (default 3)
          --entities N        pairs per relation (default 40)
          --topics N          topic words per pair (default 4)
          --topic-sharing N   pairs that share each topic word, on average (default 3)
          --markers N         marker words per role (default 8)
          --planted F         fraction of sentences that mention entities (default 0.6)
          --min-sentence N    shortest sentence in words (default 5)
          --max-sentence N    longest sentence in words (default 40)
        """;

    private GenerateCorpus() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns the exit code. Writes nothing to {@code stdout} unless {@code --out -}. */
    static int run(String[] args, PrintStream stdout, PrintStream stderr) {
        PlantedCorpus.Spec d = PlantedCorpus.Spec.defaults();
        Long words = null;
        String out = null;
        String questions = null;
        long seed = d.seed();
        int filler = d.fillerWords();
        double zipf = d.zipfExponent();
        int relations = d.relations();
        int entities = d.entitiesPerRelation();
        int topics = d.topicWordsPerEntity();
        int sharing = d.entitiesPerTopicWord();
        int markers = d.markersPerRole();
        double planted = d.plantedFraction();
        int minSentence = d.minSentence();
        int maxSentence = d.maxSentence();
        PlantedCorpus.Spec spec;
        try {
            for (int i = 0; i < args.length; i++) {
                String opt = args[i];
                if (opt.equals("-h") || opt.equals("--help")) {
                    stderr.print(USAGE);
                    return 0;
                }
                if (!opt.startsWith("--")) {
                    throw new IllegalArgumentException("unexpected argument '" + opt + "'");
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(opt + " needs a value");
                }
                String v = args[++i];
                switch (opt) {
                    case "--words" -> words = count(opt, v);
                    case "--out" -> out = v;
                    case "--questions" -> questions = v;
                    case "--seed" -> seed = parseLong(opt, v);
                    case "--filler" -> filler = toInt(opt, count(opt, v));
                    case "--zipf" -> zipf = parseDouble(opt, v);
                    case "--relations" -> relations = toInt(opt, count(opt, v));
                    case "--entities" -> entities = toInt(opt, count(opt, v));
                    case "--topics" -> topics = toInt(opt, count(opt, v));
                    case "--topic-sharing" -> sharing = toInt(opt, count(opt, v));
                    case "--markers" -> markers = toInt(opt, count(opt, v));
                    case "--planted" -> planted = parseDouble(opt, v);
                    case "--min-sentence" -> minSentence = toInt(opt, count(opt, v));
                    case "--max-sentence" -> maxSentence = toInt(opt, count(opt, v));
                    default -> throw new IllegalArgumentException("unknown option " + opt);
                }
            }
            if (words == null) {
                throw new IllegalArgumentException("--words is required");
            }
            if (out == null) {
                throw new IllegalArgumentException("--out is required (a file, or - for standard output)");
            }
            spec = new PlantedCorpus.Spec(words, seed, filler, zipf, relations, entities, topics, sharing, markers,
                planted, minSentence, maxSentence);
        } catch (IllegalArgumentException e) {
            stderr.println("GenerateCorpus: " + e.getMessage() + " (--help for usage)");
            return 2;
        }

        PlantedCorpus corpus = new PlantedCorpus(spec);
        long start = System.nanoTime();
        long bytes;
        String where = out;
        try {
            if (out.equals("-")) {
                where = "standard output";
                OutputStream o = new BufferedOutputStream(stdout, 1 << 16);
                bytes = corpus.write(o);
                if (stdout.checkError()) {
                    throw new IOException("write error");
                }
            } else {
                bytes = corpus.write(Path.of(out));
            }
            if (questions != null) {
                where = questions;
                corpus.writeQuestions(Path.of(questions));
            }
        } catch (IOException | RuntimeException e) {
            stderr.println("GenerateCorpus: cannot write " + where + ": " + e);
            return 1;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        stderr.printf(Locale.ROOT, "GenerateCorpus: %,d words, %,d bytes (%.2f bytes/word) in %.1f s (%.0f MB/s); "
                + "%d planted analogies%s%n",
            spec.words(), bytes, spec.words() == 0 ? 0.0 : (double) bytes / spec.words(), seconds,
            bytes / 1e6 / Math.max(seconds, 1e-9), corpus.analogies().size(),
            questions == null ? "" : " in " + questions);
        return 0;
    }

    /** A non-negative count with an optional k/M/G suffix (powers of 1000). */
    static long count(String opt, String v) {
        long mult = 1;
        String digits = v;
        if (!v.isEmpty()) {
            switch (Character.toLowerCase(v.charAt(v.length() - 1))) {
                case 'k' -> mult = 1_000L;
                case 'm' -> mult = 1_000_000L;
                case 'g' -> mult = 1_000_000_000L;
                default -> mult = 1;
            }
            if (mult != 1) {
                digits = v.substring(0, v.length() - 1);
            }
        }
        long n = parseLong(opt, digits);
        if (n < 0) {
            throw new IllegalArgumentException(opt + " must not be negative, got '" + v + "'");
        }
        try {
            return Math.multiplyExact(n, mult);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(opt + " is too large: '" + v + "'");
        }
    }

    private static long parseLong(String opt, String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(opt + " needs an integer, got '" + v + "'");
        }
    }

    private static double parseDouble(String opt, String v) {
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(opt + " needs a number, got '" + v + "'");
        }
    }

    private static int toInt(String opt, long v) {
        if (v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(opt + " is too large: " + v);
        }
        return (int) v;
    }
}
