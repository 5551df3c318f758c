package dev.losslab.core.run;

import dev.losslab.core.optim.Stepper;
import dev.losslab.core.surface.Surface;
import dev.losslab.core.surface.Vec2;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;

/**
 * Runs an optimizer from a start until it converges, diverges, cannot step, or uses up its steps.
 *
 * <p>Each iteration, from the point θ_k with exact gradient g_k:
 * <pre>
 *   stop "converged"  if ‖g_k‖ &lt; tol
 *   lr_k  = schedule(lr, k)
 *   g̃_k   = g_k + σ·ξ_k,  ξ_k ~ N(0, I) from the seeded generator   (only when σ &gt; 0)
 *   θ_k+1 = optimizer step from θ_k with g̃_k, lr_k, PyTorch step count k + 1
 *   stop "diverged" if θ or f(θ) is non-finite, |f| &gt; 1e12 or |x|, |y| &gt; 1e6
 * </pre>
 */
public final class Runner {

    /** |loss| beyond this counts as diverged. */
    public static final double LOSS_LIMIT = 1e12;
    /** |x| or |y| beyond this counts as diverged. */
    public static final double COORDINATE_LIMIT = 1e6;

    /**
     * A run looks at its thread's interrupt flag every 4096 steps (a cheap read) and stops with a
     * {@link CancellationException} when it is set: how a server bounds the time one request takes.
     */
    private static final int INTERRUPT_CHECK_MASK = 4095;

    private Runner() {}

    public static Run run(RunSpec spec) {
        return run(spec, Recording.POINTS);
    }

    /**
     * A run that also keeps what {@code recording} asks for: with {@link Recording#INTERNALS}, the
     * trajectory's {@link Trajectory#internals()} holds the optimizer's state after each step.
     */
    public static Run run(RunSpec spec, Recording recording) {
        Surface surface = spec.landscape().surface();
        Stepper stepper = spec.optimizer().newStepper();
        SplittableRandom random = new SplittableRandom(spec.seed());
        double sigma = spec.noise();
        double tol = spec.tolerance();

        double[] theta = {spec.start().x(), spec.start().y()};
        double[] grad = new double[2];
        double[] noisy = new double[2];
        Trajectory points = new Trajectory(spec.maxSteps() + 1);
        Internals internals = null;
        if (recording == Recording.INTERNALS) {
            internals = new Internals();
            points.recordInternals(internals);
        }

        double loss = surface.valueAndGradient(theta[0], theta[1], grad);
        points.add(theta[0], theta[1], loss, grad[0], grad[1], spec.learningRate());
        StopReason stop = stopAt(theta[0], theta[1], loss, grad[0], grad[1]);

        for (int k = 0; stop == null; k++) {
            double gradNorm = Math.hypot(grad[0], grad[1]);
            if (gradNorm < tol) {
                stop = new StopReason.Converged(gradNorm, tol);
                break;
            }
            if (k == spec.maxSteps()) {
                stop = new StopReason.MaxSteps(spec.maxSteps());
                break;
            }
            if ((k & INTERRUPT_CHECK_MASK) == 0 && Thread.currentThread().isInterrupted()) {
                throw new CancellationException("the run was interrupted after " + k + " steps");
            }
            double lr = spec.schedule().learningRate(spec.learningRate(), k);
            double[] seen = grad;
            if (sigma > 0) {
                noisy[0] = grad[0] + sigma * random.nextGaussian();
                noisy[1] = grad[1] + sigma * random.nextGaussian();
                seen = noisy;
            }
            if (!stepper.step(theta, seen, lr, k + 1L, surface)) {
                stop = new StopReason.SingularHessian();
                break;
            }
            if (internals != null) {
                internals.at(k + 1);
                stepper.describe(internals);
            }
            loss = surface.valueAndGradient(theta[0], theta[1], grad);
            points.add(theta[0], theta[1], loss, grad[0], grad[1], lr);
            stop = stopAt(theta[0], theta[1], loss, grad[0], grad[1]);
        }
        var reached = spec.landscape().minimumReachedFrom(
                new Vec2(points.last().x(), points.last().y()));
        return new Run(spec, points, stop, reached);
    }

    /**
     * The reason to stop at a point just reached, or null to go on: the one divergence rule, shared
     * with the basin maps' fast paths so that they stop exactly where a run would.
     */
    public static StopReason stopAt(double x, double y, double loss, double gradX, double gradY) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            return new StopReason.Diverged("a coordinate is no longer a finite number");
        }
        if (Math.abs(x) > COORDINATE_LIMIT || Math.abs(y) > COORDINATE_LIMIT) {
            return new StopReason.Diverged("a coordinate went beyond 1e6");
        }
        if (Double.isNaN(loss)) {
            return new StopReason.LeftDomain();
        }
        if (!(Math.abs(loss) <= LOSS_LIMIT)) {
            return new StopReason.Diverged("|loss| went beyond 1e12");
        }
        if (!Double.isFinite(gradX) || !Double.isFinite(gradY)) {
            return new StopReason.Diverged("the gradient is no longer finite");
        }
        return null;
    }
}
