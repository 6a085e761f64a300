package w2v.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import w2v.corpus.CorpusFile;
import w2v.vocab.Vocabulary;
import w2v.vocab.VocabularyBuilder;

class SummaryTest {

    @TempDir
    Path dir;

    @Test
    void theVocabularyLineCountsWordsAsTheDistinctCountDoesWithoutTheLineEndToken() throws Exception {
        // Three distinct words, "c" once; the vocabulary also holds </s>, which is not a word of the corpus.
        Path corpus = Files.writeString(dir.resolve("c.txt"), "a b c\na b\na\n");
        assertEquals("Vocabulary: 3 words (count >= 1) of 3 distinct; 6 tokens, 3 lines", vocabularyLine(corpus, 1));
        assertEquals("Vocabulary: 2 words (count >= 2) of 3 distinct; 6 tokens, 3 lines", vocabularyLine(corpus, 2));
    }

    private static String vocabularyLine(Path corpus, long minCount) throws Exception {
        VocabularyBuilder builder = new VocabularyBuilder(1, minCount, 0);
        Vocabulary v = builder.build(CorpusFile.of(corpus));
        return Summary.vocabulary(builder.stats(), v, minCount);
    }
}
