package dev.losslab.core.maps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.core.run.RunBuilder;
import dev.losslab.core.run.RunSpec;
import dev.losslab.core.surface.Window;
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
}
