package dev.losslab.core.optim;

import dev.losslab.core.InvalidInputException;

/**
 * The line search of SciPy 1.10's BFGS and CG: {@code _line_search_wolfe12}
 * ({@code scipy/optimize/_optimize.py}). First the Moré–Thuente search ({@link MoreThuente}, as
 * {@code line_search_wolfe1} drives it: xtol 1e-14, steps within [1e-100, 1e100], at most 100
 * trials); if it fails, or its step fails the caller's extra test, the Nocedal–Wright search
 * ({@link ZoomSearch}, {@code line_search_wolfe2}, largest step 1e100). Both start from the step
 * min(1, 1.01·2·(f_k − f_{k−1})/φ′(0)) (1 if that is negative): the step that would repeat the last
 * decrease of f on a quadratic.
 *
 * <p>One instance serves a stepper: a search at a time, nothing allocated.
 */
final class WolfeLineSearch {

    /** SciPy's {@code amin} and {@code amax} for BFGS and CG, and wolfe1's xtol and trial budget. */
    static final double MIN_STEP = 1e-100;
    static final double MAX_STEP = 1e100;
    private static final double XTOL = 1e-14;
    private static final int MAX_TRIALS = 100;

    private static final ZoomSearch.Extra ALWAYS = (alpha, phi) -> true;

    /**
     * Validates the Wolfe constants: 0 &lt; c₁ &lt; c₂ &lt; 1, so that a step satisfying both
     * conditions exists for f bounded below (Nocedal–Wright, Lemma 3.1).
     */
    static void checkConstants(double c1, double c2) {
        Range.open(0, 1).check("c1", c1);
        Range.open(0, 1).check("c2", c2);
        if (!(c1 < c2)) {
            throw new InvalidInputException("c2", "c2 must be > c1, got c1=" + c1 + ", c2=" + c2);
        }
    }

    /** max_d |v_d|, NaN if any is NaN: SciPy's {@code vecnorm(g, ord=Inf)} ({@code np.amax(np.abs(g))}). */
    static double maxAbs(double[] v, int dimension) {
        double m = 0;
        for (int d = 0; d < dimension; d++) {
            m = Math.max(m, Math.abs(v[d]));
        }
        return m;
    }

    private final MoreThuente moreThuente = new MoreThuente();
    private final ZoomSearch zoom = ZoomSearch.create();
    private double phiStar;

    /** f at the step {@link #search} returned. */
    double phiStar() {
        return phiStar;
    }

    /**
     * A step along {@code line} satisfying the strong Wolfe conditions with c₁ and c₂ (and
     * {@code extra}, when not null), or NaN when neither search finds one (SciPy raises
     * {@code _LineSearchError}: "precision loss").
     *
     * @param phi0    f at the current point
     * @param oldPhi0 f at the previous point (at the first, f + ‖∇f‖/2, SciPy's "dx ≈ 1" guess)
     * @param derphi0 φ′(0) = ∇f·p
     */
    double search(LineFunction line, double phi0, double oldPhi0, double derphi0, double c1, double c2,
            ZoomSearch.Extra extra) {
        double alpha = moreThuente(line, phi0, oldPhi0, derphi0, c1, c2);
        if (!Double.isNaN(alpha) && extra != null) {
            line.gradientAt(alpha);
            if (!extra.accept(alpha, phiStar)) {
                alpha = Double.NaN;
            }
        }
        if (Double.isNaN(alpha)) {
            alpha = zoom.search(line, phi0, oldPhi0, derphi0, c1, c2, MAX_STEP, extra != null ? extra : ALWAYS);
            phiStar = zoom.phiStar();
        }
        return alpha;
    }

    /** {@code scalar_search_wolfe1}: the step, or NaN on an error, a warning or 100 trials. */
    private double moreThuente(LineFunction line, double phi0, double oldPhi0, double derphi0, double c1, double c2) {
        double alpha1 = 1.0;
        if (derphi0 != 0) {
            alpha1 = ZoomSearch.pyMin(1.0, 1.01 * 2 * (phi0 - oldPhi0) / derphi0);
            if (alpha1 < 0) {
                alpha1 = 1.0;
            }
        }
        MoreThuente.Task task = moreThuente.start(alpha1, phi0, derphi0, c1, c2, XTOL, MIN_STEP, MAX_STEP);
        double phi1 = phi0;
        for (int trials = 1; task == MoreThuente.Task.EVALUATE; trials++) {
            double stp = moreThuente.step();
            phi1 = line.phi(stp);
            double derphi1 = line.derphi(stp);
            if (trials == MAX_TRIALS) {
                return Double.NaN;     // SciPy stops after its 100th trial without asking dcsrch again
            }
            task = moreThuente.next(phi1, derphi1);
        }
        phiStar = phi1;
        return task == MoreThuente.Task.CONVERGED ? moreThuente.step() : Double.NaN;
    }
}
