package w2v.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.kohsuke.args4j.Argument;
import org.kohsuke.args4j.Option;
import org.kohsuke.args4j.spi.StopOptionHandler;
import w2v.search.Neighbours;
import w2v.search.NormalizedMatrix;
import w2v.plot.WordMap;
import w2v.files.OutputPolicy;
import w2v.model.WordVectors;

/** {@code w2v map FILE WORD... -o words.png}: the words and their neighbours on a 2-D PCA plot. */
public final class MapCommand extends QueryCommand<MapCommand.Options> {

    static final class Options extends LoadOptions {
        @Argument(metaVar = "FILE WORD...", usage = "vector file (word2vec text or binary), then words")
        List<String> arguments = new ArrayList<>();

        @Option(name = "-o", aliases = "--output", metaVar = "PNG", required = true, usage = "image to write")
        String output;

        @Option(name = "-k", aliases = "--top", metaVar = "N", usage = "neighbours drawn per word (default 10)")
        int k = 10;

        @Option(name = "--size", metaVar = "WxH", usage = "image size in pixels (default 1200x900)")
        String size = "1200x900";

        @Option(name = "--restrict", metaVar = "N",
                usage = "neighbours only among the first N words of the file (default: all)")
        int restrict = Integer.MAX_VALUE;

        @Option(name = "--", handler = StopOptionHandler.class, usage = "everything after is a word")
        List<String> rest = new ArrayList<>();
    }

    public MapCommand() {
        this(VectorLoader.STANDARD, System.in);
    }

    MapCommand(VectorLoader loader, InputStream in) {
        super(loader, in);
    }

    @Override
    public String name() {
        return "map";
    }

    @Override
    public String summary() {
        return "draw words and their nearest neighbours on a 2-D PCA map (PNG)";
    }

    @Override
    String synopsis() {
        return "map FILE WORD... -o OUT.png [-k N] [--size WxH] [--restrict N]";
    }

    @Override
    String description() {
        return """
                Projects the unit vectors of the WORDs and of their k nearest neighbours on their first two
                principal components and draws them, labelled, with each word linked to its neighbours.""";
    }

    @Override
    Options options() {
        return new Options();
    }

    @Override
    int run(Options o, PrintStream out, PrintStream err) throws Exception {
        List<String> args = new ArrayList<>(o.arguments);
        args.addAll(o.rest);
        if (args.size() < 2) {
            throw new UsageException(args.isEmpty() ? "no vector file given" : "no words given");
        }
        if (o.k < 0) {
            throw new UsageException("-k must not be negative, got " + o.k);
        }
        if (o.restrict < 1) {
            throw new UsageException("--restrict must be at least 1, got " + o.restrict);
        }
        for (String w : args.subList(1, args.size())) {
            if (w.isBlank()) {
                throw new UsageException("an empty word; each WORD needs at least one character");
            }
        }
        int[] size = parseSize(o.size);
        Path file = Path.of(args.get(0));
        // Before loading and drawing: a bad -o must not cost the work.
        new OutputPolicy().output("-o", o.output).input("the vector file", file).check();
        Path png = Path.of(o.output);
        List<String> words = args.subList(1, args.size());
        try (WordVectors v = load(file, 0); NormalizedMatrix m = NormalizedMatrix.of(v)) {
            WordMap map = WordMap.of(new Neighbours(m), words, o.k, o.restrict);
            if (!map.unknown().isEmpty()) {
                err.println("w2v map: not in the vocabulary, left out: " + String.join(", ", map.unknown()));
            }
            for (String why : map.noDirection()) {
                err.println("w2v map: " + why + "; left out");
            }
            if (map.points().isEmpty()) {
                err.println("w2v map: none of the words " + (map.noDirection().isEmpty() ? "is in the vocabulary"
                        : "can be drawn") + "; nothing to draw");
                return 1;
            }
            map.writePng(png, size[0], size[1]);
            double[] e = map.explained();
            out.println(String.format(Locale.ROOT, "wrote %s: %d words, %dx%d; the axes explain %.1f%% and %.1f%% of "
                    + "the variance", png, map.points().size(), size[0], size[1], 100 * e[0], 100 * e[1]));
            return map.unknown().isEmpty() && map.noDirection().isEmpty() ? 0 : 1;
        }
    }

    static int[] parseSize(String s) throws UsageException {
        String[] p = s.toLowerCase(Locale.ROOT).split("x");
        try {
            if (p.length == 2) {
                int w = Integer.parseInt(p[0].strip());
                int h = Integer.parseInt(p[1].strip());
                if (w >= 64 && h >= 64 && w <= 20_000 && h <= 20_000) {
                    return new int[] {w, h};
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--size must be WIDTHxHEIGHT between 64 and 20000 pixels, like 1200x900; got " + s);
    }
}
