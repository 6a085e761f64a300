package w2v.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import scala.Tuple2;
import w2v.vocab.Vocabulary;

/**
 * Counts the vocabulary over the partitions as core's {@code VocabularyBuilder} counts a file: every token, and a
 * {@code </s>} per line; then, on the driver, keeps the words seen at least min-count times and orders them as
 * word2vec C does, {@code </s>} first, then by decreasing count, ties to the word seen first. "First" is the
 * position in the partitions taken in order (partition index, then token index), which is the position in the
 * text when the partitions hold it in order, as a text file's do.
 */
final class DistributedVocabulary {

    private DistributedVocabulary() {
    }

    /** A word's count and first position, merged across partitions by sum and minimum. */
    record Seen(long count, long first) implements Serializable {
        Seen merge(Seen o) {
            return new Seen(count + o.count, Math.min(first, o.first));
        }
    }

    static Vocabulary count(JavaRDD<List<String>> lines, long minCount, long maxVocab) {
        JavaPairRDD<String, Seen> counted = lines.mapPartitionsWithIndex(DistributedVocabulary::countPartition, true)
                .mapToPair(e -> e)
                .reduceByKey(Seen::merge);
        // Without -max-vocab no rare word can be kept: drop them before they travel to the driver.
        List<Tuple2<String, Seen>> all = maxVocab > 0 ? counted.collect()
                : counted.filter(e -> e._2.count >= minCount || e._1.equals(Vocabulary.EOS)).collect();
        return order(all, minCount, maxVocab);
    }

    private static Iterator<Tuple2<String, Seen>> countPartition(int partition, Iterator<List<String>> lines) {
        Map<String, long[]> counts = new HashMap<>();
        long position = (long) partition << 40;
        long eos = 0;
        while (lines.hasNext()) {
            for (String w : lines.next()) {
                long at = position++;
                counts.computeIfAbsent(w, k -> new long[] {0, at})[0]++;
            }
            position++;
            eos++;
        }
        List<Tuple2<String, Seen>> out = new ArrayList<>(counts.size() + 1);
        counts.forEach((w, c) -> out.add(new Tuple2<>(w, new Seen(c[0], c[1]))));
        if (eos > 0) {
            out.add(new Tuple2<>(Vocabulary.EOS, new Seen(eos, (long) partition << 40)));
        }
        return out.iterator();
    }

    /**
     * The final order. -max-vocab prunes as C's ReduceVocab does while counting (every word seen at most once,
     * then twice, ..., until at most max-vocab remain), here once on the whole counts.
     */
    static Vocabulary order(List<Tuple2<String, Seen>> counted, long minCount, long maxVocab) {
        long eos = 0;
        List<Tuple2<String, Seen>> words = new ArrayList<>(counted.size());
        for (Tuple2<String, Seen> e : counted) {
            if (e._1.equals(Vocabulary.EOS)) {
                eos = e._2.count;
            } else {
                words.add(e);
            }
        }
        if (maxVocab > 0) {
            long atMost = 1;
            while (words.size() > maxVocab) {
                long limit = atMost++;
                words.removeIf(e -> e._2.count <= limit);
            }
        }
        List<Tuple2<String, Seen>> kept = new ArrayList<>(words.stream().filter(e -> e._2.count >= minCount).toList());
        kept.sort((a, b) -> {
            int c = Long.compare(b._2.count, a._2.count);
            return c != 0 ? c : Long.compare(a._2.first, b._2.first);
        });
        String[] w = new String[kept.size() + 1];
        long[] c = new long[kept.size() + 1];
        w[0] = Vocabulary.EOS;
        c[0] = eos;
        for (int i = 0; i < kept.size(); i++) {
            w[i + 1] = kept.get(i)._1;
            c[i + 1] = kept.get(i)._2.count;
        }
        return Vocabulary.of(w, c);
    }
}
