import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Draws Triage's two Teams icons: color.png (192x192, a screen with a pulse line on a full-bleed background) and
 * outline.png (32x32, the same shape in white on transparent, as Teams requires). Run from this folder:
 * {@code java Icons.java}.
 */
public class Icons {
    public static void main(String[] args) throws IOException {
        ImageIO.write(draw(192, new Color(0x1F6F8B), Color.WHITE), "png", new File("color.png"));
        ImageIO.write(draw(32, null, Color.WHITE), "png", new File("outline.png"));
    }

    /** The screen and its pulse line, scaled to {@code size}; {@code background} null for transparent. */
    static BufferedImage draw(int size, Color background, Color ink) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        if (background != null) {
            g.setColor(background);
            g.fillRect(0, 0, size, size);
        }
        float u = size / 32f;
        g.setColor(ink);
        g.setStroke(new BasicStroke(2f * u, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        int inset = background == null ? 0 : Math.round(size * 0.1f);
        float s = (size - 2 * inset) / 32f;
        g.translate(inset, inset);
        g.drawRoundRect(Math.round(3 * s), Math.round(5 * s), Math.round(26 * s), Math.round(17 * s),
                Math.round(3 * s), Math.round(3 * s));
        g.drawLine(Math.round(12 * s), Math.round(27 * s), Math.round(20 * s), Math.round(27 * s));
        g.drawLine(Math.round(16 * s), Math.round(22 * s), Math.round(16 * s), Math.round(27 * s));
        int[] xs = {7, 11, 13, 16, 19, 21, 25};
        int[] ys = {14, 14, 10, 18, 12, 14, 14};
        for (int i = 0; i < xs.length; i++) {
            xs[i] = Math.round(xs[i] * s);
            ys[i] = Math.round(ys[i] * s);
        }
        g.drawPolyline(xs, ys, xs.length);
        g.dispose();
        return image;
    }
}
