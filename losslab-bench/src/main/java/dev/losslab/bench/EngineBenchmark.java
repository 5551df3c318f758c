package dev.losslab.bench;

import dev.losslab.core.maps.BasinMap;
import dev.losslab.core.maps.Basins;
import dev.losslab.core.maps.Grid;
import dev.losslab.core.maps.Job;
import dev.losslab.core.run.RunBuilder;
import dev.losslab.core.run.RunSpec;
import dev.losslab.core.surface.Catalog;
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
 * The engine issue's raw-speed goal, compute alone: a 512×512 basin map on all cores, every start
 * running all 1000 steps ({@code tol} 0) or stopping when converged (the default 1e-8), for each
 * surface × optimizer the C reference ({@code reference/engine_omp.c}) computes. Learning rates are
 * those of {@code reference/run-engine.sh}.
 * <pre>
 *   ./mvnw -q -DskipTests -pl losslab-bench -am package
 *   java -jar losslab-bench/target/benchmarks.jar Engine
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-XX:+UseSerialGC")
public class EngineBenchmark {

    /** surface:optimizer:lr. */
    @Param({"himmelblau:gd:0.01", "himmelblau:adam:0.05", "rosenbrock:gd:0.0002", "rosenbrock:adam:0.01",
            "himmelblau:momentum:0.002", "himmelblau:rmsprop:0.01"})
    public String run;

    @Param({"0", "1e-8"})
    public double tol;

    @Param({"512"})
    public int grid;

    private RunSpec spec;
    private Grid starts;

    @Setup
    public void setUp() {
        String[] parts = run.split(":");
        spec = RunBuilder.on(parts[0]).optimizer(parts[1]).set("lr", Double.parseDouble(parts[2]))
                .steps(1000).tolerance(tol).spec();
        starts = Grid.square(Catalog.get(parts[0]).window(), grid);
    }

    @Benchmark
    public BasinMap basins() {
        return Basins.map(spec, starts, Job.untracked());
    }
}
