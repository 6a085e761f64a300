package w2v.train;

/**
 * The mean loss per word trained of the interval between two calls of {@link #sinceLast}, for progress reports;
 * the last known mean when no word was trained in between (NaN before the first). Not thread-safe: one reporter.
 */
public final class IntervalLoss {

    private final TrainingProgress progress;
    private TrainingProgress.LossTotals last;
    private double mean = Double.NaN;

    public IntervalLoss(TrainingProgress progress) {
        this.progress = progress;
        this.last = progress.lossTotals();
    }

    public double sinceLast() {
        TrainingProgress.LossTotals now = progress.lossTotals();
        double m = now.meanSince(last);
        if (!Double.isNaN(m)) {
            mean = m;
            last = now;
        }
        return mean;
    }
}
