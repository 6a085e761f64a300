package w2v.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/** {@code bin/w2v COMMAND ...}: dispatches to a subcommand. */
public final class Main {

    private Main() {
    }

    static List<Command> commands() {
        return List.of(new DemoCommand(), new TrainCommand(), new SimilarCommand(), new AnalogyCommand(),
                new SimilarityCommand(), new DoesntMatchCommand(), new EvalCommand(), new MapCommand(),
                new ClassesCommand(), new PhrasesCommand());
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            usage(args.length == 0 ? err : out);
            return args.length == 0 ? 2 : 0;
        }
        for (Command c : commands()) {
            if (c.name().equals(args[0])) {
                String[] rest = Arrays.copyOfRange(args, 1, args.length);
                try {
                    return c.run(rest, out, err);
                } catch (OutOfMemoryError e) {
                    err.println("w2v " + c.name() + ": out of memory; give the JVM more (W2V_JAVA_OPTS=-Xmx...)"
                            + " or shrink the vocabulary (-min-count)");
                    return 1;
                } catch (Exception e) {
                    err.println("w2v " + c.name() + ": " + Errors.describe(e));
                    if (Errors.verbose()) {
                        e.printStackTrace(err);
                    }
                    return 1;
                }
            }
        }
        // word2vec C scripts call the binary with flags directly: "-train x -output y" means train.
        if (args[0].startsWith("-")) {
            return new TrainCommand().runOrReport(args, out, err);
        }
        err.println("w2v: unknown command '" + args[0] + "'; run 'w2v --help' for the list");
        return 2;
    }

    private static void usage(PrintStream s) {
        s.println("usage: w2v COMMAND [ARGS]   (w2v COMMAND --help for its flags)");
        s.println();
        for (Command c : commands()) {
            s.printf("  %-12s %s%n", c.name(), c.summary());
        }
        s.println();
        s.println("'w2v -train FILE -output FILE ...' is 'w2v train ...', for word2vec C scripts.");
    }
}
