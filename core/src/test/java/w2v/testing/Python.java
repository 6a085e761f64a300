package w2v.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Python scripts from tests, to check our files against gensim, the reference reader most users load
 * word2vec files with. The interpreter is {@code $W2V_PYTHON}, else {@code /usr/bin/python3} (where Debian's
 * python3-gensim installs). A missing gensim fails the test instead of skipping it: a skipped compatibility
 * test would let a broken format pass unnoticed, and CI installs gensim (.ci/run).
 */
public final class Python {

    public static final String ENV = "W2V_PYTHON";
    public static final String DEFAULT = "/usr/bin/python3";
    private static final long TIMEOUT_SECONDS = 300;

    private Python() {
    }

    public static String executable() {
        String env = System.getenv(ENV);
        return env == null || env.isBlank() ? DEFAULT : env;
    }

    /** Fails the calling test with the install command when {@code import gensim} does not work. */
    public static void requireGensim() {
        Result r = exec("import gensim, numpy\nprint(gensim.__version__)", List.of());
        if (r.exit != 0) {
            fail("gensim is not importable by " + executable() + " (" + lastLine(r.stderr) + "). Install it with"
                    + " `apt-get install python3-gensim`, or set " + ENV + " to a Python that has gensim. These"
                    + " tests check our files against gensim and are never skipped.");
        }
    }

    /** Runs {@code script} with {@code args} ({@code sys.argv[1:]}); fails the test unless it exits 0. */
    public static String run(String script, String... args) {
        Result r = exec(script, List.of(args));
        if (r.exit != 0) {
            fail(executable() + " exited with " + r.exit + ":\n" + r.stderr);
        }
        return r.stdout;
    }

    private record Result(int exit, String stdout, String stderr) {
    }

    private static Result exec(String script, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(executable(), "-c", script));
        cmd.addAll(args);
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("python-out", ".txt");
            err = Files.createTempFile("python-err", ".txt");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().put("PYTHONIOENCODING", "utf-8");
            pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
            Process p = pb.start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(executable() + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, "", "cannot run " + executable() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static String lastLine(String s) {
        String[] lines = s.strip().split("\n");
        return lines[lines.length - 1];
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // a temp file left behind is harmless
            }
        }
    }
}
