package dev.losslab.core.surface;

/**
 * A smooth loss f(x, y) with its exact first and second derivatives.
 *
 * <p>Implementations write f, ∇f and ∇²f in closed form next to each other, so a reader can check
 * one against the other; the engine never uses finite differences. Where f is not differentiable at
 * a point (e.g. Ackley's cone at the origin) the implementation documents the one-sided value it
 * returns.
 */
public interface Surface {

    /** f(x, y). */
    double value(double x, double y);

    /**
     * Stores ∂f/∂x in {@code gradient[0]} and ∂f/∂y in {@code gradient[1]} and returns f(x, y).
     * Allocation-free, because optimizer loops call it millions of times.
     */
    double valueAndGradient(double x, double y, double[] gradient);

    /** The Hessian [[f_xx, f_xy], [f_xy, f_yy]]. */
    Sym2 hessian(double x, double y);

    /** ∇f(x, y) as a value; convenient outside hot loops. */
    default Vec2 gradient(double x, double y) {
        double[] g = new double[2];
        valueAndGradient(x, y, g);
        return new Vec2(g[0], g[1]);
    }

    default double value(Vec2 p) {
        return value(p.x(), p.y());
    }

    default Vec2 gradient(Vec2 p) {
        return gradient(p.x(), p.y());
    }

    default Sym2 hessian(Vec2 p) {
        return hessian(p.x(), p.y());
    }
}
