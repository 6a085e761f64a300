"""Google analogy accuracy of a word2vec-format vector file, as gensim computes it.

usage: analogy.py VECTORS QUESTIONS [binary 0|1]
Prints one line: "<accuracy %> <questions answered> <seconds>".
"""
import logging
import sys
import time

from gensim.models import KeyedVectors


def main():
    path, questions = sys.argv[1], sys.argv[2]
    binary = len(sys.argv) > 3 and sys.argv[3] == "1"
    logging.basicConfig(level=logging.WARNING)
    kv = KeyedVectors.load_word2vec_format(path, binary=binary, unicode_errors="replace")
    t = time.time()
    score, sections = kv.evaluate_word_analogies(questions, restrict_vocab=30000, case_insensitive=True)
    total = [s for s in sections if s["section"] == "Total accuracy"]
    answered = sum(len(s["correct"]) + len(s["incorrect"]) for s in total)
    print("%.2f %d %.1f" % (100 * score, answered, time.time() - t))


if __name__ == "__main__":
    main()
