package dev.losslab.app.plot;

import java.awt.Color;

/**
 * What a figure draws with, in pixels from the top-left corner: the few primitives a plot needs,
 * written once for PNG ({@link PngCanvas}) and once for SVG ({@link SvgCanvas}).
 */
public interface Canvas {

    /** Where a text's anchor point sits on the text. */
    enum Anchor { START, MIDDLE, END }

    void rect(double x, double y, double width, double height, Color fill, Color stroke);

    /** A polyline through (xy[0], xy[1]), (xy[2], xy[3]), …; {@code dash} 0 for a solid line. */
    void polyline(double[] xy, Color stroke, double lineWidth, double dash);

    void circle(double cx, double cy, double r, Color fill, Color stroke);

    /** Text whose baseline passes through y; {@code rotated} turns it 90° anticlockwise about (x, y). */
    void text(String text, double x, double y, Anchor anchor, double size, Color color, boolean rotated);

    /**
     * An image of {@code columns × rows} ARGB pixels, first row at the top, stretched over the
     * rectangle without smoothing (each cell stays a crisp block).
     */
    void raster(int[] argb, int columns, int rows, double x, double y, double width, double height);
}
