package w2v.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.kohsuke.args4j.Argument;
import org.kohsuke.args4j.Option;
import w2v.cluster.KMeans;
import w2v.io.ClassesWriter;
import w2v.files.OutputPolicy;
import w2v.model.WordVectors;

/** {@code w2v classes FILE K -o OUT}: word2vec C's {@code -classes} on vectors already trained, by any tool. */
public final class ClassesCommand extends QueryCommand<ClassesCommand.Options> {

    static final class Options extends LoadOptions {
        @Argument(metaVar = "FILE K", usage = "vector file (word2vec text or binary), then the number of classes")
        List<String> arguments = new ArrayList<>();

        @Option(name = "-o", aliases = "--output", metaVar = "FILE", required = true,
                usage = "where to write the 'word class' lines")
        String output;
    }

    public ClassesCommand() {
        this(VectorLoader.STANDARD, System.in);
    }

    ClassesCommand(VectorLoader loader, InputStream in) {
        super(loader, in);
    }

    @Override
    public String name() {
        return "classes";
    }

    @Override
    public String summary() {
        return "group the words of a vector file into K classes (K-means, as word2vec C's -classes)";
    }

    @Override
    String synopsis() {
        return "classes FILE K -o OUT";
    }

    @Override
    String description() {
        return """
                Writes one 'word class' line per word of FILE, in its order, as 'w2v train -classes K' and word2vec C
                do after training: ten passes of K-means on the word vectors, word i starting in class i mod K,
                each word joining the class whose unit centroid has the largest dot product with its vector.""";
    }

    @Override
    Options options() {
        return new Options();
    }

    @Override
    int run(Options o, PrintStream out, PrintStream err) throws Exception {
        if (o.arguments.size() != 2) {
            throw new UsageException(o.arguments.isEmpty() ? "no vector file given"
                    : o.arguments.size() == 1 ? "no number of classes given" : "too many arguments");
        }
        int k;
        try {
            k = Integer.parseInt(o.arguments.get(1));
        } catch (NumberFormatException e) {
            throw new UsageException("K must be a whole number, got '" + o.arguments.get(1) + "'");
        }
        if (k < 1) {
            throw new UsageException("K must be at least 1, got " + k);
        }
        Path file = Path.of(o.arguments.get(0));
        // Checked before loading, which takes a while for a large file.
        new OutputPolicy().output("-o", o.output).input("the vector file", file).check();
        Path output = Path.of(o.output);
        long t0 = System.nanoTime();
        try (WordVectors v = load(file, 0)) {
            if (k > v.size()) {
                throw new UsageException("K " + k + " is more than the " + v.size() + " words of the file");
            }
            ClassesWriter.write(v, KMeans.classes(v, k), output);
            out.println(String.format(Locale.ROOT, "wrote %,d classes of %,d words to %s in %s", k, v.size(),
                    output, seconds(t0)));
        }
        return 0;
    }
}
