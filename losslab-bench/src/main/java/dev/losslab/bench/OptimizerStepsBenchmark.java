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
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * Optimizer steps per second on the Rosenbrock surface, one thread: the raw update loop
 * (gradient + step, no recording) and a full recorded run through {@code Runner}.
 * Goal from the engine issue: ≥ 20 million plain GD steps per second, no allocation per step
 * (check with {@code -prof gc}: gc.alloc.rate.norm ≈ 0 B/op for {@code rawSteps}).
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

    private static final int STEPS = 1000;

    @Param({"gd", "sgd", "momentum", "nesterov", "rmsprop", "adagrad", "adam", "adamw", "newton", "saddle-free-newton"})
    public String optimizer;

    private Landscape landscape;
    private Surface surface;
    private OptimizerKind kind;
    private double lr;
    private RunSpec spec;
    private final double[] theta = new double[2];
    private final double[] gradient = new double[2];

    @Setup
    public void setUp() {
        landscape = Catalog.get("rosenbrock");
        surface = landscape.surface();
        kind = Optimizers.get(optimizer);
        lr = kind.defaultLearningRate(landscape);
        // tol 0 so a run always takes all its steps: we time steps, not early exits.
        spec = RunBuilder.on(landscape).optimizer(optimizer).steps(STEPS).tolerance(0).spec();
    }

    /** The bare loop: evaluate ∇f, take a step. Reported per step. */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public double rawSteps() {
        Stepper stepper = kind.configure(Map.of()).newStepper();
        theta[0] = landscape.defaultStart().x();
        theta[1] = landscape.defaultStart().y();
        double f = 0;
        for (int t = 1; t <= STEPS; t++) {
            f = surface.valueAndGradient(theta[0], theta[1], gradient);
            stepper.step(theta, gradient, lr, t, surface);
        }
        return f + theta[0] + theta[1];
    }

    /** A full recorded run (stop checks, trajectory arrays). Reported per step. */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public Object recordedRun() {
        return Runner.run(spec);
    }
}
