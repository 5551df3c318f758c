package dev.losslab.core.maps;

import dev.losslab.core.optim.Schedule;
import dev.losslab.core.optim.Sgd;
import dev.losslab.core.run.RunSpec;
import dev.losslab.core.surface.Quadratic;
import java.util.Locale;
import java.util.Optional;

/**
 * How heavy-ball momentum (PyTorch's SGD with momentum μ, no dampening) behaves on a quadratic, from
 * the eigenvalues of its iteration matrix: it glides in ({@link #MONOTONE}), overshoots and swings
 * back while converging ({@link #OSCILLATING}), or never settles ({@link #DIVERGENT}).
 *
 * <p>On one direction of curvature h, f = h·θ²/2 and g = h·θ. PyTorch's update
 * <pre>
 *   b_{k+1} = μ·b_k + h·θ_k        (b_0 = 0, so b_1 = g_0: the buffer starts as the first gradient)
 *   θ_{k+1} = θ_k − lr·b_{k+1}
 * </pre>
 * is linear in the state (θ, b):
 * <pre>
 *   [θ_{k+1}]   [1 − lr·h   −lr·μ] [θ_k]
 *   [b_{k+1}] = [   h          μ  ] [b_k]        trace T = 1 − lr·h + μ,  determinant D = μ
 * </pre>
 * Its eigenvalues λ = (T ± √(T² − 4μ))/2 decide everything, θ_k being a combination of λ₁ᵏ and λ₂ᵏ:
 * <ul>
 *   <li>{@link #DIVERGENT}: spectral radius ρ = max|λ| ≥ 1 (at ρ = 1 exactly the run neither grows nor
 *       shrinks: it never converges). For h &gt; 0 this is μ ≥ 1 or lr·h ≥ 2(1 + μ) (λ = −1 at the
 *       second boundary); for h &lt; 0 always.</li>
 *   <li>{@link #MONOTONE}: ρ &lt; 1, both eigenvalues real and ≥ 0 (T² ≥ 4μ, T ≥ 0): no oscillation, θ
 *       crosses zero at most once. For 0 ≤ μ &lt; 1 this is lr·h ≤ (1 − √μ)².</li>
 *   <li>{@link #OSCILLATING}: ρ &lt; 1 otherwise — complex eigenvalues (|λ| = √μ, a damped rotation) or
 *       two negative ones (their product μ ≥ 0 gives them the same sign), and θ keeps changing sign.</li>
 * </ul>
 * With μ = 0 this is plain gradient descent: monotone for lr·h ≤ 1, oscillating up to 2, divergent
 * from lr·h = 2 on. On a quadratic with several curvatures (the bowl: 1 and 10) each direction has
 * its own regime and the run shows the worst of them.
 */
public enum MomentumRegime {
    MONOTONE, OSCILLATING, DIVERGENT;

    /** The name the CLI and JSON show: {@code monotone}, {@code oscillating}, {@code divergent}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The eigenvalues of the iteration matrix: λ = re₁ ± i·im when {@code im > 0}, else the real
     * pair re₁ ≥ re₂.
     */
    public record Eigenvalues(double re1, double re2, double im) {

        public boolean real() {
            return im == 0;
        }

        /** max |λ|. */
        public double spectralRadius() {
            return real() ? Math.max(Math.abs(re1), Math.abs(re2)) : Math.hypot(re1, im);
        }
    }

    /** The iteration matrix's eigenvalues for lr, μ and curvature h. */
    public static Eigenvalues eigenvalues(double lr, double momentum, double curvature) {
        double trace = 1 - lr * curvature + momentum;
        double discriminant = trace * trace - 4 * momentum;
        if (discriminant >= 0) {
            double root = Math.sqrt(discriminant);
            return new Eigenvalues((trace + root) / 2, (trace - root) / 2, 0);
        }
        return new Eigenvalues(trace / 2, trace / 2, Math.sqrt(-discriminant) / 2);
    }

    /** The regime on one direction of curvature h. */
    public static MomentumRegime of(double lr, double momentum, double curvature) {
        Eigenvalues e = eigenvalues(lr, momentum, curvature);
        // A complex pair has |λ|² = det = μ exactly; use that rather than the rounded modulus.
        double radius = e.real() ? e.spectralRadius() : Math.sqrt(momentum);
        if (!(radius < 1)) {
            return DIVERGENT;
        }
        return e.real() && e.re2() >= 0 ? MONOTONE : OSCILLATING;
    }

    /** The worst regime over several curvatures (a quadratic's Hessian eigenvalues). */
    public static MomentumRegime of(double lr, double momentum, double... curvatures) {
        MomentumRegime worst = MONOTONE;
        for (double h : curvatures) {
            MomentumRegime r = of(lr, momentum, h);
            if (r.ordinal() > worst.ordinal()) {
                worst = r;
            }
        }
        return worst;
    }

    /**
     * The regime theory predicts for a run, when it applies: heavy-ball momentum or plain gradient
     * descent (no Nesterov, dampening or weight decay) with a constant lr and no noise, on a
     * {@link Quadratic} (whose curvatures are its a and b). Empty otherwise.
     */
    public static Optional<MomentumRegime> predict(RunSpec spec) {
        if (spec.landscape().surface() instanceof Quadratic q
                && spec.optimizer() instanceof Sgd sgd
                && !sgd.nesterov() && sgd.dampening() == 0 && sgd.weightDecay() == 0
                && spec.schedule() instanceof Schedule.Constant && !spec.noisy()) {
            return Optional.of(of(spec.learningRate(), sgd.momentum(), q.a(), q.b()));
        }
        return Optional.empty();
    }
}
