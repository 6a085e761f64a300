"""Plots words/sec against threads, one line per trainer, from e2e.sh's runs.tsv.

usage: plot.py RUNS_TSV OUTPUT_PNG TITLE
runs.tsv columns: trainer threads wall_s cpu_s words_per_sec rss_mb analogy status round (header line first).
With several rounds (e2e.sh --repeat) each point is the median of the trainer's successful runs.
"""
import csv
import statistics
import sys
import textwrap

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def main():
    tsv, png, title = sys.argv[1], sys.argv[2], sys.argv[3]
    runs = {}
    with open(tsv, newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["status"] != "ok":
                continue
            runs.setdefault(row["trainer"], {}).setdefault(int(row["threads"]), []).append(
                float(row["words_per_sec"]))
    series = {name: [(t, statistics.median(w)) for t, w in by_threads.items()] for name, by_threads in runs.items()}
    fig, ax = plt.subplots(figsize=(7, 4.5))
    threads = sorted({t for pts in series.values() for t, _ in pts})
    for name, pts in series.items():
        pts.sort()
        ax.plot([t for t, _ in pts], [w / 1e3 for _, w in pts], marker="o", label=name)
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


if __name__ == "__main__":
    main()
