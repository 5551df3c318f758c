package dev.losslab.core.optim;

/**
 * The strong-Wolfe line search of Nocedal and Wright, "Numerical Optimization" (1999),
 * Algorithms 3.5 (bracketing) and 3.6 (zoom), as SciPy 1.10 writes it in pure Python:
 * {@code scalar_search_wolfe2} and {@code _zoom}, with {@code _cubicmin} and {@code _quadmin}
 * ({@code scipy/optimize/_linesearch.py}). SciPy's BFGS and CG fall back on it when the
 * Moré–Thuente search fails. Same tests in the same order, same constants:
 * <pre>
 *   α₁ = min(1, 1.01·2·(φ(0) − φ_prev)/φ′(0)), 1 if negative; α₀ = 0
 *   up to 10 times:
 *     φ(α₁) &gt; φ(0) + c₁·α₁·φ′(0), or φ(α₁) ≥ φ(α₀) after the first:  zoom(α₀, α₁)
 *     |φ′(α₁)| ≤ −c₂·φ′(0) (and the caller's extra test):             accept α₁
 *     φ′(α₁) ≥ 0:                                                      zoom(α₁, α₀)
 *     α₀, α₁ ← α₁, min(2·α₁, αmax)
 *   10 times without a decision: accept α₁ as it is (SciPy's "did not converge")
 *
 *   zoom(lo, hi), up to 11 trials: the cubic through lo, hi and the point dropped last, if it falls
 *   inside the interval by a margin of 0.2 of its width; else the quadratic through lo and hi
 *   (margin 0.1); else the midpoint. Shrink the interval around the trial as Algorithm 3.6 does;
 *   accept the trial once φ(α) ≤ φ(0) + c₁·α·φ′(0), φ(α) &lt; φ(lo) and |φ′(α)| ≤ −c₂·φ′(0).
 * </pre>
 * Where NumPy would raise inside {@code _cubicmin} or {@code _quadmin} (a division by zero, an
 * overflow, the square root of a negative number) or the result is not finite, the interpolant
 * gives no step, as there.
 */
final class ZoomSearch {

    /** A further test a step must pass (CG's sufficient-descent condition), given φ(α). */
    @FunctionalInterface
    interface Extra {
        boolean accept(double alpha, double phi);
    }

    private static final int MAX_ITERATIONS = 10;
    private static final int MAX_ZOOM = 10;
    private static final double CUBIC_MARGIN = 0.2;
    private static final double QUADRATIC_MARGIN = 0.1;

    private double phiStar;

    private ZoomSearch() {}

    /** φ at the step {@link #search} found. */
    double phiStar() {
        return phiStar;
    }

    static ZoomSearch create() {
        return new ZoomSearch();
    }

    /**
     * A step satisfying the strong Wolfe conditions along {@code line}, or NaN when there is none
     * (SciPy's None).
     *
     * @param oldPhi0 φ at the previous iterate, for the first trial step
     * @param amax    the largest step
     */
    double search(LineFunction line, double phi0, double oldPhi0, double derphi0, double c1, double c2, double amax,
            Extra extra) {
        double alpha1 = derphi0 != 0 ? pyMin(1.0, 1.01 * 2 * (phi0 - oldPhi0) / derphi0) : 1.0;
        if (alpha1 < 0) {
            alpha1 = 1.0;
        }
        alpha1 = pyMin(alpha1, amax);
        double alpha0 = 0;
        double phiA1 = line.phi(alpha1);
        double phiA0 = phi0;
        double derphiA0 = derphi0;
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            if (alpha1 == 0 || alpha0 == amax) {
                return Double.NaN;
            }
            if (phiA1 > phi0 + c1 * alpha1 * derphi0 || phiA1 >= phiA0 && i > 0) {
                return zoom(line, alpha0, alpha1, phiA0, phiA1, derphiA0, phi0, derphi0, c1, c2, extra);
            }
            double derphiA1 = line.derphi(alpha1);
            if (Math.abs(derphiA1) <= -c2 * derphi0 && extra.accept(alpha1, phiA1)) {
                phiStar = phiA1;
                return alpha1;
            }
            if (derphiA1 >= 0) {
                return zoom(line, alpha1, alpha0, phiA1, phiA0, derphiA1, phi0, derphi0, c1, c2, extra);
            }
            double alpha2 = pyMin(2 * alpha1, amax);
            alpha0 = alpha1;
            alpha1 = alpha2;
            phiA0 = phiA1;
            phiA1 = line.phi(alpha1);
            derphiA0 = derphiA1;
        }
        // Differs from Nocedal–Wright, as SciPy does: out of iterations, the last trial is taken.
        phiStar = phiA1;
        return alpha1;
    }

    private double zoom(LineFunction line, double aLo, double aHi, double phiLo, double phiHi, double derphiLo,
            double phi0, double derphi0, double c1, double c2, Extra extra) {
        double phiRec = phi0;
        double aRec = 0;
        for (int i = 0; ; i++) {
            double dalpha = aHi - aLo;
            double a = dalpha < 0 ? aHi : aLo;
            double b = dalpha < 0 ? aLo : aHi;
            double aj = Double.NaN;
            double cchk = CUBIC_MARGIN * dalpha;
            if (i > 0) {
                aj = cubicMin(aLo, phiLo, derphiLo, aHi, phiHi, aRec, phiRec);
            }
            if (i == 0 || Double.isNaN(aj) || aj > b - cchk || aj < a + cchk) {
                double qchk = QUADRATIC_MARGIN * dalpha;
                aj = quadMin(aLo, phiLo, derphiLo, aHi, phiHi);
                if (Double.isNaN(aj) || aj > b - qchk || aj < a + qchk) {
                    aj = aLo + 0.5 * dalpha;
                }
            }
            double phiAj = line.phi(aj);
            if (phiAj > phi0 + c1 * aj * derphi0 || phiAj >= phiLo) {
                phiRec = phiHi;
                aRec = aHi;
                aHi = aj;
                phiHi = phiAj;
            } else {
                double derphiAj = line.derphi(aj);
                if (Math.abs(derphiAj) <= -c2 * derphi0 && extra.accept(aj, phiAj)) {
                    phiStar = phiAj;
                    return aj;
                }
                if (derphiAj * (aHi - aLo) >= 0) {
                    phiRec = phiHi;
                    aRec = aHi;
                    aHi = aLo;
                    phiHi = phiLo;
                } else {
                    phiRec = phiLo;
                    aRec = aLo;
                }
                aLo = aj;
                phiLo = phiAj;
                derphiLo = derphiAj;
            }
            if (i + 1 > MAX_ZOOM) {
                return Double.NaN;
            }
        }
    }

    /**
     * The minimizer of the cubic through (a, fa), (b, fb), (c, fc) with slope fpa at a, or NaN.
     * The 2×2 product is summed left to right (NumPy's BLAS may fuse it: an ulp).
     */
    static double cubicMin(double a, double fa, double fpa, double b, double fb, double c, double fc) {
        double db = b - a;
        double dc = c - a;
        double denom = square(db * dc) * (db - dc);
        double u = fb - fa - fpa * db;
        double v = fc - fa - fpa * dc;
        double bigA = dc * dc * u + -(db * db) * v;
        double bigB = -Math.pow(dc, 3) * u + Math.pow(db, 3) * v;
        if (denom == 0 || !Double.isFinite(denom) || !Double.isFinite(bigA) || !Double.isFinite(bigB)) {
            return Double.NaN;
        }
        bigA /= denom;
        bigB /= denom;
        double radical = bigB * bigB - 3 * bigA * fpa;
        if (radical < 0 || bigA == 0) {
            return Double.NaN;
        }
        double xmin = a + (-bigB + Math.sqrt(radical)) / (3 * bigA);
        return Double.isFinite(xmin) ? xmin : Double.NaN;
    }

    /** The minimizer of the quadratic through (a, fa), (b, fb) with slope fpa at a, or NaN. */
    static double quadMin(double a, double fa, double fpa, double b, double fb) {
        double db = b - a * 1.0;
        double squared = db * db;
        if (squared == 0) {
            return Double.NaN;
        }
        double bigB = (fb - fa - fpa * db) / squared;
        if (bigB == 0 || !Double.isFinite(bigB)) {
            return Double.NaN;
        }
        double xmin = a - fpa / (2.0 * bigB);
        return Double.isFinite(xmin) ? xmin : Double.NaN;
    }

    /** Python's min(a, b): b only when b &lt; a (so a NaN b gives a). */
    static double pyMin(double a, double b) {
        return b < a ? b : a;
    }

    private static double square(double v) {
        return v * v;
    }
}
