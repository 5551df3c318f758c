package dev.losslab.core.maps;

import dev.losslab.core.optim.Stepper;
import dev.losslab.core.run.RunSpec;
import dev.losslab.core.run.Runner;
import dev.losslab.core.run.StopReason;
import dev.losslab.core.surface.Surface;
import java.util.SplittableRandom;

/**
 * One run by {@link Runner}'s rules, keeping only how it ended: the generic path that works for
 * every surface and optimizer. Same checks in the same order, same noise draws, same step count,
 * same last point as {@code Runner.run(spec)} (a test holds it to that), without recording the
 * trajectory.
 */
final class Descent {

    private Descent() {}

    /** The run of {@code spec}, started from (x0, y0) instead of the spec's start. */
    static Outcome from(RunSpec spec, double x0, double y0) {
        Surface surface = spec.landscape().surface();
        Stepper stepper = spec.optimizer().newStepper();
        SplittableRandom random = spec.noise() > 0 ? new SplittableRandom(spec.seed()) : null;
        double sigma = spec.noise();
        double tol = spec.tolerance();
        ConvergenceTest test = new ConvergenceTest(tol);
        double[] theta = {x0, y0};
        double[] grad = new double[2];
        double[] noisy = new double[2];

        double loss = surface.valueAndGradient(theta[0], theta[1], grad);
        StopReason stop = Runner.stopAt(theta[0], theta[1], loss, grad[0], grad[1]);
        int k = 0;
        for (; stop == null; k++) {
            if (test.converged(grad[0], grad[1])) {
                stop = new StopReason.Converged(Math.hypot(grad[0], grad[1]), tol);
                break;
            }
            if (k == spec.maxSteps()) {
                stop = new StopReason.MaxSteps(spec.maxSteps());
                break;
            }
            double lr = spec.schedule().learningRate(spec.learningRate(), k);
            double[] seen = grad;
            if (random != null) {
                noisy[0] = grad[0] + sigma * random.nextGaussian();
                noisy[1] = grad[1] + sigma * random.nextGaussian();
                seen = noisy;
            }
            if (!stepper.step(theta, seen, lr, k + 1L, surface)) {
                stop = new StopReason.SingularHessian();
                break;
            }
            loss = surface.valueAndGradient(theta[0], theta[1], grad);
            stop = Runner.stopAt(theta[0], theta[1], loss, grad[0], grad[1]);
            if (stop != null) {
                k++;
                break;
            }
        }
        return new Outcome(stop, k, theta[0], theta[1], loss);
    }
}
