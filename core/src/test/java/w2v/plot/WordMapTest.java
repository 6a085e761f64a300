package w2v.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import w2v.model.WordVectors;
import w2v.search.Neighbours;
import w2v.search.NormalizedMatrix;
import w2v.testing.TestVectors;

class WordMapTest {

    @TempDir
    Path dir;

    @Test
    void writesAPngOfTheRequestedSizeWithEveryWordDrawn() throws Exception {
        Path royals = Path.of(WordMapTest.class.getResource("/w2v/eval/royals.txt").toURI());
        try (WordVectors v = TestVectors.readText(royals);
             NormalizedMatrix m = NormalizedMatrix.of(v)) {
            WordMap map = WordMap.of(new Neighbours(m), List.of("king", "apple", "unicorn"), 3, Integer.MAX_VALUE);
            assertEquals(List.of("unicorn"), map.unknown());
            // king + prince, man, queen; apple + pear, banana, cherry.
            assertEquals(8, map.points().size());
            assertEquals(2, map.points().stream().filter(WordMap.Point::query).count());

            Path png = dir.resolve("words.png");
            map.writePng(png, 640, 480);
            byte[] bytes = Files.readAllBytes(png);
            assertEquals((byte) 0x89, bytes[0]);
            assertEquals("PNG", new String(bytes, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
            BufferedImage img = ImageIO.read(png.toFile());
            assertEquals(640, img.getWidth());
            assertEquals(480, img.getHeight());

            Map<String, Rectangle> labels = map.labelBounds();
            assertEquals(8, labels.size());
            int background = WordMap.BACKGROUND.getRGB();
            for (Map.Entry<String, Rectangle> e : labels.entrySet()) {
                Rectangle r = e.getValue().intersection(new Rectangle(0, 0, 640, 480));
                assertTrue(r.width > 5 && r.height > 5, e.getKey() + " label is off the image: " + e.getValue());
                int ink = 0;
                for (int y = r.y; y < r.y + r.height; y++) {
                    for (int x = r.x; x < r.x + r.width; x++) {
                        if (img.getRGB(x, y) != background) {
                            ink++;
                        }
                    }
                }
                // Glyphs cover a good part of their box (at least 5% of it).
                assertTrue(ink * 20 > r.width * r.height, e.getKey() + ": only " + ink + " pixels drawn");
            }
        }
    }
}
