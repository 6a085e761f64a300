package w2v.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import w2v.files.OutputException;
import w2v.files.OutputTarget;
import w2v.io.VectorWriter.Format;
import w2v.model.WordVectors;

/**
 * The output policy on the file system: links are written through, attributes kept, devices and FIFOs written in
 * place, and names that cannot be a file refused. Every destructive case checks what was there is intact.
 */
class OutputTargetTest {

    private static final String VECTORS = "1 1\na 1\n";
    private static final int FILE_TYPE = 0170000;
    private static final int CHARACTER_DEVICE = 0020000;

    @TempDir
    Path dir;

    @Test
    void aSymbolicLinkStaysALinkAndTheFileItPointsToIsReplacedInItsOwnDirectory() throws IOException {
        Path a = Files.createDirectory(dir.resolve("a"));
        Path b = Files.createDirectory(dir.resolve("b"));
        Path target = Files.writeString(b.resolve("vectors.txt"), "stale");
        Path link = Files.createSymbolicLink(a.resolve("link.txt"), Path.of("../b/vectors.txt"));
        writeVectors(link);
        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertEquals(Path.of("../b/vectors.txt"), Files.readSymbolicLink(link));
        assertEquals(VECTORS, Files.readString(target));
        assertEquals(List.of(), Fixtures.others(a, link), "no temporary file beside the link");
        assertEquals(List.of(), Fixtures.others(b, target), "no temporary file beside the target");
    }

    @Test
    void aChainOfLinksIsFollowedToItsEnd() throws IOException {
        Path target = Files.writeString(dir.resolve("vectors.txt"), "stale");
        Path second = Files.createSymbolicLink(dir.resolve("second"), target.getFileName());
        Path first = Files.createSymbolicLink(dir.resolve("first"), second.getFileName());
        writeVectors(first);
        assertEquals(target.getFileName(), Files.readSymbolicLink(second));
        assertEquals(second.getFileName(), Files.readSymbolicLink(first));
        assertEquals(VECTORS, Files.readString(target));
        assertEquals(List.of(), Fixtures.others(dir, target, first, second));
    }

    @Test
    void aDanglingLinkGetsItsTargetCreated() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), Path.of("sub/new.txt"));
        writeVectors(link);
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(VECTORS, Files.readString(sub.resolve("new.txt")));
    }

    @Test
    void aLinkToADirectoryIsRefusedAndTheDirectoryLeftAlone() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), sub.getFileName());
        IOException e = assertThrows(IOException.class, () -> writeVectors(link));
        assertEquals("cannot write " + link + ": it is a directory", e.getMessage());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(List.of(), Fixtures.others(sub));
    }

    @Test
    void aLinkLoopIsRefused() throws IOException {
        Path loop = Files.createSymbolicLink(dir.resolve("loop"), Path.of("loop"));
        IOException e = assertThrows(IOException.class, () -> writeVectors(loop));
        assertEquals("cannot write " + loop + ": too many levels of symbolic links", e.getMessage());
        assertTrue(Files.isSymbolicLink(loop));
    }

    @Test
    void anExistingFileKeepsItsMode600() throws IOException {
        Path out = Files.writeString(dir.resolve("private.txt"), "stale");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-------"));
        writeVectors(out);
        assertEquals(VECTORS, Files.readString(out));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    }

    @Test
    void aFileReachedThroughALinkKeepsItsMode() throws IOException {
        Path out = Files.writeString(dir.resolve("private.txt"), "stale");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r-----"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), out.getFileName());
        writeVectors(link);
        assertEquals(VECTORS, Files.readString(out));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    }

    @Test
    void aNewFileGetsTheUmasksModeLikeAnyNewFile() throws IOException {
        Path plain = Files.createFile(dir.resolve("plain"));
        Path out = dir.resolve("vectors.txt");
        writeVectors(out);
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(out));
    }

    @Test
    void asRootAnExistingFileKeepsItsOwnerAndGroup() throws IOException {
        assumeTrue(isRoot(), "giving a file to another user needs root (CI runs as root)");
        UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal nobody = users.lookupPrincipalByName("nobody");
        GroupPrincipal group = users.lookupPrincipalByGroupName(groupOf(nobody));
        Path out = Files.writeString(dir.resolve("theirs.txt"), "stale");
        Files.setOwner(out, nobody);
        Files.getFileAttributeView(out, java.nio.file.attribute.PosixFileAttributeView.class).setGroup(group);
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-rw----"));
        writeVectors(out);
        PosixFileAttributes a = Files.readAttributes(out, PosixFileAttributes.class);
        assertEquals(VECTORS, Files.readString(out));
        assertEquals(nobody, a.owner());
        assertEquals(group, a.group());
        assertEquals("rw-rw----", PosixFilePermissions.toString(a.permissions()));
    }

    @Test
    void aPrivateNullDeviceIsWrittenInPlaceAndStaysADevice() throws Exception {
        assumeTrue(isRoot(), "mknod needs root (CI runs as root); the FIFO test covers writing in place");
        Path node = dir.resolve("null");
        assertEquals("", exec("mknod", node.toString(), "c", "1", "3"));
        writeVectors(node);
        assertCharacterDevice(node);
        assertEquals(List.of(node), Fixtures.others(dir), "no temporary file, nothing written beside the device");
    }

    @Test
    void aFullDeviceReportsNoSpaceAndStaysADevice() throws Exception {
        assumeTrue(isRoot(), "mknod needs root (CI runs as root)");
        Path node = dir.resolve("full");
        assertEquals("", exec("mknod", node.toString(), "c", "1", "7"));
        IOException e = assertThrows(IOException.class, () -> writeVectors(node));
        assertEquals("cannot write " + node + ": No space left on device", e.getMessage());
        assertCharacterDevice(node);
        assertEquals(List.of(node), Fixtures.others(dir));
    }

    @Test
    void aFifoIsWrittenInPlaceForItsReader() throws Exception {
        Path fifo = dir.resolve("fifo");
        assertEquals("", exec("mkfifo", fifo.toString()));
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writeVectors(fifo);
        assertEquals(VECTORS, read.get(30, TimeUnit.SECONDS));
        assertTrue(Files.readAttributes(fifo, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther(),
                "still a FIFO");
        assertEquals(List.of(fifo), Fixtures.others(dir));
    }

    @Test
    void aSocketIsRefusedAndLeftInPlace() throws IOException {
        Path socket = dir.resolve("socket");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            IOException e = assertThrows(IOException.class, () -> writeVectors(socket));
            assertEquals("cannot write " + socket + ": it is a socket", e.getMessage());
            assertTrue(Files.readAttributes(socket, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther());
        }
    }

    @Test
    void systemDevicesAndDescriptorsAreWrittenInPlaceNeverRenamedOver() throws IOException {
        // Resolution only, nothing written: a rename over these would change them for the whole machine.
        for (String path : List.of("/dev/null", "/dev/stdout", "/dev/stderr", "/dev/fd/1", "/proc/self/fd/2")) {
            OutputTarget t = OutputTarget.of("-output", path);
            assertTrue(t.inPlace(), path + " is written in place");
        }
    }

    @Test
    void namesThatCannotBeAFileAreRefusedWithTheFlag() throws IOException {
        Path prev = Files.writeString(dir.resolve("prev.out"), "previous");
        assertRefused("-output", prev + "/", "-output " + prev + "/: a file name cannot end with '/'");
        assertRefused("-output", "", "-output '': the file name is empty");
        assertRefused("-o", dir.toString(), "-o " + dir + ": it is a directory");
        assertRefused("-o", dir + "/missing/x.png", "-o " + dir + "/missing/x.png: directory " + dir
                + "/missing does not exist");
        assertRefused("-save-vocab", prev + "/v.txt", "-save-vocab " + prev + "/v.txt: " + prev + " is not a directory");
        assertEquals("previous", Files.readString(prev));
        assertEquals(List.of(prev), Fixtures.others(dir));
    }

    @Test
    void aReadOnlyDirectoryIsRefusedByName() throws IOException {
        assumeTrue(!isRoot(), "root may write to any directory");
        Path ro = Files.createDirectory(dir.resolve("ro"));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertRefused("-output", ro + "/v.txt", "-output " + ro + "/v.txt: directory " + ro + " is not writable");
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void theBytesOfAReplacedFileAreAllNew() throws IOException {
        // The in-place path must not be taken for a regular file: a shorter output would leave old bytes behind.
        Path out = Files.write(dir.resolve("long.txt"), new byte[10_000]);
        writeVectors(out);
        assertArrayEquals(VECTORS.getBytes(StandardCharsets.US_ASCII), Files.readAllBytes(out));
    }

    private void writeVectors(Path out) throws IOException {
        try (WordVectors v = Fixtures.vectors(new String[] {"a"}, new float[][] {{1}})) {
            VectorWriter.write(v, out, Format.TEXT);
        }
    }

    private static void assertRefused(String flag, String path, String message) {
        OutputException e = assertThrows(OutputException.class, () -> OutputTarget.of(flag, path));
        assertEquals(message, e.getMessage());
    }

    private static void assertCharacterDevice(Path node) throws IOException {
        int mode = (Integer) Files.getAttribute(node, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        assertEquals(CHARACTER_DEVICE, mode & FILE_TYPE, node + " is still a character device");
    }

    static boolean isRoot() throws IOException {
        return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0;
    }

    private static String groupOf(UserPrincipal user) throws IOException {
        Process p = new ProcessBuilder("id", "-gn", user.getName()).start();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    /** Runs a command; "" if it succeeded, else its exit code and what it printed. */
    private static String exec(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        return exit == 0 ? "" : "exit " + exit + ": " + printed;
    }
}
