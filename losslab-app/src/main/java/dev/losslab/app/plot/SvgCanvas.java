package dev.losslab.app.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A {@link Canvas} that writes SVG by hand: vector shapes and text, and the one raster (the cells of
 * a map) as an embedded PNG drawn with {@code image-rendering: pixelated}, since a 512² map as
 * rectangles would be a quarter of a million elements.
 */
final class SvgCanvas implements Canvas {

    private final StringBuilder svg = new StringBuilder();

    SvgCanvas(int width, int height) {
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">%n", width, height, width, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>%n", width, height));
    }

    String finish() {
        return svg + "</svg>\n";
    }

    @Override
    public void rect(double x, double y, double width, double height, Color fill, Color stroke) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\"%s/>%n",
                n(x), n(y), n(width), n(height), fill == null ? "none" : hex(fill),
                stroke == null ? "" : " stroke=\"" + hex(stroke) + "\""));
    }

    @Override
    public void polyline(double[] xy, Color stroke, double lineWidth, double dash) {
        StringBuilder points = new StringBuilder();
        for (int k = 0; k + 1 < xy.length; k += 2) {
            points.append(k == 0 ? "" : " ").append(n(xy[k])).append(',').append(n(xy[k + 1]));
        }
        svg.append(String.format(Locale.ROOT,
                "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\"%s stroke-width=\"%s\" stroke-linejoin=\"round\"%s/>%n",
                points, hex(stroke), opacity(stroke), n(lineWidth),
                dash > 0 ? " stroke-dasharray=\"" + n(dash) + "\"" : " stroke-linecap=\"round\""));
    }

    @Override
    public void circle(double cx, double cy, double r, Color fill, Color stroke) {
        svg.append(String.format(Locale.ROOT, "<circle cx=\"%s\" cy=\"%s\" r=\"%s\" fill=\"%s\"%s/>%n",
                n(cx), n(cy), n(r), fill == null ? "none" : hex(fill),
                stroke == null ? "" : " stroke=\"" + hex(stroke) + "\" stroke-width=\"1.5\""));
    }

    @Override
    public void text(String text, double x, double y, Anchor anchor, double size, Color color, boolean rotated) {
        String anchorName = switch (anchor) {
            case START -> "start";
            case MIDDLE -> "middle";
            case END -> "end";
        };
        svg.append(String.format(Locale.ROOT, "<text x=\"%s\" y=\"%s\" font-size=\"%s\" text-anchor=\"%s\" fill=\"%s\"%s>%s</text>%n",
                n(x), n(y), n(size), anchorName, hex(color),
                rotated ? " transform=\"rotate(-90 " + n(x) + " " + n(y) + ")\"" : "", escape(text)));
    }

    @Override
    public void raster(int[] argb, int columns, int rows, double x, double y, double width, double height) {
        BufferedImage cells = new BufferedImage(columns, rows, BufferedImage.TYPE_INT_ARGB);
        cells.setRGB(0, 0, columns, rows, argb, 0, columns);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(cells, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        svg.append(String.format(Locale.ROOT,
                "<image x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" preserveAspectRatio=\"none\" "
                        + "style=\"image-rendering: pixelated\" href=\"data:image/png;base64,%s\"/>%n",
                n(x), n(y), n(width), n(height), Base64.getEncoder().encodeToString(png.toByteArray())));
    }

    private static String n(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    private static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    private static String opacity(Color c) {
        return c.getAlpha() == 255 ? "" : String.format(Locale.ROOT, " stroke-opacity=\"%.3f\"", c.getAlpha() / 255.0);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
