package dev.losslab.core.optim;

import dev.losslab.core.surface.Surface;

/**
 * Lion, "evolved sign momentum" (Chen et al. 2023, "Symbolic Discovery of Optimization
 * Algorithms"), followed from the authors' PyTorch code (google/automl {@code lion/lion_pytorch.py},
 * {@code Lion.step}).
 * <pre>
 *   θ ← θ·(1 − lr·λ)                                  (decoupled weight decay, first)
 *   c ← β₁·m + (1 − β₁)·g                             (m₀ = 0)
 *   θ ← θ − lr·sign(c)                                (sign(0) = 0)
 *   m ← β₂·m + (1 − β₂)·g                             (after the step: β₂ only tracks, β₁ steers)
 * </pre>
 * Every coordinate moves by exactly lr (decay aside) whatever the gradient's size, so lr is a
 * distance in parameter units, as for Adam; the sign makes the step a corner of a box, not a
 * direction of descent.
 *
 * <p>optax 0.2.8's {@code optax.lion} writes the same step as θ − lr·(sign(c) + λ·θ), equal up to
 * rounding, but defaults λ to 1e-3 where the authors' code defaults it to 0; LossLab takes the
 * authors' 0 (the optax case in the tests passes λ = 0 explicitly).
 *
 * <p>Step mode ({@link Stepper#describe}): {@code m} = m after the step; {@code c} = the
 * interpolation whose sign was the step.
 *
 * @param beta1       β₁ ∈ [0, 1), default 0.9
 * @param beta2       β₂ ∈ [0, 1), default 0.99
 * @param weightDecay λ ≥ 0, default 0
 */
public record Lion(double beta1, double beta2, double weightDecay) implements Optimizer {

    public Lion {
        Range.closedOpen(0, 1).check("beta1", beta1);
        Range.closedOpen(0, 1).check("beta2", beta2);
        Range.atLeast(0).check("weight-decay", weightDecay);
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
        private double beta1 = Lion.this.beta1;

        @Override
        public void setMomentum(double b1) {
            beta1 = b1;
        }

        /** m (the authors' exp_avg), and c of the last step, for step mode. */
        private final double[] expAvg;
        private final double[] interpolation;

        State(int dimension, int capacity) {
            super(dimension, capacity);
            expAvg = buffer(dimension);
            interpolation = buffer(dimension);
        }

        @Override
        public int step(double[] theta, double[] gradient, int n, double lr, long step, Surface surface,
                boolean[] stuck) {
            int size = n * dimension;
            double b1 = beta1, b2 = beta2;
            double decay = 1 - lr * weightDecay;
            double[] m = expAvg, c = interpolation;
            for (int j = 0; j < size; j++) {
                double g = gradient[j];
                if (weightDecay != 0) {
                    theta[j] *= decay;
                }
                c[j] = m[j] * b1 + g * (1 - b1);
                theta[j] += -lr * Math.signum(c[j]);
                m[j] = m[j] * b2 + (1 - b2) * g;
            }
            return 0;
        }

        @Override
        public void describe(int i, int n, InternalsSink sink) {
            sink.vector("m", expAvg[i], expAvg[n + i]);
            sink.vector("c", interpolation[i], interpolation[n + i]);
        }
    }
}
