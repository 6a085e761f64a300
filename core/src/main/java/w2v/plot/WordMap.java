package w2v.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import w2v.files.AtomicFile;
import w2v.search.Neighbour;
import w2v.search.Neighbours;

/**
 * A 2-D picture of some words and their nearest neighbours: the unit vectors projected on their first two
 * principal components ({@link Pca}), drawn with Java2D, each query word linked to its neighbours.
 */
public final class WordMap {

    /** Background of the image; everything else drawn is darker. */
    public static final Color BACKGROUND = Color.WHITE;

    static {
        // No display is needed (or wanted) to draw into an image.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private static final Color QUERY = new Color(0xB0, 0x1C, 0x2E);
    private static final Color NEIGHBOUR = new Color(0x1F, 0x3A, 0x68);
    private static final Color LINK = new Color(0xC8, 0xCE, 0xD8);
    private static final Color TEXT = new Color(0x30, 0x30, 0x30);

    /**
     * One word on the map.
     *
     * @param query whether the user asked for it (else it is a neighbour of {@code of})
     * @param of the query word this neighbour belongs to (itself for a query word)
     */
    public record Point(String word, int row, boolean query, String of, double x, double y) {
    }

    private final List<Point> points;
    private final List<String> unknown;
    private final List<String> noDirection;
    private final double[] explained;
    private final Map<String, Rectangle> labels = new LinkedHashMap<>();

    private WordMap(List<Point> points, List<String> unknown, List<String> noDirection, double[] explained) {
        this.points = List.copyOf(points);
        this.unknown = List.copyOf(unknown);
        this.noDirection = List.copyOf(noDirection);
        this.explained = explained;
    }

    /**
     * Lays out {@code words} and the {@code k} nearest neighbours of each among the first {@code restrict} rows
     * ({@code k} may be 0: the words alone); a word appears once even if it is a neighbour of several queries.
     * Unknown words are left out and listed by {@link #unknown()}, words without a direction (zero or
     * non-finite vector) by {@link #noDirection()}.
     *
     * @throws IllegalArgumentException if {@code k} is negative, {@code restrict} below 1 or a word is blank
     */
    public static WordMap of(Neighbours neighbours, List<String> words, int k, int restrict) {
        if (k < 0) {
            throw new IllegalArgumentException("k must not be negative, got " + k);
        }
        List<List<String>> queries = new ArrayList<>();
        for (String w : words) {
            queries.add(List.of(w));
        }
        // k = 0 still looks every word up: the search then asks for the one nearest and keeps none.
        List<Neighbours.Result> results = neighbours.similar(queries, Math.max(k, 1), restrict);
        Map<Integer, String[]> chosen = new LinkedHashMap<>(); // row -> {word, of, "q" or "n"}
        List<String> unknown = new ArrayList<>();
        List<String> noDirection = new ArrayList<>();
        for (Neighbours.Result r : results) {
            if (!r.found()) {
                unknown.addAll(r.unknown());
                continue;
            }
            if (!r.answered()) {
                noDirection.add(r.noDirection());
                continue;
            }
            int row = r.rows()[0];
            String word = neighbours.matrix().word(row);
            chosen.put(row, new String[] {word, word, "q"});
        }
        for (Neighbours.Result r : results) {
            if (!r.answered()) {
                continue;
            }
            String of = neighbours.matrix().word(r.rows()[0]);
            for (Neighbour nb : r.neighbours().subList(0, Math.min(k, r.neighbours().size()))) {
                chosen.putIfAbsent(nb.row(), new String[] {nb.word(), of, "n"});
            }
        }
        float[][] data = new float[chosen.size()][];
        int i = 0;
        for (int row : chosen.keySet()) {
            data[i++] = neighbours.matrix().unitVector(row);
        }
        Pca.Projection p = Pca.project(data, 2);
        List<Point> points = new ArrayList<>();
        i = 0;
        for (Map.Entry<Integer, String[]> e : chosen.entrySet()) {
            String[] v = e.getValue();
            points.add(new Point(v[0], e.getKey(), v[2].equals("q"), v[1], p.coordinates()[i][0],
                    p.coordinates()[i][1]));
            i++;
        }
        return new WordMap(points, unknown, noDirection, p.explained());
    }

    public List<Point> points() {
        return points;
    }

    public List<String> unknown() {
        return unknown;
    }

    /** Why each word left out for its vector was left out ("'foo' has a zero vector; ..."). */
    public List<String> noDirection() {
        return noDirection;
    }

    /** Share of the variance the two axes explain. */
    public double[] explained() {
        return explained.clone();
    }

    /** Where the last {@link #render} drew each word's label, in image pixels. */
    public Map<String, Rectangle> labelBounds() {
        return Map.copyOf(labels);
    }

    /** Draws the map on a {@code width} x {@code height} image. */
    public BufferedImage render(int width, int height) {
        if (width < 64 || height < 64) {
            throw new IllegalArgumentException("image of " + width + "x" + height + " is too small (64x64 at least)");
        }
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, width, height);
            int fontSize = Math.max(9, Math.min(16, Math.min(width, height) / 50));
            Font plain = new Font(Font.SANS_SERIF, Font.PLAIN, fontSize);
            Font bold = plain.deriveFont(Font.BOLD, fontSize + 2f);
            Font small = plain.deriveFont(Math.max(8f, fontSize - 2f));

            g.setFont(small);
            g.setColor(TEXT);
            String title = String.format(Locale.ROOT, "PCA of %d words: axes explain %.1f%% and %.1f%% of the variance",
                    points.size(), 100 * explained[0], 100 * (explained.length > 1 ? explained[1] : 0));
            int titleHeight = g.getFontMetrics().getHeight();
            g.drawString(title, 8, titleHeight);

            double minX = Double.MAX_VALUE;
            double maxX = -Double.MAX_VALUE;
            double minY = Double.MAX_VALUE;
            double maxY = -Double.MAX_VALUE;
            for (Point p : points) {
                minX = Math.min(minX, p.x());
                maxX = Math.max(maxX, p.x());
                minY = Math.min(minY, p.y());
                maxY = Math.max(maxY, p.y());
            }
            // Room for labels on the right of the rightmost points and a line of text above the top ones.
            FontMetrics fm = g.getFontMetrics(bold);
            int widest = 0;
            for (Point p : points) {
                widest = Math.max(widest, fm.stringWidth(p.word()));
            }
            int left = 20;
            int right = width - 20 - Math.min(widest, width / 3);
            int top = titleHeight + 10 + fm.getHeight();
            int bottom = height - 20;
            double spanX = maxX - minX > 0 ? maxX - minX : 1;
            double spanY = maxY - minY > 0 ? maxY - minY : 1;
            Map<String, int[]> at = new LinkedHashMap<>();
            for (Point p : points) {
                int px = (int) Math.round(left + (p.x() - minX) / spanX * (right - left));
                // Screen y grows downwards; put the second component's positive side up.
                int py = (int) Math.round(bottom - (p.y() - minY) / spanY * (bottom - top));
                at.put(p.word(), new int[] {px, py});
            }

            g.setStroke(new BasicStroke(1f));
            g.setColor(LINK);
            for (Point p : points) {
                if (!p.query()) {
                    int[] a = at.get(p.word());
                    int[] b = at.get(p.of());
                    g.drawLine(a[0], a[1], b[0], b[1]);
                }
            }
            // Dots first (neighbours, then queries on top), then labels placed greedily where they overlap no
            // label placed before: the query words first, so they keep the best spots.
            for (int pass = 0; pass < 2; pass++) {
                for (Point p : points) {
                    if (p.query() != (pass == 1)) {
                        continue;
                    }
                    int[] a = at.get(p.word());
                    int r = p.query() ? 5 : 3;
                    g.setColor(p.query() ? QUERY : NEIGHBOUR);
                    g.fillOval(a[0] - r, a[1] - r, 2 * r, 2 * r);
                }
            }
            labels.clear();
            List<Rectangle> placed = new ArrayList<>();
            Rectangle fallback = null;
            for (int pass = 0; pass < 2; pass++) {
                for (Point p : points) {
                    if (p.query() != (pass == 0)) {
                        continue;
                    }
                    int[] a = at.get(p.word());
                    int r = p.query() ? 5 : 3;
                    g.setFont(p.query() ? bold : plain);
                    FontMetrics m = g.getFontMetrics();
                    int w = m.stringWidth(p.word());
                    int h = m.getAscent() + m.getDescent();
                    // Candidate boxes around the dot, nearest first: right above, right below, left above, left
                    // below, above, below, then the same further out; else the spot overlapping least.
                    Rectangle box = null;
                    long leastOverlap = Long.MAX_VALUE;
                    for (int ring = 0; ring < 4 && box == null; ring++) {
                        int dy = ring * h;
                        int[][] spots = {
                            {a[0] + r + 3, a[1] - r - h + m.getDescent() - dy}, {a[0] + r + 3, a[1] + r - 2 + dy},
                            {a[0] - r - 3 - w, a[1] - r - h + m.getDescent() - dy}, {a[0] - r - 3 - w, a[1] + r - 2 + dy},
                            {a[0] - w / 2, a[1] - r - 2 - h - dy}, {a[0] - w / 2, a[1] + r + 2 + dy},
                        };
                        for (int[] spot : spots) {
                            Rectangle c = new Rectangle(spot[0], spot[1], w, h);
                            if (c.x < 0 || c.y < 0 || c.x + w > width || c.y + h > height) {
                                continue;
                            }
                            long overlap = 0;
                            for (Rectangle q : placed) {
                                Rectangle i = c.intersection(q);
                                if (!i.isEmpty()) {
                                    overlap += (long) i.width * i.height;
                                }
                            }
                            if (overlap == 0) {
                                box = c;
                                break;
                            }
                            if (overlap < leastOverlap) {
                                leastOverlap = overlap;
                                fallback = c;
                            }
                        }
                    }
                    if (box == null) {
                        box = fallback != null ? fallback : new Rectangle(a[0] + r + 3, a[1] - r - h, w, h);
                    }
                    fallback = null;
                    placed.add(box);
                    g.setColor(p.query() ? QUERY : NEIGHBOUR);
                    g.drawString(p.word(), box.x, box.y + m.getAscent());
                    labels.put(p.word(), box);
                }
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    /**
     * Renders and writes a PNG by the output policy ({@link AtomicFile}: a temporary file beside {@code out}, then a
     * rename; a device or FIFO written in place).
     */
    public void writePng(Path out, int width, int height) throws IOException {
        BufferedImage img = render(width, height);
        AtomicFile.replace(out, channel -> {
            // Cached in memory, not in a temporary file of ImageIO's own; neither closes the channel.
            try (ImageOutputStream png = new MemoryCacheImageOutputStream(Channels.newOutputStream(channel))) {
                if (!ImageIO.write(img, "png", png)) {
                    throw new IOException("no PNG writer in this JVM");
                }
            }
        });
    }
}
