package dev.losslab.app.plot;

import java.awt.Color;

/**
 * A Hessian's eigenvalues as a histogram: how many fall in each of {@value #BINS} equal bins between
 * the smallest and the largest, counts on a log scale (a network's spectrum is a bulk of thousands
 * near zero and a few outliers, which a linear scale would flatten to nothing). Each bar takes the
 * colour of most of its eigenvalues as {@code Curvature.Spectrum} counts them: negative (below
 * −tolerance) in the warning colour, flat (within ±tolerance) grey, positive blue; a dashed line at
 * 0, and the index written above.
 *
 * @param tolerance the flat band's half-width
 */
public record SpectrumPlot(double[] eigenvalues, int negative, double tolerance, String title) implements Figure {

    private static final int BINS = 60;
    private static final int LEFT = 80;
    private static final int TOP = 56;
    private static final int BOTTOM = 64;
    private static final int AREA_WIDTH = 620;
    private static final int AREA_HEIGHT = 340;
    private static final int RIGHT = 40;
    private static final Color POSITIVE = new Color(0x3b6fb6);
    private static final Color NEGATIVE = new Color(0xd95f02);
    private static final Color FLAT = new Color(0x9aa0ad);

    @Override
    public int width() {
        return LEFT + AREA_WIDTH + RIGHT;
    }

    @Override
    public int height() {
        return TOP + AREA_HEIGHT + BOTTOM;
    }

    @Override
    public void draw(Canvas c) {
        double lo = Math.min(eigenvalues[0], 0);
        double hi = Math.max(eigenvalues[eigenvalues.length - 1], 0);
        if (hi - lo <= 0) {
            hi = lo + 1;
        }
        // Bins of equal width with 0 on an edge, so that a negative eigenvalue, however small, is never
        // counted in a bin with positive ones.
        double width = (hi - lo) / BINS;
        lo = lo < 0 ? -Math.ceil(-lo / width) * width : 0;
        int bins = (int) Math.ceil((hi - lo) / width);
        hi = lo + bins * width;
        int[] counts = new int[bins];
        int[][] kinds = new int[bins][3]; // negative, flat, positive
        for (double v : eigenvalues) {
            int b = Math.max(0, Math.min(bins - 1, (int) Math.floor((v - lo) / width)));
            counts[b]++;
            kinds[b][v < -tolerance ? 0 : v <= tolerance ? 1 : 2]++;
        }
        int most = 1;
        for (int n : counts) {
            most = Math.max(most, n);
        }
        double right = LEFT + AREA_WIDTH;
        double bottom = TOP + AREA_HEIGHT;
        Axis2D x = new Axis2D(lo, hi, false, LEFT, right);
        Axis2D y = new Axis2D(0.8, most * 1.5, true, bottom, TOP);
        c.rect(LEFT, TOP, AREA_WIDTH, AREA_HEIGHT, Color.WHITE, null);
        for (int b = 0; b < bins; b++) {
            if (counts[b] == 0) {
                continue;
            }
            double from = x.pixel(lo + b * width);
            double to = x.pixel(lo + (b + 1) * width);
            double top = y.pixel(counts[b]);
            int[] k = kinds[b];
            Color colour = k[0] >= k[1] && k[0] >= k[2] ? NEGATIVE : k[1] >= k[2] ? FLAT : POSITIVE;
            c.rect(from, top, Math.max(1, to - from - 1), bottom - top, colour, null);
        }
        double zero = x.pixel(0);
        c.polyline(new double[] {zero, TOP, zero, bottom}, Palette.INK, 1, 4);
        Frame.draw(c, x, y, TOP, bottom, "eigenvalue of the Hessian", "how many (log scale)");
        Frame.title(c, title, LEFT, 24);
        c.text(String.format(java.util.Locale.ROOT, "%d of %d negative: index %.1f %%", negative, eigenvalues.length,
                100.0 * negative / eigenvalues.length), LEFT, 44, Canvas.Anchor.START, Frame.TICK_FONT, Palette.INK, false);
    }
}
