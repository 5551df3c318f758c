package dev.losslab.core.surface;

/** A point or direction in the plane of the two parameters (x, y). */
public record Vec2(double x, double y) {

    public static final Vec2 ZERO = new Vec2(0, 0);

    public static Vec2 of(double x, double y) {
        return new Vec2(x, y);
    }

    public Vec2 plus(Vec2 o) {
        return new Vec2(x + o.x, y + o.y);
    }

    public Vec2 minus(Vec2 o) {
        return new Vec2(x - o.x, y - o.y);
    }

    public Vec2 times(double s) {
        return new Vec2(s * x, s * y);
    }

    public double dot(Vec2 o) {
        return x * o.x + y * o.y;
    }

    /** Euclidean length, computed without overflow for large components. */
    public double norm() {
        return Math.hypot(x, y);
    }

    public double distanceTo(Vec2 o) {
        return Math.hypot(x - o.x, y - o.y);
    }

    public boolean isFinite() {
        return Double.isFinite(x) && Double.isFinite(y);
    }
}
