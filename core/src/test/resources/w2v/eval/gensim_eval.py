"""Reference figures from gensim 4.2 for GensimComparisonTest.

usage: gensim_eval.py VECTORS QUESTIONS PAIRS
Prints one record per line, tab-separated:
  ANALOGY <config> SECTION <name> <correct> <incorrect>
  ANALOGY <config> LOG <gensim's log message>
  PAIRS <config> <pearson> <pearson p> <spearman> <spearman p> <oov ratio>
  PAIRS <config> LOG <gensim's log message>
  SIMILAR <method> <a> <b> <c> <word> <score>   (top 10 of most_similar / most_similar_cosmul)
"""
import logging
import sys

import numpy as np
from gensim import matutils
from gensim.models import KeyedVectors

vectors, questions, pairs = sys.argv[1:4]


class Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.INFO)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


collect = Collect()
log = logging.getLogger('gensim.models.keyedvectors')
log.setLevel(logging.INFO)
log.addHandler(collect)
log.propagate = False

kv = KeyedVectors.load_word2vec_format(vectors, binary=False)


def cosmul_restricted(positive=None, negative=None, topn=10, restrict_vocab=None):
    """most_similar_cosmul as gensim 4.2 writes it, but honouring restrict_vocab (4.2 ignores it)."""
    kv.fill_norms()
    all_words = {kv.get_index(w) for w in positive + negative if w in kv.key_to_index}
    pos = [kv.get_vector(w, norm=True) for w in positive]
    neg = [kv.get_vector(w, norm=True) for w in negative]
    end = restrict_vocab or len(kv.vectors)
    vecs, norms = kv.vectors[:end], kv.norms[:end]
    pos_dists = [((1 + np.dot(vecs, t) / norms) / 2) for t in pos]
    neg_dists = [((1 + np.dot(vecs, t) / norms) / 2) for t in neg]
    dists = np.prod(pos_dists, axis=0) / (np.prod(neg_dists, axis=0) + 0.000001)
    best = matutils.argsort(dists, topn=topn + len(all_words), reverse=True)
    return [(kv.index_to_key[s], float(dists[s])) for s in best if s not in all_words][:topn]


def analogy(config, method='add', **kw):
    collect.messages.clear()
    if method == 'mul':
        kv.most_similar = cosmul_restricted
    try:
        _, sections = kv.evaluate_word_analogies(questions, **kw)
    finally:
        if method == 'mul':
            del kv.most_similar
    for s in sections:
        print('ANALOGY', config, 'SECTION', s['section'], len(s['correct']), len(s['incorrect']), sep='\t')
    for m in collect.messages:
        if '%' in m and not m.startswith('NB'):
            print('ANALOGY', config, 'LOG', m, sep='\t')


def word_pairs(config, **kw):
    collect.messages.clear()
    pearson, spearman, oov = kv.evaluate_word_pairs(pairs, **kw)
    print('PAIRS', config, repr(float(pearson[0])), repr(float(pearson[1])), repr(float(spearman[0])),
          repr(float(spearman[1])), repr(float(oov)), sep='\t')
    for m in collect.messages:
        if 'coefficient' in m or 'ratio' in m:
            print('PAIRS', config, 'LOG', m.replace(pairs, 'PAIRS'), sep='\t')


analogy('default')
analogy('restrict150', restrict_vocab=150)
analogy('cased', case_insensitive=False)
analogy('dummy150', restrict_vocab=150, dummy4unknown=True)
analogy('mul150', method='mul', restrict_vocab=150)
word_pairs('default')
word_pairs('restrict150', restrict_vocab=150)
word_pairs('cased', case_insensitive=False)
word_pairs('dummy150', restrict_vocab=150, dummy4unknown=True)

for a, b, c in [('cap_x0', 'cap_y0', 'cap_x1'), ('fam_x2', 'fam_y2', 'fam_x5'), ('gram_x3', 'gram_y3', 'w7')]:
    for w, s in kv.most_similar(positive=[b, c], negative=[a], topn=10):
        print('SIMILAR', 'add', a, b, c, w, repr(s), sep='\t')
    for w, s in kv.most_similar_cosmul(positive=[b, c], negative=[a], topn=10):
        print('SIMILAR', 'mul', a, b, c, w, repr(s), sep='\t')
