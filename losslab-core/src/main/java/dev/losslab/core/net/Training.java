package dev.losslab.core.net;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.linalg.Vectors;
import dev.losslab.core.optim.Halt;
import dev.losslab.core.optim.Optimizer;
import dev.losslab.core.optim.OptimizerKind;
import dev.losslab.core.optim.Schedule;
import dev.losslab.core.optim.Stepper;
import dev.losslab.core.run.Engine;
import dev.losslab.core.run.RunSpec;
import dev.losslab.core.surface.Surface;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Trains a network: the optimizer's {@link Stepper} over one point of N parameters (the engine's
 * "model" shape, n = 1, so θ is the flat state_dict vector), as a torch training loop does it:
 * <pre>
 *   for k = 0, 1, …, steps:
 *     record step k at θ_k: the full-data loss, accuracy and ‖∇L(θ_k)‖
 *     stop if k = steps, or if the loss or the gradient is not finite ("diverged")
 *     lr_k = schedule(lr, k)  (reduce-on-plateau reads the full-data losses); μ_k when it cycles momentum
 *     g_k = ∇ of the mean loss over batch k, at θ_k (a schedule-free rule: at its y_k)
 *     θ_{k+1} = the optimizer's step from θ_k with g_k, lr_k, PyTorch step count k + 1
 * </pre>
 * A method that evaluates more (a line search, L-BFGS's inner iterations) evaluates the loss of
 * batch k, as torch's closure would. Newton's methods need the Hessian of each batch's loss, which
 * training does not form (the full-data Hessian is {@link Curvature}'s): they are refused at their
 * first step.
 */
public final class Training {

    /** Most updates. */
    public static final int MAX_STEPS = RunSpec.MAX_STEPS;
    /**
     * Most row·parameter products a run may cost (one row's forward and backward pass is about 3N
     * multiply-adds): 10–20 s of one core at the whole-batch pass's speed. Every step evaluates the
     * full data and its batch.
     */
    public static final double MAX_WORK = 5e10;

    /**
     * Optimizers whose state grows as N² (BFGS's inverse Hessian, Nelder–Mead's simplex, Newton's
     * Hessian), and the most parameters they may train: 2,000² doubles are 32 MB.
     */
    static final Set<String> QUADRATIC_STATE = Set.of("bfgs", "nelder-mead", "newton", "saddle-free-newton");
    public static final int MAX_QUADRATIC_PARAMETERS = 2_000;

    private Training() {}

    /**
     * The lr when none is given. torch.optim's SGD has none (lr is required); LossLab takes 0.1 for
     * the rules whose step is lr × gradient, 1e-3 (Adam's default) for the adaptive ones, whose
     * step is about lr in parameter units, and 1 for those that size their own step. A landscape's
     * lr cannot serve: a network has no window to scale it from.
     */
    public static double defaultLearningRate(OptimizerKind kind) {
        return switch (kind.learningRateDefault()) {
            case GRADIENT, NESTEROV -> 0.1;
            case ADAPTIVE, RECTIFIED -> 1e-3;
            case ONE -> 1;
        };
    }

    /**
     * What to train.
     *
     * @param objective    the network, loss and examples
     * @param optimizer    the update rule, hyper-parameters fixed
     * @param optimizerName its name, for messages
     * @param learningRate the base lr
     * @param schedule     the lr schedule
     * @param steps        the updates, 0 to {@link #MAX_STEPS}
     * @param batches      the rows of each update
     * @param initial      θ₀, N values
     * @param sharpnessEvery the top Hessian eigenvalue of the full-data loss at steps 0, K, 2K, … and
     *                       the last; 0 for never
     */
    public record Spec(Objective objective, Optimizer optimizer, String optimizerName, double learningRate,
                       Schedule schedule, int steps, Batches batches, double[] initial, int sharpnessEvery) {

        /** A run that does not track sharpness. */
        public Spec(Objective objective, Optimizer optimizer, String optimizerName, double learningRate,
                    Schedule schedule, int steps, Batches batches, double[] initial) {
            this(objective, optimizer, optimizerName, learningRate, schedule, steps, batches, initial, 0);
        }

        /** This run, tracking sharpness every {@code k} steps. */
        public Spec withSharpnessEvery(int k) {
            return new Spec(objective, optimizer, optimizerName, learningRate, schedule, steps, batches, initial, k);
        }

        public Spec {
            if (sharpnessEvery < 0) {
                throw InvalidInputException.outOfRange("sharpness-every", ">= 1 (or 0 for never)", sharpnessEvery);
            }
            if (steps < 0 || steps > MAX_STEPS) {
                throw InvalidInputException.outOfRange("steps", "in 0 … " + MAX_STEPS, steps);
            }
            if (!(learningRate >= 0) || !Double.isFinite(learningRate)) {
                throw InvalidInputException.outOfRange("lr", ">= 0 and finite", learningRate);
            }
            if (initial.length != objective.network().parameterCount()) {
                throw new IllegalArgumentException("θ₀ has " + initial.length + " values for "
                        + objective.network().parameterCount() + " parameters");
            }
            int parameters = objective.network().parameterCount();
            if (QUADRATIC_STATE.contains(optimizerName) && parameters > MAX_QUADRATIC_PARAMETERS) {
                throw new InvalidInputException("optimizer", String.format(Locale.ROOT, "%s keeps state of N² numbers; "
                        + "the %s network has N = %,d parameters, above the %,d it may train", optimizerName,
                        objective.network().shape(), parameters, MAX_QUADRATIC_PARAMETERS));
            }
            batches.check(objective.examples().rows(), steps);
            double work = work(objective, steps, batches) + sharpnessWork(objective, steps, sharpnessEvery);
            if (work > MAX_WORK) {
                throw new InvalidInputException("steps", String.format(Locale.ROOT,
                        "%d steps of the %s network (%,d parameters) over %,d rows cost %.3g row·parameter products, "
                                + "more than the cap of %.0e: take fewer steps, a smaller model or fewer rows",
                        steps, objective.network().shape(), objective.network().parameterCount(),
                        objective.examples().rows(), work, MAX_WORK));
            }
            initial = initial.clone();
        }
    }

    /**
     * Hessian-vector products a tracked sharpness is expected to take at each check: Lanczos
     * started from the last check's top eigenvector converges in a few dozen (the first check may
     * take more; the run itself stops at {@link #MAX_WORK} whatever this says).
     */
    static final int EXPECTED_PRODUCTS_PER_CHECK = 30;

    /** Row·parameter products of the sharpness checks of a run. */
    public static double sharpnessWork(Objective objective, int steps, int every) {
        if (every == 0) {
            return 0;
        }
        double checks = steps / every + 2;
        return checks * EXPECTED_PRODUCTS_PER_CHECK * 2.0 * objective.examples().rows() * objective.network().parameterCount();
    }

    /** Row·parameter products of a run: every step evaluates every row, and its batch when that is not all of them. */
    static double work(Objective objective, int steps, Batches batches) {
        int rows = objective.examples().rows();
        double perStep = rows + switch (batches) {
            case Batches.Full f -> 0;
            case Batches.Sampled s -> s.size();
            case Batches.Listed l -> l.batches().stream().limit(steps).mapToInt(b -> b.length).max().orElse(0);
        };
        return (steps + 1.0) * perStep * objective.network().parameterCount();
    }

    /**
     * Runs {@code spec}, showing each step to {@code each} as it is reached.
     *
     * @param checkpoint looked at every few hundred steps and before each Hessian-vector product of a
     *                   sharpness check (throws to cancel)
     */
    public static TrainResult run(Spec spec, Consumer<TrainStep> each, Engine.Checkpoint checkpoint) {
        return run(spec, (step, theta) -> each.accept(step), checkpoint);
    }

    /** Sees each step of a run as it is reached, with the parameters θ_k it was taken at. */
    @FunctionalInterface
    public interface Observer {
        /** @param theta θ_k, to read during the call only (training goes on in it) */
        void reached(TrainStep step, double[] theta);
    }

    /**
     * Runs {@code spec}, showing each step and its θ to {@code observer} as it is reached.
     *
     * @param checkpoint looked at every few hundred steps and before each Hessian-vector product of a
     *                   sharpness check (throws to cancel)
     */
    public static TrainResult run(Spec spec, Observer observer, Engine.Checkpoint checkpoint) {
        Objective objective = spec.objective();
        int parameters = objective.network().parameterCount();
        int rows = objective.examples().rows();
        boolean classification = objective.examples().classification();
        Stepper stepper = spec.optimizer().newStepper(parameters, 1);
        double[] theta = spec.initial().clone();
        double[] gradient = new double[parameters];
        double[] batchGradient = new double[parameters];
        double[] batchLoss = new double[1];
        boolean[] stuck = new boolean[1];
        double[] gradientPoints = stepper.gradientPoints();
        Schedule.Rates rates = spec.schedule().rates(spec.learningRate());
        Batches.Drawer drawer = spec.batches().drawer(rows);
        BatchSurface surface = new BatchSurface(objective, spec.optimizerName());
        Curvature curvature = spec.sharpnessEvery() > 0 ? new Curvature(objective, checkpoint) : null;
        List<TrainStep> steps = new ArrayList<>();
        String stop = "max-steps";
        String detail = "";
        for (int k = 0; ; k++) {
            if (k % 256 == 0) {
                checkpoint.reached(k);
            }
            double loss = objective.evaluate(theta, gradient);
            double accuracy = classification ? (double) objective.correct() / rows : Double.NaN;
            double norm = Vectors.norm(gradient);
            if (!Double.isFinite(loss) || !Double.isFinite(norm) || !finite(theta)) {
                stop = "diverged";
                detail = "the loss or its gradient is no longer a finite number at step " + k;
                break;
            }
            if (k > 0) {
                rates.reached(loss);
            }
            if (k == spec.steps()) {
                record(steps, observer, new TrainStep(k, loss, Double.NaN, accuracy, norm, Double.NaN, sharpness(spec, curvature, k, theta)), theta);
                break;
            }
            double lr = rates.lr(k);
            if (spec.schedule().cyclesMomentum()) {
                stepper.setMomentum(spec.schedule().momentum(k));
            }
            Batches.Draw draw = drawer.draw(k);
            // Before the first step a schedule-free rule's y is θ₀ (Stepper#gradientPoints).
            double[] at = gradientPoints == null || k == 0 ? theta : gradientPoints;
            boolean wholeData = draw.rows() == null && draw.count() == rows;
            if (wholeData && at == theta) {
                batchLoss[0] = loss;
                System.arraycopy(gradient, 0, batchGradient, 0, parameters);
            } else {
                batchLoss[0] = objective.evaluate(at, draw.rows(), draw.from(), draw.count(), batchGradient);
            }
            record(steps, observer, new TrainStep(k, loss, batchLoss[0], accuracy, norm, lr, sharpness(spec, curvature, k, theta)), theta);
            if (at != theta) {
                // A line search would read f(θ) on the batch; a schedule-free rule reads no loss.
                batchLoss[0] = objective.evaluate(theta, draw.rows(), draw.from(), draw.count(), null);
            }
            surface.batch(draw);
            if (stepper.step(theta, batchLoss, batchGradient, 1, lr, k + 1L, surface, stuck) > 0) {
                Halt halt = stepper.halt(0);
                stop = switch (halt) {
                    case Halt.Converged c -> "converged";
                    case Halt.LineSearchFailed f -> "line-search-failed";
                    case Halt.SingularHessian h -> "singular-hessian";
                };
                detail = switch (halt) {
                    case Halt.Converged c -> c.explanation();
                    case Halt.LineSearchFailed f -> f.explanation();
                    case Halt.SingularHessian h -> "the Hessian cannot be inverted";
                } + " (at step " + k + ")";
                break;
            }
        }
        return new TrainResult(steps, theta, stop, detail);
    }

    /** The top Hessian eigenvalue of the full-data loss at θ_k when the spec asks for it at step k, else NaN. */
    private static double sharpness(Spec spec, Curvature curvature, int k, double[] theta) {
        if (curvature == null || !EveryKthStep.includes(k, spec.sharpnessEvery(), spec.steps())) {
            return Double.NaN;
        }
        if (curvature.work() > MAX_WORK) {
            throw new InvalidInputException("sharpness-every", String.format(Locale.ROOT, "the sharpness checks have cost "
                    + "more than the cap of %.0e row·parameter products by step %d: check less often (a larger K)", MAX_WORK, k));
        }
        return curvature.sharpness(theta);
    }

    private static void record(List<TrainStep> steps, Observer observer, TrainStep step, double[] theta) {
        steps.add(step);
        observer.reached(step, theta);
    }

    private static boolean finite(double[] theta) {
        for (double v : theta) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The loss of the current batch as a surface of N coordinates: what a method that evaluates
     * more than the gradient it is handed (a line search, L-BFGS) evaluates, as torch's closure.
     */
    private static final class BatchSurface implements Surface {
        private final Objective objective;
        private final String optimizerName;
        private Batches.Draw draw;
        /** Row·parameter products spent by the optimizer's own evaluations. */
        private double work;

        BatchSurface(Objective objective, String optimizerName) {
            this.objective = objective;
            this.optimizerName = optimizerName;
        }

        void batch(Batches.Draw draw) {
            this.draw = draw;
        }

        @Override
        public int dimension() {
            return objective.network().parameterCount();
        }

        @Override
        public void valueAndGradient(double[] points, int n, double[] values, double[] gradients) {
            if (n != 1) {
                throw new IllegalArgumentException("a network's loss is evaluated at one point at a time");
            }
            work += (double) draw.count() * objective.network().parameterCount();
            if (work > MAX_WORK) {
                throw new InvalidInputException("steps", String.format(Locale.ROOT, "%s's own evaluations (line searches, "
                        + "inner iterations) cost more than the cap of %.0e row·parameter products: take fewer steps or "
                        + "fewer iterations per step", optimizerName, MAX_WORK));
            }
            values[0] = objective.evaluate(points, draw.rows(), draw.from(), draw.count(), gradients);
        }

        @Override
        public void hessian(double[] points, int n, double[] hessians) {
            throw new InvalidInputException("optimizer", optimizerName + " needs the Hessian, which train does not "
                    + "compute for networks yet; pick a first-order method or a quasi-Newton one (lbfgs, bfgs)");
        }
    }
}
