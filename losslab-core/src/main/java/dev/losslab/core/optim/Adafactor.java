package dev.losslab.core.optim;

import dev.losslab.core.surface.Surface;
import java.util.Arrays;

/**
 * Adafactor (Shazeer and Stern 2018, "Adafactor: adaptive learning rates with sublinear memory
 * cost"): {@code torch.optim.Adafactor} ({@code _single_tensor_adafactor}, torch 2.5 and later),
 * followed from torch 2.11's code for a 1-D parameter tensor. Each point's D coordinates are one
 * such tensor (a batch of points is a list of tensors, one per point), so the second moment is kept
 * whole, per coordinate: torch factors it into row and column averages only for matrices.
 * <pre>
 *   t ← t + 1                                         (step count, 1 on the first update)
 *   g ← ±∇f(θ)                                        (−∇f with maximize)
 *   ρ_t ← min(lr, 1/√t)                               (relative step size; lr caps it)
 *   α_t ← max(ε₂, RMS(θ))·ρ_t                         (RMS over the point's D coordinates, before decay)
 *   θ ← θ·(1 − lr·λ)                                  (decoupled weight decay λ, only when λ ≠ 0)
 *   v ← lerp(v, g², t^τ)   = (1 − t^τ)·v + t^τ·g²     (v₀ = 0; β₂ decay τ ≤ 0, so β̂₂_t = 1 − t^τ)
 *   U ← g / √max(v, ε₁²)
 *   θ ← θ − α_t / max(1, RMS(U)/d) · U                (update clipping at threshold d)
 * </pre>
 * The step is relative: about ρ_t·RMS(θ) per coordinate (ε₂ keeps it from vanishing near θ = 0),
 * with U about sign(g) early on (at t = 1, β̂₂ = 0 and v = g²) and its RMS clipped to d. lr is
 * no step length: it caps ρ_t (1e-2, PyTorch's default and the paper's constant) and scales the
 * weight decay. ε₁ defaults to torch's choice for float64 parameters, their machine epsilon 2⁻⁵².
 *
 * <p>Step mode ({@link Stepper#describe}): {@code varianceSqrt} = √v per axis.
 *
 * @param beta2Decay  τ ≤ 0, default −0.8
 * @param d           clipping threshold d ≥ 1, default 1
 * @param eps1        ε₁ ≥ 0, default 2⁻⁵² (torch's {@code eps[0] = None})
 * @param eps2        ε₂ ≥ 0, default 1e-3
 * @param weightDecay λ ≥ 0, default 0
 * @param maximize    climb f: the rule sees −∇f (PyTorch's {@code maximize})
 */
public record Adafactor(double beta2Decay, double d, double eps1, double eps2, double weightDecay, boolean maximize)
        implements Optimizer {

    /** torch's ε₁ when none is given, for float64 parameters: {@code torch.finfo(torch.float64).eps}. */
    public static final double FLOAT64_EPS = 0x1p-52;

    public Adafactor {
        Range.atMost(0).check("beta2-decay", beta2Decay);
        Range.atLeast(1).check("d", d);
        Range.atLeast(0).check("eps1", eps1);
        Range.atLeast(0).check("eps2", eps2);
        Range.atLeast(0).check("weight-decay", weightDecay);
    }

    @Override
    public Stepper newStepper(int dimension, int capacity) {
        return new State(dimension, capacity);
    }

    private final class State extends Stepper {
        /** v (torch's variance). */
        private final double[] variance;
        /** Scratch, rewritten every step: U, and per point Σθ², then ΣU², then the step factor. */
        private final double[] update;
        private final double[] thetaSq;
        private final double[] updateSq;

        State(int dimension, int capacity) {
            super(dimension, capacity);
            variance = buffer(dimension);
            update = new double[dimension * capacity];
            thetaSq = new double[capacity];
            updateSq = new double[capacity];
        }

        @Override
        public int step(double[] theta, double[] gradient, int n, double lr, long step, Surface surface,
                boolean[] stuck) {
            int m = n * dimension;
            double sign = maximize ? -1 : 1;
            double oneMinusBeta2 = Math.pow(step, beta2Decay);
            double rho = Math.min(lr, 1 / Math.pow(step, 0.5));
            double sqrtD = Math.pow(dimension, 0.5);
            double minVariance = eps1 * eps1;
            double[] v = variance, u = update, sumTheta = thetaSq, sumUpdate = updateSq;
            // Per-point sums in coordinate order, each point's D coordinates at stride n.
            Arrays.fill(sumTheta, 0, n, 0);
            Arrays.fill(sumUpdate, 0, n, 0);
            for (int k = 0; k < dimension; k++) {
                for (int i = 0, j = k * n; i < n; i++, j++) {
                    sumTheta[i] += theta[j] * theta[j];
                }
            }
            if (weightDecay != 0) {
                double decay = 1 - lr * weightDecay;
                for (int j = 0; j < m; j++) {
                    theta[j] *= decay;
                }
            }
            for (int k = 0; k < dimension; k++) {
                for (int i = 0, j = k * n; i < n; i++, j++) {
                    double g = sign * gradient[j];
                    v[j] = Lerp.lerp(v[j], g * g, oneMinusBeta2);
                    u[j] = 1 / Math.sqrt(Math.max(v[j], minVariance)) * g;
                    sumUpdate[i] += u[j] * u[j];
                }
            }
            // The step factor −α_t / max(1, RMS(U)/d), per point, kept in sumTheta.
            for (int i = 0; i < n; i++) {
                double alpha = Math.max(eps2, Math.sqrt(sumTheta[i]) / sqrtD) * rho;
                double clip = Math.max(1, Math.sqrt(sumUpdate[i]) / (sqrtD * d));
                sumTheta[i] = -alpha / clip;
            }
            for (int k = 0; k < dimension; k++) {
                for (int i = 0, j = k * n; i < n; i++, j++) {
                    theta[j] += sumTheta[i] * u[j];
                }
            }
            return 0;
        }

        @Override
        public void describe(int i, int n, InternalsSink sink) {
            sink.vector("varianceSqrt", Math.sqrt(variance[i]), Math.sqrt(variance[n + i]));
        }
    }
}
