package w2v.phrases;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * word2phrase.c (npm word2vec 1.1.5) translated line by line, slow and single-threaded, as the oracle the
 * parallel implementation is checked against on inputs of every shape. Strings hold bytes (ISO-8859-1), so a
 * word is its C bytes. Kept literal on purpose, quirks included: fgetc/ungetc/feof, the 178-byte word, the
 * bigram cut at 179 bytes, the empty last_word before the first word, bigrams across line ends, SortVocab's
 * loop, the stale pa/pb. No ReduceVocab: it needs 350M entries.
 */
final class Word2PhraseReference {

    private static final int MAX_STRING = 180;
    private static final String EOS = "</s>";

    private Word2PhraseReference() {
    }

    /** C's FILE for reading, over a byte array. */
    private static final class In {
        final byte[] b;
        int pos;
        boolean eof;

        In(byte[] b) {
            this.b = b;
        }

        int fgetc() {
            if (pos >= b.length) {
                eof = true;
                return -1;
            }
            return b[pos++] & 0xFF;
        }

        void ungetc() {
            pos--;
            eof = false;
        }
    }

    private static String readWord(In fin) {
        char[] word = new char[MAX_STRING];
        int a = 0;
        while (!fin.eof) {
            int ch = fin.fgetc();
            if (ch == 13) {
                continue;
            }
            if (ch == ' ' || ch == '\t' || ch == '\n') {
                if (a > 0) {
                    if (ch == '\n') {
                        fin.ungetc();
                    }
                    break;
                }
                if (ch == '\n') {
                    return EOS;
                }
                continue;
            }
            word[a] = (char) (ch & 0xFF);
            a++;
            if (a >= MAX_STRING - 1) {
                a--;
            }
        }
        return new String(word, 0, a);
    }

    private static String bigram(String lastWord, String word) {
        String s = lastWord + "_" + word;
        return s.length() > MAX_STRING - 1 ? s.substring(0, MAX_STRING - 1) : s;
    }

    private static final class Entry {
        final String word;
        long cn;

        Entry(String word) {
            this.word = word;
        }
    }

    static byte[] run(byte[] text, long minCount, double threshold, Phrases.Scoring scoring) {
        // LearnVocabFromTrainFile
        List<Entry> vocab = new ArrayList<>();
        Map<String, Entry> hash = new HashMap<>();
        Entry eos = new Entry(EOS);
        vocab.add(eos);
        hash.put(EOS, eos);
        long trainWords = 0;
        String lastWord = ""; // uninitialised in C; zeroed stack in the npm build (checked against it)
        In fin = new In(text);
        while (true) {
            String word = readWord(fin);
            if (fin.eof) {
                break;
            }
            if (word.equals(EOS)) {
                continue;
            }
            trainWords++;
            count(vocab, hash, word);
            String b = bigram(lastWord, word);
            lastWord = word;
            count(vocab, hash, b);
        }
        // SortVocab: </s> stays first; List.sort is stable, like glibc's merge sort.
        List<Entry> rest = new ArrayList<>(vocab.subList(1, vocab.size()));
        rest.sort(Comparator.comparingLong((Entry e) -> e.cn).reversed());
        List<Entry> sorted = new ArrayList<>();
        sorted.add(vocab.get(0));
        sorted.addAll(rest);
        Map<String, Long> kept = new HashMap<>();
        int vocabSize = sorted.size();
        for (int a = 0; a < vocabSize; a++) {
            if (sorted.get(a).cn < minCount) {
                vocabSize--;
            } else {
                kept.put(sorted.get(a).word, sorted.get(a).cn);
            }
        }

        // TrainModel
        float thresholdFloat = (float) threshold;
        long pa = 0, pb = 0, pab = 0;
        boolean li = false; // li != -1
        String word = "";
        ByteArrayOutputStream fo = new ByteArrayOutputStream();
        fin = new In(text);
        while (true) {
            lastWord = word;
            word = readWord(fin);
            if (fin.eof) {
                break;
            }
            if (word.equals(EOS)) {
                fo.write('\n');
                continue;
            }
            boolean oov = false;
            Long i = kept.get(word);
            if (i == null) {
                oov = true;
            } else {
                pb = i;
            }
            if (!li) {
                oov = true;
            }
            li = i != null;
            Long ab = kept.get(bigram(lastWord, word));
            if (ab == null) {
                oov = true;
            } else {
                pab = ab;
            }
            if (pa < minCount) {
                oov = true;
            }
            if (pb < minCount) {
                oov = true;
            }
            boolean join;
            if (scoring == Phrases.Scoring.NPMI) {
                join = !oov && Scorer.npmi(pa, pb, pab, trainWords) > threshold;
            } else {
                float score = oov ? 0 : (float) (pab - minCount) / (float) pa / (float) pb * (float) trainWords;
                join = score > thresholdFloat;
            }
            byte[] w = word.getBytes(StandardCharsets.ISO_8859_1);
            if (join) {
                fo.write('_');
                pb = 0;
            } else {
                fo.write(' ');
            }
            fo.writeBytes(w);
            pa = pb;
        }
        return fo.toByteArray();
    }

    private static void count(List<Entry> vocab, Map<String, Entry> hash, String w) {
        Entry e = hash.get(w);
        if (e == null) {
            e = new Entry(w);
            vocab.add(e);
            hash.put(w, e);
        }
        e.cn++;
    }
}
