package w2v.files;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The outputs and inputs of one run, checked together before any work: every output must be writable (see
 * {@link OutputTarget}), no output may be the same file as an input, and no two outputs may be the same file.
 * Files are compared by identity after following links, so a symbolic or a hard link to an input is caught.
 * Names are what the user typed to give the file (a flag such as {@code -train}), for the one-line messages.
 */
public final class OutputPolicy {

    private record Output(String name, String path) {
    }

    private record Input(String name, Path path, String replacedBy) {
    }

    private final List<Output> outputs = new ArrayList<>();
    private final List<Input> inputs = new ArrayList<>();

    /** An output as the user typed it; a null path (the output was not asked for) is ignored. */
    public OutputPolicy output(String name, String path) {
        if (path != null) {
            outputs.add(new Output(Objects.requireNonNull(name), path));
        }
        return this;
    }

    public OutputPolicy output(String name, Path path) {
        return output(name, path == null ? null : path.toString());
    }

    /** An input no output may overwrite; a null path is ignored. */
    public OutputPolicy input(String name, Path path) {
        return inputReadFirst(name, path, null);
    }

    /** Inputs given under one name (the files of a -train directory, say). */
    public OutputPolicy inputs(String name, List<Path> paths) {
        for (Path p : paths) {
            input(name, p);
        }
        return this;
    }

    /**
     * An input read completely before the output named {@code outputName} is first written, which may therefore
     * replace it: a checkpoint that a run resumes from and then writes again. Every other output is refused.
     */
    public OutputPolicy inputReadFirst(String name, Path path, String outputName) {
        if (path != null) {
            inputs.add(new Input(Objects.requireNonNull(name), path, outputName));
        }
        return this;
    }

    /**
     * Resolves every output, then compares.
     *
     * @return the outputs, in the order given
     * @throws OutputException with the one line naming the output (and the input or output it collides with)
     */
    public List<OutputTarget> check() throws OutputException {
        List<OutputTarget> targets = new ArrayList<>();
        for (Output o : outputs) {
            targets.add(OutputTarget.of(o.name(), o.path()));
        }
        for (OutputTarget t : targets) {
            for (Input in : inputs) {
                if (!t.name().equals(in.replacedBy()) && t.overwrites(in.path())) {
                    throw new OutputException(t.label() + " is the same file as " + in.name() + " " + in.path()
                            + "; refusing to overwrite an input");
                }
            }
        }
        for (int i = 1; i < targets.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (targets.get(i).collidesWith(targets.get(j))) {
                    throw new OutputException(targets.get(i).label() + " is the same file as " + targets.get(j).label()
                            + "; each output needs a file of its own");
                }
            }
        }
        return targets;
    }
}
