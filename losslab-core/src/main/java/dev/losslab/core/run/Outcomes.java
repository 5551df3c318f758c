package dev.losslab.core.run;


/**
 * How each point of an {@link Engine} batch ended, by the caller's point index: its stop reason, the
 * updates it took, its last point (in the batch layout: coordinate d of point i at [d·count + i]),
 * the loss there, and the evaluations of f and ∇f it cost (see {@link Engine}).
 */
public final class Outcomes {

    private final int count;
    private final int dimension;
    private final StopReason[] stops;
    private final int[] steps;
    private final double[] ends;
    private final double[] losses;
    private final long[] functionEvaluations;
    private final long[] gradientEvaluations;

    Outcomes(int count, int dimension) {
        this.count = count;
        this.dimension = dimension;
        stops = new StopReason[count];
        steps = new int[count];
        ends = new double[count * dimension];
        losses = new double[count];
        functionEvaluations = new long[count];
        gradientEvaluations = new long[count];
    }

    /**
     * Point {@code point} ended for {@code reason} after {@code taken} updates at live point i of n in
     * theta, having cost {@code fEvals} evaluations of f and {@code gEvals} of ∇f.
     */
    void record(int point, StopReason reason, int taken, double[] theta, int n, int i, double loss, long fEvals,
            long gEvals) {
        stops[point] = reason;
        steps[point] = taken;
        for (int d = 0; d < dimension; d++) {
            ends[d * count + point] = theta[d * n + i];
        }
        losses[point] = loss;
        functionEvaluations[point] = fEvals;
        gradientEvaluations[point] = gEvals;
    }

    public int count() {
        return count;
    }

    public StopReason stop(int point) {
        return stops[point];
    }

    public int steps(int point) {
        return steps[point];
    }

    /** Coordinate d of point {@code point}'s last position. */
    public double end(int point, int d) {
        return ends[d * count + point];
    }

    /** Every point's last position, in the batch layout: starts for a batch that goes on from there. */
    public double[] ends() {
        return ends.clone();
    }

    public double loss(int point) {
        return losses[point];
    }

    /** The evaluations of f point {@code point} cost in all, as SciPy's {@code nfev} counts them. */
    public long functionEvaluations(int point) {
        return functionEvaluations[point];
    }

    /** The evaluations of ∇f point {@code point} cost in all, as SciPy's {@code njev} counts them. */
    public long gradientEvaluations(int point) {
        return gradientEvaluations[point];
    }

    /** Point {@code point} of a 2-D batch as an {@link Outcome}. */
    public Outcome get(int point) {
        return new Outcome(stops[point], steps[point], end(point, 0), end(point, 1), losses[point]);
    }
}
