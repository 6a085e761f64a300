"""Trains gensim Word2Vec on a corpus file and writes word2vec-format vectors; called (and timed) by e2e.sh.

usage: gensim_train.py CORPUS OUTPUT --threads N --iter N --sg 0|1 --hs 0|1 --negative N --alpha X --binary 0|1
                       [--size 100 --window 5 --sample 1e-4 --min-count 5 --seed 1]
"""
import argparse
import logging
import sys

from gensim.models import Word2Vec


def main():
    p = argparse.ArgumentParser()
    p.add_argument("corpus")
    p.add_argument("output")
    p.add_argument("--threads", type=int, required=True)
    p.add_argument("--iter", type=int, required=True)
    p.add_argument("--sg", type=int, required=True)
    p.add_argument("--hs", type=int, required=True)
    p.add_argument("--negative", type=int, required=True)
    p.add_argument("--alpha", type=float, required=True)
    p.add_argument("--binary", type=int, default=0)
    p.add_argument("--size", type=int, default=100)
    p.add_argument("--window", type=int, default=5)
    p.add_argument("--sample", type=float, default=1e-4)
    p.add_argument("--min-count", type=int, default=5)
    p.add_argument("--seed", type=int, default=1)  # gensim's default; bench/seeds.sh varies it
    a = p.parse_args()
    logging.basicConfig(format="%(asctime)s %(levelname)s %(message)s", level=logging.INFO, stream=sys.stderr)
    model = Word2Vec(corpus_file=a.corpus, vector_size=a.size, window=a.window, negative=a.negative, hs=a.hs,
                     sample=a.sample, min_count=a.min_count, epochs=a.iter, workers=a.threads, sg=a.sg,
                     alpha=a.alpha, seed=a.seed)
    model.wv.save_word2vec_format(a.output, binary=bool(a.binary))


if __name__ == "__main__":
    main()
