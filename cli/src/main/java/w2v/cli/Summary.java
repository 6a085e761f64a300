package w2v.cli;

import java.nio.file.Path;
import java.util.Locale;
import w2v.train.config.TrainingConfig;
import w2v.train.TrainingProgress;
import w2v.vocab.Vocabulary;
import w2v.vocab.VocabularyStats;

/** The progress and summary lines of {@code w2v train}. */
final class Summary {

    private Summary() {
    }

    /** @param loss the mean loss per word trained since the previous line (NaN: none yet) */
    static String progressLine(TrainingProgress p, double loss) {
        double s = p.elapsedSeconds();
        double rate = p.wordsPerSecond();
        double eta = rate > 0 ? (p.target() - p.wordsDone()) / rate : Double.NaN;
        return String.format(Locale.ROOT,
                "Progress: %5.1f%%  alpha %.6f  loss %s  words/sec %s (%s/thread)  elapsed %s  ETA %s",
                100 * p.fraction(), p.alpha(), loss(loss), si(rate), si(rate / p.threads()), clock(s), clock(eta));
    }

    static String loss(double x) {
        return Double.isNaN(x) ? "-" : String.format(Locale.ROOT, "%.4f", x);
    }

    /** "; loss per word by epoch 3.1234 2.9876", or nothing when no epoch was finished. */
    static String epochLosses(TrainingProgress p) {
        double[] losses = p.epochLosses();
        if (losses.length == 0) {
            return "";
        }
        StringBuilder b = new StringBuilder("; loss per word by epoch");
        for (double l : losses) {
            b.append(' ').append(loss(l));
        }
        return b.toString();
    }

    static String vocabulary(VocabularyStats st, Vocabulary v, long minCount) {
        // v holds </s> (the line ends) at index 0; the distinct count, like the tokens, has words only.
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "Vocabulary: %,d words (count >= %d) of %,d distinct; %,d tokens, %,d lines",
                v.size() - 1, minCount, st.distinct(), st.tokens(), st.lines()));
        if (st.truncatedWords() > 0) {
            b.append(String.format(Locale.ROOT, "; %,d words longer than 100 bytes cut", st.truncatedWords()));
        }
        if (st.invalidUtf8Words() > 0) {
            b.append(String.format(Locale.ROOT, "; %,d words with invalid UTF-8 (written with U+FFFD)",
                    st.invalidUtf8Words()));
        }
        if (st.prunedWhileCounting() > 0) {
            b.append(String.format(Locale.ROOT, "; %,d rare words pruned while counting", st.prunedWhileCounting()));
        }
        return b.toString();
    }

    /** @param written what went to {@code out}, as "82,150 x 100 vectors (text)" */
    static String training(TrainingProgress p, TrainingConfig c, String written, Path out, double writeSeconds) {
        double s = p.elapsedSeconds();
        double rate = p.wordsPerSecond();
        return String.format(Locale.ROOT,
                "Trained %s words (%d epochs) in %.1f s: %s words/sec, %s/thread (%d threads)%s; wrote %s to %s in %.1f s",
                si(p.wordsDone()), c.epochs(), s, si(rate), si(rate / c.threads()), c.threads(), epochLosses(p),
                written, out, writeSeconds);
    }

    static String si(double x) {
        if (Double.isNaN(x)) {
            return "-";
        }
        if (x >= 1e9) {
            return String.format(Locale.ROOT, "%.2fG", x / 1e9);
        }
        if (x >= 1e6) {
            return String.format(Locale.ROOT, "%.2fM", x / 1e6);
        }
        if (x >= 1e3) {
            return String.format(Locale.ROOT, "%.1fk", x / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f", x);
    }

    static String bytes(double x) {
        if (x >= 1 << 30) {
            return String.format(Locale.ROOT, "%.2f GB", x / (1 << 30));
        }
        if (x >= 1 << 20) {
            return String.format(Locale.ROOT, "%.1f MB", x / (1 << 20));
        }
        return String.format(Locale.ROOT, "%.0f KB", x / 1024);
    }

    static String clock(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "-";
        }
        long t = Math.round(seconds);
        return t >= 3600 ? String.format("%d:%02d:%02d", t / 3600, t / 60 % 60, t % 60)
                : String.format("%d:%02d", t / 60, t % 60);
    }
}
