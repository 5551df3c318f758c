package dev.losslab.bench;

import dev.losslab.core.optim.OptimizerKind;
import dev.losslab.core.optim.Optimizers;
import dev.losslab.core.optim.Stepper;
import dev.losslab.core.run.RunBuilder;
import dev.losslab.core.run.RunSpec;
import dev.losslab.core.run.Runner;
import dev.losslab.core.surface.Catalog;
import dev.losslab.core.surface.Landscape;
import dev.losslab.core.surface.Surface;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Optimizer updates per second, one thread, in the three shapes the engine serves (see
 * {@link Stepper}): one 2-D point and a batch of 512² 2-D points, each evaluating Rosenbrock's
 * gradient and stepping (no stop checks), and one point of 10⁶ parameters stepping on a fixed
 * gradient (what {@code reference/adam_step.c} times for Adam). Also a full recorded run through
 * {@link Runner}. Scores are points (or parameters) updated per second.
 * <pre>
 *   ./mvnw -q -DskipTests -pl losslab-bench -am package
 *   java -jar losslab-bench/target/benchmarks.jar OptimizerSteps -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OptimizerStepsBenchmark {

    private static final int POINT_STEPS = 1000;
    private static final int BATCH = 512 * 512;
    private static final int PARAMETERS = 1_000_000;

    // The schedule-free rules get their gradient at θ here, not at their gradient points: the
    // update costs the same; the runs through Runner take it where the engine does.
    @Param({"gd", "momentum", "nesterov", "rmsprop", "adagrad", "adam", "adamw", "newton", "saddle-free-newton", "lion",
            "adabelief", "adan", "yogi", "lamb", "prodigy", "ademamix", "schedule-free-adamw", "schedule-free-sgd"})
    public String optimizer;

    private Landscape landscape;
    private Surface surface;
    private OptimizerKind kind;
    private double lr;
    private RunSpec spec;
    private final double[] point = new double[2];
    private final double[] pointGradient = new double[2];
    private final double[] pointLoss = new double[1];
    private final boolean[] stuck = new boolean[BATCH];
    private double[] batch;
    private double[] batchGradient;
    private double[] batchLoss;
    private Stepper batchStepper;
    private double[] model;
    private double[] modelGradient;
    private Stepper modelStepper;
    private long step;

    @Setup
    public void setUp() {
        landscape = Catalog.get("rosenbrock");
        surface = landscape.surface();
        kind = Optimizers.get(optimizer);
        lr = kind.defaultLearningRate(landscape);
        // tol 0 so a run always takes all its steps: we time steps, not early exits.
        spec = RunBuilder.on(landscape).optimizer(optimizer).steps(POINT_STEPS).tolerance(0).spec();
    }

    @Setup(Level.Iteration)
    public void freshState() {
        SplittableRandom r = new SplittableRandom(1);
        batch = new double[2 * BATCH];
        for (int i = 0; i < BATCH; i++) {
            batch[i] = -1.5 + 0.01 * r.nextDouble();
            batch[BATCH + i] = 2 + 0.01 * r.nextDouble();
        }
        batchGradient = new double[2 * BATCH];
        batchLoss = new double[BATCH];
        batchStepper = kind.configure(Map.of()).newStepper(2, BATCH);
        if (!optimizer.contains("newton")) {
            model = r.doubles(PARAMETERS, -1, 1).toArray();
            modelGradient = r.doubles(PARAMETERS, -1, 1).toArray();
            modelStepper = kind.configure(Map.of()).newStepper(PARAMETERS, 1);
        }
        step = 0;
    }

    /** One 2-D point: evaluate ∇f, take a step. Reported per update. */
    @Benchmark
    @OperationsPerInvocation(POINT_STEPS)
    public double onePoint() {
        Stepper stepper = kind.configure(Map.of()).newStepper();
        point[0] = landscape.defaultStart().x();
        point[1] = landscape.defaultStart().y();
        for (int t = 1; t <= POINT_STEPS; t++) {
            surface.valueAndGradient(point, 1, pointLoss, pointGradient);
            stepper.step(point, pointGradient, 1, lr, t, surface, stuck);
        }
        return pointLoss[0] + point[0] + point[1];
    }

    /** 512² 2-D points: one batch evaluation and one batch step. Reported per point updated. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double batchOf512Squared() {
        surface.valueAndGradient(batch, BATCH, batchLoss, batchGradient);
        batchStepper.step(batch, batchGradient, BATCH, lr * 1e-3, ++step, surface, stuck);
        return batch[0];
    }

    /** One step of 10⁶ parameters on a fixed gradient. Reported per parameter updated. */
    @Benchmark
    @OperationsPerInvocation(PARAMETERS)
    public double millionParameters() {
        if (modelStepper == null) {
            return 0;  // Newton's methods are 2-D only
        }
        modelStepper.step(model, modelGradient, 1, 1e-3, ++step, null, stuck);
        return model[0];
    }

    /** A full recorded run (stop checks, trajectory arrays). Reported per update. */
    @Benchmark
    @OperationsPerInvocation(POINT_STEPS)
    public Object recordedRun() {
        return Runner.run(spec);
    }
}
