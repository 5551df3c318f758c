package dev.losslab.core.optim;

/**
 * The Moré–Thuente line search (J. J. Moré and D. J. Thuente, "Line search algorithms with
 * guaranteed sufficient decrease", ACM TOMS 20 (1994) 286–307), as MINPACK-2's {@code dcsrch} and
 * {@code dcstep} run it: SciPy 1.10's {@code line_search_wolfe1} drives that Fortran. Written here
 * from the algorithm and the Fortran's logic (same tests, same order, same constants), for one
 * scalar function φ(α) = f(x + α·p) with φ′(0) &lt; 0.
 *
 * <p>It looks for α with φ(α) ≤ φ(0) + ftol·α·φ′(0) (sufficient decrease) and |φ′(α)| ≤
 * gtol·|φ′(0)| (curvature). It keeps an interval [stx, sty] known to hold such a step; while no
 * higher value has bracketed one it extrapolates (the next trial within [α + 1.1·(α − stx),
 * α + 4·(α − stx)]); once bracketed, it takes safeguarded cubic, quadratic or secant steps
 * ({@link #nextTrial}), bisecting when the interval fails to shrink by a third in two trials. In its
 * first stage, until a step with ψ(α) = φ(α) − φ(0) − ftol·α·φ′(0) ≤ 0 and φ′(α) ≥ 0 is seen, it
 * works on ψ instead of φ.
 *
 * <p>Reverse communication, as in the Fortran: {@link #start} and then {@link #next}, each given φ
 * and φ′ at the current trial, answer whether to evaluate at {@link #step()} ({@link Task#EVALUATE})
 * or stop. One instance serves one search at a time; nothing is allocated.
 */
final class MoreThuente {

    /** What the caller does next. */
    enum Task {
        /** Evaluate φ and φ′ at {@link #step()} and call {@link #next}. */
        EVALUATE,
        /** {@link #step()} satisfies both conditions. */
        CONVERGED,
        /** No step satisfying both can be found (rounding, the xtol test, or α at a bound). */
        WARNING,
        /** The arguments are invalid (φ′(0) ≥ 0, α outside [stpmin, stpmax], …). */
        ERROR
    }

    private static final double EXTRAPOLATE_MIN = 1.1;
    private static final double EXTRAPOLATE_MAX = 4.0;
    /** Bisect when the bracket has not shrunk below this fraction of its size two trials ago. */
    private static final double SHRINK = 0.66;

    private double ftol, gtol, xtol, stpmin, stpmax;
    private boolean bracketed;
    private boolean firstStage;
    private double finit, ginit, gtest;
    private double width, width1;
    /** The best step so far, and the other end of the interval, with φ and φ′ at each. */
    private double stx, fx, gx, sty, fy, gy;
    /** The interval the next trial must lie in. */
    private double stmin, stmax;
    private double stp;

    /** The trial step to evaluate next, or the result once the search has stopped. */
    double step() {
        return stp;
    }

    /**
     * Starts a search at trial α = {@code stp} from φ(0) = {@code f}, φ′(0) = {@code g}. Returns
     * {@link Task#EVALUATE} (at {@link #step()} = stp) or {@link Task#ERROR}.
     */
    Task start(double stp, double f, double g, double ftol, double gtol, double xtol, double stpmin, double stpmax) {
        this.stp = stp;
        // As the Fortran: any failed check is an error (the last one decides the message, unused here).
        if (stp < stpmin || stp > stpmax || g >= 0 || ftol < 0 || gtol < 0 || xtol < 0 || stpmin < 0
                || stpmax < stpmin) {
            return Task.ERROR;
        }
        this.ftol = ftol;
        this.gtol = gtol;
        this.xtol = xtol;
        this.stpmin = stpmin;
        this.stpmax = stpmax;
        bracketed = false;
        firstStage = true;
        finit = f;
        ginit = g;
        gtest = ftol * ginit;
        width = stpmax - stpmin;
        width1 = width / 0.5;
        stx = 0;
        fx = finit;
        gx = ginit;
        sty = 0;
        fy = finit;
        gy = ginit;
        stmin = 0;
        stmax = stp + EXTRAPOLATE_MAX * stp;
        return Task.EVALUATE;
    }

    /** Given φ(α) = f and φ′(α) = g at the trial α = {@link #step()}: stop, or the next trial. */
    Task next(double f, double g) {
        double ftest = finit + stp * gtest;
        if (firstStage && f <= ftest && g >= 0) {
            firstStage = false;
        }
        // The warnings, then convergence, each overriding the one before, as the Fortran orders them.
        Task task = null;
        if (bracketed && (stp <= stmin || stp >= stmax)) {
            task = Task.WARNING;                       // rounding errors prevent progress
        }
        if (bracketed && stmax - stmin <= xtol * stmax) {
            task = Task.WARNING;                       // the xtol test is satisfied
        }
        if (stp == stpmax && f <= ftest && g <= gtest) {
            task = Task.WARNING;                       // α = stpmax
        }
        if (stp == stpmin && (f > ftest || g >= gtest)) {
            task = Task.WARNING;                       // α = stpmin
        }
        if (f <= ftest && Math.abs(g) <= gtol * (-ginit)) {
            task = Task.CONVERGED;
        }
        if (task != null) {
            return task;
        }

        if (firstStage && f <= fx && f > ftest) {
            // A lower value but not a sufficient decrease: step on ψ, whose values and slopes are
            // φ's less the sufficient-decrease line, then shift the interval's values back.
            nextTrial(fx - stx * gtest, gx - gtest, fy - sty * gtest, gy - gtest, f - stp * gtest, g - gtest);
            fx = newFx + stx * gtest;
            fy = newFy + sty * gtest;
            gx = newGx + gtest;
            gy = newGy + gtest;
        } else {
            nextTrial(fx, gx, fy, gy, f, g);
            fx = newFx;
            gx = newGx;
            fy = newFy;
            gy = newGy;
        }

        if (bracketed) {
            if (Math.abs(sty - stx) >= SHRINK * width1) {
                stp = stx + 0.5 * (sty - stx);
            }
            width1 = width;
            width = Math.abs(sty - stx);
        }
        if (bracketed) {
            stmin = Math.min(stx, sty);
            stmax = Math.max(stx, sty);
        } else {
            stmin = stp + EXTRAPOLATE_MIN * (stp - stx);
            stmax = stp + EXTRAPOLATE_MAX * (stp - stx);
        }
        stp = Math.max(stp, stpmin);
        stp = Math.min(stp, stpmax);
        // No progress possible: try the best step found.
        if (bracketed && (stp <= stmin || stp >= stmax) || bracketed && stmax - stmin <= xtol * stmax) {
            stp = stx;
        }
        return Task.EVALUATE;
    }

    /** The interval ends' values after {@link #nextTrial}, before any ψ shift. */
    private double newFx, newGx, newFy, newGy;

    /**
     * dcstep: the safeguarded next trial from the interval ends (stx with fx, dx; sty with fy, dy)
     * and the current trial stp with fp, dp; updates the interval (stx, sty and {@link #newFx} …)
     * and whether it brackets a minimizer, and sets {@link #stp} to the new trial. Its bounds are
     * the current [stmin, stmax] (dcsrch passes those, not [stpmin, stpmax]). Four cases, by
     * how fp and dp compare with the best end:
     * <ol>
     *   <li>fp &gt; fx: bracketed; the cubic step if it is closer to stx than the quadratic one,
     *       else their mean;</li>
     *   <li>fp ≤ fx, slopes of opposite sign: bracketed; the cubic or the secant step, whichever is
     *       farther from stp;</li>
     *   <li>same sign, |dp| decreasing: the cubic step when the cubic tends to infinity in the step's
     *       direction or its minimum lies beyond stp, else a bound; then the one of cubic and secant
     *       closer to stp (bracketed, and no farther than 0.66 of the way to sty) or farther from it
     *       (not bracketed, clamped to [stmin, stmax]);</li>
     *   <li>same sign, |dp| not decreasing: the cubic step through sty and stp when bracketed, else
     *       stmin or stmax.</li>
     * </ol>
     */
    private void nextTrial(double fx, double dx, double fy, double dy, double fp, double dp) {
        double sgnd = dp * (dx / Math.abs(dx));
        double stpf;
        if (fp > fx) {
            double theta = 3 * (fx - fp) / (stp - stx) + dx + dp;
            double s = max3(Math.abs(theta), Math.abs(dx), Math.abs(dp));
            double gamma = s * Math.sqrt(square(theta / s) - (dx / s) * (dp / s));
            if (stp < stx) {
                gamma = -gamma;
            }
            double p = (gamma - dx) + theta;
            double q = ((gamma - dx) + gamma) + dp;
            double r = p / q;
            double stpc = stx + r * (stp - stx);
            double stpq = stx + ((dx / ((fx - fp) / (stp - stx) + dx)) / 2) * (stp - stx);
            stpf = Math.abs(stpc - stx) < Math.abs(stpq - stx) ? stpc : stpc + (stpq - stpc) / 2;
            bracketed = true;
        } else if (sgnd < 0) {
            double theta = 3 * (fx - fp) / (stp - stx) + dx + dp;
            double s = max3(Math.abs(theta), Math.abs(dx), Math.abs(dp));
            double gamma = s * Math.sqrt(square(theta / s) - (dx / s) * (dp / s));
            if (stp > stx) {
                gamma = -gamma;
            }
            double p = (gamma - dp) + theta;
            double q = ((gamma - dp) + gamma) + dx;
            double r = p / q;
            double stpc = stp + r * (stx - stp);
            double stpq = stp + (dp / (dp - dx)) * (stx - stp);
            stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
            bracketed = true;
        } else if (Math.abs(dp) < Math.abs(dx)) {
            double theta = 3 * (fx - fp) / (stp - stx) + dx + dp;
            double s = max3(Math.abs(theta), Math.abs(dx), Math.abs(dp));
            // gamma = 0 only when the cubic does not tend to infinity in the step's direction.
            double gamma = s * Math.sqrt(Math.max(0, square(theta / s) - (dx / s) * (dp / s)));
            if (stp > stx) {
                gamma = -gamma;
            }
            double p = (gamma - dp) + theta;
            double q = (gamma + (dx - dp)) + gamma;
            double r = p / q;
            double stpc;
            if (r < 0 && gamma != 0) {
                stpc = stp + r * (stx - stp);
            } else if (stp > stx) {
                stpc = stmax;
            } else {
                stpc = stmin;
            }
            double stpq = stp + (dp / (dp - dx)) * (stx - stp);
            if (bracketed) {
                stpf = Math.abs(stpc - stp) < Math.abs(stpq - stp) ? stpc : stpq;
                stpf = stp > stx ? Math.min(stp + SHRINK * (sty - stp), stpf) : Math.max(stp + SHRINK * (sty - stp), stpf);
            } else {
                stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
                stpf = Math.min(stmax, stpf);
                stpf = Math.max(stmin, stpf);
            }
        } else if (bracketed) {
            double theta = 3 * (fp - fy) / (sty - stp) + dy + dp;
            double s = max3(Math.abs(theta), Math.abs(dy), Math.abs(dp));
            double gamma = s * Math.sqrt(square(theta / s) - (dy / s) * (dp / s));
            if (stp > sty) {
                gamma = -gamma;
            }
            double p = (gamma - dp) + theta;
            double q = ((gamma - dp) + gamma) + dy;
            double r = p / q;
            stpf = stp + r * (sty - stp);
        } else {
            stpf = stp > stx ? stmax : stmin;
        }

        // The new interval: a higher value becomes the far end; a lower one the best end, the old
        // best end becoming the far one when the slopes have opposite signs.
        if (fp > fx) {
            sty = stp;
            fy = fp;
            dy = dp;
        } else {
            if (sgnd < 0) {
                sty = stx;
                fy = fx;
                dy = dx;
            }
            stx = stp;
            fx = fp;
            dx = dp;
        }
        newFx = fx;
        newGx = dx;
        newFy = fy;
        newGy = dy;
        stp = stpf;
    }

    private static double square(double v) {
        return v * v;
    }

    /** Fortran's MAX of three. */
    private static double max3(double a, double b, double c) {
        return Math.max(Math.max(a, b), c);
    }
}
