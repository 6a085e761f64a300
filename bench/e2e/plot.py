"""Plots words/sec against threads, one line per trainer, from e2e.sh's runs.tsv.

usage: plot.py RUNS_TSV OUTPUT_PNG TITLE
runs.tsv columns: trainer threads wall_s cpu_s words_per_sec rss_mb analogy status round (header line first;
lines starting with '#' are skipped). With several rounds (e2e.sh --repeat) each point is the median of the
trainer's successful runs. bench/e2e/report.py draws the plots of BENCHMARKS.md with plot_runs.
"""
import csv
import statistics
import sys
import textwrap

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

LABELS = {"ours": "w2v", "word2vec": "word2vec C", "pword2vec": "pWord2Vec", "fasttext": "fastText",
          "gensim": "gensim"}


def read_runs(tsv):
    """The rows of a runs.tsv (or of a results .tsv, whose '# key: value' lines are skipped) as dicts."""
    with open(tsv, newline="") as f:
        return list(csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t"))


def plot_runs(rows, png, title):
    runs = {}
    for row in rows:
        if row["status"] != "ok":
            continue
        runs.setdefault(row["trainer"], {}).setdefault(int(row["threads"]), []).append(
            float(row["words_per_sec"]))
    series = {name: sorted((t, statistics.median(w)) for t, w in by_threads.items())
              for name, by_threads in runs.items()}
    fig, ax = plt.subplots(figsize=(7, 4.5))
    threads = sorted({t for pts in series.values() for t, _ in pts})
    for name, pts in series.items():
        ax.plot([t for t, _ in pts], [w / 1e3 for _, w in pts], marker="o", label=LABELS.get(name, name))
    ax.set_xlabel("threads")
    ax.set_ylabel("words/sec (thousands), whole process")
    ax.set_xticks(threads or [1])
    ax.set_ylim(bottom=0)
    ax.grid(True, alpha=0.3)
    ax.set_title(textwrap.fill(title, 80), fontsize=9)
    if series:
        ax.legend()
    else:
        ax.text(0.5, 0.5, "no successful run", ha="center", transform=ax.transAxes)
    fig.tight_layout()
    fig.savefig(png, dpi=110)
    plt.close(fig)


def main():
    tsv, png, title = sys.argv[1], sys.argv[2], sys.argv[3]
    plot_runs(read_runs(tsv), png, title)


if __name__ == "__main__":
    main()
