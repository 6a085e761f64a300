package w2v.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.kohsuke.args4j.CmdLineException;
import org.kohsuke.args4j.CmdLineParser;
import org.kohsuke.args4j.ParserProperties;
import w2v.io.InvalidUtf8Exception;
import w2v.io.ReadOptions;
import w2v.model.WordVectors;

/**
 * What the commands that read a vector file share: args4j parsing into a fresh options object, loading, and
 * turning every failure a user can cause into one line on stderr and an exit code (2 for usage, 1 otherwise).
 *
 * @param <O> the options bean (args4j fields), with the reading flags of {@link LoadOptions}
 */
abstract class QueryCommand<O extends LoadOptions> implements Command {

    private final VectorLoader loader;
    private final InputStream in;
    /** The reading flags of the run in progress, for {@link #load}. */
    private LoadOptions loadOptions = new LoadOptions();

    QueryCommand(VectorLoader loader, InputStream in) {
        this.loader = loader;
        this.in = in;
    }

    /** A fresh options bean. */
    abstract O options();

    /** Runs with parsed options; may throw {@link UsageException} for bad arguments. */
    abstract int run(O options, PrintStream out, PrintStream err) throws Exception;

    /** The usage synopsis after "usage: w2v ". */
    abstract String synopsis();

    /** Extra lines explaining the command, shown with --help. */
    abstract String description();

    @Override
    public final int run(String[] args, PrintStream out, PrintStream err) {
        O options = options();
        CmdLineParser parser = new CmdLineParser(options,
                ParserProperties.defaults().withUsageWidth(100).withAtSyntax(false));
        for (String a : args) {
            if (a.equals("-h") || a.equals("--help")) {
                out.println("usage: w2v " + synopsis());
                out.println(description());
                parser.printUsage(out);
                return 0;
            }
        }
        try {
            parser.parseArgument(args);
            loadOptions = options;
            return run(options, out, err);
        } catch (CmdLineException | UsageException e) {
            // One line, as for every other error: the message, then where the usage is.
            err.println("w2v " + name() + ": " + e.getMessage() + "; usage: w2v " + synopsis());
            return 2;
        } catch (NoSuchFileException e) {
            err.println("w2v " + name() + ": no such file: " + e.getFile());
            return 1;
        } catch (AccessDeniedException e) {
            err.println("w2v " + name() + ": permission denied: " + e.getFile());
            return 1;
        } catch (IOException e) {
            err.println("w2v " + name() + ": " + e.getMessage());
            return 1;
        } catch (UncheckedIOException e) {
            err.println("w2v " + name() + ": " + e.getCause().getMessage());
            return 1;
        } catch (IllegalArgumentException | UnsupportedOperationException | OutOfMemoryError e) {
            err.println("w2v " + name() + ": " + (e instanceof OutOfMemoryError
                    ? "out of memory; give Java more with W2V_JAVA_OPTS=-Xmx..." : e.getMessage()));
            return 1;
        } catch (Exception e) {
            err.println("w2v " + name() + ": " + e);
            return 1;
        }
    }

    /**
     * Loads a vector file with the run's reading flags, checking first that it is there (for a clear message).
     *
     * @param limit read only the first this many words (0 = all)
     */
    WordVectors load(Path file, int limit) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (Files.isDirectory(file)) {
            throw new IOException(file + " is a directory, not a vector file");
        }
        ReadOptions options = ReadOptions.DEFAULT.withLimit(limit).withUnicodeErrors(loadOptions.unicodeErrors);
        try {
            return loader.load(file, options);
        } catch (InvalidUtf8Exception e) {
            throw new IOException(e.problem() + "; rerun with " + LoadOptions.UNICODE_ERRORS
                    + " replace to accept it (invalid UTF-8 becomes U+FFFD)", e);
        }
    }

    BufferedReader stdin() {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    static String seconds(long startNanos) {
        return String.format(Locale.ROOT, "%.2f s", (System.nanoTime() - startNanos) / 1e9);
    }

    /** Bad arguments found after parsing: reported with the usage line, exit code 2. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }
}
