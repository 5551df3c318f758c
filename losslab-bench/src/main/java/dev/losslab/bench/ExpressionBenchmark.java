package dev.losslab.bench;

import dev.losslab.core.Landscapes;
import dev.losslab.core.surface.Catalog;
import dev.losslab.core.surface.Surface;
import dev.losslab.core.surface.Sym2;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A typed surface against its hand-written twin: the Rosenbrock formula parsed and compiled to
 * bytecode, and the catalog's {@code Rosenbrock} record, over the same 1024 points of its window.
 * Goal from the typed-surfaces issue: value + gradient within 1.5×, Hessian within 2×.
 * <pre>
 *   ./mvnw -q -DskipTests -pl losslab-bench -am package
 *   java -jar losslab-bench/target/benchmarks.jar Expression -wi 3 -i 5 -f 1
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExpressionBenchmark {

    private static final int POINTS = 1024;

    private Surface typed;
    private Surface handWritten;
    private final double[] xs = new double[POINTS];
    private final double[] ys = new double[POINTS];
    private final double[] gradient = new double[2];

    @Setup
    public void setUp() {
        var rosenbrock = Catalog.get("rosenbrock");
        handWritten = rosenbrock.surface();
        typed = Landscapes.resolve("(1 - x)^2 + 100*(y - x^2)^2").surface();
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < POINTS; i++) {
            xs[i] = random.nextDouble(-2, 2);
            ys[i] = random.nextDouble(-1, 3);
        }
    }

    @Benchmark
    @OperationsPerInvocation(POINTS)
    public double valueAndGradientHandWritten() {
        return valueAndGradient(handWritten);
    }

    @Benchmark
    @OperationsPerInvocation(POINTS)
    public double valueAndGradientTyped() {
        return valueAndGradient(typed);
    }

    @Benchmark
    @OperationsPerInvocation(POINTS)
    public double hessianHandWritten() {
        return hessian(handWritten);
    }

    @Benchmark
    @OperationsPerInvocation(POINTS)
    public double hessianTyped() {
        return hessian(typed);
    }

    private double valueAndGradient(Surface s) {
        double sum = 0;
        for (int i = 0; i < POINTS; i++) {
            sum += s.valueAndGradient(xs[i], ys[i], gradient) + gradient[0] + gradient[1];
        }
        return sum;
    }

    private double hessian(Surface s) {
        double sum = 0;
        for (int i = 0; i < POINTS; i++) {
            Sym2 h = s.hessian(xs[i], ys[i]);
            sum += h.xx() + h.xy() + h.yy();
        }
        return sum;
    }
}
