package dev.losslab.app.cli;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.optim.OptimizerKind;
import dev.losslab.core.run.RunBuilder;
import dev.losslab.core.run.RunSpec;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options shared by {@code run} and {@code race}: the step budget, every optimizer
 * hyper-parameter (each applies to the optimizers that take it), SGD noise and the lr schedule.
 * Unset options stay null so that defaults come from the core's registries, not from here.
 */
final class RunOptions {

    @Option(names = "--steps", paramLabel = "N", defaultValue = "" + RunSpec.DEFAULT_STEPS,
            description = "most updates to take (0 to " + RunSpec.MAX_STEPS + "; default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--tol", paramLabel = "F", defaultValue = "" + RunSpec.DEFAULT_TOLERANCE,
            description = "stop as converged when the gradient norm is below F; 0 disables (default: ${DEFAULT-VALUE})")
    double tolerance;

    @Option(names = "--lr", paramLabel = "LR", description = "learning rate (default: the surface's, see `surfaces`; 1 for Newton)")
    Double lr;

    @Option(names = "--momentum", paramLabel = "M", description = "momentum factor (momentum, nesterov: 0.9; rmsprop: 0)")
    Double momentum;

    @Option(names = "--dampening", paramLabel = "D", description = "momentum dampening (default 0)")
    Double dampening;

    @Option(names = "--weight-decay", paramLabel = "W", description = "weight decay (default 0; adamw: 0.01)")
    Double weightDecay;

    @Option(names = "--alpha", paramLabel = "A", description = "RMSProp smoothing constant (default 0.99)")
    Double alpha;

    @Option(names = "--eps", paramLabel = "E", description = "term added to the denominator (default 1e-8; adagrad 1e-10)")
    Double eps;

    @Option(names = "--centered", description = "RMSProp: normalise by the estimated variance of the gradient")
    Boolean centered;

    @Option(names = "--lr-decay", paramLabel = "D", description = "Adagrad learning-rate decay (default 0)")
    Double lrDecay;

    @Option(names = "--beta1", paramLabel = "B1", description = "Adam first-moment decay (default 0.9)")
    Double beta1;

    @Option(names = "--beta2", paramLabel = "B2", description = "Adam second-moment decay (default 0.999)")
    Double beta2;

    @Option(names = "--amsgrad", description = "Adam: use the running maximum of the second moment (AMSGrad)")
    Boolean amsgrad;

    @Option(names = "--no-bias-correction", description = "Adam: drop both bias-correction factors (not a PyTorch option)")
    Boolean noBiasCorrection;

    @Option(names = "--noise", paramLabel = "SIGMA",
            description = "standard deviation of Gaussian noise added to each gradient coordinate (default 0; sgd: 1)")
    Double noise;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + RunSpec.DEFAULT_SEED,
            description = "seed of the noise generator (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--schedule", paramLabel = "NAME", defaultValue = "constant",
            description = "learning-rate schedule: constant, step, exponential, inverse-time, cosine (default: ${DEFAULT-VALUE})")
    String schedule;

    @Option(names = "--step-size", paramLabel = "K", description = "step schedule: decay every K steps (default 100)")
    Double stepSize;

    @Option(names = "--gamma", paramLabel = "G", description = "step/exponential schedule: decay factor (step 0.1, exponential 0.99)")
    Double gamma;

    @Option(names = "--tau", paramLabel = "T", description = "inverse-time schedule: lr/(1 + t/T) (default 100)")
    Double tau;

    @Option(names = "--t-max", paramLabel = "T", description = "cosine schedule: period half-length (default: --steps)")
    Double tMax;

    @Option(names = "--eta-min", paramLabel = "E", description = "cosine schedule: lowest lr (default 0)")
    Double etaMin;

    /** The optimizer hyper-parameters the user gave, by their CLI names (flags as 1). */
    Map<String, Double> hyperParameters() {
        Map<String, Double> given = new LinkedHashMap<>();
        putIfSet(given, "momentum", momentum);
        putIfSet(given, "dampening", dampening);
        putIfSet(given, "weight-decay", weightDecay);
        putIfSet(given, "alpha", alpha);
        putIfSet(given, "eps", eps);
        putIfSet(given, "lr-decay", lrDecay);
        putIfSet(given, "beta1", beta1);
        putIfSet(given, "beta2", beta2);
        putFlag(given, "centered", centered);
        putFlag(given, "amsgrad", amsgrad);
        putFlag(given, "no-bias-correction", noBiasCorrection);
        return given;
    }

    private Map<String, Double> scheduleParameters() {
        Map<String, Double> given = new LinkedHashMap<>();
        putIfSet(given, "step-size", stepSize);
        putIfSet(given, "gamma", gamma);
        putIfSet(given, "tau", tau);
        putIfSet(given, "t-max", tMax);
        putIfSet(given, "eta-min", etaMin);
        return given;
    }

    /**
     * Applies these options to a run of {@code kind}. With {@code onlyTaken}, hyper-parameters the
     * optimizer does not take are skipped (a race passes each racer what applies to it).
     */
    RunBuilder applyTo(RunBuilder builder, OptimizerKind kind, boolean onlyTaken) {
        builder.optimizer(kind.name()).steps(steps).tolerance(tolerance).seed(seed)
                .schedule(schedule, scheduleParameters());
        if (lr != null) {
            builder.learningRate(lr);
        }
        if (noise != null) {
            builder.noise(noise);
        }
        hyperParameters().forEach((name, value) -> {
            if (!onlyTaken || kind.takes(name)) {
                builder.set(name, value);
            }
        });
        return builder;
    }

    /** Fails when a given hyper-parameter applies to none of the racing optimizers. */
    void requireEachTakenBySome(Collection<OptimizerKind> kinds) {
        for (String name : hyperParameters().keySet()) {
            if (kinds.stream().noneMatch(k -> k.takes(name))) {
                throw new InvalidInputException(name, "--" + name + " applies to none of "
                        + String.join(", ", kinds.stream().map(OptimizerKind::name).toList()));
            }
        }
    }

    private static void putIfSet(Map<String, Double> map, String name, Double value) {
        if (value != null) {
            map.put(name, value);
        }
    }

    private static void putFlag(Map<String, Double> map, String name, Boolean value) {
        if (value != null) {
            map.put(name, value ? 1.0 : 0.0);
        }
    }
}
