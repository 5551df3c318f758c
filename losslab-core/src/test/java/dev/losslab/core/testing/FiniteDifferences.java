package dev.losslab.core.testing;

import dev.losslab.core.surface.Surface;
import dev.losslab.core.surface.Sym2;
import dev.losslab.core.surface.Vec2;

/**
 * Finite-difference estimates of a surface's derivatives, the reference its closed-form ∇f and ∇²f
 * are tested against. The step along a coordinate t is h = RELATIVE·max(1, |t|), so it scales with
 * the coordinate and never falls below RELATIVE.
 *
 * <p>Expected accuracy (ε = 2.2e-16, M_k a bound on the k-th derivative near the point):
 * <pre>
 *   gradient(f)            5-point central stencil on f, h = 1e-4:
 *                          error ≤ h⁴·M₅/30 + 1.5·ε·|f|/h  ≈  3e-18·M₅ + 3.3e-12·|f|
 *   jacobianOfGradient(∇f) the same stencil on the analytic gradient, h = 1e-4:
 *                          error ≤ h⁴·M₆/30 + 1.5·ε·|∇f|/h ≈  3e-18·M₆ + 3.3e-12·|∇f|
 *   hessianOfValues(f)     3-point second differences of f (and the 4-point cross stencil), h = 1e-4:
 *                          error ≤ h²·M₄/12 + 4·ε·|f|/h²   ≈  8e-10·M₄ + 8.9e-8·|f|
 * </pre>
 * The value-only Hessian is therefore four or five digits weaker than the Hessian taken from the
 * analytic gradient; tests use it as an independent second opinion with a looser tolerance.
 * Intermediate terms much larger than |f| (cancellation) raise the rounding term accordingly.
 */
public final class FiniteDifferences {

    /** Relative step for first differences (5-point stencil). */
    public static final double FIRST_STEP = 1e-4;
    /** Relative step for second differences of values (3-point stencil); near the optimum ε^¼. */
    public static final double SECOND_STEP = 1e-4;

    private FiniteDifferences() {}

    /** The step for coordinate t with relative step {@code relative}. */
    public static double step(double relative, double t) {
        return relative * Math.max(1, Math.abs(t));
    }

    /** ∇f from values of f: (8·(f(t+h) − f(t−h)) − (f(t+2h) − f(t−2h)))/(12h) per coordinate. */
    public static Vec2 gradient(Surface s, double x, double y) {
        double hx = step(FIRST_STEP, x);
        double hy = step(FIRST_STEP, y);
        double gx = fivePoint(s.value(x - 2 * hx, y), s.value(x - hx, y), s.value(x + hx, y), s.value(x + 2 * hx, y), hx);
        double gy = fivePoint(s.value(x, y - 2 * hy), s.value(x, y - hy), s.value(x, y + hy), s.value(x, y + 2 * hy), hy);
        return new Vec2(gx, gy);
    }

    /**
     * The Jacobian of the analytic gradient, by the same 5-point stencil. It is not symmetrized:
     * ∂g_x/∂y and ∂g_y/∂x are estimated separately, so a gradient whose components do not come from
     * one function shows up as xy ≠ yx.
     */
    public static Jacobian jacobianOfGradient(Surface s, double x, double y) {
        double hx = step(FIRST_STEP, x);
        double hy = step(FIRST_STEP, y);
        Vec2 xm2 = s.gradient(x - 2 * hx, y), xm1 = s.gradient(x - hx, y);
        Vec2 xp1 = s.gradient(x + hx, y), xp2 = s.gradient(x + 2 * hx, y);
        Vec2 ym2 = s.gradient(x, y - 2 * hy), ym1 = s.gradient(x, y - hy);
        Vec2 yp1 = s.gradient(x, y + hy), yp2 = s.gradient(x, y + 2 * hy);
        return new Jacobian(
                fivePoint(xm2.x(), xm1.x(), xp1.x(), xp2.x(), hx),
                fivePoint(ym2.x(), ym1.x(), yp1.x(), yp2.x(), hy),
                fivePoint(xm2.y(), xm1.y(), xp1.y(), xp2.y(), hx),
                fivePoint(ym2.y(), ym1.y(), yp1.y(), yp2.y(), hy));
    }

    /**
     * ∇²f from values alone: f_xx = (f(x+h) − 2f + f(x−h))/h², likewise f_yy, and
     * f_xy = (f(x+h, y+k) − f(x+h, y−k) − f(x−h, y+k) + f(x−h, y−k))/(4hk).
     */
    public static Sym2 hessianOfValues(Surface s, double x, double y) {
        double hx = step(SECOND_STEP, x);
        double hy = step(SECOND_STEP, y);
        double f = s.value(x, y);
        double xx = (s.value(x + hx, y) - 2 * f + s.value(x - hx, y)) / (hx * hx);
        double yy = (s.value(x, y + hy) - 2 * f + s.value(x, y - hy)) / (hy * hy);
        double xy = (s.value(x + hx, y + hy) - s.value(x + hx, y - hy) - s.value(x - hx, y + hy)
                + s.value(x - hx, y - hy)) / (4 * hx * hy);
        return new Sym2(xx, xy, yy);
    }

    private static double fivePoint(double m2, double m1, double p1, double p2, double h) {
        return (8 * (p1 - m1) - (p2 - m2)) / (12 * h);
    }

    /**
     * A finite-difference Jacobian of ∇f: xy = ∂(∂f/∂x)/∂y and yx = ∂(∂f/∂y)/∂x, which agree
     * for a consistent gradient.
     */
    public record Jacobian(double xx, double xy, double yx, double yy) {}
}
