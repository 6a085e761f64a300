package w2v.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import w2v.Word2Vec;

/**
 * The README's "Use from Java" example, taken verbatim from README.md, compiled against the core module and run
 * in a JVM of its own with the flags the README names: the example keeps working, and it can reach nothing but
 * the exported package.
 */
class ReadmeExampleTest {

    @TempDir
    Path dir;

    @Test
    void theReadmeExampleCompilesAndRunsOnTheModulePath() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(m.find(), "README.md has a ```java block");
        String source = m.group(1);
        Path src = dir.resolve("Example.java");
        Files.writeString(src, source);
        Path module = Path.of(Word2Vec.class.getProtectionDomain().getCodeSource().getLocation().toURI());

        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, diagnostics, diagnostics, "-d",
                dir.resolve("classes").toString(), "-classpath", dir.toString(), "--module-path", module.toString(), "--add-modules", "w2v.core",
                src.toString());
        assertEquals(0, compiled, diagnostics.toString(StandardCharsets.UTF_8));

        writeCorpus(dir.resolve("corpus.txt"));
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process p = new ProcessBuilder(java, "--module-path", module.toString(),
                "--add-modules", "w2v.core,jdk.incubator.vector", "--enable-native-access=w2v.core",
                "-cp", dir.resolve("classes").toString(), "Example", "corpus.txt")
                .directory(dir.toFile()).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), err);
        List<String> lines = out.lines().toList();
        assertEquals(10, lines.size(), out + err);
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("king ") || l.startsWith("woman ")
                || l.startsWith("man ")), "query words are not answers: " + out);
        assertTrue(Files.size(dir.resolve("vectors.bin")) > 0);
    }

    @Test
    void internalPackagesAreNotExported() throws Exception {
        Path src = dir.resolve("Peek.java");
        Files.writeString(src, "class Peek { w2v.train.Trainer t; }");
        Path module = Path.of(Word2Vec.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, diagnostics, diagnostics, "-d",
                dir.resolve("classes").toString(), "-classpath", dir.toString(), "--module-path", module.toString(), "--add-modules", "w2v.core",
                src.toString());
        assertEquals(1, compiled);
        assertTrue(diagnostics.toString(StandardCharsets.UTF_8).contains("is not visible"),
                diagnostics.toString(StandardCharsets.UTF_8));
    }

    /** Random words with the example's query words among them, often enough to pass -min-count. */
    private static void writeCorpus(Path file) throws Exception {
        Random r = new Random(1);
        String[] named = {"king", "queen", "man", "woman", "prince", "princess", "boy", "girl"};
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
            for (int line = 0; line < 3_000; line++) {
                for (int i = 0; i < 12; i++) {
                    w.print(r.nextInt(10) == 0 ? named[r.nextInt(named.length)] : "w" + r.nextInt(300));
                    w.print(' ');
                }
                w.println();
            }
        }
    }
}
