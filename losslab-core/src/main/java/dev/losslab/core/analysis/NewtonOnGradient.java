package dev.losslab.core.analysis;

import static dev.losslab.core.analysis.CriticalPoints.MAX_HALVINGS;
import static dev.losslab.core.analysis.CriticalPoints.MAX_TRIAL_STEPS;
import static dev.losslab.core.analysis.CriticalPoints.POLISH_STEPS;

import dev.losslab.core.surface.Surface;
import dev.losslab.core.surface.Sym2;
import dev.losslab.core.surface.Vec2;
import dev.losslab.core.surface.Window;

/**
 * Drives one seed to a root of ∇f: damped Newton on the system ∇f(p) = 0, whose Jacobian is the
 * Hessian H, with φ(p) = ‖∇f(p)‖² as the merit function. One search, many seeds; each call to
 * {@link #solve} is independent, so seeds can run in parallel.
 *
 * <p>Each iteration, from p with gradient g:
 * <pre>
 *   Newton        d = −H⁻¹g (Cramer's rule, unless Sym2.solve would call H singular),
 *                 shortened to at most the window span;
 *                 take p + t·d for the first t = 1, ½, …, 2^−MAX_HALVINGS with
 *                 φ(p + t·d) ≤ (1 − 2·10⁻⁴·t)·φ(p)       (Armijo: ∇φ·d = 2·gᵀH·d = −2·φ)
 *   else LM       d = −(H² + μ·I)⁻¹·H·g, μ = 10⁻⁶·‖H‖_F² growing ×10 per try until φ decreases;
 *                 used when H is singular or the Newton step fails (it bends towards −∇φ = −2·H·g)
 *   else          give up: p is a local minimum of φ that is not a root
 * </pre>
 * Once ‖g‖ ≤ tolerance the point is <em>polished</em>: up to {@value CriticalPoints#POLISH_STEPS}
 * full Newton steps (by Cramer's rule whenever det H ≠ 0, else with an eigen-space
 * pseudo-inverse), kept while φ strictly decreases. At a degenerate root Newton converges only
 * linearly, with ratio ρ = ‖d_k‖/‖d_{k−1}‖: (m − 1)/m for a root of multiplicity m in one
 * dimension (f ∝ uⁿ has m = n − 1), ½ at the monkey saddle. Polishing also tries the extrapolated
 * step d/(1 − ρ), which lands on such a root in one step in one dimension and close to it in two,
 * so a degenerate root ends up near exact and its Hessian reads as (nearly) zero.
 */
final class NewtonOnGradient {

    private static final double ARMIJO = 1e-4;
    private static final double LM_START = 1e-6;
    private static final double PSEUDO_INVERSE_ZERO = 1e-12;
    /** Sym2.solve's singularity test: |det| ≤ 1e-12·(largest entry)². */
    private static final double SINGULAR = 1e-12;

    private final Surface surface;
    private final int maxIterations;
    private final double tolerance;
    private final double maxStep;
    private final double xLow, xHigh, yLow, yHigh;

    /** A root of ∇f reached from seed number {@code seed}, and ‖∇f‖ there. */
    record Root(int seed, Vec2 at, double gradientNorm) {}

    /**
     * @param tolerance the ‖∇f‖ at which a point counts as a root
     * @param window    Newton steps are at most its span long, and a walk more than half a span
     *                  outside it is given up
     */
    NewtonOnGradient(Surface surface, Window window, int maxIterations, double tolerance) {
        this.surface = surface;
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
        this.maxStep = window.span();
        double margin = 0.5 * window.span();
        this.xLow = window.xMin() - margin;
        this.xHigh = window.xMax() + margin;
        this.yLow = window.yMin() - margin;
        this.yHigh = window.yMax() + margin;
    }

    /**
     * The root reached from seed number {@code seed} at (x0, y0), or null when the walk stalls,
     * escapes, runs out of iterations or meets a non-finite f.
     */
    Root solve(int seed, double x0, double y0) {
        Walk walk = new Walk();
        if (!walk.start(x0, y0)) {
            return null;
        }
        for (int iteration = 0; !(Math.sqrt(walk.phi) <= tolerance); iteration++) {
            if (iteration == maxIterations || !walk.dampedStep() || !walk.inBounds()) {
                return null;
            }
        }
        walk.polish();
        return Math.sqrt(walk.phi) <= tolerance ? new Root(seed, new Vec2(walk.x, walk.y), Math.sqrt(walk.phi)) : null;
    }

    /** One seed's walk: the current point, its gradient and φ = ‖∇f‖², and a scratch evaluation. */
    private final class Walk {
        double x, y, gx, gy, phi;
        private final double[] scratch = new double[2];
        private final double[] direction = new double[2];
        private double lastX = Double.NaN, lastY = Double.NaN;

        boolean start(double x0, double y0) {
            phi = phiAt(x0, y0);
            moveTo(x0, y0, phi);
            return Double.isFinite(phi);
        }

        boolean inBounds() {
            return x >= xLow && x <= xHigh && y >= yLow && y <= yHigh;
        }

        /** One damped Newton or Levenberg–Marquardt step; false when neither decreases φ. */
        boolean dampedStep() {
            Sym2 h = surface.hessian(x, y);
            if (!h.isFinite()) {
                return false;
            }
            if (cramerDirection(h, SINGULAR)) {
                double shrink = shortening(direction[0], direction[1]);
                double dx = shrink * direction[0], dy = shrink * direction[1];
                double t = 1;
                for (int k = 0; k <= MAX_HALVINGS; k++, t *= 0.5) {
                    double trial = phiAt(x + t * dx, y + t * dy);
                    if (trial <= (1 - 2 * ARMIJO * t) * phi) {
                        moveTo(x + t * dx, y + t * dy, trial);
                        return true;
                    }
                }
            }
            return levenbergMarquardtStep(h);
        }

        private boolean levenbergMarquardtStep(Sym2 h) {
            double hgx = h.xx() * gx + h.xy() * gy;
            double hgy = h.xy() * gx + h.yy() * gy;
            if (hgx == 0 && hgy == 0) {
                return false;
            }
            double a11 = h.xx() * h.xx() + h.xy() * h.xy();
            double a12 = h.xy() * (h.xx() + h.yy());
            double a22 = h.xy() * h.xy() + h.yy() * h.yy();
            double mu = LM_START * (a11 + a22);
            for (int k = MAX_HALVINGS + 1; k < MAX_TRIAL_STEPS; k++, mu *= 10) {
                double b11 = a11 + mu, b22 = a22 + mu;
                double det = b11 * b22 - a12 * a12;
                double dx = -(b22 * hgx - a12 * hgy) / det;
                double dy = -(b11 * hgy - a12 * hgx) / det;
                if (!(Double.isFinite(dx) && Double.isFinite(dy))) {
                    continue;
                }
                double shrink = shortening(dx, dy);
                dx *= shrink;
                dy *= shrink;
                double trial = phiAt(x + dx, y + dy);
                if (trial < phi) {
                    moveTo(x + dx, y + dy, trial);
                    return true;
                }
            }
            return false;
        }

        /** Full Newton steps, extrapolated at linear convergence, while φ strictly decreases. */
        void polish() {
            double previousStep = Double.NaN;
            for (int k = 0; k < POLISH_STEPS && phi > 0; k++) {
                Sym2 h = surface.hessian(x, y);
                if (!h.isFinite()) {
                    return;
                }
                // Near a degenerate root H is nearly singular by design; Cramer's rule still gives
                // the step as long as det ≠ 0, and a bad step is simply not taken.
                if (!cramerDirection(h, 0) && !pseudoInverseDirection(h)) {
                    return;
                }
                double[] d = direction;
                double bestX = x + d[0], bestY = y + d[1];
                double best = phiAt(bestX, bestY);
                double step = Math.hypot(d[0], d[1]);
                double ratio = step / previousStep;
                previousStep = step;
                if (ratio > 0.1 && ratio < 0.99) {
                    double s = 1 / (1 - ratio);
                    double trial = phiAt(x + s * d[0], y + s * d[1]);
                    if (trial < best) {
                        best = trial;
                        bestX = x + s * d[0];
                        bestY = y + s * d[1];
                    }
                }
                if (!(best < phi)) {
                    return;
                }
                moveTo(bestX, bestY, best);
            }
        }

        /**
         * Sets direction to −H⁻¹g by Cramer's rule; false when |det H| ≤ singular·(largest entry)²
         * (Sym2.solve's test with singular = 1e-12) or the step is not finite.
         */
        private boolean cramerDirection(Sym2 h, double singular) {
            double det = h.determinant();
            double scale = Math.max(Math.abs(h.xx()), Math.max(Math.abs(h.xy()), Math.abs(h.yy())));
            if (!(Math.abs(det) > singular * scale * scale)) {
                return false;
            }
            direction[0] = -(h.yy() * gx - h.xy() * gy) / det;
            direction[1] = -(h.xx() * gy - h.xy() * gx) / det;
            return Double.isFinite(direction[0]) && Double.isFinite(direction[1]);
        }

        /**
         * Sets direction to −H⁺g = −Σ (vᵢ·g / λᵢ)·vᵢ over the eigenpairs with |λᵢ| > 1e-12·max|λ|;
         * false when that is the zero vector.
         */
        private boolean pseudoInverseDirection(Sym2 h) {
            Sym2.Eigen e = h.eigen();
            double largest = Math.max(Math.abs(e.first()), Math.abs(e.second()));
            double dx = 0, dy = 0;
            if (Math.abs(e.first()) > PSEUDO_INVERSE_ZERO * largest) {
                double c = (e.firstVector().x() * gx + e.firstVector().y() * gy) / e.first();
                dx -= c * e.firstVector().x();
                dy -= c * e.firstVector().y();
            }
            if (Math.abs(e.second()) > PSEUDO_INVERSE_ZERO * largest) {
                double c = (e.secondVector().x() * gx + e.secondVector().y() * gy) / e.second();
                dx -= c * e.secondVector().x();
                dy -= c * e.secondVector().y();
            }
            direction[0] = dx;
            direction[1] = dy;
            return (dx != 0 || dy != 0) && Double.isFinite(dx) && Double.isFinite(dy);
        }

        /** The factor that shortens (dx, dy) to at most the window span. */
        private double shortening(double dx, double dy) {
            double length = Math.hypot(dx, dy);
            return length > maxStep ? maxStep / length : 1;
        }

        /** φ = ‖∇f‖² at (px, py), its gradient left in scratch; +∞ when f or ∇f is not finite. */
        private double phiAt(double px, double py) {
            double f = surface.valueAndGradient(px, py, scratch);
            lastX = px;
            lastY = py;
            double value = scratch[0] * scratch[0] + scratch[1] * scratch[1];
            return Double.isFinite(f) && Double.isFinite(value) ? value : Double.POSITIVE_INFINITY;
        }

        private void moveTo(double px, double py, double phiThere) {
            if (px != lastX || py != lastY) {
                phiAt(px, py);
            }
            x = px;
            y = py;
            gx = scratch[0];
            gy = scratch[1];
            phi = phiThere;
        }
    }
}
