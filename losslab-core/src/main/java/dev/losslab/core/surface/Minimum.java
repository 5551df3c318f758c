package dev.losslab.core.surface;

/** A known minimum of a catalog surface: where it is and the published value there. */
public record Minimum(Vec2 at, double value) {

    public static Minimum at(double x, double y, double value) {
        return new Minimum(new Vec2(x, y), value);
    }
}
