package dev.losslab.core.optim;

import dev.losslab.core.surface.Surface;

/**
 * Adan, adaptive Nesterov momentum (Xie et al. 2022, "Adan: Adaptive Nesterov Momentum Algorithm
 * for Faster Optimizing Deep Models"), followed from the authors' code (sail-sg/Adan {@code adan.py},
 * {@code Adan.step} and {@code _single_tensor_adan}). Its betas weigh the past, as Adam's do (the
 * paper's β's are one minus these).
 * <pre>
 *   c ← min(1, G / (‖g‖ + ε))  if G &gt; 0, else 1     (clipping by one point's gradient norm)
 *   g ← c·g;  Δ ← g − g_prev  (Δ = 0 on the first step)
 *   m ← β₁·m + (1 − β₁)·g                             (m₀ = v₀ = n₀ = 0)
 *   v ← β₂·v + (1 − β₂)·Δ
 *   n ← β₃·n + (1 − β₃)·(g + β₂·Δ)²
 *   δ ← lr/(1 − β₁ᵗ) · m/(√n/√(1 − β₃ᵗ) + ε)  +  lr·β₂/(1 − β₂ᵗ) · v/(√n/√(1 − β₃ᵗ) + ε)
 *   θ ← (θ − δ) / (1 + lr·λ)                          (proximal weight decay, the default)
 *   θ ← θ·(1 − lr·λ) − δ                              (no-prox)
 * </pre>
 * Each step is about lr in parameter units once n has settled, as for Adam; the difference term
 * adds a look-ahead along the gradient's recent change.
 *
 * <p>optax 0.2.8's {@code optax.adan} departs from the authors in two places, so its trajectory is
 * not reproduced by any setting here: it weighs Δ by 1 − β₂ (0.08) where the authors weigh it by
 * β₂ (0.92), both inside n and in the step (the paper's 1 − β₂ read in the code's convention,
 * where β₂ is already one minus the paper's); and it adds ε_root = 1e-8 under the square root,
 * which the authors do not. Its weight decay is θ − δ − lr·λ·θ, neither of the authors' forms. The tests check
 * the authors' rule against its own trajectories and show the gap to optax's.
 *
 * <p>Step mode ({@link Stepper#describe}): {@code mHat} = m/(1 − β₁ᵗ); {@code vHat} =
 * v/(1 − β₂ᵗ), the corrected average gradient change; {@code nHatSqrt} = √n/√(1 − β₃ᵗ) per axis.
 *
 * @param beta1       β₁ ∈ [0, 1), default 0.98
 * @param beta2       β₂ ∈ [0, 1), default 0.92
 * @param beta3       β₃ ∈ [0, 1), default 0.99
 * @param eps         ε ≥ 0, default 1e-8
 * @param weightDecay λ ≥ 0, default 0
 * @param maxGradNorm G ≥ 0: clip each point's gradient to norm G; 0 (the default) does not clip
 * @param noProx      decay θ by 1 − lr·λ before the step instead of dividing by 1 + lr·λ after it
 */
public record Adan(
        double beta1,
        double beta2,
        double beta3,
        double eps,
        double weightDecay,
        double maxGradNorm,
        boolean noProx) implements Optimizer {

    public Adan {
        Range.closedOpen(0, 1).check("beta1", beta1);
        Range.closedOpen(0, 1).check("beta2", beta2);
        Range.closedOpen(0, 1).check("beta3", beta3);
        Range.atLeast(0).check("eps", eps);
        Range.atLeast(0).check("weight-decay", weightDecay);
        Range.atLeast(0).check("max-grad-norm", maxGradNorm);
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
        private double beta1 = Adan.this.beta1;

        @Override
        public void setMomentum(double b1) {
            beta1 = b1;
        }

        /** m (exp_avg), v (exp_avg_diff), n (exp_avg_sq) and the previous (clipped) gradient. */
        private final double[] expAvg;
        private final double[] expAvgDiff;
        private final double[] expAvgSq;
        private final double[] previous;
        /** With clipping: each point's factor and the clipped gradients (scratch, rewritten every step). */
        private final double[] clipFactor;
        private final double[] clipped;
        private long lastStep;

        State(int dimension, int capacity) {
            super(dimension, capacity);
            expAvg = buffer(dimension);
            expAvgDiff = buffer(dimension);
            expAvgSq = buffer(dimension);
            previous = buffer(dimension);
            clipFactor = maxGradNorm > 0 ? new double[capacity] : null;
            clipped = maxGradNorm > 0 ? new double[dimension * capacity] : null;
        }

        @Override
        public int step(double[] theta, double[] gradient, int n, double lr, long step, Surface surface,
                boolean[] stuck) {
            boolean first = lastStep == 0;
            lastStep = step;
            int size = n * dimension;
            double b1 = beta1, b2 = beta2, b3 = beta3, e = eps;
            double[] g = gradient;
            if (maxGradNorm > 0) {
                g = clip(gradient, n);
            }
            double[] m = expAvg, v = expAvgDiff, sq = expAvgSq, prev = previous;
            if (first) {
                // The reference starts its previous gradient at this one: no difference on step 1.
                System.arraycopy(g, 0, prev, 0, size);
            }
            double stepSize = lr / (1 - Math.pow(b1, step));
            double stepSizeDiff = lr * b2 / (1 - Math.pow(b2, step));
            double correction3Sqrt = Math.sqrt(1 - Math.pow(b3, step));
            double decay = 1 - lr * weightDecay;
            double shrink = 1 + lr * weightDecay;
            for (int j = 0; j < size; j++) {
                double gj = g[j];
                double diff = gj - prev[j];
                m[j] = m[j] * b1 + (1 - b1) * gj;
                v[j] = v[j] * b2 + (1 - b2) * diff;
                double z = gj + b2 * diff;
                sq[j] = sq[j] * b3 + (1 - b3) * z * z;
                double denominator = Math.sqrt(sq[j]) / correction3Sqrt + e;
                double t = noProx ? theta[j] * decay : theta[j];
                t += -stepSize * (m[j] / denominator);
                t += -stepSizeDiff * (v[j] / denominator);
                theta[j] = noProx ? t : t / shrink;
                prev[j] = gj;
            }
            return 0;
        }

        /** The gradients scaled by min(1, G/(‖g‖ + ε)), ‖g‖ over each point's D coordinates (at stride n). */
        private double[] clip(double[] gradient, int n) {
            double[] factor = clipFactor;
            java.util.Arrays.fill(factor, 0, n, 0.0);
            for (int d = 0; d < dimension; d++) {
                for (int i = 0, j = d * n; i < n; i++, j++) {
                    factor[i] += gradient[j] * gradient[j];
                }
            }
            for (int i = 0; i < n; i++) {
                factor[i] = Math.min(maxGradNorm / (Math.sqrt(factor[i]) + eps), 1.0);
            }
            double[] out = clipped;
            for (int d = 0; d < dimension; d++) {
                for (int i = 0, j = d * n; i < n; i++, j++) {
                    out[j] = gradient[j] * factor[i];
                }
            }
            return out;
        }

        @Override
        public void describe(int i, int n, InternalsSink sink) {
            double c1 = 1, c2 = 1, c3Sqrt = 1;
            if (lastStep > 0) {
                c1 = 1 - Math.pow(beta1, lastStep);
                c2 = 1 - Math.pow(beta2, lastStep);
                c3Sqrt = Math.sqrt(1 - Math.pow(beta3, lastStep));
            }
            sink.vector("mHat", expAvg[i] / c1, expAvg[n + i] / c1);
            sink.vector("vHat", expAvgDiff[i] / c2, expAvgDiff[n + i] / c2);
            sink.vector("nHatSqrt", Math.sqrt(expAvgSq[i]) / c3Sqrt, Math.sqrt(expAvgSq[n + i]) / c3Sqrt);
        }
    }
}
