package dev.losslab.app.plot;

import dev.losslab.app.output.Numbers;
import dev.losslab.core.field.ContourLine;
import dev.losslab.core.field.FieldPicture;
import dev.losslab.core.run.Run;
import dev.losslab.core.run.Trajectory;
import dev.losslab.core.surface.Landscape;
import dev.losslab.core.surface.Minimum;
import dev.losslab.core.surface.Vec2;
import dev.losslab.core.surface.Window;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The lab's picture as a file: the surface as a colour map (the web page's scale and palette) with
 * its contour lines, dashed crosshairs at the known minima, each run's path in its optimizer's
 * colour from a white start dot to a dot where it ended, axes, and a legend saying how each run ended.
 */
public record TrajectoryPlot(Landscape landscape, List<Run> runs, FieldPicture surface) implements Figure {

    private static final int SIDE = 560;
    private static final int LEFT = 70;
    private static final int TOP = 56;
    private static final int BOTTOM = 60;
    private static final int LEGEND = 330;
    /** Samples per side of the colour map and contours: the page's default detail. */
    private static final int SAMPLES = 241;

    public TrajectoryPlot {
        runs = List.copyOf(runs);
    }

    public static TrajectoryPlot of(Landscape landscape, List<Run> runs) {
        return new TrajectoryPlot(landscape, runs, FieldPicture.draw(landscape.surface(), landscape.window(), SAMPLES));
    }

    private Window window() {
        return landscape.window();
    }

    private double areaWidth() {
        Window w = window();
        return w.width() >= w.height() ? SIDE : SIDE * w.width() / w.height();
    }

    private double areaHeight() {
        Window w = window();
        return w.height() >= w.width() ? SIDE : SIDE * w.height() / w.width();
    }

    @Override
    public int width() {
        return (int) Math.ceil(LEFT + areaWidth() + LEGEND);
    }

    @Override
    public int height() {
        return (int) Math.ceil(TOP + Math.max(areaHeight(), 60 + 40.0 * runs.size()) + BOTTOM);
    }

    @Override
    public void draw(Canvas c) {
        Window w = window();
        double right = LEFT + areaWidth();
        double bottom = TOP + areaHeight();
        Axis2D x = new Axis2D(w.xMin(), w.xMax(), false, LEFT, right);
        Axis2D y = new Axis2D(w.yMin(), w.yMax(), false, bottom, TOP);

        int n = surface.field().size();
        int[] argb = new int[n * n];
        int[] shades = surface.shades();
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                int shade = shades[j * n + i];
                argb[(n - 1 - j) * n + i] = (shade < 0 ? Palette.UNDEFINED : Palette.viridis(shade / 255.0)).getRGB();
            }
        }
        c.raster(argb, n, n, LEFT, TOP, areaWidth(), areaHeight());
        for (ContourLine line : surface.contours()) {
            for (double[] path : line.paths()) {
                c.polyline(pixels(path, x, y), Palette.CONTOUR_ON_MAP, 0.8, 0);
            }
        }
        for (Minimum m : landscape.knownMinima()) {
            if (w.contains(m.at())) {
                double px = x.pixel(m.at().x());
                double py = y.pixel(m.at().y());
                c.polyline(new double[] {px - 9, py, px + 9, py}, Palette.MARKER, 1.4, 3);
                c.polyline(new double[] {px, py - 9, px, py + 9}, Palette.MARKER, 1.4, 3);
            }
        }
        for (int r = 0; r < runs.size(); r++) {
            Run run = runs.get(r);
            Color colour = Palette.optimizer(run.spec().optimizerName(), r);
            for (double[] piece : insideWindow(run.trajectory(), w, x, y)) {
                c.polyline(piece, colour, 2, 0);
            }
            Trajectory.Point last = run.last();
            if (w.contains(new Vec2(last.x(), last.y()))) {
                c.circle(x.pixel(last.x()), y.pixel(last.y()), 5, colour, Palette.MARKER);
            }
        }
        if (!runs.isEmpty()) {
            var start = runs.getFirst().spec().start();
            if (w.contains(start)) {
                c.circle(x.pixel(start.x()), y.pixel(start.y()), 6, Palette.MARKER, Palette.INK);
            }
        }
        Frame.draw(c, x, y, TOP, bottom, "x", "y");

        var start = runs.isEmpty() ? landscape.defaultStart() : runs.getFirst().spec().start();
        Frame.title(c, String.format(Locale.ROOT, "%s from %s", landscape.name(), Numbers.point(start.x(), start.y())),
                LEFT, 24);
        c.text("colour: f (" + (surface.scale().log() ? "log" : "linear") + " scale, dark is low); dashed crosshairs: known minima",
                LEFT, 42, Canvas.Anchor.START, 12, Palette.FAINT_INK, false);

        double lx = right + 24;
        double ly = TOP + 12;
        for (int r = 0; r < runs.size(); r++) {
            Run run = runs.get(r);
            Frame.legendRow(c, lx, ly, Palette.optimizer(run.spec().optimizerName(), r), true,
                    run.spec().optimizerName() + ", lr " + Numbers.brief(run.spec().learningRate()));
            c.text(String.format(Locale.ROOT, "%s after %d steps, loss %s", run.stopReason().code(), run.steps(),
                    Numbers.brief(run.last().loss())), lx + 22, ly + 16, Canvas.Anchor.START, 11, Palette.FAINT_INK, false);
            ly += 40;
        }
    }

    private static double[] pixels(double[] path, Axis2D x, Axis2D y) {
        double[] px = new double[path.length];
        for (int k = 0; k + 1 < path.length; k += 2) {
            px[k] = x.pixel(path[k]);
            px[k + 1] = y.pixel(path[k + 1]);
        }
        return px;
    }

    /** The path as pixel polylines, broken where it leaves the window (a diverging run flies off). */
    private static List<double[]> insideWindow(Trajectory t, Window w, Axis2D x, Axis2D y) {
        List<double[]> pieces = new ArrayList<>();
        double[] piece = new double[2 * t.size()];
        int used = 0;
        for (int i = 0; i < t.size(); i++) {
            double px = t.x(i);
            double py = t.y(i);
            boolean inside = px >= w.xMin() && px <= w.xMax() && py >= w.yMin() && py <= w.yMax();
            if (inside) {
                piece[used++] = x.pixel(px);
                piece[used++] = y.pixel(py);
            }
            if ((!inside || i == t.size() - 1) && used > 0) {
                if (used >= 4) {
                    pieces.add(Arrays.copyOf(piece, used));
                }
                used = 0;
            }
        }
        return pieces;
    }
}
