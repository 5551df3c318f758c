package dev.losslab.core.surface;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.core.run.Run;
import dev.losslab.core.run.RunBuilder;
import dev.losslab.core.run.StopReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Each landscape's default start and learning rate give plain gradient descent a sensible run. */
class CatalogDefaultsTest {

    @ParameterizedTest
    @MethodSource("dev.losslab.core.surface.CatalogCases#landscapes")
    void gradientDescentWithTheDefaultsDoesNotDivergeIn1000Steps(Landscape landscape) {
        Run run = RunBuilder.on(landscape).run();
        assertThat(run.stopReason()).as(run.stopReason().explanation())
                .isNotInstanceOf(StopReason.Diverged.class)
                .isNotInstanceOf(StopReason.LeftDomain.class);
        assertThat(run.last().loss()).as("loss never ends above where it started")
                .isLessThanOrEqualTo(run.trajectory().loss(0));
    }

    /**
     * The seed presets with a minimum reach one (within 1e-2) with the defaults. The bowl and
     * Himmelblau do so within the default 1000 steps; on the two Rosenbrock valleys gradient descent
     * crawls along the floor (the lesson of those presets), so they get a larger budget: the point is
     * that the default lr converges there rather than oscillating or stalling.
     */
    @ParameterizedTest
    @CsvSource({"bowl, 1000", "himmelblau, 1000", "ravine, 5000", "rosenbrock, 30000"})
    void gradientDescentWithTheDefaultsReachesAKnownMinimum(String name, int steps) {
        Landscape landscape = Catalog.get(name);
        Run run = RunBuilder.on(name).steps(steps).run();
        Vec2 end = new Vec2(run.last().x(), run.last().y());
        double nearest = landscape.knownMinima().stream()
                .mapToDouble(m -> m.at().distanceTo(end)).min().orElseThrow();
        assertThat(nearest).as("distance from %s to the nearest known minimum", end).isLessThanOrEqualTo(1e-2);
    }

    @Test
    void himmelblauFromTheOriginEndsAtThreeTwo() {
        Run run = RunBuilder.on("himmelblau").run();
        assertThat(run.minimumReached()).hasValueSatisfying(m -> assertThat(m.at()).isEqualTo(Vec2.of(3, 2)));
    }

    /** The seed fact: the bowl's steep curvature is 10, so gradient descent diverges once lr > 2/10. */
    @Test
    void bowlDivergesJustPastLearningRateOneFifth() {
        assertThat(RunBuilder.on("bowl").learningRate(0.199).steps(100_000).run().stopReason())
                .isInstanceOf(StopReason.Converged.class);
        assertThat(RunBuilder.on("bowl").learningRate(0.201).steps(100_000).run().stopReason())
                .isInstanceOf(StopReason.Diverged.class);
    }
}
