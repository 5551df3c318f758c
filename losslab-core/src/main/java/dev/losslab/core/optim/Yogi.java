package dev.losslab.core.optim;

import dev.losslab.core.surface.Surface;

/**
 * Yogi (Zaheer et al. 2018, "Adaptive Methods for Nonconvex Optimization", Algorithm 2): Adam
 * whose second moment moves additively, by (1 − β₂)·g² towards g², so it cannot shrink fast when
 * gradients drop. Followed from TensorFlow Addons' implementation ({@code tfa.optimizers.Yogi},
 * {@code _resource_apply_dense}, sign activation), which adds bias correction, the initial value of
 * v and proximal l1/l2 steps to the paper's algorithm.
 * <pre>
 *   m ← β₁·m + (1 − β₁)·g                             (m₀ = 0)
 *   v ← v + (1 − β₂)·sign(g² − v)·g²                  (v₀ = initial-accumulator-value)
 *   η ← lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ) / (√v + ε)           (per coordinate; ε on the uncorrected √v)
 *   θ ← θ − η·m
 *   l1 &gt; 0:  θ ← sign(θ)·max(|θ| − λ₁·η, 0) / (1 + λ₂·η)    (proximal steps)
 *   l2 only: θ ← θ / (1 + λ₂·η)
 * </pre>
 * Each step is about lr in parameter units, as for Adam.
 *
 * <p>optax 0.2.8's {@code optax.yogi} differs twice, so its trajectory is not reproduced by any
 * setting here: it starts m at the initial value too (1e-6, not 0), and it adds ε to the corrected
 * root, √(v/(1 − β₂ᵗ)) + ε, where TensorFlow Addons (like the paper's step, which has no
 * correction) adds it to √v: measured against the corrected root, TensorFlow Addons' ε is
 * 1/√(1 − β₂ᵗ) times optax's, about 32 times at t = 1 at the default β₂, fading as t grows. The
 * tests check this rule against its own trajectories and show the gap to optax's.
 *
 * <p>Step mode ({@link Stepper#describe}): {@code mHat} = m/(1 − β₁ᵗ); {@code vHatSqrt} =
 * √v/√(1 − β₂ᵗ) per axis, so that the step is lr·m̂/(√v̂ + ε/√(1 − β₂ᵗ)).
 *
 * @param beta1                   β₁ ∈ [0, 1), default 0.9
 * @param beta2                   β₂ ∈ [0, 1), default 0.999
 * @param eps                     ε ≥ 0, default 1e-3
 * @param l1                      λ₁ ≥ 0, the l1 regularization strength, default 0
 * @param l2                      λ₂ ≥ 0, the l2 regularization strength, default 0
 * @param initialAccumulatorValue v₀ &gt; 0, default 1e-6
 */
public record Yogi(double beta1, double beta2, double eps, double l1, double l2, double initialAccumulatorValue)
        implements Optimizer {

    public Yogi {
        Range.closedOpen(0, 1).check("beta1", beta1);
        Range.closedOpen(0, 1).check("beta2", beta2);
        Range.atLeast(0).check("eps", eps);
        Range.atLeast(0).check("l1-regularization-strength", l1);
        Range.atLeast(0).check("l2-regularization-strength", l2);
        Range.above(0).check("initial-accumulator-value", initialAccumulatorValue);
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
        private double beta1 = Yogi.this.beta1;

        @Override
        public void setMomentum(double b1) {
            beta1 = b1;
        }

        /** TensorFlow Addons' slots m and v. */
        private final double[] m;
        private final double[] v;
        private long lastStep;

        State(int dimension, int capacity) {
            super(dimension, capacity);
            m = buffer(dimension);
            v = buffer(dimension);
        }

        @Override
        public int step(double[] theta, double[] gradient, int n, double lr, long step, Surface surface,
                boolean[] stuck) {
            int size = n * dimension;
            if (lastStep == 0) {
                java.util.Arrays.fill(v, 0, size, initialAccumulatorValue);
            }
            lastStep = step;
            double b1 = beta1, b2 = beta2, e = eps;
            double lrT = lr * Math.sqrt(1 - Math.pow(b2, step)) / (1 - Math.pow(b1, step));
            for (int j = 0; j < size; j++) {
                double g = gradient[j];
                m[j] = m[j] * b1 + g * (1 - b1);
                double g2 = g * g;
                v[j] += (1 - b2) * Math.signum(g2 - v[j]) * g2;
                double perCoordinate = lrT / (Math.sqrt(v[j]) + e);
                double next = theta[j] - perCoordinate * m[j];
                if (l1 > 0) {
                    double threshold = l1 * perCoordinate;
                    next = Math.abs(next) > threshold
                            ? (next - threshold * Math.signum(next)) / (1 + l2 * perCoordinate)
                            : 0;
                } else if (l2 > 0) {
                    next = next / (1 + l2 * perCoordinate);
                }
                theta[j] = next;
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
            sink.vector("mHat", m[i] / c1, m[n + i] / c1);
            sink.vector("vHatSqrt", Math.sqrt(v[i]) / c2Sqrt, Math.sqrt(v[n + i]) / c2Sqrt);
        }
    }
}
