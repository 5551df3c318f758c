package dev.losslab.core.maps;

/**
 * The runner's convergence test ‖g‖ &lt; tol, decided without {@link Math#hypot} whenever the
 * cheap square is unambiguous. {@code hypot} is a slow library call; gx² + gy² is two multiplies and
 * an add, accurate to a few units in the last place. Outside a relative band of 1e-12 around tol²
 * the square decides, inside it {@code hypot} does, so the answer is exactly
 * {@code Math.hypot(gx, gy) < tol} — the same step count as {@link dev.losslab.core.run.Runner} —
 * at the cost of the square. Tolerances so small or large that tol² leaves the normal double range
 * always use {@code hypot}.
 */
final class ConvergenceTest {

    private static final double BAND = 1e-12;

    /** tol: converged when ‖g‖ &lt; tol. */
    final double tolerance;
    /** gx² + gy² below this: converged for sure (−1 when the square is not trusted). */
    final double below;
    /** gx² + gy² above this: not converged for sure (+∞ when the square is not trusted). */
    final double above;

    ConvergenceTest(double tolerance) {
        this.tolerance = tolerance;
        boolean squares = tolerance >= 1e-150 && tolerance <= 1e150;
        this.below = squares ? tolerance * tolerance * (1 - BAND) : -1;
        this.above = squares ? tolerance * tolerance * (1 + BAND) : Double.POSITIVE_INFINITY;
    }

    /** Exactly {@code Math.hypot(gx, gy) < tolerance}. Hot loops inline this with local copies of the fields. */
    boolean converged(double gx, double gy) {
        double s = gx * gx + gy * gy;
        return s < below || (!(s > above) && Math.hypot(gx, gy) < tolerance);
    }
}
