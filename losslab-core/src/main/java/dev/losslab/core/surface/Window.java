package dev.losslab.core.surface;

/** An axis-aligned rectangle of the (x, y) plane: what a view shows or where a search looks. */
public record Window(double xMin, double xMax, double yMin, double yMax) {

    public Window {
        if (!(xMin < xMax) || !Double.isFinite(xMin) || !Double.isFinite(xMax)) {
            throw new IllegalArgumentException("window needs finite x0 < x1, got x0=" + xMin + ", x1=" + xMax);
        }
        if (!(yMin < yMax) || !Double.isFinite(yMin) || !Double.isFinite(yMax)) {
            throw new IllegalArgumentException("window needs finite y0 < y1, got y0=" + yMin + ", y1=" + yMax);
        }
    }

    public static Window square(double halfWidth) {
        return new Window(-halfWidth, halfWidth, -halfWidth, halfWidth);
    }

    public static Window of(double xMin, double xMax, double yMin, double yMax) {
        return new Window(xMin, xMax, yMin, yMax);
    }

    public double width() {
        return xMax - xMin;
    }

    public double height() {
        return yMax - yMin;
    }

    /** The larger of width and height: the length scale of the view. */
    public double span() {
        return Math.max(width(), height());
    }

    public boolean contains(Vec2 p) {
        return p.x() >= xMin && p.x() <= xMax && p.y() >= yMin && p.y() <= yMax;
    }

    public Vec2 center() {
        return new Vec2(0.5 * (xMin + xMax), 0.5 * (yMin + yMax));
    }
}
