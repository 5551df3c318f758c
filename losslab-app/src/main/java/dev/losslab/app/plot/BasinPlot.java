package dev.losslab.app.plot;

import dev.losslab.app.output.BasinLegend;
import dev.losslab.app.output.Numbers;
import dev.losslab.core.field.ContourLine;
import dev.losslab.core.field.FieldPicture;
import dev.losslab.core.maps.BasinMap;
import dev.losslab.core.maps.Grid;
import dev.losslab.core.run.RunSpec;
import dev.losslab.core.surface.Minimum;
import dev.losslab.core.surface.Window;
import java.awt.Color;
import java.util.List;
import java.util.Locale;

/**
 * A basin map: every start coloured by the minimum its run ends at (dark: diverged, light grey: did
 * not converge), the surface's contour lines over it, the known minima as white dots, axes in world
 * units and a legend with each basin's share.
 *
 * <p>Each grid point is the centre of its cell, so the picture reaches half a cell beyond the
 * window on every side and a start's colour sits exactly over its coordinates.
 */
public record BasinPlot(BasinMap map, RunSpec run, FieldPicture surface) implements Figure {

    private static final int MAX_SIDE = 560;
    private static final int LEFT = 70;
    private static final int TOP = 56;
    private static final int BOTTOM = 60;
    private static final int LEGEND = 250;
    /** Samples per side for the contour lines: smooth enough at this size, quick to trace. */
    private static final int CONTOUR_SAMPLES = 241;

    public static BasinPlot of(BasinMap map, RunSpec run) {
        Window w = map.grid().window();
        return new BasinPlot(map, run, FieldPicture.draw(run.landscape().surface(), w, CONTOUR_SAMPLES));
    }

    private double areaWidth() {
        Window w = shown();
        return w.width() >= w.height() ? MAX_SIDE : MAX_SIDE * w.width() / w.height();
    }

    private double areaHeight() {
        Window w = shown();
        return w.height() >= w.width() ? MAX_SIDE : MAX_SIDE * w.height() / w.width();
    }

    /** The window grown by half a cell each side: what the picture covers. */
    private Window shown() {
        Grid g = map.grid();
        Window w = g.window();
        double hx = w.width() / (g.columns() - 1) / 2;
        double hy = w.height() / (g.rows() - 1) / 2;
        return new Window(w.xMin() - hx, w.xMax() + hx, w.yMin() - hy, w.yMax() + hy);
    }

    @Override
    public int width() {
        return (int) Math.ceil(LEFT + areaWidth() + LEGEND);
    }

    @Override
    public int height() {
        return (int) Math.ceil(TOP + Math.max(areaHeight(), 240) + BOTTOM);
    }

    @Override
    public void draw(Canvas c) {
        Window shown = shown();
        double right = LEFT + areaWidth();
        double bottom = TOP + areaHeight();
        Axis2D x = new Axis2D(shown.xMin(), shown.xMax(), false, LEFT, right);
        Axis2D y = new Axis2D(shown.yMin(), shown.yMax(), false, bottom, TOP);

        Grid g = map.grid();
        int[] argb = new int[g.cells()];
        for (int j = 0; j < g.rows(); j++) {
            for (int i = 0; i < g.columns(); i++) {
                argb[(g.rows() - 1 - j) * g.columns() + i] = colour(map.label(i, j)).getRGB();
            }
        }
        c.raster(argb, g.columns(), g.rows(), LEFT, TOP, areaWidth(), areaHeight());
        for (ContourLine line : surface.contours()) {
            for (double[] path : line.paths()) {
                double[] px = new double[path.length];
                for (int k = 0; k + 1 < path.length; k += 2) {
                    px[k] = x.pixel(path[k]);
                    px[k + 1] = y.pixel(path[k + 1]);
                }
                c.polyline(px, Palette.CONTOUR, 0.8, 0);
            }
        }
        List<Minimum> minima = map.minima();
        for (int m = 0; m < minima.size(); m++) {
            Minimum min = minima.get(m);
            // The listed minima, and the others that some run reached (Levi has 543 in its window).
            boolean marked = m < map.listedCount() || map.count(m) > 0;
            if (marked && g.window().contains(min.at())) {
                c.circle(x.pixel(min.at().x()), y.pixel(min.at().y()), m < map.listedCount() ? 5 : 3, Palette.MARKER, Palette.INK);
            }
        }
        Frame.draw(c, x, y, TOP, bottom, "x", "y");

        Frame.title(c, String.format(Locale.ROOT, "Basins of attraction: %s, %s at lr %s, %d steps",
                run.landscape().name(), run.optimizerName(), Numbers.brief(run.learningRate()), run.maxSteps()), LEFT, 24);
        c.text(String.format(Locale.ROOT, "%d×%d starts; contours of f; white dots: minima", g.columns(), g.rows()),
                LEFT, 42, Canvas.Anchor.START, 12, Palette.FAINT_INK, false);

        double lx = right + 24;
        double ly = TOP + 12;
        c.text("ends at", lx, ly, Canvas.Anchor.START, Frame.TITLE_FONT, Palette.INK, false);
        ly += 22;
        for (BasinLegend.Row row : BasinLegend.of(map)) {
            Color swatch = row.kind().equals("other-minima") ? Palette.UNCONVERGED : colour(row.label());
            Frame.legendRow(c, lx, ly, swatch, false, row.text() + "  " + percent(row.share()));
            ly += 20;
        }
    }

    private static Color colour(int label) {
        return switch (label) {
            case BasinMap.DIVERGED -> Palette.DIVERGED;
            case BasinMap.UNCONVERGED -> Palette.UNCONVERGED;
            case BasinMap.SADDLE -> Palette.SADDLE;
            case BasinMap.MAXIMUM -> Palette.MAXIMUM;
            default -> Palette.basin(label);
        };
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }
}
