package w2v.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a run trains on: one or more sources, each a text file (plain or gzip) or a directory, read in the order
 * given as if their files were concatenated, each file ending its last word and sentence. A directory stands
 * for the files directly in it (not those of its subdirectories), in the byte order of their names, as
 * {@code LC_ALL=C ls} lists them: the order of the One Billion Word benchmark's 100 shards.
 *
 * <p>Every file is checked before anything is allocated ({@link CorpusFile#of}); an empty one among several is
 * skipped with a warning, the same file given twice is refused (it would be trained on twice per epoch).
 */
public final class Corpus {

    /** Something a run goes on without, said in one line after the file or directory it is about. */
    public record Warning(Path file, String reason) {
    }

    private final String name;
    private final List<CorpusFile> files;
    private final List<Warning> warnings;

    private Corpus(String name, List<CorpusFile> files, List<Warning> warnings) {
        this.name = name;
        this.files = List.copyOf(files);
        this.warnings = List.copyOf(warnings);
    }

    /** A corpus of one file, checked already. */
    public static Corpus of(CorpusFile file) {
        return new Corpus(file.path().toString(), List.of(file), List.of());
    }

    /** One source, a file or a directory. */
    public static Corpus of(Path source) {
        return of(List.of(source));
    }

    /**
     * Checks every source; throws {@link CorpusException} naming the file (or the directory) that cannot be
     * trained on.
     */
    public static Corpus of(List<Path> sources) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no training source");
        }
        List<Warning> warnings = new ArrayList<>();
        List<Path> candidates = new ArrayList<>();
        for (Path source : sources) {
            Objects.requireNonNull(source, "source");
            if (isDirectory(source)) {
                candidates.addAll(filesIn(source, warnings));
            } else {
                candidates.add(source);
            }
        }
        List<CorpusFile> files = new ArrayList<>();
        List<EmptySourceException> empty = new ArrayList<>();
        for (Path p : candidates) {
            try {
                CorpusFile f = CorpusFile.of(p);
                refuseRepeat(f, files);
                files.add(f);
            } catch (EmptySourceException e) {
                empty.add(e);
            }
        }
        String name = name(sources);
        if (files.isEmpty()) {
            if (candidates.size() == 1) {
                throw empty.get(0);
            }
            throw new CorpusException(Path.of(name), "all " + candidates.size() + " files are empty");
        }
        for (EmptySourceException e : empty) {
            warnings.add(new Warning(e.file(), e.reason() + "; skipped"));
        }
        return new Corpus(name, files, warnings);
    }

    /**
     * The files {@code sources} stand for, unchecked: a file itself, the entries of a directory (and the
     * directory). For comparing outputs with inputs before the sources are checked.
     */
    public static List<Path> filesOf(List<Path> sources) {
        List<Path> files = new ArrayList<>();
        for (Path source : sources) {
            files.add(source);
            if (isDirectory(source)) {
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(source)) {
                    entries.forEach(files::add);
                } catch (IOException e) {
                    // refused with its reason when the sources are checked
                }
            }
        }
        return files;
    }

    /** An empty name is no directory (Java would take it for the working directory): CorpusFile refuses it. */
    private static boolean isDirectory(Path p) {
        return !p.toString().isEmpty() && Files.isDirectory(p);
    }

    /** The regular files (or links to them) directly in {@code dir}, by the bytes of their names. */
    private static List<Path> filesIn(Path dir, List<Warning> warnings) {
        List<Path> files = new ArrayList<>();
        int subdirectories = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                if (Files.isDirectory(p)) {
                    subdirectories++;
                } else {
                    files.add(p); // special files are refused by name when checked
                }
            }
        } catch (AccessDeniedException e) {
            throw new CorpusException(dir, "permission denied");
        } catch (IOException e) {
            throw new CorpusException(dir, "cannot list the directory (" + e.getMessage() + ")");
        }
        if (files.isEmpty()) {
            throw new CorpusException(dir, subdirectories == 0 ? "is an empty directory"
                    : "holds no files, only " + plural(subdirectories, "subdirectory", "subdirectories")
                            + ", and -train reads the files directly in a directory, not those below");
        }
        if (subdirectories > 0) {
            warnings.add(new Warning(dir, plural(subdirectories, "subdirectory", "subdirectories")
                    + " not read (only the files directly in a directory are)"));
        }
        files.sort((a, b) -> Arrays.compareUnsigned(nameBytes(a), nameBytes(b)));
        return files;
    }

    private static byte[] nameBytes(Path p) {
        return p.getFileName().toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void refuseRepeat(CorpusFile f, List<CorpusFile> earlier) {
        for (CorpusFile e : earlier) {
            if (f.key() != null ? f.key().equals(e.key()) : f.path().toAbsolutePath().equals(e.path().toAbsolutePath())) {
                throw new CorpusException(f.path(), "is the same file as " + e.path()
                        + ", given twice: it would be trained on twice every epoch");
            }
        }
    }

    private static String name(List<Path> sources) {
        if (sources.size() == 1) {
            return sources.get(0).toString();
        }
        return sources.get(0) + " and " + plural(sources.size() - 1, "other source", "other sources");
    }

    private static String plural(long n, String one, String many) {
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? one : many);
    }

    /** The source as given, or the first and how many others: for messages. */
    public String name() {
        return name;
    }

    /** The files, in reading order. */
    public List<CorpusFile> files() {
        return files;
    }

    /** One line each: files skipped as empty, subdirectories not read. */
    public List<Warning> warnings() {
        return warnings;
    }

    /** Bytes of all files as stored (compressed for gzip files): what progress through the sources counts. */
    public long size() {
        long s = 0;
        for (CorpusFile f : files) {
            s += f.size();
        }
        return s;
    }

    /** True if any file is gzip-compressed. */
    public boolean hasGzip() {
        for (CorpusFile f : files) {
            if (f.isGzip()) {
                return true;
            }
        }
        return false;
    }

    /** Throws {@link CorpusChangedException} for the first file that changed since it was checked. */
    public void checkUnchanged() {
        for (CorpusFile f : files) {
            f.checkUnchanged();
        }
    }
}
