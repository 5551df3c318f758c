package dev.losslab.core.run;

import dev.losslab.core.optim.Adagrad;
import dev.losslab.core.optim.Adam;
import dev.losslab.core.optim.Newton;
import dev.losslab.core.optim.Optimizer;
import dev.losslab.core.optim.RmsProp;
import dev.losslab.core.optim.Sgd;
import dev.losslab.core.surface.Surface;
import dev.losslab.core.surface.Sym2;
import dev.losslab.core.surface.Vec2;
import java.util.SplittableRandom;

/**
 * The oracle the engine must match bit for bit: LossLab's update rules and run loop as they were
 * before the array engine (commit 412a304), one 2-D point at a time, frozen here word for word but
 * for one marked rule that changed on purpose since. Do not "fix" or modernise it: its value is that
 * it is the old code. Each optimizer's torch parity is
 * {@code TorchFixtureTest}'s job; this class pins the engine to the scalar semantics (same stop, same
 * step, same doubles).
 */
final class ScalarReference {
    interface ScalarStepper { boolean step(double[] theta, double[] gradient, double lr, long step, Surface surface); }

    static ScalarStepper of(Optimizer o) {
        return switch (o) {
            case Sgd s -> sgd(s);
            case Adam a -> adam(a);
            case RmsProp r -> rms(r);
            case Adagrad a -> adagrad(a);
            case Newton n -> newton(n);
            default -> throw new IllegalArgumentException();
        };
    }

    static ScalarStepper sgd(Sgd s) {
        double momentum = s.momentum(), dampening = s.dampening(), weightDecay = s.weightDecay();
        boolean nesterov = s.nesterov();
        return new ScalarStepper() {
            double bufX, bufY; boolean hasBuffer;
            public boolean step(double[] theta, double[] gradient, double lr, long step, Surface surface) {
                double gx = gradient[0] + weightDecay * theta[0];
                double gy = gradient[1] + weightDecay * theta[1];
                if (momentum != 0) {
                    if (!hasBuffer) { bufX = gx; bufY = gy; hasBuffer = true; }
                    else { bufX = momentum * bufX + (1 - dampening) * gx; bufY = momentum * bufY + (1 - dampening) * gy; }
                    if (nesterov) { gx += momentum * bufX; gy += momentum * bufY; } else { gx = bufX; gy = bufY; }
                }
                theta[0] -= lr * gx;
                theta[1] -= lr * gy;
                return true;
            }
        };
    }

    static ScalarStepper adam(Adam p) {
        double beta1 = p.beta1(), beta2 = p.beta2(), eps = p.eps(), weightDecay = p.weightDecay();
        boolean decoupledWeightDecay = p.decoupledWeightDecay(), amsgrad = p.amsgrad(), biasCorrection = p.biasCorrection();
        return new ScalarStepper() {
            double expAvgX, expAvgY, expAvgSqX, expAvgSqY, maxExpAvgSqX, maxExpAvgSqY;
            public boolean step(double[] theta, double[] gradient, double lr, long step, Surface surface) {
                double gx = gradient[0];
                double gy = gradient[1];
                if (decoupledWeightDecay) {
                    double decay = 1 - lr * weightDecay;
                    theta[0] *= decay;
                    theta[1] *= decay;
                } else if (weightDecay != 0) {
                    gx += weightDecay * theta[0];
                    gy += weightDecay * theta[1];
                }
                expAvgX = expAvgX * beta1 + (1 - beta1) * gx;
                expAvgY = expAvgY * beta1 + (1 - beta1) * gy;
                expAvgSqX = expAvgSqX * beta2 + (1 - beta2) * gx * gx;
                expAvgSqY = expAvgSqY * beta2 + (1 - beta2) * gy * gy;
                double vx = expAvgSqX, vy = expAvgSqY;
                if (amsgrad) {
                    maxExpAvgSqX = Math.max(maxExpAvgSqX, expAvgSqX);
                    maxExpAvgSqY = Math.max(maxExpAvgSqY, expAvgSqY);
                    vx = maxExpAvgSqX; vy = maxExpAvgSqY;
                }
                double stepSize, denomX, denomY;
                if (biasCorrection) {
                    double biasCorrection1 = 1 - Math.pow(beta1, step);
                    double biasCorrection2Sqrt = Math.sqrt(1 - Math.pow(beta2, step));
                    stepSize = lr / biasCorrection1;
                    denomX = Math.sqrt(vx) / biasCorrection2Sqrt + eps;
                    denomY = Math.sqrt(vy) / biasCorrection2Sqrt + eps;
                } else {
                    stepSize = lr;
                    denomX = Math.sqrt(vx) + eps;
                    denomY = Math.sqrt(vy) + eps;
                }
                theta[0] += -stepSize * (expAvgX / denomX);
                theta[1] += -stepSize * (expAvgY / denomY);
                return true;
            }
        };
    }

    static ScalarStepper rms(RmsProp p) {
        double alpha = p.alpha(), eps = p.eps(), weightDecay = p.weightDecay(), momentum = p.momentum();
        boolean centered = p.centered();
        return new ScalarStepper() {
            double squareAvgX, squareAvgY, gradAvgX, gradAvgY, bufX, bufY;
            public boolean step(double[] theta, double[] gradient, double lr, long step, Surface surface) {
                double gx = gradient[0];
                double gy = gradient[1];
                if (weightDecay != 0) { gx += weightDecay * theta[0]; gy += weightDecay * theta[1]; }
                squareAvgX = squareAvgX * alpha + (1 - alpha) * gx * gx;
                squareAvgY = squareAvgY * alpha + (1 - alpha) * gy * gy;
                double avgX, avgY;
                if (centered) {
                    gradAvgX = gradAvgX * alpha + (1 - alpha) * gx;
                    gradAvgY = gradAvgY * alpha + (1 - alpha) * gy;
                    avgX = Math.sqrt(squareAvgX - gradAvgX * gradAvgX) + eps;
                    avgY = Math.sqrt(squareAvgY - gradAvgY * gradAvgY) + eps;
                } else {
                    avgX = Math.sqrt(squareAvgX) + eps;
                    avgY = Math.sqrt(squareAvgY) + eps;
                }
                if (momentum > 0) {
                    bufX = bufX * momentum + gx / avgX;
                    bufY = bufY * momentum + gy / avgY;
                    theta[0] += -lr * bufX;
                    theta[1] += -lr * bufY;
                } else {
                    theta[0] += -lr * (gx / avgX);
                    theta[1] += -lr * (gy / avgY);
                }
                return true;
            }
        };
    }

    static ScalarStepper adagrad(Adagrad p) {
        double lrDecay = p.lrDecay(), eps = p.eps(), weightDecay = p.weightDecay();
        return new ScalarStepper() {
            double sumX, sumY;
            public boolean step(double[] theta, double[] gradient, double lr, long step, Surface surface) {
                double gx = gradient[0];
                double gy = gradient[1];
                if (weightDecay != 0) { gx += weightDecay * theta[0]; gy += weightDecay * theta[1]; }
                double clr = lr / (1 + (step - 1) * lrDecay);
                sumX += gx * gx;
                sumY += gy * gy;
                theta[0] += -clr * (gx / (Math.sqrt(sumX) + eps));
                theta[1] += -clr * (gy / (Math.sqrt(sumY) + eps));
                return true;
            }
        };
    }

    static ScalarStepper newton(Newton p) {
        boolean saddleFree = p.saddleFree();
        return (theta, gradient, lr, step, surface) -> {
            Sym2 hessian = surface.hessian(theta[0], theta[1]);
            if (saddleFree) hessian = hessian.absolute();
            Vec2 direction = hessian.solve(new Vec2(gradient[0], gradient[1]));
            if (direction == null) return false;
            theta[0] -= lr * direction.x();
            theta[1] -= lr * direction.y();
            return true;
        };
    }

    /** 412a304's Runner.run loop (without the trajectory), from (x0, y0) with the given seed. */
    static Outcome run(RunSpec spec, double x0, double y0, long seed) {
        Surface surface = spec.landscape().surface();
        ScalarStepper stepper = of(spec.optimizer());
        SplittableRandom random = new SplittableRandom(seed);
        double sigma = spec.noise();
        double tol = spec.tolerance();
        double[] theta = {x0, y0};
        double[] grad = new double[2];
        double[] noisy = new double[2];
        int steps = 0;
        double loss = surface.valueAndGradient(theta[0], theta[1], grad);
        StopReason stop = stopAt(theta[0], theta[1], loss, grad[0], grad[1]);
        for (int k = 0; stop == null; k++) {
            double gradNorm = Math.hypot(grad[0], grad[1]);
            // The one deliberate change since 412a304 (issue 14): a noisy run never stops as converged.
            if (gradNorm < tol && sigma == 0) { stop = new StopReason.Converged(gradNorm, tol); break; }
            if (k == spec.maxSteps()) { stop = new StopReason.MaxSteps(spec.maxSteps()); break; }
            double lr = spec.schedule().learningRate(spec.learningRate(), k);
            double[] seen = grad;
            if (sigma > 0) {
                noisy[0] = grad[0] + sigma * random.nextGaussian();
                noisy[1] = grad[1] + sigma * random.nextGaussian();
                seen = noisy;
            }
            if (!stepper.step(theta, seen, lr, k + 1L, surface)) { stop = new StopReason.SingularHessian(); break; }
            loss = surface.valueAndGradient(theta[0], theta[1], grad);
            steps = k + 1;
            stop = stopAt(theta[0], theta[1], loss, grad[0], grad[1]);
        }
        return new Outcome(stop, steps, theta[0], theta[1], loss);
    }

    /** 412a304's Runner.stopAt. */
    static StopReason stopAt(double x, double y, double loss, double gradX, double gradY) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            return new StopReason.Diverged("a coordinate is no longer a finite number");
        }
        if (Math.abs(x) > 1e6 || Math.abs(y) > 1e6) {
            return new StopReason.Diverged("a coordinate went beyond 1e6");
        }
        if (Double.isNaN(loss)) {
            return new StopReason.LeftDomain();
        }
        if (!(Math.abs(loss) <= 1e12)) {
            return new StopReason.Diverged("|loss| went beyond 1e12");
        }
        if (!Double.isFinite(gradX) || !Double.isFinite(gradY)) {
            return new StopReason.Diverged("the gradient is no longer finite");
        }
        return null;
    }
}
