package dev.losslab.bench;

import dev.losslab.core.maps.BasinMap;
import dev.losslab.core.maps.Basins;
import dev.losslab.core.maps.Grid;
import dev.losslab.core.maps.Job;
import dev.losslab.core.run.RunBuilder;
import dev.losslab.core.run.RunSpec;
import dev.losslab.core.surface.Window;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The compute of the maps issue's speed goal, without start-up or output: the 512×512 Himmelblau
 * gradient-descent basin map (lr 0.01, 1000 steps, window [−5, 5]², tol 1e-8) on all cores, through
 * the lock-step fast kernel and through the generic start-by-start path. Compare with the C and NumPy
 * references' "compute" lines (losslab-bench/reference/README.md).
 * <pre>
 *   ./mvnw -q -DskipTests -pl losslab-bench -am package
 *   java -jar losslab-bench/target/benchmarks.jar Basins
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = "-XX:+UseSerialGC")
public class BasinsBenchmark {

    @Param({"512"})
    public int grid;

    private RunSpec spec;
    private Grid starts;

    @Setup
    public void setUp() {
        spec = RunBuilder.on("himmelblau").optimizer("gd").set("lr", 0.01).steps(1000).spec();
        starts = Grid.square(Window.square(5), grid);
    }

    @Benchmark
    public BasinMap fastKernel() {
        return Basins.map(spec, starts, Job.untracked());
    }

    @Benchmark
    public BasinMap genericPath() {
        return Basins.mapGeneric(spec, starts, Job.untracked());
    }
}
