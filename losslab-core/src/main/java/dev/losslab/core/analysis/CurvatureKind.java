package dev.losslab.core.analysis;

/**
 * The shape of f near a point, read from the signs of the Hessian's eigenvalues λ1 ≥ λ2 alone.
 *
 * <p>The gradient plays no part: at a point where ∇f ≠ 0 the kind describes the local curvature,
 * not a critical point (the seed lab calls (0.05, 0.05) on x² − y² a "saddle point"). Only
 * {@link CriticalPoints} guarantees ∇f ≈ 0 at the points it labels.
 *
 * <p>An eigenvalue counts as zero when
 * <pre>
 *   |λ| ≤ max(RELATIVE_ZERO · max(|λ1|, |λ2|), zeroCurvature)
 * </pre>
 * The relative term (1e-9) catches one flat direction next to a curved one; the absolute
 * {@code zeroCurvature} (0 unless the caller knows a curvature scale, as the critical-point search
 * does) catches a Hessian that is tiny in every direction, like the monkey saddle's near its centre.
 * A Hessian that is exactly zero counts as zero in both directions whatever the tolerance.
 */
public enum CurvatureKind {
    /** λ1 > 0 and λ2 > 0: curving up in every direction. */
    MINIMUM("minimum"),
    /** λ1 &lt; 0 and λ2 &lt; 0: curving down in every direction. */
    MAXIMUM("maximum"),
    /** λ1 > 0 > λ2: up along one eigenvector, down along the other. */
    SADDLE("saddle"),
    /** At least one eigenvalue counts as zero: second derivatives cannot tell the shape. */
    DEGENERATE("degenerate");

    /** An eigenvalue this small relative to the larger |λ| counts as zero. */
    public static final double RELATIVE_ZERO = 1e-9;

    private final String code;

    CurvatureKind(String code) {
        this.code = code;
    }

    /** The lower-case name the CLI and the JSON use: {@code minimum}, {@code maximum}, … */
    public String code() {
        return code;
    }

    /**
     * Classifies a Hessian by its eigenvalues (in either order).
     *
     * @param zeroCurvature an absolute |λ| at or below which an eigenvalue counts as zero; ≥ 0
     */
    public static CurvatureKind of(double first, double second, double zeroCurvature) {
        if (countsAsZero(first, first, second, zeroCurvature) || countsAsZero(second, first, second, zeroCurvature)) {
            return DEGENERATE;
        }
        if (first > 0 && second > 0) {
            return MINIMUM;
        }
        if (first < 0 && second < 0) {
            return MAXIMUM;
        }
        return SADDLE;
    }

    /** Whether {@code lambda}, one of the eigenvalues {@code first} and {@code second}, counts as zero. */
    static boolean countsAsZero(double lambda, double first, double second, double zeroCurvature) {
        double largest = Math.max(Math.abs(first), Math.abs(second));
        return Math.abs(lambda) <= Math.max(RELATIVE_ZERO * largest, zeroCurvature);
    }
}
