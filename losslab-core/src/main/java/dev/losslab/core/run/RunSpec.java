package dev.losslab.core.run;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.optim.Optimizer;
import dev.losslab.core.optim.Optimizer.CycledMomentum;
import dev.losslab.core.optim.OptimizerKind;
import dev.losslab.core.optim.Range;
import dev.losslab.core.optim.Schedule;
import dev.losslab.core.optim.Settings;
import dev.losslab.core.surface.Landscape;
import dev.losslab.core.surface.MinibatchSurface;
import dev.losslab.core.surface.Vec2;
import java.util.Objects;

/**
 * Everything that determines a run, validated: the same spec always gives the same trajectory
 * (SGD noise included, through the seed). Build one with {@link RunBuilder}.
 *
 * <p>The optimizer is its registry entry and its settings alone; {@link #optimizer()} builds the
 * update rule from them, so the name a run is labelled with, the settings it reports and the rule
 * it runs cannot disagree.
 *
 * @param landscape     where to run
 * @param optimizerKind the optimizer's registry entry
 * @param hyperParameters its hyper-parameters by their registry (CLI) names, validated, defaults
 *                      filled in: what JSON shows so that a run can be asked for again
 * @param learningRate  the base learning rate (> 0)
 * @param schedule      how the learning rate changes with the step
 * @param noise         standard deviation of the Gaussian noise added to each gradient coordinate (≥ 0)
 * @param batchSize     on a surface made of data ({@link MinibatchSurface}), the examples each step's
 *                      gradient is estimated from, in [1, n]; 0 (and n) for all of them, the exact gradient
 * @param seed          the noise generator's seed
 * @param start         the starting point
 * @param maxSteps      the step budget, 0 to {@link #MAX_STEPS}
 * @param tolerance     converged when ‖∇f‖ < tolerance (0 disables)
 */
public record RunSpec(
        Landscape landscape,
        OptimizerKind optimizerKind,
        Settings hyperParameters,
        double learningRate,
        Schedule schedule,
        double noise,
        int batchSize,
        long seed,
        Vec2 start,
        int maxSteps,
        double tolerance) {

    /** The most steps one run may take: a million points is about 50 MB of trajectory. */
    public static final int MAX_STEPS = 1_000_000;
    public static final int DEFAULT_STEPS = 1000;
    public static final double DEFAULT_TOLERANCE = 1e-8;
    public static final long DEFAULT_SEED = 1;

    public RunSpec {
        Objects.requireNonNull(landscape, "landscape");
        Objects.requireNonNull(optimizerKind, "optimizerKind");
        Objects.requireNonNull(hyperParameters, "hyperParameters");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(start, "start");
        Range.above(0).check("lr", learningRate);
        Range.atLeast(0).check("noise", noise);
        Range.atLeast(0).check("tol", tolerance);
        if (!start.isFinite()) {
            throw new InvalidInputException("start", "start must be two finite numbers, got " + start.x() + "," + start.y());
        }
        if (schedule.cyclesMomentum() && optimizerKind.build(hyperParameters).cycledMomentum() == CycledMomentum.NONE) {
            throw new InvalidInputException("schedule", schedule.name() + " cycles momentum (PyTorch's cycle_momentum), but "
                    + optimizerKind.name() + " has no momentum μ or β₁ that a schedule may cycle; turn it off with "
                    + "no-cycle-momentum, or pick an optimizer that has one");
        }
        if (batchSize != 0) {
            if (!(landscape.surface() instanceof MinibatchSurface data)) {
                throw new InvalidInputException("batch-size", "batch-size needs a surface made of data (regression:…, "
                        + "logistic:…); " + landscape.name() + " is a formula, whose noise is set with noise (σ)");
            }
            if (batchSize < 1 || batchSize > data.examples()) {
                throw InvalidInputException.outOfRange("batch-size", "in [1, " + data.examples() + "] (the examples in "
                        + landscape.name() + ")", batchSize);
            }
        }
        if (maxSteps < 0 || maxSteps > MAX_STEPS) {
            throw InvalidInputException.outOfRange("steps", "in [0, " + MAX_STEPS + "]", maxSteps);
        }
    }

    /** The optimizer's registry name, for labels. */
    public String optimizerName() {
        return optimizerKind.name();
    }

    /** The update rule with its hyper-parameters (a new one each call: it holds no state of a run). */
    public Optimizer optimizer() {
        return optimizerKind.build(hyperParameters);
    }

    /** This spec with another noise level and seed (SGD statistics vary only these). */
    public RunSpec withNoise(double sigma, long seed) {
        return new RunSpec(landscape, optimizerKind, hyperParameters, learningRate, schedule, sigma, batchSize, seed,
                start, maxSteps, tolerance);
    }

    /** This spec with another batch size and seed (SGD statistics on data vary these). */
    public RunSpec withBatchSize(int batchSize, long seed) {
        return new RunSpec(landscape, optimizerKind, hyperParameters, learningRate, schedule, noise, batchSize, seed,
                start, maxSteps, tolerance);
    }

    /** This spec with exact gradients: no Gaussian noise, no minibatches. */
    public RunSpec exact() {
        return new RunSpec(landscape, optimizerKind, hyperParameters, learningRate, schedule, 0, 0, seed, start,
                maxSteps, tolerance);
    }

    /**
     * Whether each step sees a noisy gradient: Gaussian noise, or a minibatch smaller than the data.
     * A noisy run never stops as converged (see {@link Engine}).
     */
    public boolean noisy() {
        return noise > 0 || minibatched();
    }

    /**
     * One step's work in evaluations of a closed-form surface ({@link dev.losslab.core.surface.Surface#evaluationCost}),
     * plus the B examples of a minibatch's gradient: what budgets count.
     */
    public long costPerStep() {
        return landscape.surface().evaluationCost() + (minibatched() ? batchSize : 0);
    }

    /** Whether steps estimate the gradient from a minibatch of fewer than all the examples. */
    public boolean minibatched() {
        return batchSize > 0 && batchSize < ((MinibatchSurface) landscape.surface()).examples();
    }
}
