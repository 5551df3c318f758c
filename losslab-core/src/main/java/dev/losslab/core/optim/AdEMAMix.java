package dev.losslab.core.optim;

import dev.losslab.core.surface.Surface;

/**
 * AdEMAMix (Pagliardini, Ablin and Grangier 2024, "The AdEMAMix Optimizer: Better, Faster,
 * Older"): Adam whose numerator mixes a fast gradient average with a very slow one. Followed from
 * the authors' PyTorch code (apple/ml-ademamix {@code pytorch/ademamix.py}, {@code AdEMAMix.step},
 * {@code linear_warmup_scheduler}, {@code linear_hl_warmup_scheduler}), defaults included.
 * <pre>
 *   m₁ ← β₁·m₁ + (1 − β₁)·g                           (fast; m₁₀ = m₂₀ = v₀ = 0)
 *   m₂ ← β₃ₜ·m₂ + (1 − β₃ₜ)·g                         (slow, not bias-corrected)
 *   v ← β₂·v + (1 − β₂)·g²
 *   θ ← θ − lr·((m₁/(1 − β₁ᵗ) + αₜ·m₂) / (√v/√(1 − β₂ᵗ) + ε) + λ·θ)
 *   αₜ = α·t/T_α for t &lt; T_α, else α              (t = 1 on the first step; T = 0: no warm-up)
 *   β₃ₜ = 0.5^(1/(h + 1)),  h = (1 − t/T_β₃)·h(β₁) + (t/T_β₃)·h(β₃)  for t &lt; T_β₃, else β₃
 *         h(β) = ln 0.5 / ln(β + 1e-8) − 1           (the half-life of an average of rate β)
 * </pre>
 * Each step is about (1 + α)·lr in parameter units once the slow average has filled (its
 * numerator grows to 1 + α times Adam's when gradients agree), less at first.
 *
 * <p>optax 0.2.8's {@code optax.contrib.ademamix} is the same rule up to rounding at constant α
 * and β₃, but defaults α to 5 (the authors' PyTorch code, followed here, defaults it to 2): the
 * optax case in the tests passes α = 5. optax has no warm-up of its own; it takes α and β₃ as
 * schedules of its step count, which starts at 0, so the authors' schedulers plugged into it (as
 * their optax version does) give each step the value the PyTorch code gives the step before: there
 * α₁ = 0, here α₁ = α/T_α.
 *
 * <p>Step mode ({@link Stepper#describe}): {@code mHat} = m₁/(1 − β₁ᵗ); {@code m2} = m₂;
 * {@code vHatSqrt} = √v/√(1 − β₂ᵗ) per axis.
 *
 * @param beta1       β₁ ∈ [0, 1), default 0.9
 * @param beta2       β₂ ∈ [0, 1), default 0.999
 * @param beta3       β₃ ∈ [0, 1), default 0.9999
 * @param alpha       α ≥ 0, default 2
 * @param beta3Warmup T_β₃ ≥ 0 steps of warm-up for β₃, from β₁; default 0 (none)
 * @param alphaWarmup T_α ≥ 0 steps of linear warm-up for α, from 0; default 0 (none)
 * @param eps         ε ≥ 0, default 1e-8
 * @param weightDecay λ ≥ 0, default 0
 */
public record AdEMAMix(
        double beta1,
        double beta2,
        double beta3,
        double alpha,
        double beta3Warmup,
        double alphaWarmup,
        double eps,
        double weightDecay) implements Optimizer {

    public AdEMAMix {
        Range.closedOpen(0, 1).check("beta1", beta1);
        Range.closedOpen(0, 1).check("beta2", beta2);
        Range.closedOpen(0, 1).check("beta3", beta3);
        Range.atLeast(0).check("alpha", alpha);
        Range.atLeast(0).check("beta3-warmup", beta3Warmup);
        Range.atLeast(0).check("alpha-warmup", alphaWarmup);
        Range.atLeast(0).check("eps", eps);
        Range.atLeast(0).check("weight-decay", weightDecay);
    }

    /** αₜ at step t (1 on the first update): linear from 0 over T_α steps. */
    double alphaAt(long step) {
        if (step < alphaWarmup) {
            return step / alphaWarmup * alpha;
        }
        return alpha;
    }

    /** β₃ₜ at step t: from β₁ to β₃ over T_β₃ steps, linear in the half-life. */
    double beta3At(long step) {
        if (step < beta3Warmup) {
            double a = step / beta3Warmup;
            double halfLife = (1.0 - a) * halfLife(beta1) + a * halfLife(beta3);
            return Math.pow(0.5, 1 / (halfLife + 1));
        }
        return beta3;
    }

    private static double halfLife(double beta) {
        return Math.log(0.5) / Math.log(beta + 1e-8) - 1;
    }

    @Override
    public Stepper newStepper(int dimension, int capacity) {
        return new State(dimension, capacity);
    }

    /** A schedule may cycle β₁, as PyTorch's schedulers set {@code betas[0]} of any optimizer that has betas. */
    @Override
    public CycledMomentum cycledMomentum() {
        return CycledMomentum.BETA1;
    }

    private final class State extends Stepper {
        /** β₁ now: the record's, unless a schedule cycles it ({@link #setMomentum}). */
        private double beta1 = AdEMAMix.this.beta1;

        @Override
        public void setMomentum(double b1) {
            beta1 = b1;
        }

        /** m₁ (exp_avg_fast), m₂ (exp_avg_slow), v (exp_avg_sq). */
        private final double[] fast;
        private final double[] slow;
        private final double[] expAvgSq;
        private long lastStep;

        State(int dimension, int capacity) {
            super(dimension, capacity);
            fast = buffer(dimension);
            slow = buffer(dimension);
            expAvgSq = buffer(dimension);
        }

        @Override
        public int step(double[] theta, double[] gradient, int n, double lr, long step, Surface surface,
                boolean[] stuck) {
            lastStep = step;
            int size = n * dimension;
            double b1 = beta1, b2 = beta2, b3 = beta3At(step), a = alphaAt(step), e = eps, wd = weightDecay;
            double correction1 = 1 - Math.pow(b1, step);
            double correction2Sqrt = Math.sqrt(1 - Math.pow(b2, step));
            double[] m1 = fast, m2 = slow, v = expAvgSq;
            for (int j = 0; j < size; j++) {
                double g = gradient[j];
                m1[j] = m1[j] * b1 + (1 - b1) * g;
                m2[j] = m2[j] * b3 + (1 - b3) * g;
                v[j] = v[j] * b2 + (1 - b2) * g * g;
                double denominator = Math.sqrt(v[j]) / correction2Sqrt + e;
                double update = (m1[j] / correction1 + a * m2[j]) / denominator + wd * theta[j];
                theta[j] += -lr * update;
            }
            return 0;
        }

        @Override
        public void describe(int i, int n, InternalsSink sink) {
            double c1 = 1, c2Sqrt = 1;
            if (lastStep > 0) {
                c1 = 1 - Math.pow(beta1, lastStep);
                c2Sqrt = Math.sqrt(1 - Math.pow(beta2, lastStep));
            }
            sink.vector("mHat", fast[i] / c1, fast[n + i] / c1);
            sink.vector("m2", slow[i], slow[n + i]);
            sink.vector("vHatSqrt", Math.sqrt(expAvgSq[i]) / c2Sqrt, Math.sqrt(expAvgSq[n + i]) / c2Sqrt);
        }
    }
}
