package dev.losslab.core.analysis;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.surface.Surface;
import dev.losslab.core.surface.Sym2;
import dev.losslab.core.surface.Vec2;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What second-order calculus says about f at one point: the value, the gradient ∇f and the Hessian
 * H = ∇²f measured there, and everything that follows from H.
 *
 * <p>The components are the measurements; every other accessor is a pure function of them, so an
 * analysis cannot contradict itself. With λ1 ≥ λ2 the eigenvalues of H:
 * <pre>
 *   eigen                   λ1 ≥ λ2 with unit eigenvectors v1 ⟂ v2, H·vᵢ = λᵢ·vᵢ  (Sym2's closed form)
 *   trace                   λ1 + λ2 = f_xx + f_yy
 *   determinant             λ1·λ2   = f_xx·f_yy − f_xy²
 *   kind                    from the signs of λ1, λ2 alone; see CurvatureKind
 *   conditionNumber         κ = max(|λ1|, |λ2|) / min(|λ1|, |λ2|);  +∞ when the smaller counts as zero
 *   maxStableLearningRate   2/λ1 when λ1 > 0 (and does not count as zero); empty otherwise
 * </pre>
 * The condition number uses absolute values so that it is defined at saddles and maxima too: it is
 * how much faster gradient descent moves along the steepest eigen-direction than along the
 * flattest, whichever way each one curves. It is +∞ exactly when {@link #kind()} is
 * {@link CurvatureKind#DEGENERATE} (the JSON layer prints that as null).
 *
 * <p>2/λ1 is the learning rate at which gradient descent on the quadratic model
 * f(p + s) ≈ f(p) + ∇f·s + ½·sᵀHs stops converging along v1: each step multiplies the v1-component
 * of the error by (1 − lr·λ1), whose magnitude exceeds 1 once lr > 2/λ1. When λ1 ≤ 0 no learning
 * rate is stable in that sense (every direction is flat or curves down), so the value is empty
 * rather than NaN or infinite.
 *
 * @param point         where f was analysed
 * @param value         f(point)
 * @param gradient      ∇f(point)
 * @param hessian       ∇²f(point)
 * @param zeroCurvature the absolute |λ| at or below which an eigenvalue counts as zero (0 from
 *                      {@link #at(Surface, Vec2)}; the critical-point search passes a small fraction
 *                      of the window's curvature scale)
 */
public record PointAnalysis(Vec2 point, double value, Vec2 gradient, Sym2 hessian, double zeroCurvature) {

    /**
     * @throws InvalidInputException (field {@code at}) when f, ∇f or ∇²f is not finite at the point,
     *                               so no analysis ever carries NaN
     */
    public PointAnalysis {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(gradient, "gradient");
        Objects.requireNonNull(hessian, "hessian");
        if (!(Double.isFinite(value) && gradient.isFinite() && hessian.isFinite() && point.isFinite())) {
            throw new InvalidInputException("at", "f is undefined at (" + point.x() + ", " + point.y() + ")");
        }
        if (!(zeroCurvature >= 0) || zeroCurvature == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("zeroCurvature must be finite and >= 0, got " + zeroCurvature);
        }
    }

    /**
     * Analyses {@code surface} at {@code p}, counting an eigenvalue as zero only by the relative rule
     * of {@link CurvatureKind}.
     *
     * @throws InvalidInputException (field {@code at}) when f, ∇f or ∇²f is not finite at p
     */
    public static PointAnalysis at(Surface surface, Vec2 p) {
        return at(surface, p, 0);
    }

    /**
     * Analyses {@code surface} at {@code p}; eigenvalues with |λ| ≤ {@code zeroCurvature} also count
     * as zero.
     *
     * @throws InvalidInputException (field {@code at}) when f, ∇f or ∇²f is not finite at p
     */
    public static PointAnalysis at(Surface surface, Vec2 p, double zeroCurvature) {
        double[] g = new double[2];
        double value = surface.valueAndGradient(p.x(), p.y(), g);
        return new PointAnalysis(p, value, new Vec2(g[0], g[1]), surface.hessian(p.x(), p.y()), zeroCurvature);
    }

    /** The eigenvalues λ1 ≥ λ2 of the Hessian with unit, orthogonal eigenvectors. */
    public Sym2.Eigen eigen() {
        return hessian.eigen();
    }

    /** λ1 + λ2. */
    public double trace() {
        return hessian.trace();
    }

    /** λ1·λ2. */
    public double determinant() {
        return hessian.determinant();
    }

    /** ‖∇f‖. */
    public double gradientNorm() {
        return gradient.norm();
    }

    /**
     * How far the nearest point where the slope vanishes is, by f's quadratic model here: the length
     * of Newton's step H⁺∇f, along each eigenvector vᵢ the slope vᵢ·∇f over the curvature λᵢ. 0 at a
     * critical point; +∞ when a direction with no curvature (it counts as zero) still has a slope, as
     * a plane never levels out. A curvature test alone cannot tell a minimum from the side of a bowl;
     * this can: a point is critical within r when this is ≤ r.
     */
    public double distanceToFlat() {
        Sym2.Eigen e = eigen();
        double[] lambdas = {e.first(), e.second()};
        Vec2[] vectors = {e.firstVector(), e.secondVector()};
        double squared = 0;
        for (int i = 0; i < 2; i++) {
            double slope = vectors[i].x() * gradient.x() + vectors[i].y() * gradient.y();
            if (slope == 0) {
                continue;
            }
            if (CurvatureKind.countsAsZero(lambdas[i], e.first(), e.second(), zeroCurvature)) {
                return Double.POSITIVE_INFINITY;
            }
            squared += (slope / lambdas[i]) * (slope / lambdas[i]);
        }
        return Math.sqrt(squared);
    }

    /** Minimum, maximum, saddle or degenerate, from the eigenvalue signs alone. */
    public CurvatureKind kind() {
        Sym2.Eigen e = eigen();
        return CurvatureKind.of(e.first(), e.second(), zeroCurvature);
    }

    /**
     * κ = max(|λ1|, |λ2|) / min(|λ1|, |λ2|) ≥ 1, or {@link Double#POSITIVE_INFINITY} when the smaller
     * |λ| counts as zero (exactly when the kind is degenerate).
     */
    public double conditionNumber() {
        Sym2.Eigen e = eigen();
        double large = Math.max(Math.abs(e.first()), Math.abs(e.second()));
        double small = Math.min(Math.abs(e.first()), Math.abs(e.second()));
        if (CurvatureKind.countsAsZero(small, e.first(), e.second(), zeroCurvature)) {
            return Double.POSITIVE_INFINITY;
        }
        return large / small;
    }

    /** 2/λ1 when λ1 > 0, does not count as zero and 2/λ1 is finite; empty otherwise (never NaN or ∞). */
    public OptionalDouble maxStableLearningRate() {
        Sym2.Eigen e = eigen();
        double l1 = e.first();
        if (!(l1 > 0) || CurvatureKind.countsAsZero(l1, e.first(), e.second(), zeroCurvature)) {
            return OptionalDouble.empty();
        }
        double rate = 2 / l1;
        // A subnormal λ1 that no tolerance flags would overflow: there is no finite answer to give.
        return Double.isFinite(rate) ? OptionalDouble.of(rate) : OptionalDouble.empty();
    }
}
