package dev.losslab.core.surface;

/**
 * A 2-D surface written one point at a time; its batch methods loop over the points. For surfaces
 * that are not on a hot path (tests, the interpreter that runs formulas too large to compile): the
 * call per point keeps the JIT from vectorising the loop, so the catalog writes its batches directly.
 */
public interface PointwiseSurface extends Surface {

    @Override
    double value(double x, double y);

    @Override
    double valueAndGradient(double x, double y, double[] gradient);

    @Override
    Sym2 hessian(double x, double y);

    @Override
    default void valueAndGradient(double[] points, int n, double[] values, double[] gradients) {
        double[] g = new double[2];
        for (int i = 0; i < n; i++) {
            values[i] = valueAndGradient(points[i], points[n + i], g);
            gradients[i] = g[0];
            gradients[n + i] = g[1];
        }
    }

    @Override
    default void hessian(double[] points, int n, double[] hessians) {
        for (int i = 0; i < n; i++) {
            Sym2 h = hessian(points[i], points[n + i]);
            hessians[i] = h.xx();
            hessians[n + i] = h.xy();
            hessians[2 * n + i] = h.yy();
        }
    }
}
