package w2v.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import w2v.testing.Gzip;

class ChunkQueueTest {

    @TempDir
    Path dir;

    @Test
    void oneThreadReadsEveryFileWholeEachPassInOrder() throws IOException {
        assertEquals(1, ChunkQueue.chunkCount(117_000_000L, 1));
        Corpus corpus = Corpus.of(List.of(write("a.txt", "one two\nthree\n"), gzip("b.gz", "four five\n"),
                write("c.txt", "six")));
        ChunkQueue q = ChunkQueue.of(corpus, 1, 2);
        try (ChunkReader r = new ChunkReader(corpus, 4)) {
            for (int pass = 0; pass < 2; pass++) {
                for (int file = 0; file < 3; file++) {
                    long t = q.claim(r);
                    assertEquals(pass, q.pass(t));
                    assertEquals(file, r.source());
                    assertEquals(List.of(List.of("one", "two", "\\n", "three", "\\n"), List.of("four", "five", "\\n"),
                            List.of("six")).get(file), drain(r.tokens()));
                }
            }
            assertEquals(ChunkQueue.NONE, q.claim(r));
        }
    }

    @Test
    void chunksAreAboutAMegabyteButAtLeastEightPerThread() {
        assertEquals(16, ChunkQueue.chunkCount(50_000, 2), "a small corpus is still shared evenly");
        assertEquals(112, ChunkQueue.chunkCount(116_935_564L, 2), "the shared corpus: 1 MiB each");
        assertEquals(64, ChunkQueue.chunkCount(116_935_564L / 4, 8));
        assertEquals(100_000, ChunkQueue.chunkCount(100_000L << 20, 64), "100 GiB");
    }

    @Test
    void concurrentThreadsGetEveryTokenOfEveryPassExactlyOnceInPassOrder() throws Exception {
        String text = text(20_000, 1);
        int a = lineEndAfter(text, 30_000), b = lineEndAfter(text, 90_000);
        Corpus corpus = Corpus.of(List.of(write("a.txt", text.substring(0, a)),
                gzipMembers("b.gz", text.substring(a, b), 7_000), write("c.txt", text.substring(b))));
        int threads = 4;
        int passes = 3;
        ChunkQueue q = ChunkQueue.of(corpus, threads, passes);
        ConcurrentLinkedQueue<List<List<String>>> perWorker = new ConcurrentLinkedQueue<>(); // per pass
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < threads; i++) {
            workers.add(Thread.ofPlatform().start(() -> {
                List<List<String>> mine = new ArrayList<>();
                try (ChunkReader r = new ChunkReader(corpus, 1000)) {
                    go.await();
                    for (int p = 0; p < passes; p++) {
                        mine.add(new ArrayList<>());
                    }
                    int lastPass = 0;
                    for (long t; (t = q.claim(r)) != ChunkQueue.NONE; ) {
                        assertTrue(q.pass(t) >= lastPass, "a thread never goes back a pass");
                        lastPass = q.pass(t);
                        mine.get(lastPass).addAll(drain(r.tokens()));
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
                perWorker.add(mine);
            }));
        }
        go.countDown();
        for (Thread w : workers) {
            w.join();
        }
        assertEquals(List.of(), failures);
        List<String> expected = new ArrayList<>(tokensOf(text));
        Collections.sort(expected);
        for (int p = 0; p < passes; p++) {
            List<String> all = new ArrayList<>();
            for (List<List<String>> mine : perWorker) {
                all.addAll(mine.get(p));
            }
            Collections.sort(all);
            assertSame(expected, all, "pass " + p + " reads every token once");
        }
    }

    @Test
    void resumingHandsOutExactlyWhatWasLeft() throws IOException {
        String text = text(8_000, 2);
        int a = lineEndAfter(text, 20_000);
        Corpus corpus = Corpus.of(List.of(gzip("a.gz", text.substring(0, a)), write("b.txt", text.substring(a))));
        ChunkQueue q = ChunkQueue.of(corpus, 2, 2);
        try (ChunkReader r = new ChunkReader(corpus, 512); ChunkReader again = new ChunkReader(corpus, 512)) {
            for (int i = 0; i < 7; i++) {
                q.claim(r);
            }
            ChunkQueue resumed = ChunkQueue.resume(corpus, 2, 2, q.position());
            int chunks = 0;
            for (long t; (t = q.claim(r)) != ChunkQueue.NONE; chunks++) {
                assertEquals(t, resumed.claim(again));
                assertSame(drain(r.tokens()), drain(again.tokens()), "chunk " + t);
            }
            assertTrue(chunks > 10, "a gzip file and a plain one, in several chunks each: " + chunks);
            assertEquals(ChunkQueue.NONE, resumed.claim(again));
        }
    }

    @Test
    void aChunkReopenedAtAPositionContinuesWithTheSameTokens() throws IOException {
        String text = text(8_000, 3);
        for (int threads : new int[] {1, 2}) {
            Corpus corpus = Corpus.of(gzipMembers("c" + threads + ".gz", text, 5_000));
            ChunkQueue q = ChunkQueue.of(corpus, threads, 1);
            try (ChunkReader r = new ChunkReader(corpus, 256); ChunkReader again = new ChunkReader(corpus, 256)) {
                q.claim(r);
                long t = q.claim(r); // the second block (one stream with one thread)
                if (threads == 1) {
                    t = ChunkQueue.of(corpus, 1, 1).claim(r);
                }
                for (int i = 0; i < 25; i++) {
                    r.tokens().next();
                }
                long position = r.tokens().position();
                q.reopen(again, t, position);
                assertSame(drain(r.tokens()), drain(again.tokens()), threads + " threads");
            }
        }
    }

    /** assertEquals without printing thousands of tokens: the sizes and the first difference. */
    static void assertSame(List<String> expected, List<String> actual, String what) {
        int i = 0;
        while (i < Math.min(expected.size(), actual.size()) && expected.get(i).equals(actual.get(i))) {
            i++;
        }
        if (i < expected.size() || i < actual.size()) {
            throw new AssertionError(what + ": " + expected.size() + " tokens expected, " + actual.size()
                    + " read; the first difference at " + i + ": "
                    + (i < expected.size() ? expected.get(i) : "(none)") + " expected, "
                    + (i < actual.size() ? actual.get(i) : "(none)") + " read");
        }
    }

    static int lineEndAfter(String text, int at) {
        return text.indexOf('\n', at) + 1;
    }

    static List<String> drain(TokenReader r) {
        List<String> out = new ArrayList<>();
        for (int n; (n = r.next()) != TokenReader.END; ) {
            out.add(n == TokenReader.NEWLINE ? "\\n" : new String(r.word(), 0, n, StandardCharsets.UTF_8));
        }
        return out;
    }

    private static List<String> tokensOf(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            for (String w : line.split(" ")) {
                if (!w.isEmpty()) {
                    out.add(w);
                }
            }
            out.add("\\n");
        }
        out.remove(out.size() - 1); // the text ends with a line end: no line after it
        return out;
    }

    /** Lines of 1-12 words from a vocabulary of 500, ending with a line end. */
    static String text(int words, long seed) {
        Random rnd = new Random(seed);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; ) {
            int n = 1 + rnd.nextInt(12);
            for (int k = 0; k < n; k++, i++) {
                b.append(k > 0 ? " " : "").append('w').append(rnd.nextInt(500));
            }
            b.append('\n');
        }
        return b.toString();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private Path gzip(String name, String text) throws IOException {
        return Files.write(dir.resolve(name), Gzip.of(text.getBytes(StandardCharsets.UTF_8)));
    }

    private Path gzipMembers(String name, String text, int memberBytes) throws IOException {
        return Files.write(dir.resolve(name), Gzip.members(text.getBytes(StandardCharsets.UTF_8), memberBytes));
    }
}
