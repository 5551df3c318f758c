package dev.losslab.core.optim;

import dev.losslab.core.surface.Surface;

/**
 * LAMB, layer-wise adaptive moments (You et al. 2020, "Large Batch Optimization for Deep Learning:
 * Training BERT in 76 minutes", Algorithm 2), from the paper: Adam's direction plus weight decay,
 * rescaled so that the step is lr·φ(‖θ‖) long. A "layer" here is one point: the norms run over a
 * point's D coordinates, so each point of a batch is its own run.
 * <pre>
 *   m ← β₁·m + (1 − β₁)·g;  v ← β₂·v + (1 − β₂)·g²    (m₀ = v₀ = 0)
 *   r ← (m/(1 − β₁ᵗ)) / (√(v/(1 − β₂ᵗ)) + ε)
 *   u ← r + λ·θ
 *   φ ← min(max(‖θ‖, γ_l), γ_u)                       (γ_u = 0: no upper bound; defaults φ = ‖θ‖)
 *   θ ← θ − lr·φ/‖u‖ · u                              (no step when u = 0)
 * </pre>
 * The step's length is lr·φ(‖θ‖) whatever the gradient's size: a fraction lr of the distance to
 * the origin, so lr is a relative step, and a run converging to the origin slows down with it.
 *
 * <p>Differs from optax 0.2.8 ({@code optax.lamb}, the same rule as TensorFlow Addons' LAMB, the
 * implementation the paper links) only where a norm is 0: optax then takes the trust ratio as 1, a plain
 * Adam step of length lr·‖u‖, where the paper's φ(0)/‖u‖ is 0. At θ = 0 the paper's LAMB
 * therefore does not move at all (a start at the origin stays there unless γ_l &gt; 0), and
 * optax's moves by lr·u. Elsewhere the two are the same rule up to rounding.
 *
 * <p>Step mode ({@link Stepper#describe}): {@code mHat} = m/(1 − β₁ᵗ); {@code u} = r + λ·θ, the
 * direction before rescaling; {@code trustRatio} = φ/‖u‖ in both components (a scalar per point).
 *
 * @param beta1       β₁ ∈ [0, 1), default 0.9
 * @param beta2       β₂ ∈ [0, 1), default 0.999
 * @param eps         ε ≥ 0, default 1e-6
 * @param weightDecay λ ≥ 0, default 0
 * @param gammaL      γ_l ≥ 0, the lower bound of φ, default 0
 * @param gammaU      γ_u ≥ 0, the upper bound of φ; 0 (the default) for none
 */
public record Lamb(double beta1, double beta2, double eps, double weightDecay, double gammaL, double gammaU)
        implements Optimizer {

    public Lamb {
        Range.closedOpen(0, 1).check("beta1", beta1);
        Range.closedOpen(0, 1).check("beta2", beta2);
        Range.atLeast(0).check("eps", eps);
        Range.atLeast(0).check("weight-decay", weightDecay);
        Range.atLeast(0).check("gamma-l", gammaL);
        Range.atLeast(0).check("gamma-u", gammaU);
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
        private double beta1 = Lamb.this.beta1;

        @Override
        public void setMomentum(double b1) {
            beta1 = b1;
        }

        private final double[] m;
        private final double[] v;
        /** u of the last step, and each point's trust ratio φ/‖u‖. */
        private final double[] direction;
        private final double[] trustRatio;
        /** Each point's ‖θ‖² this step (scratch; trustRatio holds ‖u‖² until it holds the ratio). */
        private final double[] thetaNorms;
        private long lastStep;

        State(int dimension, int capacity) {
            super(dimension, capacity);
            m = buffer(dimension);
            v = buffer(dimension);
            direction = buffer(dimension);
            trustRatio = buffer(1);
            thetaNorms = new double[capacity];
        }

        @Override
        public int step(double[] theta, double[] gradient, int n, double lr, long step, Surface surface,
                boolean[] stuck) {
            lastStep = step;
            int size = n * dimension;
            double b1 = beta1, b2 = beta2, e = eps, wd = weightDecay;
            double correction1 = 1 - Math.pow(b1, step);
            double correction2 = 1 - Math.pow(b2, step);
            double[] u = direction;
            for (int j = 0; j < size; j++) {
                double g = gradient[j];
                m[j] = b1 * m[j] + (1 - b1) * g;
                v[j] = b2 * v[j] + (1 - b2) * g * g;
                u[j] = (m[j] / correction1) / (Math.sqrt(v[j] / correction2) + e) + wd * theta[j];
            }
            // The trust ratio is per point, over its D coordinates (at stride n), summed dimension by
            // dimension so the arrays are read in their layout's order.
            double[] thetaSquares = thetaNorms, uSquares = trustRatio;
            java.util.Arrays.fill(thetaSquares, 0, n, 0.0);
            java.util.Arrays.fill(uSquares, 0, n, 0.0);
            for (int d = 0; d < dimension; d++) {
                for (int i = 0, j = d * n; i < n; i++, j++) {
                    thetaSquares[i] += theta[j] * theta[j];
                    uSquares[i] += u[j] * u[j];
                }
            }
            for (int i = 0; i < n; i++) {
                double phi = Math.max(Math.sqrt(thetaSquares[i]), gammaL);
                if (gammaU > 0) {
                    phi = Math.min(phi, gammaU);
                }
                double uNorm = Math.sqrt(uSquares[i]);
                trustRatio[i] = uNorm > 0 ? phi / uNorm : 0;
            }
            for (int d = 0; d < dimension; d++) {
                for (int i = 0, j = d * n; i < n; i++, j++) {
                    theta[j] -= lr * (trustRatio[i] * u[j]);
                }
            }
            return 0;
        }

        @Override
        public void describe(int i, int n, InternalsSink sink) {
            double correction1 = lastStep > 0 ? 1 - Math.pow(beta1, lastStep) : 1;
            sink.vector("mHat", m[i] / correction1, m[n + i] / correction1);
            sink.vector("u", direction[i], direction[n + i]);
            sink.vector("trustRatio", trustRatio[i], trustRatio[i]);
        }
    }
}
