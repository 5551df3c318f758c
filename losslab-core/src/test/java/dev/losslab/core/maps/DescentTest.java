package dev.losslab.core.maps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.core.run.Run;
import dev.losslab.core.run.RunBuilder;
import dev.losslab.core.run.RunSpec;
import dev.losslab.core.run.Runner;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The maps' runs are the runner's runs: same stop, same step count, same last point, bit for bit. */
class DescentTest {

    static Stream<RunBuilder> runs() {
        return Stream.of(
                RunBuilder.on("himmelblau").optimizer("gd").set("lr", 0.01).start(0, 0),
                RunBuilder.on("himmelblau").optimizer("momentum").set("lr", 0.01).start(-1, 4),
                RunBuilder.on("ravine").optimizer("adam").steps(300),
                RunBuilder.on("bowl").optimizer("gd").set("lr", 0.21),                       // diverges
                RunBuilder.on("bowl").optimizer("gd").set("lr", 0.2),                        // orbits: max-steps
                RunBuilder.on("himmelblau").optimizer("sgd").set("lr", 0.01).noise(3).seed(7),
                RunBuilder.on("himmelblau").optimizer("newton").start(0, 0),                 // converges at the maximum
                RunBuilder.on("saddle").optimizer("newton").start(0, 0),                     // already at the critical point
                RunBuilder.on("rosenbrock").optimizer("nesterov").set("lr", 0.001).schedule("cosine", java.util.Map.of()),
                RunBuilder.on("booth").optimizer("gd").set("lr", 0.5).tolerance(0).steps(50), // diverges fast
                RunBuilder.on("bowl").optimizer("gd").tolerance(0).steps(40));               // tol 0: never converged
    }

    @ParameterizedTest
    @MethodSource("runs")
    void descentEndsExactlyWhereTheRunnerEnds(RunBuilder builder) {
        RunSpec spec = builder.spec();
        Run run = Runner.run(spec);
        Outcome outcome = Descent.from(spec, spec.start().x(), spec.start().y());
        assertThat(outcome.stop().code()).isEqualTo(run.stopReason().code());
        assertThat(outcome.stop()).isEqualTo(run.stopReason());
        assertThat(outcome.steps()).isEqualTo(run.steps());
        assertThat(outcome.x()).isEqualTo(run.last().x());
        assertThat(outcome.y()).isEqualTo(run.last().y());
        assertThat(outcome.loss()).isEqualTo(run.last().loss());
    }

    @ParameterizedTest
    @MethodSource("gradients")
    void theConvergenceTestIsExactlyHypotBelowTol(double gx, double gy, double tol) {
        assertThat(new ConvergenceTest(tol).converged(gx, gy)).isEqualTo(Math.hypot(gx, gy) < tol);
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> gradients() {
        double t = 1e-8;
        return Stream.of(
                args(t, 0, t), args(Math.nextDown(t), 0, t), args(0, Math.nextUp(t), t),
                args(t / Math.sqrt(2), t / Math.sqrt(2), t), args(Math.nextDown(t / Math.sqrt(2)), t / Math.sqrt(2), t),
                args(0, 0, 0), args(1e-320, 0, 0), args(3e-9, 4e-9, 5e-9), args(3e-9, Math.nextDown(4e-9), 5e-9),
                args(1e200, 1e200, 1e-8), args(Double.NaN, 0, 1), args(Double.POSITIVE_INFINITY, Double.NaN, 1),
                args(1e-160, 1e-160, 1e-155), args(1e-160, 0, 1e-160), args(3e160, 4e160, 5e160));
    }

    private static org.junit.jupiter.params.provider.Arguments args(double gx, double gy, double tol) {
        return org.junit.jupiter.params.provider.Arguments.of(gx, gy, tol);
    }
}
