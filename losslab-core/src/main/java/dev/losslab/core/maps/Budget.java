package dev.losslab.core.maps;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.run.RunSpec;

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
        checkGrid(size, MAX_GRID);
    }

    /**
     * Checks a grid size against a caller's own bound, at most {@link #MAX_GRID} (a web page waits
     * for its map, so the web allows less); the message names that bound.
     */
    public static void checkGrid(int size, int maxGrid) {
        if (size < 2 || size > maxGrid) {
            throw InvalidInputException.outOfRange("grid", "in [2, " + maxGrid + "]", size);
        }
    }

    /** Checks the step budget of each run and the total work of {@code runs} runs. */
    public static void checkWork(long runs, int steps) {
        checkWork(runs, steps, 1, MAX_STEPS, MAX_WORK);
    }

    /** Checks the step budget of each run and the total work of {@code runs} runs of {@code spec}. */
    public static void checkWork(long runs, RunSpec spec) {
        checkWork(runs, spec.maxSteps(), spec.costPerStep(), MAX_STEPS, MAX_WORK);
    }

    /** As {@link #checkWork(long, int, long, int, long)} for closed-form surfaces (a step costs 1). */
    public static void checkWork(long runs, int steps, int maxSteps, long maxWork) {
        checkWork(runs, steps, 1, maxSteps, maxWork);
    }

    /**
     * Checks the step budget of each run and the total work of {@code runs} runs, each step costing
     * {@code costPerStep} ({@link RunSpec#costPerStep}), against a caller's own bounds, at most {@link #MAX_STEPS} and {@link #MAX_WORK}; the messages name those bounds.
     */
    public static void checkWork(long runs, int steps, long costPerStep, int maxSteps, long maxWork) {
        if (steps < 0 || steps > maxSteps) {
            throw InvalidInputException.outOfRange("steps", "in [0, " + maxSteps + "] for maps and sweeps", steps);
        }
        if (costPerStep > 1 && runs * (long) Math.max(steps, 1) > maxWork / costPerStep) {
            long bound = maxWork / costPerStep;
            throw new InvalidInputException("steps", "runs × steps must be at most " + bound + " here, where a step costs "
                    + costPerStep + " evaluations of a formula (it sums over the data's examples), got " + runs + " × "
                    + steps + " = " + runs * (long) steps + "; use fewer points or fewer steps");
        }
        if (runs * (long) Math.max(steps, 1) > maxWork) {
            throw new InvalidInputException("steps", "runs × steps must be at most " + maxWork + " (" + brief(maxWork)
                    + "), got " + runs + " × " + steps + " = " + runs * (long) steps + "; use fewer points or fewer steps");
        }
    }

    /** 10000000000 as "1e10", 50000000 as "5e7": a bound as people read it. */
    static String brief(long n) {
        int exponent = 0;
        long mantissa = n;
        while (mantissa != 0 && mantissa % 10 == 0) {
            mantissa /= 10;
            exponent++;
        }
        return exponent < 3 ? Long.toString(n) : mantissa + "e" + exponent;
    }
}
