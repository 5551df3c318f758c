package dev.losslab.core.optim;

import dev.losslab.core.surface.Surface;

/**
 * Schedule-free SGD (Defazio et al. 2024, "The Road Less Scheduled"), as its authors' code has it:
 * facebookresearch/schedule_free, schedulefree 1.3, {@code SGDScheduleFree.step}, defaults included
 * but lr (the landscape's). Gradient steps on z inside the schedule-free averaging of
 * {@link ScheduleFreeStepper} (which states x, y, z, the warm-up γ_t and the weights c_t);
 * g = ∇f(y):
 * <pre>
 *   z ← z − γ_t·(g + λ·y)
 *   x ← (1 − c_t)·x + c_t·z;   y ← β·x + (1 − β)·z      (β: momentum)
 * </pre>
 * The run shows x (θ) and takes ∇f at y. At a constant lr with r = 0 every weight is the same,
 * c_t = 1/t, and x is the plain mean of the z's: the average, not z, is what settles, while y
 * leans from it towards the latest z.
 *
 * <p>optax 0.2.8's {@code optax.contrib.schedule_free_sgd} is this rule without a warm-up; with
 * one, its z steps read the warm-up one step behind the weights (see {@link ScheduleFreeAdamW},
 * which says how and how its reference runs are tested).
 *
 * <p>Step mode ({@link Stepper#describe}): {@code gradientPoint} = y and {@code z}.
 *
 * @param momentum      β ∈ (0, 1): y's interpolation between x and z, default 0.9 (the authors
 *                      refuse 0 and 1)
 * @param weightDecay   λ ≥ 0, taken at y, default 0
 * @param warmupSteps   W ≥ 0 steps of linear warm-up of γ_t, default 0
 * @param r             power r ≥ 0 of the polynomial weights t^r, default 0
 * @param weightLrPower power p ≥ 0 of γ_max in the weights, default 2
 */
public record ScheduleFreeSgd(double momentum, double weightDecay, double warmupSteps, double r, double weightLrPower)
        implements Optimizer {

    public ScheduleFreeSgd {
        Range.open(0, 1).check("momentum", momentum);
        Range.atLeast(0).check("weight-decay", weightDecay);
        Range.atLeast(0).check("warmup-steps", warmupSteps);
        Range.atLeast(0).check("r", r);
        Range.atLeast(0).check("weight-lr-power", weightLrPower);
    }

    @Override
    public Stepper newStepper(int dimension, int capacity) {
        return new State(dimension, capacity);
    }

    private final class State extends ScheduleFreeStepper {

        State(int dimension, int capacity) {
            super(dimension, capacity, momentum, warmupSteps, r, weightLrPower);
        }

        @Override
        public int step(double[] theta, double[] gradient, int n, double lr, long step, Surface surface,
                boolean[] stuck) {
            startFrom(theta, n);
            double lrT = warmedUp(lr, step);
            double c = averagingWeight(lrT, step);
            double wd = weightDecay;
            int size = n * dimension;
            for (int j = 0; j < size; j++) {
                move(theta, j, gradient[j], lrT, c, wd);
            }
            return 0;
        }
    }
}
