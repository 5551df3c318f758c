package dev.losslab.core.run;

/**
 * A cheap proof that no point of a batch stops here, so that the exact per-point stop rules (see
 * {@link Engine}) run only when one might. One pass over the live points computes
 * <pre>
 *   T = max θ_d²,   F = max f²,   S⁻ = min ‖g‖²,   S⁺ = max ‖g‖²      (‖g‖² = Σ_d g_d²)
 * </pre>
 * with {@link Math#max}/{@link Math#min}, which carry a NaN through. Then
 * <ul>
 *   <li>T ≤ 10¹² proves every |θ_d| ≤ 10⁶: a double just above 10⁶ squares to more than 10¹² even
 *       after rounding (the gap, 2.3e-4, is above half an ulp of 10¹², 6.1e-5). The same holds for
 *       F ≤ 10²⁴ and |f| ≤ 10¹². S⁺ &lt; ∞ proves every gradient finite (an overflowing square only
 *       sends a point to the exact check). A NaN anywhere fails the comparisons;</li>
 *   <li>S⁻ &gt; tol²·(1 + 10⁻¹²) proves ‖g‖ ≥ tol for every point: the computed sum of squares is
 *       within a few ulps of the true one, far inside the band. Tolerances whose square leaves the
 *       normal range (below 1e-150 or above 1e150) are never cleared by the screen.</li>
 * </ul>
 * The screen never changes a result: it only decides when the exact rules must look.
 */
final class StopScreen {

    private static final double BAND = 1e-12;
    private static final double COORDINATE_SQUARED = Runner.COORDINATE_LIMIT * Runner.COORDINATE_LIMIT;
    private static final double LOSS_SQUARED = Runner.LOSS_LIMIT * Runner.LOSS_LIMIT;

    /** Above this, ‖g‖² proves ‖g‖ ≥ tol (+∞ when the square cannot be trusted). */
    private final double clearAbove;
    /** The smallest ‖g‖² of the last pass: a lower bound for every point still live. */
    private double minSquaredNorm;

    StopScreen(double tolerance) {
        boolean squares = tolerance >= 1e-150 && tolerance <= 1e150;
        clearAbove = squares ? tolerance * tolerance * (1 + BAND) : Double.POSITIVE_INFINITY;
    }

    /** True when a point's ‖g‖² proves its ‖g‖ ≥ tol. */
    boolean clearsUnconverged(double squaredNorm) {
        return squaredNorm > clearAbove;
    }

    /** True when the last {@link #allFine} pass proves that no live point has ‖g‖ &lt; tol. */
    boolean noneConverged() {
        return minSquaredNorm > clearAbove;
    }

    /**
     * One pass over n points: true when it proves that every point passes the point check (finite
     * and bounded coordinates, loss and gradient). Also remembers min ‖g‖² for {@link #noneConverged}.
     */
    boolean allFine(double[] theta, double[] loss, double[] gradient, int n, int dimension) {
        double maxTheta = 0, maxLoss = 0, maxNorm = 0, minNorm = Double.POSITIVE_INFINITY;
        if (dimension == 2) {
            for (int i = 0; i < n; i++) {
                double x = theta[i], y = theta[n + i], f = loss[i], gx = gradient[i], gy = gradient[n + i];
                double s = gx * gx + gy * gy;
                maxTheta = Math.max(maxTheta, Math.max(x * x, y * y));
                maxLoss = Math.max(maxLoss, f * f);
                maxNorm = Math.max(maxNorm, s);
                minNorm = Math.min(minNorm, s);
            }
        } else {
            for (int j = 0; j < n * dimension; j++) {
                maxTheta = Math.max(maxTheta, theta[j] * theta[j]);
            }
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int d = 0; d < dimension; d++) {
                    double g = gradient[d * n + i];
                    s += g * g;
                }
                maxLoss = Math.max(maxLoss, loss[i] * loss[i]);
                maxNorm = Math.max(maxNorm, s);
                minNorm = Math.min(minNorm, s);
            }
        }
        minSquaredNorm = minNorm;
        return maxTheta <= COORDINATE_SQUARED && maxLoss <= LOSS_SQUARED && maxNorm < Double.POSITIVE_INFINITY;
    }
}
