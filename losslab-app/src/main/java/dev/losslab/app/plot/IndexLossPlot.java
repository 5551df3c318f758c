package dev.losslab.app.plot;

import dev.losslab.core.net.SaddleStudy;
import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dauphin et al.'s picture (2014, figure 1): each critical point a search found, at its loss (x, log
 * when the losses span more than a decade) and its index, the share of its Hessian's eigenvalues that
 * are negative (y). Minima sit on the floor (index 0); saddles above it; where k searches ended on one
 * pixel (mostly at the same point) one dot is marked ×k. Searches that stalled before the gradient vanished are not critical points
 * and are left out (the legend counts them).
 */
public record IndexLossPlot(List<SaddleStudy.Point> points, String title) implements Figure {

    private static final int LEFT = 80;
    private static final int TOP = 56;
    private static final int BOTTOM = 64;
    private static final int AREA_WIDTH = 520;
    private static final int AREA_HEIGHT = 380;
    private static final int LEGEND = 250;
    private static final Color MINIMUM = new Color(0x1b9e77);
    private static final Color SADDLE = new Color(0xd95f02);

    /** Where critical points fall on one pixel: one dot, and how many. */
    private record Dot(double x, double y, boolean minimum, int count) {}

    public IndexLossPlot {
        points = List.copyOf(points);
    }

    @Override
    public int width() {
        return LEFT + AREA_WIDTH + LEGEND;
    }

    @Override
    public int height() {
        return TOP + AREA_HEIGHT + BOTTOM;
    }

    @Override
    public void draw(Canvas c) {
        List<SaddleStudy.Point> critical = points.stream().filter(p -> p.found().critical()).toList();
        double lo = critical.stream().mapToDouble(p -> p.found().loss()).filter(v -> v > 0).min().orElse(1e-3);
        double hi = critical.stream().mapToDouble(p -> p.found().loss()).max().orElse(1);
        boolean log = hi > 10 * lo && lo > 0;
        if (log) {
            lo = lo / 1.5;
            hi = hi * 1.5;
        } else {
            double pad = Math.max(hi - lo, Math.abs(hi) * 0.1 + 1e-12) * 0.08;
            lo -= pad;
            hi += pad;
        }
        double maxIndex = critical.stream().mapToDouble(p -> p.found().spectrum().index()).max().orElse(0);
        double right = LEFT + AREA_WIDTH;
        double bottom = TOP + AREA_HEIGHT;
        Axis2D x = new Axis2D(lo, hi, log, LEFT, right);
        Axis2D y = new Axis2D(-0.02 * Math.max(maxIndex, 0.1), Math.max(maxIndex, 0.1) * 1.08, false, bottom, TOP);
        c.rect(LEFT, TOP, AREA_WIDTH, AREA_HEIGHT, Color.WHITE, null);
        Frame.draw(c, x, y, TOP, bottom, "loss at the critical point" + (log ? " (log scale)" : ""),
                "index (share of negative eigenvalues)");
        Frame.title(c, title, LEFT, 30);
        // Searches from nearby starts often find the same point: one dot per pixel, marked ×k.
        Map<String, Dot> dots = new LinkedHashMap<>();
        int minima = 0;
        for (SaddleStudy.Point p : critical) {
            boolean minimum = p.found().spectrum().negative() == 0;
            minima += minimum ? 1 : 0;
            double px = x.pixel(Math.max(p.found().loss(), x.lo()));
            double py = y.pixel(p.found().spectrum().index());
            dots.merge(Math.round(px) + "," + Math.round(py) + "," + minimum, new Dot(px, py, minimum, 1),
                    (a, b) -> new Dot(a.x(), a.y(), a.minimum(), a.count() + 1));
        }
        for (Dot d : dots.values()) {
            c.circle(d.x(), d.y(), 4.5, d.minimum() ? MINIMUM : SADDLE, Palette.INK);
            if (d.count() > 1) {
                c.text("×" + d.count(), d.x() + 8, d.y() + 4, Canvas.Anchor.START, Frame.TICK_FONT, Palette.INK, false);
            }
        }
        double lx = right + 24;
        Frame.legendRow(c, lx, TOP + 16, MINIMUM, true, minima + " with index 0 (minima,");
        c.text("or degenerate: some flat)", lx + 22, TOP + 32, Canvas.Anchor.START, Frame.TICK_FONT, Palette.INK, false);
        Frame.legendRow(c, lx, TOP + 56, SADDLE, true, (critical.size() - minima) + " saddles (index > 0)");
        int stalled = points.size() - critical.size();
        c.text(stalled + " of " + points.size() + " searches stalled", lx, TOP + 88, Canvas.Anchor.START, Frame.TICK_FONT,
                Palette.INK, false);
        c.text("before the gradient vanished", lx, TOP + 104, Canvas.Anchor.START, Frame.TICK_FONT, Palette.INK, false);
        c.text("(not drawn)", lx, TOP + 120, Canvas.Anchor.START, Frame.TICK_FONT, Palette.INK, false);
        if (dots.values().stream().anyMatch(d -> d.count() > 1)) {
            c.text("×k: k searches ended at that spot", lx, TOP + 152, Canvas.Anchor.START, Frame.TICK_FONT, Palette.INK, false);
        }
    }
}
