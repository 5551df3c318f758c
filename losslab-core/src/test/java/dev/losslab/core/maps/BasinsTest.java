package dev.losslab.core.maps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.losslab.core.run.Run;
import dev.losslab.core.run.RunBuilder;
import dev.losslab.core.run.RunSpec;
import dev.losslab.core.run.Runner;
import dev.losslab.core.surface.Catalog;
import dev.losslab.core.surface.Vec2;
import dev.losslab.core.surface.Window;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BasinsTest {

    private static RunSpec gd(String surface, double lr) {
        return RunBuilder.on(surface).optimizer("gd").set("lr", lr).spec();
    }

    /** Index of the known minimum of the catalog's Himmelblau nearest to (x, y). */
    private static int himmelblauMinimumNear(double x, double y) {
        var minima = Catalog.get("himmelblau").knownMinima();
        return IntStream.range(0, minima.size()).boxed()
                .min((a, b) -> Double.compare(minima.get(a).at().distanceTo(new Vec2(x, y)), minima.get(b).at().distanceTo(new Vec2(x, y))))
                .orElseThrow();
    }

    @Test
    void gradientDescentOnHimmelblauLabelsEachCornerByTheMinimumInItsQuadrant() {
        // The corners of [-3.5, 3.5]²: GD at lr 0.01 runs from each to the minimum of its quadrant
        // ((3.5, 3.5) → (3, 2) in 70 steps, (-3.5, 3.5) → (-2.81, 3.13) in 20, …).
        BasinMap map = Basins.map(gd("himmelblau", 0.01), Grid.square(Window.square(3.5), 2), Job.untracked());
        assertThat(map.label(1, 1)).isEqualTo((short) himmelblauMinimumNear(3, 2));
        assertThat(map.label(0, 1)).isEqualTo((short) himmelblauMinimumNear(-2.8, 3.1));
        assertThat(map.label(0, 0)).isEqualTo((short) himmelblauMinimumNear(-3.8, -3.3));
        assertThat(map.label(1, 0)).isEqualTo((short) himmelblauMinimumNear(3.6, -1.8));
        assertThat(map.steps(1, 1)).isEqualTo(70);
        assertThat(map.steps(0, 1)).isEqualTo(20);
        for (int m = 0; m < 4; m++) {
            assertThat(map.share(m)).isEqualTo(0.25);
        }
    }

    @Test
    void theOriginOfHimmelblauRollsToTheMinimumAtThreeTwoAsInTheSeedLab() {
        // 3×3 over [-1, 1]²: the centre cell is (0, 0).
        BasinMap map = Basins.map(gd("himmelblau", 0.01), Grid.square(Window.square(1), 3), Job.untracked());
        assertThat(map.minima().get(map.label(1, 1)).at()).isEqualTo(new Vec2(3, 2));
    }

    @Test
    void sharesOfMinimaDivergedAndUnconvergedSumToOne() {
        BasinMap map = Basins.map(gd("himmelblau", 0.02), Grid.square(Window.square(6), 64), Job.untracked());
        double sum = map.divergedShare() + map.unconvergedShare() + map.saddleShare() + map.maximumShare();
        for (int m = 0; m < map.minima().size(); m++) {
            sum += map.share(m);
        }
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(map.divergedShare()).as("lr 0.02 from the corners of [-6, 6]² overshoots").isPositive();
    }

    @Test
    void onTheBowlAboveTwoOverTheSteepCurvatureOnlyTheRowWithoutYConverges() {
        // lr 0.25 > 2/10: every start with y ≠ 0 diverges; along y = 0 (curvature 1) GD converges.
        BasinMap map = Basins.map(gd("bowl", 0.25), new Grid(Window.of(-4, 4, -3, 3), 5, 5), Job.untracked());
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                assertThat(map.label(i, j)).as("(%d, %d)", i, j).isEqualTo(j == 2 ? 0 : BasinMap.DIVERGED);
            }
        }
        assertThat(map.share(0)).isEqualTo(0.2);
        assertThat(map.divergedShare()).isEqualTo(0.8);
    }

    /**
     * Issue 14: on Rastrigin gradient descent settles in ~20 steps at whichever local minimum is
     * nearest; a map that knew only the listed global minimum showed 99 % of it grey. Every local
     * minimum is a basin: nearly every start ends at one, and the runs find (almost) all 121.
     */
    @Test
    void onRastriginEveryLocalMinimumIsABasinNotAGreyDidNotConverge() {
        BasinMap map = Basins.map(gd("rastrigin", 0.002), Grid.square(Catalog.get("rastrigin").window(), 101), Job.untracked());
        double minima = 0;
        int reached = 0;
        for (int m = 0; m < map.minima().size(); m++) {
            minima += map.share(m);
            reached += map.count(m) > 0 ? 1 : 0;
        }
        assertThat(map.minima()).hasSize(121);
        assertThat(minima).isGreaterThan(0.95);
        assertThat(reached).isGreaterThan(110);
        assertThat(map.unconvergedShare()).isLessThan(0.05);
    }

    /** f = x² − y² along y = 0: every start on that line rolls into the saddle, and the map says so. */
    @Test
    void startsOnASaddlesStableLineAreLabelledSaddleNotDidNotConverge() {
        RunSpec spec = RunBuilder.on("saddle").optimizer("gd").set("lr", 0.1).spec();
        BasinMap map = Basins.map(spec, Grid.square(Window.square(1), 5), Job.untracked());
        for (int i = 0; i < 5; i++) {
            assertThat(map.label(i, 2)).as("(%d, y = 0)", i).isEqualTo(BasinMap.SADDLE);
        }
        assertThat(map.saddleShare()).isEqualTo(0.2);
    }

    @Test
    void startsStillOnTheirWayWhenTheStepsRunOutAreUnconverged() {
        // From [-1, 1]² one step of lr 0.01 moves at most ~0.5: nowhere near a minimum yet.
        RunSpec spec = RunBuilder.on("himmelblau").optimizer("gd").set("lr", 0.01).steps(1).spec();
        BasinMap map = Basins.map(spec, Grid.square(Window.square(1), 4), Job.untracked());
        assertThat(map.unconvergedShare()).isEqualTo(1.0);
        assertThat(map.steps(0, 0)).isEqualTo(1);
    }

    static Stream<RunSpec> mapSpecs() {
        return Stream.of(
                gd("himmelblau", 0.01),
                gd("himmelblau", 0.021),                                               // some starts diverge
                RunBuilder.on("himmelblau").optimizer("gd").set("lr", 0.01).steps(40).spec(), // some run out of steps
                RunBuilder.on("himmelblau").optimizer("momentum").set("lr", 0.004).set("momentum", 0.5).set("dampening", 0.3).spec(),
                RunBuilder.on("himmelblau").optimizer("adam").set("lr", 0.05).spec(),
                RunBuilder.on("himmelblau").optimizer("newton").spec(),
                RunBuilder.on("himmelblau").optimizer("sgd").set("lr", 0.01).noise(1).spec());
    }

    @ParameterizedTest
    @MethodSource("mapSpecs")
    void everyStartIsLabelledByItsOwnRun(RunSpec spec) {
        Grid grid = Grid.square(Window.square(6), 14);
        BasinMap map = Basins.map(spec, grid, Job.untracked());
        for (int j = 0; j < grid.rows(); j++) {
            for (int i = 0; i < grid.columns(); i++) {
                Run run = Runner.run(new RunSpec(spec.landscape(), spec.optimizerKind(),
                        spec.hyperParameters(), spec.learningRate(), spec.schedule(), spec.noise(), spec.batchSize(), spec.seed(),
                        new Vec2(grid.x(i), grid.y(j)), spec.maxSteps(), spec.tolerance()));
                assertThat(map.label(i, j)).as("label at (%d, %d)", i, j)
                        .isEqualTo(BasinMap.label(run.endPoint()));
                assertThat(map.steps(i, j)).as("steps at (%d, %d)", i, j).isEqualTo(run.steps());
            }
        }
    }

    @Test
    void theMapsAboveCoverAMixOfOutcomesSoTheComparisonMeansSomething() {
        BasinMap map = Basins.map(gd("himmelblau", 0.021), Grid.square(Window.square(6), 14), Job.untracked());
        assertThat(map.divergedShare()).isPositive();
        assertThat(map.share(0) + map.share(1) + map.share(2) + map.share(3)).isPositive();
    }

    @Test
    void aCancelledJobStopsTheMapWithACancellationException() {
        AtomicReference<Job> job = new AtomicReference<>();
        List<Double> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        job.set(Job.reporting(fraction -> {
            seen.add(fraction);
            if (fraction > 0.1) {
                job.get().cancel();
            }
        }));
        RunSpec slow = RunBuilder.on("ravine").optimizer("gd").steps(20_000).spec();
        assertThatThrownBy(() -> Basins.map(slow, Grid.square(Window.square(2), 200), job.get()))
                .isInstanceOf(CancellationException.class);
        assertThat(seen).allMatch(f -> f < 0.5);
    }

    @Test
    void anInterruptedCallerStopsTheMap() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> Basins.map(gd("himmelblau", 0.01), Grid.square(Window.square(5), 64), Job.untracked()))
                    .isInstanceOf(CancellationException.class);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void progressRisesToOne() {
        List<Double> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        Basins.map(gd("himmelblau", 0.01), Grid.square(Window.square(5), 32), Job.reporting(seen::add));
        assertThat(seen).first().isEqualTo(0.0);
        assertThat(seen).contains(1.0).allMatch(f -> f >= 0 && f <= 1).hasSize(33);
    }

    @Test
    void workBeyondTheBudgetIsRefusedBeforeItStarts() {
        RunSpec spec = RunBuilder.on("himmelblau").optimizer("gd").steps(100_000).spec();
        assertThatThrownBy(() -> Basins.map(spec, Grid.square(Window.square(5), 2048), Job.untracked()))
                .isInstanceOf(dev.losslab.core.InvalidInputException.class)
                .hasMessageContaining("runs × steps must be at most 10000000000");
    }
}
