package dev.losslab.core.run;

import java.util.Arrays;

/**
 * The points of a run, stored as parallel primitive arrays (structure of arrays) so long runs stay
 * compact and recording a step allocates only when the arrays grow.
 */
public final class Trajectory {

    private double[] x, y, loss, gradX, gradY, lr;
    private long[] functionEvaluations, gradientEvaluations;
    private int size;
    private Internals internals;

    public Trajectory(int expectedPoints) {
        int capacity = Math.max(16, Math.min(expectedPoints, 1 << 16));
        x = new double[capacity];
        y = new double[capacity];
        loss = new double[capacity];
        gradX = new double[capacity];
        gradY = new double[capacity];
        lr = new double[capacity];
        functionEvaluations = new long[capacity];
        gradientEvaluations = new long[capacity];
    }

    /**
     * Appends the point of step {@link #size()}, with the evaluations of f and ∇f the run has cost
     * up to and including it.
     */
    public void add(double px, double py, double pLoss, double gx, double gy, double pLr, long fEvals, long gEvals) {
        if (size == x.length) {
            int capacity = x.length * 2;
            x = Arrays.copyOf(x, capacity);
            y = Arrays.copyOf(y, capacity);
            loss = Arrays.copyOf(loss, capacity);
            gradX = Arrays.copyOf(gradX, capacity);
            gradY = Arrays.copyOf(gradY, capacity);
            lr = Arrays.copyOf(lr, capacity);
            functionEvaluations = Arrays.copyOf(functionEvaluations, capacity);
            gradientEvaluations = Arrays.copyOf(gradientEvaluations, capacity);
        }
        x[size] = px;
        y[size] = py;
        loss[size] = pLoss;
        gradX[size] = gx;
        gradY[size] = gy;
        lr[size] = pLr;
        functionEvaluations[size] = fEvals;
        gradientEvaluations[size] = gEvals;
        size++;
    }

    /** The optimizer's internals per point, or null when the run did not record them ({@link Recording}). */
    public Internals internals() {
        return internals;
    }

    void recordInternals(Internals internals) {
        this.internals = internals;
    }

    /** Number of points: steps taken + 1 (the start is step 0). */
    public int size() {
        return size;
    }

    public Point point(int step) {
        if (step < 0 || step >= size) {
            throw new IndexOutOfBoundsException("step " + step + " of " + size + " points");
        }
        return new Point(step, x[step], y[step], loss[step], gradX[step], gradY[step], lr[step],
                functionEvaluations[step], gradientEvaluations[step]);
    }

    public Point last() {
        return point(size - 1);
    }

    public double x(int step) {
        return x[step];
    }

    public double y(int step) {
        return y[step];
    }

    public double loss(int step) {
        return loss[step];
    }

    /**
     * One recorded point.
     *
     * @param step      0 for the start, then 1, 2, …
     * @param loss      f(x, y)
     * @param gradientX ∂f/∂x at the point (the exact gradient, without SGD noise); for a rule
     *                  whose gradient point differs (the schedule-free ones), at that point: the
     *                  gradient its next step uses (see {@link Engine})
     * @param gradientY ∂f/∂y likewise
     * @param lr        the learning rate of the update that produced this point (for step 0: the
     *                  base learning rate)
     * @param functionEvaluations evaluations of f the run has cost up to this point, as SciPy's
     *                  {@code nfev} counts them (see {@link Engine})
     * @param gradientEvaluations evaluations of ∇f likewise ({@code njev})
     */
    public record Point(int step, double x, double y, double loss, double gradientX, double gradientY, double lr,
            long functionEvaluations, long gradientEvaluations) {}
}
