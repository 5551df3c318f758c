package dev.losslab.core.maps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.data.LeastSquaresLine;
import dev.losslab.core.run.Destinations;
import dev.losslab.core.run.EndPoint;
import dev.losslab.core.run.Engine;
import dev.losslab.core.run.Outcomes;
import dev.losslab.core.run.Run;
import dev.losslab.core.run.RunBuilder;
import dev.losslab.core.run.RunSpec;
import dev.losslab.core.surface.MinibatchSurface;
import dev.losslab.core.surface.Vec2;
import dev.losslab.core.surface.Window;
import java.util.List;
import org.junit.jupiter.api.Test;

class SgdStatsTest {

    @Test
    void withoutNoiseEverySeedEndsInTheBatchGradientDescentBasin() {
        // Starts on a grid so that the batch basins come from Basins; the middle ones are (±2, ±2) and (0, 0).
        Grid grid = Grid.square(Window.square(4), 5);
        RunSpec gd = RunBuilder.on("himmelblau").optimizer("gd").set("lr", 0.01).spec();
        BasinMap batch = Basins.map(gd, grid, Job.untracked());
        for (int j = 1; j < 4; j++) {
            for (int i = 1; i < 4; i++) {
                RunSpec sgd = RunBuilder.on("himmelblau").optimizer("sgd").set("lr", 0.01)
                        .start(grid.x(i), grid.y(j)).seed(11).spec();
                SgdStatsResult stats = SgdStats.run(sgd, Axis.linear("noise", 0, 0, 1), 25, Job.untracked());
                int basin = batch.label(i, j);
                assertThat(basin).as("batch basin from (%s, %s)", grid.x(i), grid.y(j)).isGreaterThanOrEqualTo(0);
                assertThat(stats.share(0, basin)).as("from (%s, %s)", grid.x(i), grid.y(j)).isEqualTo(1.0);
                assertThat(stats.counts()[0][basin]).isEqualTo(25);
            }
        }
    }

    @Test
    void enoughNoiseCarriesRunsFromTheOriginAcrossRidgesIntoOtherBasins() {
        RunSpec sgd = RunBuilder.on("himmelblau").optimizer("sgd").set("lr", 0.01).start(0, 0).spec();
        SgdStatsResult stats = SgdStats.run(sgd, Axis.linear("noise", 0, 40, 3), 60, Job.untracked());
        assertThat(stats.share(0, 0)).as("no noise: always (3, 2)").isEqualTo(1.0);
        assertThat(stats.share(2, 0)).as("σ = 40: often elsewhere").isLessThan(0.9);
        for (int level = 0; level < 3; level++) {
            double sum = stats.divergedShare(level) + stats.unconvergedShare(level);
            for (int m = 0; m < 4; m++) {
                sum += stats.share(level, m);
            }
            assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    @Test
    void theSameSeedsGiveTheSameCounts() {
        RunSpec sgd = RunBuilder.on("himmelblau").optimizer("sgd").set("lr", 0.01).start(0, 0).steps(300).spec();
        var a = SgdStats.run(sgd, Axis.linear("noise", 10, 30, 2), 20, Job.untracked());
        var b = SgdStats.run(sgd, Axis.linear("noise", 10, 30, 2), 20, Job.untracked());
        assertThat(a.counts()).isDeepEqualTo(b.counts());
    }

    // On data: the diabetes set's body-mass index, standardized, against disease progression. Its loss
    // f(w, b) = (1/n)·Σ (w·xᵢ + b − yᵢ)² has ∇²f = (2/n)·XᵀX = 2·I (x has mean 0 and variance 1), so full-batch
    // gradient descent is stable for lr < 2/λmax = 1. One example's step multiplies the error along
    // zᵢ = (xᵢ, 1) by 1 − 2·lr·(1 + xᵢ²): at lr = 0.9 that is beyond −1 as soon as xᵢ² > 1/9, as it is for
    // most examples of a standardized feature, so batches of one blow up where the full batch converges.
    private static final String DIABETES = "regression:diabetes:bmi:standardized";
    private static final int EXAMPLES = 442;

    private static RunSpec sgdOnDiabetes(double lr) {
        return RunBuilder.on(DIABETES).optimizer("sgd").noise(0).learningRate(lr).start(0, 0).seed(5).spec();
    }

    @Test
    void aFullBatchGivesEverySeedTheGradientDescentRunsBasin() {
        RunSpec sgd = sgdOnDiabetes(0.9);
        assertThat(((MinibatchSurface) sgd.landscape().surface()).examples()).isEqualTo(EXAMPLES);
        Run gd = RunBuilder.on(DIABETES).optimizer("gd").learningRate(0.9).start(0, 0).run();
        assertThat(gd.endPoint()).isInstanceOf(EndPoint.AtMinimum.class);
        assertThat(((EndPoint.AtMinimum) gd.endPoint()).number()).isEqualTo(1);
        // The minimum is the least-squares line, in closed form.
        LeastSquaresLine line = (LeastSquaresLine) sgd.landscape().surface();
        assertThat(sgd.landscape().knownMinima().getFirst().at().distanceTo(new Vec2(line.bestSlope(), line.bestIntercept())))
                .isLessThan(1e-9);

        SgdStatsResult stats = SgdStats.run(sgd, SgdLevels.batchSizes(List.of(EXAMPLES)), 30, Job.untracked());
        assertThat(stats.counts()[0]).containsExactly(30, 0, 0);
    }

    @Test
    void smallerBatchesSpreadTheRunsOverOutcomes() {
        SgdStatsResult stats = SgdStats.run(sgdOnDiabetes(0.9), SgdLevels.batchSizes(List.of(1, 8, EXAMPLES)), 100,
                Job.untracked());
        assertThat(stats.divergedShare(0)).as("B = 1: each step overshoots along its example").isGreaterThan(0.9);
        assertThat(stats.share(1, 0)).as("B = 8").isGreaterThan(stats.share(0, 0));
        assertThat(stats.share(2, 0)).as("B = n: gradient descent, stable at lr 0.9 < 1").isEqualTo(1.0);
        for (int level = 0; level < 3; level++) {
            assertThat(stats.share(level, 0) + stats.divergedShare(level) + stats.unconvergedShare(level))
                    .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    @Test
    void aMinibatchRunIsPlacedWhereItHoversNotWhereItHappensToStop() {
        // At B = 16 and lr 0.5 the runs jitter about the minimum farther than Destinations' reach, so only the
        // clean continuation from their last points (RunSpec.noisy() holds for minibatched runs) places them there.
        RunSpec b16 = sgdOnDiabetes(0.5).withBatchSize(16, 5);
        assertThat(b16.noisy()).isTrue();
        Outcomes ended = Engine.run(b16, new double[] {0, 0}, 1, new long[] {5}, step -> { });
        Vec2 minimum = b16.landscape().knownMinima().getFirst().at();
        assertThat(new Vec2(ended.end(0, 0), ended.end(0, 1)).distanceTo(minimum))
                .isGreaterThan(Destinations.of(b16.landscape()).reach());

        SgdStatsResult stats = SgdStats.run(sgdOnDiabetes(0.5), SgdLevels.batchSizes(List.of(16)), 40, Job.untracked());
        assertThat(stats.share(0, 0)).isEqualTo(1.0);
    }

    @Test
    void batchSizeLevelsStayInTheOrderGivenAndRepeatTheirCounts() {
        SgdLevels levels = SgdLevels.batchSizes(List.of(EXAMPLES, 1, 64));
        SgdStatsResult a = SgdStats.run(sgdOnDiabetes(0.9), levels, 40, Job.untracked());
        assertThat(a.levels()).isEqualTo(levels);
        assertThat(a.levels().values()).containsExactly(EXAMPLES, 1, 64);
        assertThat(a.share(0, 0)).as("B = n, first").isEqualTo(1.0);
        assertThat(a.divergedShare(1)).as("B = 1, second").isGreaterThan(0.9);
        SgdStatsResult b = SgdStats.run(sgdOnDiabetes(0.9), levels, 40, Job.untracked());
        assertThat(b.counts()).isDeepEqualTo(a.counts());
    }

    @Test
    void batchSizesNeedASurfaceMadeOfDataAndAtMostItsExamples() {
        RunSpec formula = RunBuilder.on("himmelblau").optimizer("sgd").noise(0).spec();
        assertThatThrownBy(() -> SgdStats.run(formula, SgdLevels.batchSizes(List.of(4)), 10, Job.untracked()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("batch-sizes need a surface made of data")
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("batch-sizes");
        for (int b : new int[] {0, EXAMPLES + 1}) {
            assertThatThrownBy(() -> SgdStats.run(sgdOnDiabetes(0.5), SgdLevels.batchSizes(List.of(1, b)), 10, Job.untracked()))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("batch-sizes must be in [1, 442] (the examples in " + DIABETES + "), got " + b)
                    .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("batch-sizes");
        }
        assertThatThrownBy(() -> SgdLevels.batchSizes(List.of()))
                .isInstanceOf(InvalidInputException.class).hasMessage("batch-sizes takes 1 to 1024 sizes, got 0");
    }

    @Test
    void noiseLevelsKeepTheirKindAndValues() {
        SgdStatsResult stats = SgdStats.run(RunBuilder.on("bowl").optimizer("sgd").spec(), Axis.linear("noise", 0, 2, 3), 4,
                Job.untracked());
        assertThat(stats.levels()).isInstanceOf(SgdLevels.Noise.class);
        assertThat(stats.levels().values()).containsExactly(0, 1, 2);
    }
}
