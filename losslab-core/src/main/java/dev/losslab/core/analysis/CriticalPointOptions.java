package dev.losslab.core.analysis;

import dev.losslab.core.InvalidInputException;

/**
 * How hard {@link CriticalPoints#find} looks. The work is bounded by
 * gridSize² · (maxIterations + {@value CriticalPoints#POLISH_STEPS}) damped-Newton iterations,
 * each evaluating f and ∇f at most {@value CriticalPoints#MAX_TRIAL_STEPS} + 1 times and ∇²f once.
 *
 * @param gridSize          seeds per axis: Newton starts from the centres of a gridSize × gridSize
 *                          grid of cells covering the window; in [2, 400]. Critical points are
 *                          missed when seeds are sparser than about one and a half per spacing
 *                          between neighbours (Rastrigin's 441 need G ≥ 28)
 * @param maxIterations     damped-Newton iterations per seed before it is given up; in [1, 1000]
 * @param gradientTolerance a point is critical when ‖∇f‖ ≤ gradientTolerance · G, with G the median
 *                          ‖∇f‖ over the seeds (the largest when the median is 0): the gradient scale
 *                          of f in the window; in (0, 1e-3]
 * @param mergeFraction     two points closer than mergeFraction · window span are the same point;
 *                          in [1e-12, 0.01]
 */
public record CriticalPointOptions(int gridSize, int maxIterations, double gradientTolerance, double mergeFraction) {

    /** 80 × 80 seeds, 100 iterations each, ‖∇f‖ ≤ 1e-10·G, merged within 1e-6 of the span. */
    public static final CriticalPointOptions DEFAULTS = new CriticalPointOptions(80, 100, 1e-10, 1e-6);

    public CriticalPointOptions {
        if (gridSize < 2 || gridSize > 400) {
            throw InvalidInputException.outOfRange("grid", "in [2, 400]", gridSize);
        }
        if (maxIterations < 1 || maxIterations > 1000) {
            throw InvalidInputException.outOfRange("max-iterations", "in [1, 1000]", maxIterations);
        }
        if (!(gradientTolerance > 0 && gradientTolerance <= 1e-3)) {
            throw InvalidInputException.outOfRange("gradient-tolerance", "in (0, 0.001]", gradientTolerance);
        }
        if (!(mergeFraction >= 1e-12 && mergeFraction <= 0.01)) {
            throw InvalidInputException.outOfRange("merge-fraction", "in [1e-12, 0.01]", mergeFraction);
        }
    }
}
