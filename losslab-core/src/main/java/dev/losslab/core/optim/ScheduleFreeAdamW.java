package dev.losslab.core.optim;

import dev.losslab.core.surface.Surface;

/**
 * Schedule-free AdamW (Defazio et al. 2024, "The Road Less Scheduled"), as its authors' code has it:
 * facebookresearch/schedule_free, schedulefree 1.3, {@code AdamWScheduleFree.step}, defaults
 * included. Adam without its first moment, inside the schedule-free averaging of
 * {@link ScheduleFreeStepper} (which states x, y, z, the warm-up γ_t and the weights c_t); g = ∇f(y):
 * <pre>
 *   v ← β₂·v + (1 − β₂)·g²                  (v₀ = 0)
 *   z ← z − γ_t·(g / (√(v/(1 − β₂ᵗ)) + ε) + λ·y)
 *   x ← (1 − c_t)·x + c_t·z;   y ← β₁·x + (1 − β₁)·z
 * </pre>
 * The run shows x (θ) and takes ∇f at y. The authors' code before 1.3 (kept there as
 * {@code AdamWScheduleFreePaper}) multiplied γ_t by √(1 − β₂ᵗ) instead of correcting v, in the
 * weights too; 1.3 moved the correction into the denominator, which is followed here.
 *
 * <p>optax 0.2.8's {@code optax.contrib.schedule_free_adamw} is this rule (scale_by_rms with bias
 * correction, decay at y) when it has no warm-up. With {@code warmup_steps} it departs: its weights
 * read the warm-up at the wrapper's step count, which starts at 1, but the z step reads it at the
 * inner optimizer's count, which starts at 0, so every z step of the warm-up is one step behind
 * the authors' (the first moves nothing, at lr·0/W). It has no polynomial weights either (r = 0).
 * Its two reference runs (both warm up) are therefore matched by the authors' rule written out in
 * {@code tools/torch-fixtures/schedule_free.py}, which checks its reading of optax against optax's
 * own file; a test shows the authors' rule departing from optax's on them.
 *
 * <p>Step mode ({@link Stepper#describe}): {@code gradientPoint} = y, {@code z}, and
 * {@code vHatSqrt} = √(v/(1 − β₂ᵗ)) per axis.
 *
 * @param beta1         β₁ ∈ (0, 1): y's interpolation between x and z, default 0.9 (the authors'
 *                      {@code eval()} divides by it, so not 0)
 * @param beta2         β₂ ∈ [0, 1), default 0.999
 * @param eps           ε ≥ 0, default 1e-8
 * @param weightDecay   λ ≥ 0, taken at y, default 0
 * @param warmupSteps   W ≥ 0 steps of linear warm-up of γ_t, default 0
 * @param r             power r ≥ 0 of the polynomial weights t^r, default 0
 * @param weightLrPower power p ≥ 0 of γ_max in the weights, default 2
 */
public record ScheduleFreeAdamW(
        double beta1,
        double beta2,
        double eps,
        double weightDecay,
        double warmupSteps,
        double r,
        double weightLrPower) implements Optimizer {

    public ScheduleFreeAdamW {
        Range.open(0, 1).check("beta1", beta1);
        Range.closedOpen(0, 1).check("beta2", beta2);
        Range.atLeast(0).check("eps", eps);
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
        private final double[] expAvgSq;
        private long lastStep;

        State(int dimension, int capacity) {
            super(dimension, capacity, beta1, warmupSteps, r, weightLrPower);
            expAvgSq = buffer(dimension);
        }

        @Override
        public int step(double[] theta, double[] gradient, int n, double lr, long step, Surface surface,
                boolean[] stuck) {
            startFrom(theta, n);
            lastStep = step;
            double lrT = warmedUp(lr, step);
            double c = averagingWeight(lrT, step);
            double b2 = beta2, e = eps, wd = weightDecay;
            double correction2 = 1 - Math.pow(b2, step);
            double[] v = expAvgSq;
            int size = n * dimension;
            for (int j = 0; j < size; j++) {
                double g = gradient[j];
                v[j] = v[j] * b2 + (1 - b2) * (g * g);
                move(theta, j, g / (Math.sqrt(v[j] / correction2) + e), lrT, c, wd);
            }
            return 0;
        }

        @Override
        public void describe(int i, int n, InternalsSink sink) {
            super.describe(i, n, sink);
            double c2 = lastStep > 0 ? 1 - Math.pow(beta2, lastStep) : 1;
            sink.vector("vHatSqrt", Math.sqrt(expAvgSq[i] / c2), Math.sqrt(expAvgSq[n + i] / c2));
        }
    }
}
