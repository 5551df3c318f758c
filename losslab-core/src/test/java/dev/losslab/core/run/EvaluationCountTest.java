package dev.losslab.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine's evaluation counts for methods that evaluate nothing themselves: one f and one ∇f at
 * the start and at every point a step reaches, so k + 1 of each after k steps, whatever the stop
 * (a point that stops without stepping costs nothing more); for a schedule-free rule, f at each
 * reported x and ∇f at each gradient point y. Line searches and Nelder–Mead, which
 * spend more, are held to SciPy's own counts by {@code ScipyFixtureTest}.
 */
class EvaluationCountTest {

    static Stream<RunBuilder> runs() {
        return Stream.of(
                RunBuilder.on("himmelblau").optimizer("gd").set("lr", 0.021),      // some diverge, some converge
                RunBuilder.on("himmelblau").optimizer("adam").set("lr", 0.3).steps(50),
                RunBuilder.on("max(x, 0)^2 + y^2").optimizer("newton"),          // singular where x < 0
                RunBuilder.on("log(x) + y^2").optimizer("gd").set("lr", 1).start(0.5, 1),
                // f counted at each reported x, ∇f at each gradient point y
                RunBuilder.on("himmelblau").optimizer("schedule-free-sgd").set("lr", 0.02),
                RunBuilder.on("himmelblau").optimizer("schedule-free-adamw").set("lr", 0.3).steps(80));
    }

    @ParameterizedTest
    @MethodSource("runs")
    void aGradientMethodCostsOneOfEachPerPointReached(RunBuilder builder) {
        RunSpec spec = builder.spec();
        Trajectory t = Runner.run(spec).trajectory();
        for (int k = 0; k < t.size(); k++) {
            assertThat(t.point(k).functionEvaluations()).isEqualTo(k + 1);
            assertThat(t.point(k).gradientEvaluations()).isEqualTo(k + 1);
        }
        int count = 40;
        Outcomes batch = Engine.run(spec, EngineTest.starts(spec, count), count, null, Engine.Checkpoint.NONE);
        var codes = new java.util.HashSet<String>();
        for (int i = 0; i < count; i++) {
            codes.add(batch.stop(i).code());
            assertThat(batch.functionEvaluations(i)).as("point %d", i).isEqualTo(batch.steps(i) + 1L);
            assertThat(batch.gradientEvaluations(i)).as("point %d", i).isEqualTo(batch.steps(i) + 1L);
        }
        assertThat(codes).isNotEmpty();
    }
}
