package dev.losslab.core.optim;

import dev.losslab.core.surface.Surface;

/**
 * f along a line through one point, φ(α) = f(x + α·p) and φ′(α) = ∇f(x + α·p)·p, for the line
 * searches, evaluated as a batch of one on the surface. It counts evaluations as SciPy 1.10's
 * {@code ScalarFunction} (the wrapper {@code minimize} puts around f and ∇f) makes them: it
 * remembers the last point evaluated, and asking for f or ∇f again at that same point (equal in
 * every coordinate) costs nothing. LossLab's surfaces give f and ∇f in one call; the counts are
 * what the method asked for, f and ∇f apart, so they equal SciPy's {@code nfev} and {@code njev}.
 *
 * <p>Reused for every point and step of a batch: {@link #start} sets the line; nothing is
 * allocated after construction.
 */
final class LineFunction {

    private final int dimension;
    private final double[] x;
    private final double[] p;
    /** The last point evaluated (a batch of one: its coordinates in order), f and ∇f there. */
    private final double[] at;
    private final double[] trial;
    private final double[] value = new double[1];
    private final double[] gradient;
    private Surface surface;
    private boolean valueAsked;
    private boolean gradientAsked;
    private int functionEvaluations;
    private int gradientEvaluations;

    LineFunction(int dimension) {
        this.dimension = dimension;
        x = new double[dimension];
        p = new double[dimension];
        at = new double[dimension];
        trial = new double[dimension];
        gradient = new double[dimension];
    }

    /**
     * A new line through x along p, where f = fx and ∇f = gx are known (what the engine evaluated):
     * the remembered point, as SciPy's wrapper remembers the current iterate. Counts start at 0.
     */
    void start(Surface surface, double[] x, double[] p, double fx, double[] gx) {
        this.surface = surface;
        System.arraycopy(x, 0, this.x, 0, dimension);
        System.arraycopy(p, 0, this.p, 0, dimension);
        System.arraycopy(x, 0, at, 0, dimension);
        System.arraycopy(gx, 0, gradient, 0, dimension);
        value[0] = fx;
        valueAsked = true;
        gradientAsked = true;
        functionEvaluations = 0;
        gradientEvaluations = 0;
    }

    /** φ(α) = f(x + α·p). */
    double phi(double alpha) {
        moveTo(alpha);
        if (!valueAsked) {
            valueAsked = true;
            functionEvaluations++;
        }
        return value[0];
    }

    /** φ′(α) = ∇f(x + α·p)·p, the dot product summed in coordinate order (as numpy's dot). */
    double derphi(double alpha) {
        gradientAt(alpha);
        return dot(gradient, p, dimension);
    }

    /** ∇f(x + α·p), counted if not asked for there yet; the array is this object's, read it at once. */
    double[] gradientAt(double alpha) {
        moveTo(alpha);
        if (!gradientAsked) {
            gradientAsked = true;
            gradientEvaluations++;
        }
        return gradient;
    }

    /** x + α·p into {@code out}: the point φ(α) is evaluated at, rounded as it is there. */
    void point(double alpha, double[] out) {
        for (int d = 0; d < dimension; d++) {
            out[d] = x[d] + alpha * p[d];
        }
    }

    int functionEvaluations() {
        return functionEvaluations;
    }

    int gradientEvaluations() {
        return gradientEvaluations;
    }

    private void moveTo(double alpha) {
        point(alpha, trial);
        for (int d = 0; d < dimension; d++) {
            // == as numpy's array_equal: NaN is never equal, so a NaN point is evaluated again.
            if (!(trial[d] == at[d])) {
                System.arraycopy(trial, 0, at, 0, dimension);
                surface.valueAndGradient(at, 1, value, gradient);
                valueAsked = false;
                gradientAsked = false;
                return;
            }
        }
    }

    /** Σ a_d·b_d in coordinate order. */
    static double dot(double[] a, double[] b, int dimension) {
        double s = 0;
        for (int d = 0; d < dimension; d++) {
            s += a[d] * b[d];
        }
        return s;
    }
}
