package w2v.cli;

import java.io.PrintStream;

/** One subcommand of {@code bin/w2v}. */
public interface Command {
    /** The word after {@code w2v} that selects this command. */
    String name();

    /** One line for the command list. */
    String summary();

    /**
     * Runs the command. Errors a user can fix are reported as one line on {@code err} and a non-zero return,
     * never a stack trace.
     *
     * @return the process exit code
     */
    int run(String[] args, PrintStream out, PrintStream err) throws Exception;
}
