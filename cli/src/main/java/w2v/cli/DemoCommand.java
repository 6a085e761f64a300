package w2v.cli;

import java.io.PrintStream;

/** {@code w2v demo}: the README's first command. Filled in once the generator and query tools land. */
final class DemoCommand implements Command {
    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "generate a small corpus with planted structure, train on it, show neighbours and an analogy";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        err.println("w2v demo: not available yet");
        return 1;
    }
}
