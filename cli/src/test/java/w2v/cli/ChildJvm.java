package w2v.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code w2v} in a JVM of its own, for what an in-process run cannot show: signals, ulimits, a cold JIT.
 * stdout is discarded; stderr is kept without the JVM's own warnings (incubator module).
 */
final class ChildJvm {

    record Result(int exit, String err) {
        Result {
            err = err.lines().filter(l -> !l.startsWith("WARNING:")).reduce("", (a, b) -> a + b + "\n");
        }
    }

    private ChildJvm() {
    }

    /**
     * {@code prefix}, then this JVM's java with {@code jvmFlags} running w2v.cli.Main (perf data off: a ulimit
     * must only hit the files w2v writes).
     */
    static List<String> command(List<String> prefix, String... jvmFlags) {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(ProcessHandle.current().info().command().orElseThrow());
        cmd.addAll(List.of(jvmFlags));
        cmd.addAll(List.of("-XX:-UsePerfData", "--add-modules=jdk.incubator.vector", "-cp",
                System.getProperty("java.class.path"), "w2v.cli.Main"));
        return cmd;
    }

    static Result run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "process ended");
        return new Result(p.exitValue(), err);
    }

    /** Runs {@code cmd} and sends it SIGTERM {@code millis} after training began (its "Vocabulary:" line). */
    static Result runAndTerminate(List<String> cmd, long millis) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        StringBuilder err = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                err.append(line).append('\n');
                if (line.startsWith("Vocabulary:")) {
                    Thread.sleep(millis);
                    p.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of stderr
                }
            }
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "process ended");
        return new Result(p.exitValue(), err.toString());
    }
}
