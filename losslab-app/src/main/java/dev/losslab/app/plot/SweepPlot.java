package dev.losslab.app.plot;

import dev.losslab.app.output.Numbers;
import dev.losslab.core.field.MarchingSquares;
import dev.losslab.core.field.SampledField;
import dev.losslab.core.maps.Axis;
import dev.losslab.core.maps.MomentumRegime;
import dev.losslab.core.maps.SweepResult;
import dev.losslab.core.run.Outcome;
import dev.losslab.core.run.RunSpec;
import dev.losslab.core.surface.Window;
import java.awt.Color;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A sweep as a heat map: one cell per setting, coloured by the steps its run took to converge
 * (viridis; a log scale when the counts span more than a decade), dark where it diverged and light
 * grey where it ran out of steps. A 1-D sweep draws each cell as a bar as tall as its step count
 * (full height when it did not converge), coloured the same way. On a quadratic with gd or heavy-ball
 * momentum, lines mark where the iteration matrix's eigenvalues change regime (dashed:
 * monotone | oscillating, solid: converging | divergent), so theory sits on top of the measured runs.
 */
public record SweepPlot(SweepResult sweep) implements Figure {

    private static final int LEFT = 80;
    private static final int TOP = 56;
    private static final int BOTTOM = 64;
    private static final int AREA_WIDTH = 560;
    private static final int LEGEND = 240;
    /** Theory samples per side for the regime boundaries. */
    private static final int THEORY_SAMPLES = 301;

    public static SweepPlot of(SweepResult sweep) {
        return new SweepPlot(sweep);
    }

    private boolean strip() {
        return sweep.axes().size() == 1;
    }

    private int areaHeight() {
        return strip() ? 300 : 480;
    }

    @Override
    public int width() {
        return LEFT + AREA_WIDTH + LEGEND;
    }

    @Override
    public int height() {
        return TOP + Math.max(areaHeight(), 330) + BOTTOM;
    }

    /** An axis's range grown by half a cell at each end (in log10 when log), so cell centres sit on their values. */
    private static Axis2D axis(Axis a, double pixelLo, double pixelHi) {
        if (a.count() == 1) {
            double pad = a.log() ? a.from() * 0.5 : Math.max(Math.abs(a.from()) * 0.5, 0.5);
            return a.log() ? new Axis2D(a.from() / 2, a.from() * 2, true, pixelLo, pixelHi)
                    : new Axis2D(a.from() - pad, a.from() + pad, false, pixelLo, pixelHi);
        }
        if (a.log()) {
            double half = (Math.log10(a.to()) - Math.log10(a.from())) / (a.count() - 1) / 2;
            return new Axis2D(a.from() / Math.pow(10, half), a.to() * Math.pow(10, half), true, pixelLo, pixelHi);
        }
        double half = (a.to() - a.from()) / (a.count() - 1) / 2;
        return new Axis2D(a.from() - half, a.to() + half, false, pixelLo, pixelHi);
    }

    @Override
    public void draw(Canvas c) {
        double right = LEFT + AREA_WIDTH;
        double bottom = TOP + areaHeight();
        Axis a = sweep.axes().getFirst();
        Axis2D x = axis(a, LEFT, right);
        Axis2D y = strip() ? null : axis(sweep.axes().get(1), bottom, TOP);

        int minSteps = Integer.MAX_VALUE;
        int maxSteps = 0;
        for (Outcome o : sweep.outcomes()) {
            if (o.converged()) {
                minSteps = Math.min(minSteps, o.steps());
                maxSteps = Math.max(maxSteps, o.steps());
            }
        }
        boolean anyConverged = maxSteps > 0 || minSteps == 0;
        boolean logScale = anyConverged && maxSteps > 10 * Math.max(minSteps, 1);
        int lo = anyConverged ? minSteps : 0;
        int hi = anyConverged ? maxSteps : 1;
        Function<Integer, Double> position = steps -> logScale
                ? Math.log((double) Math.max(steps, 1) / Math.max(lo, 1)) / Math.log((double) hi / Math.max(lo, 1))
                : hi == lo ? 0.5 : (steps - lo) / (double) (hi - lo);

        int columns = sweep.columns();
        int rows = sweep.rows();
        Axis2D bars = null;
        if (strip()) {
            bars = new Axis2D(0, Math.max(hi, 1) * 1.05, false, bottom, TOP);
            for (int i = 0; i < columns; i++) {
                Outcome o = sweep.outcome(i, 0);
                double left = x.pixel(cellEdge(a, i, -1));
                double width = x.pixel(cellEdge(a, i, +1)) - left;
                double top = o.converged() ? bars.pixel(o.steps()) : TOP;
                c.rect(left, top, width, bottom - top, colour(o, position), null);
            }
        } else {
            int[] argb = new int[columns * rows];
            for (int j = 0; j < rows; j++) {
                for (int i = 0; i < columns; i++) {
                    argb[(rows - 1 - j) * columns + i] = colour(sweep.outcome(i, j), position).getRGB();
                }
            }
            c.raster(argb, columns, rows, LEFT, TOP, AREA_WIDTH, areaHeight());
        }
        boolean theory = drawTheory(c, x, y, bottom);
        Frame.draw(c, x, strip() ? bars : y, TOP, bottom, a.name() + (a.log() ? " (log scale)" : ""),
                strip() ? "steps to converge" : sweep.axes().get(1).name() + (sweep.axes().get(1).log() ? " (log scale)" : ""));

        RunSpec first = sweep.spec(0, 0);
        Frame.title(c, String.format(Locale.ROOT, "Steps to converge: %s on %s from %s", first.optimizerName(),
                first.landscape().name(), Numbers.point(first.start().x(), first.start().y())), LEFT, 24);
        c.text(String.format(Locale.ROOT, "%d runs, at most %d steps each, tol %s", sweep.outcomes().size(), first.maxSteps(),
                Numbers.brief(first.tolerance())), LEFT, 42, Canvas.Anchor.START, 12, Palette.FAINT_INK, false);

        double lx = right + 28;
        double barTop = TOP + 30;
        double barHeight = 150;
        c.text("steps" + (logScale ? " (log)" : ""), lx, TOP + 12, Canvas.Anchor.START, Frame.TITLE_FONT, Palette.INK, false);
        if (anyConverged) {
            int stripes = 64;
            int[] bar = new int[stripes];
            for (int k = 0; k < stripes; k++) {
                bar[k] = Palette.viridis(1 - (k + 0.5) / stripes).getRGB();
            }
            c.raster(bar, 1, stripes, lx, barTop, 16, barHeight);
            c.rect(lx, barTop, 16, barHeight, null, Palette.FAINT_INK);
            Axis2D steps = new Axis2D(Math.max(lo, logScale ? 1 : lo), hi == lo ? lo + 1 : hi, logScale, barTop + barHeight, barTop);
            for (double v : steps.ticks()) {
                double py = steps.pixel(v);
                c.polyline(new double[] {lx + 16, py, lx + 20, py}, Palette.INK, 1, 0);
                c.text(Numbers.brief(v), lx + 23, py + 4, Canvas.Anchor.START, Frame.TICK_FONT, Palette.INK, false);
            }
        } else {
            c.text("no run converged", lx, barTop + 12, Canvas.Anchor.START, Frame.TICK_FONT, Palette.FAINT_INK, false);
        }
        double ly = barTop + barHeight + 32;
        Frame.legendRow(c, lx, ly, Palette.DIVERGED, false, "diverged");
        Frame.legendRow(c, lx, ly + 20, Palette.UNCONVERGED, false, "did not converge");
        if (theory) {
            c.text("theory (eigenvalues):", lx, ly + 48, Canvas.Anchor.START, Frame.TICK_FONT, Palette.INK, false);
            c.rect(lx, ly + 56, 30, 14, new Color(0x8a8a8a), null);
            c.polyline(new double[] {lx + 2, ly + 63, lx + 28, ly + 63}, Color.WHITE, 2, 4);
            c.text("monotone | oscillating", lx + 36, ly + 67, Canvas.Anchor.START, Frame.TICK_FONT, Palette.INK, false);
            c.rect(lx, ly + 76, 30, 14, new Color(0x8a8a8a), null);
            c.polyline(new double[] {lx + 2, ly + 83, lx + 28, ly + 83}, Color.WHITE, 2, 0);
            c.text("converges | not", lx + 36, ly + 87, Canvas.Anchor.START, Frame.TICK_FONT, Palette.INK, false);
        }
    }

    /**
     * The regime boundaries, traced by marching squares over the predicted regime (0, 1, 2) sampled
     * finely in plot coordinates (log10 for log axes); for a strip, vertical lines where the regime
     * changes along the axis. False when theory does not apply.
     */
    private boolean drawTheory(Canvas c, Axis2D x, Axis2D y, double bottom) {
        RunSpec first = sweep.spec(0, 0);
        if (MomentumRegime.predict(first).isEmpty()) {
            return false;
        }
        Axis a = sweep.axes().getFirst();
        int n = THEORY_SAMPLES;
        if (y == null) {
            MomentumRegime previous = null;
            for (int k = 0; k < n; k++) {
                double v = world(x, plot(x, a.from()) + k * (plot(x, a.to()) - plot(x, a.from())) / (n - 1));
                MomentumRegime r = regime(first, Map.of(a.name(), v)).orElseThrow();
                if (previous != null && r != previous) {
                    double px = x.pixel(v);
                    boolean divergence = r == MomentumRegime.DIVERGENT || previous == MomentumRegime.DIVERGENT;
                    c.polyline(new double[] {px, TOP, px, bottom}, Palette.INK, 1.5, divergence ? 0 : 5);
                }
                previous = r;
            }
            return true;
        }
        Axis b = sweep.axes().get(1);
        // Sample over the swept values only: beyond them (a negative momentum, say) theory says nothing useful.
        double u0 = plot(x, a.from());
        double u1 = plot(x, a.to());
        double v0 = plot(y, b.from());
        double v1 = plot(y, b.to());
        double[] values = new double[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double xv = world(x, u0 + i * (u1 - u0) / (n - 1));
                double yv = world(y, v0 + j * (v1 - v0) / (n - 1));
                values[j * n + i] = regime(first, Map.of(a.name(), xv, b.name(), yv)).map(Enum::ordinal).orElse(0);
            }
        }
        MarchingSquares tracer = new MarchingSquares(new SampledField(new Window(u0, u1, v0, v1), n, values));
        for (double level : new double[] {0.5, 1.5}) {
            for (double[] path : tracer.trace(level)) {
                double[] px = new double[path.length];
                for (int k = 0; k + 1 < path.length; k += 2) {
                    px[k] = x.pixel(world(x, path[k]));
                    px[k + 1] = y.pixel(world(y, path[k + 1]));
                }
                c.polyline(px, Color.WHITE, 2, level < 1 ? 5 : 0);
            }
        }
        return true;
    }

    /** The predicted regime with the swept values replacing the first run's lr or momentum. */
    private static Optional<MomentumRegime> regime(RunSpec first, Map<String, Double> values) {
        double lr = values.getOrDefault("lr", first.learningRate());
        double momentum = values.getOrDefault("momentum",
                first.optimizer() instanceof dev.losslab.core.optim.Sgd s ? s.momentum() : 0.0);
        if (values.keySet().stream().anyMatch(k -> !k.equals("lr") && !k.equals("momentum"))) {
            return Optional.empty();
        }
        return MomentumRegime.predict(first).map(any -> {
            var q = (dev.losslab.core.surface.Quadratic) first.landscape().surface();
            return MomentumRegime.of(lr, momentum, q.a(), q.b());
        });
    }

    private static Color colour(Outcome o, Function<Integer, Double> position) {
        return o.converged() ? Palette.viridis(position.apply(o.steps())) : o.diverged() ? Palette.DIVERGED : Palette.UNCONVERGED;
    }

    /** The value halfway between cell i and its neighbour on {@code side} (−1 or +1), in the axis's spacing. */
    private static double cellEdge(Axis a, int i, int side) {
        if (a.count() == 1) {
            return a.log() ? a.from() * Math.pow(2, 0.8 * side) : a.from() + 0.4 * side * Math.max(Math.abs(a.from()), 0.5) * 2;
        }
        if (a.log()) {
            double step = (Math.log10(a.to()) - Math.log10(a.from())) / (a.count() - 1);
            return Math.pow(10, Math.log10(a.value(i)) + side * step / 2);
        }
        return a.value(i) + side * (a.to() - a.from()) / (a.count() - 1) / 2;
    }

    private static double plot(Axis2D axis, double v) {
        return axis.log() ? Math.log10(v) : v;
    }

    private static double world(Axis2D axis, double u) {
        return axis.log() ? Math.pow(10, u) : u;
    }
}
