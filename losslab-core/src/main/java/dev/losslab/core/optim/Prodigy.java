package dev.losslab.core.optim;

import dev.losslab.core.surface.Surface;

/**
 * Prodigy (Mishchenko and Defazio 2023, "Prodigy: An Expeditiously Adaptive Parameter-Free
 * Learner"): Adam whose step size d estimates the distance to the solution from how far θ has
 * moved against the gradients seen. Followed from the authors' code (konstmish/prodigy
 * {@code prodigyopt/prodigy.py}, {@code Prodigy.step}, with its defaults: no bias correction,
 * decoupled weight decay, growth rate ∞, every coordinate). d and its sums are per point, over its
 * D coordinates: each point of a batch is its own run.
 * <pre>
 *   (per point, step k = 0, 1, …;  d₀ the initial estimate, θ₀ the start)
 *   ĉ ← √(1 − β₂ᵏ⁺¹)/(1 − β₁ᵏ⁺¹) with use-bias-correction, else 1
 *   η ← d·lr·ĉ
 *   N ← β₃·N + (d/d₀)·η·⟨g, θ₀ − θ⟩                   (N₀ = 0)
 *   m ← β₁·m + (1 − β₁)·d·g;  v ← β₂·v + (1 − β₂)·d²·g²
 *   s ← β₃·s + (d/d₀)·η·g                             ((d/d₀)·d·g with safeguard-warmup)
 *   d ← max(d, κ·N/‖s‖₁)                              (‖s‖₁ = Σ|sᵢ|; no step while s = 0)
 *   θ ← θ − λ·η·θ − η·m/(√v + d·ε)                    (η from the old d, ε·d from the new)
 * </pre>
 * lr multiplies the step d sizes itself, so its default is 1 (LearningRateDefault.ONE), the
 * authors' default; d starts at d₀ = 1e-6 and grows as fast as the moves allow, so the first steps
 * are tiny.
 *
 * <p>optax 0.2.8's {@code optax.contrib.prodigy} is the same rule with the bias correction always
 * on (the authors' default is off): with {@code use-bias-correction} the two agree up to rounding.
 *
 * <p>Differs from prodigy: the reference's β₃ defaults to √β₂ of whatever β₂ is given; here β₃ is
 * its own setting whose default, √0.999, is that value for the default β₂ (pass {@code beta3}
 * with a changed {@code beta2} to keep the pairing). The growth-rate limit and the sliced
 * statistics ({@code growth_rate}, {@code slice_p}) are not offered: their defaults (∞, every
 * coordinate) are what this class does.
 *
 * <p>Step mode ({@link Stepper#describe}): {@code m}; {@code vSqrt} = √v per axis; {@code d} =
 * the estimate after the step, in both components (a scalar per point).
 *
 * @param beta1             β₁ ∈ [0, 1), default 0.9
 * @param beta2             β₂ ∈ [0, 1), default 0.999
 * @param beta3             β₃ ∈ [0, 1), default √0.999
 * @param eps               ε &gt; 0, default 1e-8
 * @param weightDecay       λ ≥ 0, decoupled, default 0
 * @param useBiasCorrection Adam's corrections folded into η (the reference's default: off)
 * @param safeguardWarmup   leave lr out of s, against a d that overshoots while lr warms up
 * @param d0                d₀ &gt; 0, the initial estimate, default 1e-6
 * @param dCoef             κ ≥ 0, multiplies each estimate, default 1
 */
public record Prodigy(
        double beta1,
        double beta2,
        double beta3,
        double eps,
        double weightDecay,
        boolean useBiasCorrection,
        boolean safeguardWarmup,
        double d0,
        double dCoef) implements Optimizer {

    /** The reference's β₃ at its default β₂: √0.999. */
    public static final double DEFAULT_BETA3 = Math.sqrt(0.999);

    public Prodigy {
        Range.closedOpen(0, 1).check("beta1", beta1);
        Range.closedOpen(0, 1).check("beta2", beta2);
        Range.closedOpen(0, 1).check("beta3", beta3);
        Range.above(0).check("eps", eps);
        Range.atLeast(0).check("weight-decay", weightDecay);
        Range.above(0).check("d0", d0);
        Range.atLeast(0).check("d-coef", dCoef);
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
        private double beta1 = Prodigy.this.beta1;

        @Override
        public void setMomentum(double b1) {
            beta1 = b1;
        }

        /** m (exp_avg), v (exp_avg_sq), s and θ₀ per coordinate. */
        private final double[] expAvg;
        private final double[] expAvgSq;
        private final double[] s;
        private final double[] start;
        /** Per point: d, the largest estimate so far, N (d_numerator) and the steps taken (k). */
        private final double[] d;
        private final double[] dMax;
        private final double[] numerator;
        private final double[] taken;
        /** Per point, this step only (scratch): η, the weight of g in s, ⟨g, θ₀ − θ⟩ and ‖s‖₁. */
        private final double[] stepSizes;
        private final double[] sWeights;
        private final double[] dots;
        private final double[] sNorms;
        private boolean started;

        State(int dimension, int capacity) {
            super(dimension, capacity);
            expAvg = buffer(dimension);
            expAvgSq = buffer(dimension);
            s = buffer(dimension);
            start = buffer(dimension);
            d = buffer(1);
            dMax = buffer(1);
            numerator = buffer(1);
            taken = buffer(1);
            stepSizes = new double[capacity];
            sWeights = new double[capacity];
            dots = new double[capacity];
            sNorms = new double[capacity];
        }

        @Override
        public int step(double[] theta, double[] gradient, int n, double lr, long step, Surface surface,
                boolean[] stuck) {
            int size = n * dimension;
            if (!started) {
                started = true;
                System.arraycopy(theta, 0, start, 0, size);
                java.util.Arrays.fill(d, 0, n, d0);
                java.util.Arrays.fill(dMax, 0, n, d0);
            }
            double b1 = beta1, b2 = beta2, b3 = beta3;
            // Per-point sums run dimension by dimension (d outer, points inner), in each point's
            // coordinate order, so the arrays are read in their layout's order.
            double[] dlr = stepSizes, moved = dots, sNorm = sNorms, sWeight = sWeights;
            for (int i = 0; i < n; i++) {
                double k = taken[i];
                double correction = useBiasCorrection
                        ? Math.sqrt(1 - Math.pow(b2, k + 1)) / (1 - Math.pow(b1, k + 1))
                        : 1;
                dlr[i] = d[i] * lr * correction;
                sWeight[i] = safeguardWarmup ? (d[i] / d0) * d[i] : (d[i] / d0) * dlr[i];
                moved[i] = 0;
                sNorm[i] = 0;
            }
            for (int c = 0; c < dimension; c++) {
                for (int i = 0, j = c * n; i < n; i++, j++) {
                    moved[i] += gradient[j] * (start[j] - theta[j]);
                }
            }
            for (int c = 0; c < dimension; c++) {
                for (int i = 0, j = c * n; i < n; i++, j++) {
                    double g = gradient[j], di = d[i];
                    expAvg[j] = expAvg[j] * b1 + di * (1 - b1) * g;
                    expAvgSq[j] = expAvgSq[j] * b2 + di * di * (1 - b2) * g * g;
                    s[j] = s[j] * b3 + sWeight[i] * g;
                    sNorm[i] += Math.abs(s[j]);
                }
            }
            for (int i = 0; i < n; i++) {
                if (sNorm[i] == 0) {
                    // Every gradient so far was 0: the reference returns before stepping or counting.
                    continue;
                }
                double num = numerator[i] * b3 + (d[i] / d0) * dlr[i] * moved[i];
                // The reference's d ← min(d_max, d·growth_rate) with growth rate ∞ is d_max itself.
                dMax[i] = Math.max(dMax[i], dCoef * num / sNorm[i]);
                numerator[i] = num;
                d[i] = dMax[i];
                taken[i] += 1;
            }
            for (int c = 0; c < dimension; c++) {
                for (int i = 0, j = c * n; i < n; i++, j++) {
                    if (sNorm[i] == 0) {
                        continue;
                    }
                    if (weightDecay != 0) {
                        theta[j] += theta[j] * (-weightDecay * dlr[i]);
                    }
                    theta[j] += -dlr[i] * (expAvg[j] / (Math.sqrt(expAvgSq[j]) + d[i] * eps));
                }
            }
            return 0;
        }

        @Override
        public void describe(int i, int n, InternalsSink sink) {
            sink.vector("m", expAvg[i], expAvg[n + i]);
            sink.vector("vSqrt", Math.sqrt(expAvgSq[i]), Math.sqrt(expAvgSq[n + i]));
            double estimate = started ? d[i] : d0;
            sink.vector("d", estimate, estimate);
        }
    }
}
