package dev.losslab.core.optim;

import dev.losslab.core.surface.Surface;

/**
 * PyTorch's strong-Wolfe line search for L-BFGS: torch 1.13.1's {@code _strong_wolfe} and
 * {@code _cubic_interpolate} ({@code torch/optim/lbfgs.py}, ported there from Torch7's
 * {@code lswolfe.lua} and {@code polyinterp.lua}), followed from its code with its fixed constants:
 * c₁ = 1e-4, c₂ = 0.9, at most 25 evaluations after the first, and a bracket tolerance of 1e-9 (torch
 * passes its default, not the optimizer's tolerance_change). It is not SciPy's search
 * ({@link WolfeLineSearch}): different bracketing, interpolation and safeguards.
 * <pre>
 *   φ(t) = f(x + t·d),  φ′(t) = ∇f(x + t·d)·d,  from t (the first trial) with φ(0) = f, φ′(0) = g·d
 *   bracketing, at most 25 trials:
 *     bracket [t_prev, t]   if φ(t) &gt; f + c₁·t·φ′(0), or (after two trials) φ(t) ≥ φ(t_prev), or φ′(t) ≥ 0
 *     accept t              if |φ′(t)| ≤ −c₂·φ′(0)
 *     else t ← cubic(t_prev, t) clamped to [t + 0.01·(t − t_prev), 10·t]
 *   (25 trials without a bracket: the bracket is [0, t])
 *   zoom, while trials remain and |bracket|·max|d| ≥ 1e-9:
 *     t ← the cubic's minimiser in the bracket, moved 0.1·|bracket| inside when it falls within
 *         0.1·|bracket| of an end twice in a row or on an end
 *     φ(t) too high (Armijo) or not below the low end: t replaces the high end
 *     else accept t if |φ′(t)| ≤ −c₂·φ′(0); else t replaces the low end (the old low end
 *         replacing the high one when φ′(t)·(high − low) ≥ 0)
 *   result: the bracket's low end (the lowest φ seen in it), with f and ∇f there
 *   cubic(a, b): d₁ = φ′_a + φ′_b − 3·(φ_a − φ_b)/(a − b), d₂ = √(d₁² − φ′_a·φ′_b),
 *     b − (b − a)·(φ′_b + d₂ − d₁)/(φ′_b − φ′_a + 2·d₂)  (for a ≤ b), clamped to the bounds;
 *     the bounds' midpoint when d₁² &lt; φ′_a·φ′_b
 * </pre>
 * Trial points are x + t·d rounded once per coordinate ({@link Math#fma}), as torch's
 * {@code p.add_(d, alpha=t)} computes them on CPUs with fused multiply-add; φ′ is summed in
 * coordinate order, as torch's {@code dot} is up to 15 coordinates. Python's {@code min} and
 * {@code max} are kept as written (they differ from {@link Math#min} only for NaN).
 *
 * <p>Every trial is one closure call in torch, an evaluation of f and ∇f together, counted in
 * {@link #evaluations}. One instance serves a stepper: a search at a time, nothing allocated.
 */
final class TorchStrongWolfe {

    static final double C1 = 1e-4;
    static final double C2 = 0.9;
    static final int MAX_TRIALS = 25;
    /** torch's {@code tolerance_change} default, which {@code LBFGS.step} leaves in place for its search. */
    static final double BRACKET_TOLERANCE = 1e-9;

    private final int dimension;
    private final double[] trial;
    private final double[] value = new double[1];
    /** ∇f at the latest trial, and at the previous one during bracketing. */
    private final double[] gradientNew;
    private final double[] gradientPrevious;
    /** The bracket's two ends: step, f, ∇f and φ′ at each (one end while it is a single accepted step). */
    private final double[] bracket = new double[2];
    private final double[] bracketLoss = new double[2];
    private final double[][] bracketGradient;
    private final double[] bracketSlope = new double[2];
    private double loss;
    private int low;
    private int evaluations;

    TorchStrongWolfe(int dimension) {
        this.dimension = dimension;
        trial = new double[dimension];
        gradientNew = new double[dimension];
        gradientPrevious = new double[dimension];
        bracketGradient = new double[][] {new double[dimension], new double[dimension]};
    }

    /**
     * The step t along d from x that the search accepts (or the best it found); afterwards
     * {@link #loss} and {@link #gradient} are f and ∇f at x + t·d, and {@link #evaluations} the
     * trials it cost.
     *
     * @param t    the first trial
     * @param f    f(x)
     * @param g    ∇f(x); read only
     * @param gtd  φ′(0) = ∇f(x)·d, negative
     */
    double search(Surface surface, double[] x, double t, double[] d, double f, double[] g, double gtd) {
        double dNorm = Lbfgs.maxAbs(d, dimension);
        evaluations = 0;
        double fNew = evaluate(surface, x, t, d);
        double gtdNew = Lbfgs.dot(gradientNew, d, dimension);

        double tPrev = 0;
        double fPrev = f;
        double gtdPrev = gtd;
        System.arraycopy(g, 0, gradientPrevious, 0, dimension);
        boolean done = false;
        boolean single = false;
        int iterations = 0;
        while (iterations < MAX_TRIALS) {
            if (fNew > f + C1 * t * gtd || (iterations > 1 && fNew >= fPrev)) {
                setBracket(tPrev, fPrev, gradientPrevious, gtdPrev, t, fNew, gtdNew);
                break;
            }
            if (Math.abs(gtdNew) <= -C2 * gtd) {
                bracket[0] = t;
                bracketLoss[0] = fNew;
                System.arraycopy(gradientNew, 0, bracketGradient[0], 0, dimension);
                single = true;
                done = true;
                break;
            }
            if (gtdNew >= 0) {
                setBracket(tPrev, fPrev, gradientPrevious, gtdPrev, t, fNew, gtdNew);
                break;
            }
            double minStep = t + 0.01 * (t - tPrev);
            double maxStep = t * 10;
            double previous = t;
            t = cubicInterpolate(tPrev, fPrev, gtdPrev, t, fNew, gtdNew, minStep, maxStep);
            tPrev = previous;
            fPrev = fNew;
            System.arraycopy(gradientNew, 0, gradientPrevious, 0, dimension);
            gtdPrev = gtdNew;
            fNew = evaluate(surface, x, t, d);
            gtdNew = Lbfgs.dot(gradientNew, d, dimension);
            iterations++;
        }
        if (iterations == MAX_TRIALS) {
            // No bracket after every trial: [0, t]. torch leaves the slopes unset; the zoom below
            // cannot run (no trials remain), so they are never read.
            bracket[0] = 0;
            bracketLoss[0] = f;
            System.arraycopy(g, 0, bracketGradient[0], 0, dimension);
            bracket[1] = t;
            bracketLoss[1] = fNew;
            System.arraycopy(gradientNew, 0, bracketGradient[1], 0, dimension);
        }

        // torch compares bracket_f[0] with bracket_f[-1]: the one end itself when single.
        low = single || bracketLoss[0] <= bracketLoss[1] ? 0 : 1;
        int high = 1 - low;
        boolean insufficientProgress = false;
        while (!done && iterations < MAX_TRIALS) {
            if (Math.abs(bracket[1] - bracket[0]) * dNorm < BRACKET_TOLERANCE) {
                break;
            }
            t = cubicInterpolate(bracket[0], bracketLoss[0], bracketSlope[0], bracket[1], bracketLoss[1],
                    bracketSlope[1]);
            double top = pyMax(bracket[0], bracket[1]);
            double bottom = pyMin(bracket[0], bracket[1]);
            double eps = 0.1 * (top - bottom);
            if (pyMin(top - t, t - bottom) < eps) {
                // Near an end: a second time in a row, or on or past an end, moves t 0.1·|bracket| in.
                if (insufficientProgress || t >= top || t <= bottom) {
                    t = Math.abs(t - top) < Math.abs(t - bottom) ? top - eps : bottom + eps;
                    insufficientProgress = false;
                } else {
                    insufficientProgress = true;
                }
            } else {
                insufficientProgress = false;
            }
            fNew = evaluate(surface, x, t, d);
            gtdNew = Lbfgs.dot(gradientNew, d, dimension);
            iterations++;

            if (fNew > f + C1 * t * gtd || fNew >= bracketLoss[low]) {
                setEnd(high, t, fNew, gradientNew, gtdNew);
                low = bracketLoss[0] <= bracketLoss[1] ? 0 : 1;
                high = 1 - low;
            } else {
                if (Math.abs(gtdNew) <= -C2 * gtd) {
                    done = true;
                } else if (gtdNew * (bracket[high] - bracket[low]) >= 0) {
                    setEnd(high, bracket[low], bracketLoss[low], bracketGradient[low], bracketSlope[low]);
                }
                setEnd(low, t, fNew, gradientNew, gtdNew);
            }
        }
        loss = bracketLoss[low];
        return bracket[low];
    }

    /** f at the step {@link #search} returned. */
    double loss() {
        return loss;
    }

    /** ∇f at the step {@link #search} returned: this object's array, read it at once. */
    double[] gradient() {
        return bracketGradient[low];
    }

    /** The trials (evaluations of f and ∇f together) the last search made. */
    int evaluations() {
        return evaluations;
    }

    /**
     * torch's {@code _cubic_interpolate}: the minimiser of the cubic through (x₁, f₁) and (x₂, f₂)
     * with slopes g₁ and g₂, clamped to [xmin, xmax]; their midpoint when the cubic has none.
     */
    static double cubicInterpolate(double x1, double f1, double g1, double x2, double f2, double g2, double xminBound,
            double xmaxBound) {
        double d1 = g1 + g2 - 3 * (f1 - f2) / (x1 - x2);
        double d2Square = d1 * d1 - g1 * g2;
        if (d2Square >= 0) {
            double d2 = Math.sqrt(d2Square);
            double minPos = x1 <= x2
                    ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2))
                    : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
            return pyMin(pyMax(minPos, xminBound), xmaxBound);
        }
        return (xminBound + xmaxBound) / 2.;
    }

    /** The same, bounded by the two points themselves (torch's {@code bounds=None}). */
    static double cubicInterpolate(double x1, double f1, double g1, double x2, double f2, double g2) {
        return x1 <= x2 ? cubicInterpolate(x1, f1, g1, x2, f2, g2, x1, x2)
                : cubicInterpolate(x1, f1, g1, x2, f2, g2, x2, x1);
    }

    /** Python's {@code max(a, b)}: b only if b &gt; a. */
    static double pyMax(double a, double b) {
        return b > a ? b : a;
    }

    /** Python's {@code min(a, b)}: b only if b &lt; a. */
    static double pyMin(double a, double b) {
        return b < a ? b : a;
    }

    private void setBracket(double t0, double f0, double[] g0, double gtd0, double t1, double f1, double gtd1) {
        setEnd(0, t0, f0, g0, gtd0);
        setEnd(1, t1, f1, gradientNew, gtd1);
    }

    private void setEnd(int end, double t, double f, double[] g, double gtd) {
        bracket[end] = t;
        bracketLoss[end] = f;
        if (g != bracketGradient[end]) {
            System.arraycopy(g, 0, bracketGradient[end], 0, dimension);
        }
        bracketSlope[end] = gtd;
    }

    /** f and ∇f (into {@link #gradientNew}) at x + t·d: one closure call. */
    private double evaluate(Surface surface, double[] x, double t, double[] d) {
        Lbfgs.axpy(t, d, x, trial, dimension);
        surface.valueAndGradient(trial, 1, value, gradientNew);
        evaluations++;
        return value[0];
    }
}
