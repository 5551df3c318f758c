package dev.losslab.bench;

import dev.losslab.core.data.Datasets;
import dev.losslab.core.net.Activation;
import dev.losslab.core.net.Batches;
import dev.losslab.core.net.Examples;
import dev.losslab.core.net.Loss;
import dev.losslab.core.net.ModelKind;
import dev.losslab.core.net.Objective;
import dev.losslab.core.net.TrainResult;
import dev.losslab.core.net.Training;
import dev.losslab.core.optim.Optimizers;
import dev.losslab.core.optim.Schedule;
import dev.losslab.core.run.Engine;
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
 * Training steps per second, one thread: {@code train}'s loop ({@link Training}) over 1,000 full-batch
 * steps, each a forward and backward pass over every row, the gradient norm and the update, as
 * {@code losslab-bench/train/train_torch.py} times torch doing the same. Nets: the 2-16-16-1 tanh
 * MLP on all 200 rows of moons under MSE, and a 64-32-10 tanh MLP on all 1,797 digits under
 * cross-entropy.
 * <pre>
 *   ./mvnw -q -DskipTests -pl losslab-bench -am package
 *   java -jar losslab-bench/target/benchmarks.jar Train
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TrainBenchmark {

    static final int STEPS = 1000;

    @Param({"moons", "digits"})
    public String net;

    @Param({"sgd", "momentum", "adam"})
    public String optimizer;

    private Training.Spec spec;

    @Setup
    public void setup() {
        boolean moons = net.equals("moons");
        Examples examples = Examples.of(Datasets.get(net));
        Objective objective = moons
                ? ModelKind.MLP.objective(examples, new int[] {16, 16}, Activation.TANH, Loss.MSE)
                : ModelKind.MLP.objective(examples, new int[] {32}, Activation.TANH, Loss.CE);
        double lr = optimizer.equals("adam") ? 0.001 : 0.1;
        Map<String, Object> settings = optimizer.equals("momentum") ? Map.of("momentum", 0.9) : Map.of();
        spec = new Training.Spec(objective, Optimizers.get(optimizer).configure(settings), optimizer, lr,
                new Schedule.Constant(), STEPS, new Batches.Full(), objective.network().initialParameters(0));
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public TrainResult thousandSteps() {
        return Training.run(spec, s -> { }, Engine.Checkpoint.NONE);
    }
}
