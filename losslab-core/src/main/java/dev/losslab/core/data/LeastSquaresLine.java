package dev.losslab.core.data;

import dev.losslab.core.surface.MinibatchSurface;

/**
 * The mean squared error of a line through one feature, as a surface in its two parameters:
 * f(w, b) = (1/n)·Σᵢ (w·xᵢ + b − yᵢ)², with x = w and y = b on the lab's axes.
 *
 * <p>f is a quadratic, so it is written exactly through the data's moments (x̄, ȳ, and the centred
 * Vxx = mean((x − x̄)²), Vxy = mean((x − x̄)(y − ȳ))), which makes each evaluation O(1) however
 * many examples there are. With the least-squares slope w* = Vxy/Vxx, its residual
 * r = mean((y − ȳ − w*·(x − x̄))²) and c = w·x̄ + b − ȳ (the line's error at the mean):
 * <pre>
 *   f(w, b) = Vxx·(w − w*)² + c² + r
 *   ∂f/∂w   = 2·Vxx·(w − w*) + 2·x̄·c
 *   ∂f/∂b   = 2·c
 *   ∇²f     = [[2·(Vxx + x̄²), 2·x̄], [2·x̄, 2]]  =  (2/n)·XᵀX  with rows (xᵢ, 1)
 * </pre>
 * (expand (w·(xᵢ − x̄) − (yᵢ − ȳ) + c)² and average: the cross terms have mean zero). This form
 * keeps f accurate near its minimum f* = r, where the raw sums would cancel. A minibatch's gradient
 * is summed over its examples: (2/B)·Σ (w·xᵢ + b − yᵢ)·(xᵢ, 1).
 */
public final class LeastSquaresLine implements MinibatchSurface {

    private final double[] x;
    private final double[] y;
    private final double meanX;
    private final double meanY;
    private final double varianceX;
    private final double slope;
    private final double residual;

    /**
     * @param x the feature, one value per example
     * @param y the target, as many values
     * @throws IllegalArgumentException when x is constant (no unique line: the caller names the column)
     */
    public LeastSquaresLine(double[] x, double[] y) {
        if (x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException("x and y need the same positive length");
        }
        this.x = x.clone();
        this.y = y.clone();
        meanX = mean(x);
        meanY = mean(y);
        double vxx = 0;
        double vxy = 0;
        for (int i = 0; i < x.length; i++) {
            vxx += (x[i] - meanX) * (x[i] - meanX);
            vxy += (x[i] - meanX) * (y[i] - meanY);
        }
        varianceX = vxx / x.length;
        if (!(varianceX > 0)) {
            throw new IllegalArgumentException("the feature is constant");
        }
        slope = vxy / vxx;
        double r = 0;
        for (int i = 0; i < x.length; i++) {
            double e = y[i] - meanY - slope * (x[i] - meanX);
            r += e * e;
        }
        residual = r / x.length;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double t : v) {
            s += t;
        }
        return s / v.length;
    }

    /** The least-squares slope w*. */
    public double bestSlope() {
        return slope;
    }

    /** The least-squares intercept b* = ȳ − w*·x̄. */
    public double bestIntercept() {
        return meanY - slope * meanX;
    }

    /** f at the minimum: the residual mean squared error r. */
    public double bestValue() {
        return residual;
    }

    @Override
    public int examples() {
        return x.length;
    }

    @Override
    public void valueAndGradient(double[] points, int n, double[] values, double[] gradients) {
        for (int i = 0; i < n; i++) {
            double w = points[i];
            double b = points[n + i];
            double dw = w - slope;
            double c = w * meanX + b - meanY;
            values[i] = varianceX * dw * dw + c * c + residual;
            gradients[i] = 2 * varianceX * dw + 2 * meanX * c;
            gradients[n + i] = 2 * c;
        }
    }

    @Override
    public void hessian(double[] points, int n, double[] hessians) {
        double hww = 2 * (varianceX + meanX * meanX);
        for (int i = 0; i < n; i++) {
            hessians[i] = hww;
            hessians[n + i] = 2 * meanX;
            hessians[2 * n + i] = 2;
        }
    }

    @Override
    public void batchGradient(double[] points, int n, int i, int[] rows, int from, int count, double[] gradients) {
        double w = points[i];
        double b = points[n + i];
        double gw = 0;
        double gb = 0;
        for (int k = from; k < from + count; k++) {
            int r = rows[k];
            double e = w * x[r] + b - y[r];
            gw += e * x[r];
            gb += e;
        }
        gradients[i] = 2 * gw / count;
        gradients[n + i] = 2 * gb / count;
    }
}
