package dev.losslab.core.surface;

/**
 * A smooth loss with its exact first and second derivatives, evaluated for a batch of points at once.
 *
 * <p><b>Batch layout.</b> n points of D = {@link #dimension()} coordinates lie in one {@code double[]},
 * dimension-major: coordinate d of point i is at {@code [d·n + i]} (for D = 2: x of point i at
 * {@code [i]}, y at {@code [n + i]}). Gradients use the same layout. A Hessian is stored as its upper
 * triangle, row by row, each entry dimension-major: for D = 2, f_xx of point i at {@code [i]}, f_xy at
 * {@code [n + i]}, f_yy at {@code [2n + i]}. One loop over the points, with no calls and no branches
 * that differ between points, lets the JIT compile it to SIMD code: that is what the engine runs.
 *
 * <p>Implementations write f, ∇f and ∇²f in closed form next to each other, so a reader can check
 * one against the other; the engine never uses finite differences. Where f is not differentiable at
 * a point (e.g. Ackley's cone at the origin) the implementation documents the one-sided value it
 * returns. A surface written point by point (a test's, an interpreted formula) implements
 * {@link PointwiseSurface} instead.
 *
 * <p>The one-point methods ({@link #value(double, double)}, {@link #valueAndGradient(double, double,
 * double[])}, {@link #hessian(double, double)}) are conveniences for code outside hot loops: a batch
 * of one, giving exactly the doubles the batch gives.
 */
public interface Surface {

    /** D, the number of coordinates of a point: 2 for every landscape of the lab. */
    default int dimension() {
        return 2;
    }

    /**
     * f and ∇f of the first n points of {@code points}: f of point i into {@code values[i]}, its
     * gradient into {@code gradients} in the batch layout. Allocation-free.
     */
    void valueAndGradient(double[] points, int n, double[] values, double[] gradients);

    /**
     * What one evaluation of f and ∇f at a point costs, in evaluations of a closed-form surface: 1
     * here; a surface that sums over n examples says about n. Budgets count work in these units, so
     * that a map on a dataset is bounded by its real cost.
     */
    default long evaluationCost() {
        return 1;
    }

    /** ∇²f of the first n points of {@code points}, upper triangles in the batch layout. */
    void hessian(double[] points, int n, double[] hessians);

    /** f(x, y). */
    default double value(double x, double y) {
        return valueAndGradient(x, y, new double[2]);
    }

    /** Stores ∂f/∂x in {@code gradient[0]} and ∂f/∂y in {@code gradient[1]} and returns f(x, y). */
    default double valueAndGradient(double x, double y, double[] gradient) {
        double[] value = new double[1];
        valueAndGradient(new double[] {x, y}, 1, value, gradient);
        return value[0];
    }

    /** The Hessian [[f_xx, f_xy], [f_xy, f_yy]]. */
    default Sym2 hessian(double x, double y) {
        double[] h = new double[3];
        hessian(new double[] {x, y}, 1, h);
        return new Sym2(h[0], h[1], h[2]);
    }

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
