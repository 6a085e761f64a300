package w2v.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outputs against inputs and against each other, by file identity: names, symbolic links and hard links. */
class OutputPolicyTest {

    @TempDir
    Path dir;

    @Test
    void anOutputNamedAsAnInputIsRefused() throws IOException {
        Path corpus = Files.writeString(dir.resolve("corpus.txt"), "a b c\n");
        assertRefused(new OutputPolicy().output("-output", corpus).input("-train", corpus),
                "-output " + corpus + " is the same file as -train " + corpus + "; refusing to overwrite an input");
    }

    @Test
    void anOutputThatIsASymbolicLinkToAnInputIsRefused() throws IOException {
        Path corpus = Files.writeString(dir.resolve("corpus.txt"), "a b c\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), corpus.getFileName());
        assertRefused(new OutputPolicy().output("-save-vocab", link).input("-train", corpus),
                "-save-vocab " + link + " is the same file as -train " + corpus + "; refusing to overwrite an input");
    }

    @Test
    void anOutputThatIsAHardLinkToAnInputIsRefused() throws IOException {
        Path vocab = Files.writeString(dir.resolve("vocab.txt"), "a 5\n");
        Path hard = Files.createLink(dir.resolve("hard.txt"), vocab);
        assertRefused(new OutputPolicy().output("-checkpoint", hard).input("-read-vocab", vocab),
                "-checkpoint " + hard + " is the same file as -read-vocab " + vocab + "; refusing to overwrite an input");
    }

    @Test
    void anInputReachedThroughALinkedDirectoryIsStillTheSameFile() throws IOException {
        Path data = Files.createDirectory(dir.resolve("data"));
        Path eval = Files.writeString(data.resolve("q.txt"), ": x\na b c d\n");
        Path alias = Files.createSymbolicLink(dir.resolve("alias"), data.getFileName());
        assertRefused(new OutputPolicy().output("-output", alias.resolve("q.txt").toString()).input("-eval", eval),
                "-output " + alias.resolve("q.txt") + " is the same file as -eval " + eval
                        + "; refusing to overwrite an input");
    }

    @Test
    void twoOutputsOfOneNameAreRefused() throws IOException {
        Path out = dir.resolve("v.txt");
        assertRefused(new OutputPolicy().output("-output", out).output("-save-vocab", out),
                "-save-vocab " + out + " is the same file as -output " + out + "; each output needs a file of its own");
    }

    @Test
    void twoOutputsThatBecomeOneFileThroughADanglingLinkAreRefused() throws IOException {
        Path out = dir.resolve("v.txt");
        Path link = Files.createSymbolicLink(dir.resolve("ck"), out.getFileName());
        assertRefused(new OutputPolicy().output("-output", out).output("-checkpoint", link),
                "-checkpoint " + link + " is the same file as -output " + out + "; each output needs a file of its own");
    }

    @Test
    void twoOutputsThatAreHardLinksOfOneFileAreRefused() throws IOException {
        Path vocab = Files.writeString(dir.resolve("vocab.txt"), "old");
        Path hard = Files.createLink(dir.resolve("ck"), vocab);
        assertRefused(new OutputPolicy().output("-save-vocab", vocab).output("-checkpoint", hard),
                "-checkpoint " + hard + " is the same file as -save-vocab " + vocab
                        + "; each output needs a file of its own");
    }

    @Test
    void theCheckpointAResumedRunReadsFirstMayBeWrittenAgainButNoOtherOutputMayReplaceIt() throws IOException {
        Path ck = Files.writeString(dir.resolve("run.ckpt"), "checkpoint");
        List<OutputTarget> ok = new OutputPolicy().output("-output", dir.resolve("v.txt")).output("-checkpoint", ck)
                .inputReadFirst("-resume", ck, "-checkpoint").check();
        assertEquals(2, ok.size());
        assertRefused(new OutputPolicy().output("-output", ck).inputReadFirst("-resume", ck, "-checkpoint"),
                "-output " + ck + " is the same file as -resume " + ck + "; refusing to overwrite an input");
    }

    @Test
    void outputsToOneDeviceDoNotCollide() throws IOException {
        Path corpus = Files.writeString(dir.resolve("corpus.txt"), "a b c\n");
        List<OutputTarget> t = new OutputPolicy().output("-output", "/dev/null").output("-save-vocab", "/dev/null")
                .input("-train", corpus).check();
        assertEquals(2, t.size());
    }

    @Test
    void absentOutputsAndInputsAreIgnoredAndMissingInputsLeftToTheirReaders() throws IOException {
        List<OutputTarget> t = new OutputPolicy().output("-output", (String) null).output("-save-vocab", (Path) null)
                .input("-train", null).input("-eval", dir.resolve("missing.txt"))
                .output("-checkpoint", dir.resolve("ck")).check();
        assertEquals(1, t.size());
        assertEquals("-checkpoint", t.get(0).name());
    }

    @Test
    void anUnwritableOutputIsReportedBeforeAnyComparison() throws IOException {
        Path corpus = Files.writeString(dir.resolve("corpus.txt"), "a b c\n");
        assertRefused(new OutputPolicy().output("-output", corpus).output("-save-vocab", corpus + "/")
                        .input("-train", corpus),
                "-save-vocab " + corpus + "/: a file name cannot end with '/'");
    }

    private static void assertRefused(OutputPolicy policy, String message) {
        OutputException e = assertThrows(OutputException.class, policy::check);
        assertEquals(message, e.getMessage());
    }
}
