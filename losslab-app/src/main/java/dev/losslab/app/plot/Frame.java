package dev.losslab.app.plot;

import java.awt.Color;

/** Draws the box, ticks, tick labels and axis titles around a plot area. */
final class Frame {

    static final double TICK = 5;
    static final double TICK_FONT = 12;
    static final double TITLE_FONT = 13;

    private Frame() {}

    /** Axes with ticks; {@code yAxis} null for a strip that has no vertical scale. */
    static void draw(Canvas c, Axis2D x, Axis2D y, double top, double bottom, String xTitle, String yTitle) {
        double left = x.pixelLo();
        double right = x.pixelHi();
        c.rect(left, top, right - left, bottom - top, null, Palette.INK);
        for (double v : x.ticks()) {
            double px = x.pixel(v);
            c.polyline(new double[] {px, bottom, px, bottom + TICK}, Palette.INK, 1, 0);
            c.text(Axis2D.label(v), px, bottom + TICK + 13, Canvas.Anchor.MIDDLE, TICK_FONT, Palette.INK, false);
        }
        c.text(xTitle, (left + right) / 2, bottom + 40, Canvas.Anchor.MIDDLE, TITLE_FONT, Palette.INK, false);
        if (y != null) {
            for (double v : y.ticks()) {
                double py = y.pixel(v);
                c.polyline(new double[] {left - TICK, py, left, py}, Palette.INK, 1, 0);
                c.text(Axis2D.label(v), left - TICK - 3, py + 4, Canvas.Anchor.END, TICK_FONT, Palette.INK, false);
            }
            c.text(yTitle, left - 46, (top + bottom) / 2, Canvas.Anchor.MIDDLE, TITLE_FONT, Palette.INK, true);
        }
    }

    /** A legend row: a swatch (square, or a dot for a point marker) and its text. */
    static void legendRow(Canvas c, double x, double y, Color swatch, boolean dot, String text) {
        if (dot) {
            c.circle(x + 7, y - 4, 5, swatch, Palette.INK);
        } else {
            c.rect(x, y - 11, 14, 14, swatch, Palette.FAINT_INK);
        }
        c.text(text, x + 22, y, Canvas.Anchor.START, TICK_FONT, Palette.INK, false);
    }

    static void title(Canvas c, String text, double x, double y) {
        c.text(text, x, y, Canvas.Anchor.START, 15, Palette.INK, false);
    }
}
