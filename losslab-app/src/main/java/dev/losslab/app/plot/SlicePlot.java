package dev.losslab.app.plot;

import dev.losslab.app.output.Numbers;
import dev.losslab.core.field.ContourLine;
import dev.losslab.core.field.FieldPicture;
import dev.losslab.core.field.SampledField;
import dev.losslab.core.field.Tick;
import dev.losslab.core.net.LossSlice;
import dev.losslab.core.surface.Window;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A network's loss on a plane as a picture: the grid as a colour map (the lab's scale and palette)
 * with its contour lines, a colour bar, dashed crosshairs at the centre θ*, and the training path's
 * shadow in the optimizer's colour from a white start dot. Each grid point is the centre of its
 * cell, so the map reaches half a cell beyond ±span.
 *
 * @param slice    the slice
 * @param picture  its colour scale, shades and contours
 * @param title    the first line (what network, around which point)
 * @param xTitle   what α is
 * @param yTitle   what β is
 * @param pathColour the optimizer's colour
 */
public record SlicePlot(LossSlice slice, FieldPicture picture, String title, String xTitle, String yTitle,
                        Color pathColour) implements Figure {

    private static final int SIDE = 520;
    private static final int LEFT = 76;
    private static final int TOP = 64;
    private static final int BOTTOM = 60;
    private static final int RIGHT = 230;
    private static final int BAR_WIDTH = 18;

    /**
     * @param optimizer the optimizer's name, for the path's colour (the lab's colour for it)
     */
    public static SlicePlot of(LossSlice slice, String title, String xTitle, String yTitle, String optimizer) {
        SampledField field = new SampledField(Window.square(slice.span()), slice.size(), slice.values());
        return new SlicePlot(slice, FieldPicture.of(field), title, xTitle, yTitle, Palette.optimizer(optimizer, 0));
    }

    @Override
    public int width() {
        return LEFT + SIDE + RIGHT;
    }

    @Override
    public int height() {
        return TOP + SIDE + BOTTOM;
    }

    /** ±span grown by half a cell: what the colour map covers. */
    private double shownHalfWidth() {
        return slice.span() + slice.span() / (slice.size() - 1);
    }

    @Override
    public void draw(Canvas c) {
        double half = shownHalfWidth();
        double right = LEFT + SIDE;
        double bottom = TOP + SIDE;
        Axis2D x = new Axis2D(-half, half, false, LEFT, right);
        Axis2D y = new Axis2D(-half, half, false, bottom, TOP);

        int g = slice.size();
        int[] argb = new int[g * g];
        int[] shades = picture.shades();
        for (int j = 0; j < g; j++) {
            for (int i = 0; i < g; i++) {
                int shade = shades[j * g + i];
                argb[(g - 1 - j) * g + i] = (shade < 0 ? Palette.UNDEFINED : Palette.viridis(shade / 255.0)).getRGB();
            }
        }
        c.raster(argb, g, g, LEFT, TOP, SIDE, SIDE);
        for (ContourLine line : picture.contours()) {
            for (double[] path : line.paths()) {
                double[] px = new double[path.length];
                for (int k = 0; k + 1 < path.length; k += 2) {
                    px[k] = x.pixel(path[k]);
                    px[k + 1] = y.pixel(path[k + 1]);
                }
                c.polyline(px, Palette.CONTOUR_ON_MAP, 0.8, 0);
            }
        }
        double cx = x.pixel(0);
        double cy = y.pixel(0);
        c.polyline(new double[] {cx - 9, cy, cx + 9, cy}, Palette.MARKER, 1.4, 3);
        c.polyline(new double[] {cx, cy - 9, cx, cy + 9}, Palette.MARKER, 1.4, 3);
        List<LossSlice.PathPoint> path = slice.path();
        for (double[] piece : inside(path, half, x, y)) {
            c.polyline(piece, pathColour, 2, 0);
        }
        if (!path.isEmpty()) {
            LossSlice.PathPoint start = path.getFirst();
            LossSlice.PathPoint end = path.getLast();
            if (within(end, half)) {
                c.circle(x.pixel(end.alpha()), y.pixel(end.beta()), 5, pathColour, Palette.MARKER);
            }
            if (within(start, half)) {
                c.circle(x.pixel(start.alpha()), y.pixel(start.beta()), 6, Palette.MARKER, Palette.INK);
            }
        }
        Frame.draw(c, x, y, TOP, bottom, xTitle, yTitle);
        Frame.title(c, title, LEFT, 24);
        c.text(String.format(Locale.ROOT, "colour: full-data loss (%s scale, dark is low), %d×%d grid; dashed cross: the centre θ*",
                picture.scale().log() ? "log" : "linear", g, g), LEFT, 42, Canvas.Anchor.START, 12, Palette.FAINT_INK, false);
        c.text("line: the path's shadow on the plane (θ_k projected; it is off the plane by its residual)",
                LEFT, 57, Canvas.Anchor.START, 12, Palette.FAINT_INK, false);
        colourBar(c, right + 34, TOP, SIDE * 0.6);
        legend(c, right + 24, TOP + SIDE * 0.6 + 44);
    }

    /** The colour bar: viridis from shade 0 (bottom) to 255 (top), with the scale's ticks. */
    private void colourBar(Canvas c, double left, double top, double height) {
        int[] argb = new int[256];
        for (int s = 0; s < 256; s++) {
            argb[255 - s] = Palette.viridis(s / 255.0).getRGB();
        }
        c.raster(argb, 1, 256, left, top, BAR_WIDTH, height);
        c.rect(left, top, BAR_WIDTH, height, null, Palette.INK);
        for (Tick t : picture.ticks()) {
            double py = top + height * (1 - t.shade() / 255.0);
            c.polyline(new double[] {left + BAR_WIDTH, py, left + BAR_WIDTH + Frame.TICK, py}, Palette.INK, 1, 0);
            c.text(Numbers.brief(t.value()), left + BAR_WIDTH + Frame.TICK + 3, py + 4, Canvas.Anchor.START, Frame.TICK_FONT,
                    Palette.INK, false);
        }
        c.text("loss", left, top - 8, Canvas.Anchor.START, Frame.TITLE_FONT, Palette.INK, false);
    }

    private void legend(Canvas c, double left, double top) {
        List<LossSlice.PathPoint> path = slice.path();
        Frame.legendRow(c, left, top, Palette.MARKER, true, "start θ₀" + (path.isEmpty() ? "" : " (step 0)"));
        Frame.legendRow(c, left, top + 20, pathColour, true, path.isEmpty() ? "end" : "end (step " + path.getLast().step() + ")");
        if (path.size() > 1) {
            double residual = path.stream().mapToDouble(LossSlice.PathPoint::residual).max().orElse(0);
            c.text("largest residual " + Numbers.brief(residual), left, top + 44, Canvas.Anchor.START, 11, Palette.FAINT_INK, false);
            c.text("path every " + slice.pathEvery() + (slice.pathEvery() == 1 ? " step" : " steps"), left, top + 60,
                    Canvas.Anchor.START, 11, Palette.FAINT_INK, false);
        }
    }

    private static boolean within(LossSlice.PathPoint p, double half) {
        return Math.abs(p.alpha()) <= half && Math.abs(p.beta()) <= half;
    }

    /** The path as pixel polylines, broken where it leaves the picture. */
    private static List<double[]> inside(List<LossSlice.PathPoint> path, double half, Axis2D x, Axis2D y) {
        List<double[]> pieces = new ArrayList<>();
        double[] piece = new double[2 * path.size()];
        int used = 0;
        for (int k = 0; k < path.size(); k++) {
            LossSlice.PathPoint p = path.get(k);
            boolean in = within(p, half);
            if (in) {
                piece[used++] = x.pixel(p.alpha());
                piece[used++] = y.pixel(p.beta());
            }
            if ((!in || k == path.size() - 1) && used > 0) {
                if (used >= 4) {
                    pieces.add(Arrays.copyOf(piece, used));
                }
                used = 0;
            }
        }
        return pieces;
    }
}
