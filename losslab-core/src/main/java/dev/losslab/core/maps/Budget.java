package dev.losslab.core.maps;

import dev.losslab.core.InvalidInputException;

/**
 * How much work one map or sweep may ask for, so that a typo cannot tie up a machine for hours.
 * <ul>
 *   <li>a basin grid is at most {@value #MAX_GRID} points a side;</li>
 *   <li>a run inside a map takes at most {@value #MAX_STEPS} steps;</li>
 *   <li>runs × steps, the number of optimizer steps in the worst case (no start converging early),
 *       is at most {@value #MAX_WORK} — e.g. a 2048² grid × 2,384 steps, or a 1024² grid × 9,536
 *       steps. Gradient descent on Himmelblau does about 10⁹ steps a second on two cores through
 *       its fast kernel; a generic surface and optimizer about 10⁸, so the worst case is minutes.</li>
 * </ul>
 */
public final class Budget {

    public static final int MAX_GRID = 2048;
    public static final int MAX_STEPS = 100_000;
    public static final long MAX_WORK = 10_000_000_000L;

    private Budget() {}

    /** Checks a grid size (points a side). */
    public static void checkGrid(int size) {
        if (size < 2 || size > MAX_GRID) {
            throw InvalidInputException.outOfRange("grid", "in [2, " + MAX_GRID + "]", size);
        }
    }

    /** Checks the step budget of each run and the total work of {@code runs} runs. */
    public static void checkWork(long runs, int steps) {
        if (steps < 0 || steps > MAX_STEPS) {
            throw InvalidInputException.outOfRange("steps", "in [0, " + MAX_STEPS + "] for maps and sweeps", steps);
        }
        if (runs * (long) Math.max(steps, 1) > MAX_WORK) {
            throw new InvalidInputException("steps", "runs × steps must be at most " + MAX_WORK + " (1e10), got "
                    + runs + " × " + steps + " = " + runs * (long) steps + "; use fewer points or fewer steps");
        }
    }
}
