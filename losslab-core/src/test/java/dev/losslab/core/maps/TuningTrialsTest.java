package dev.losslab.core.maps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.losslab.core.run.RunBuilder;
import dev.losslab.core.surface.Vec2;
import org.junit.jupiter.api.Test;

class TuningTrialsTest {

    @Test
    void theRaceStartComesFirstThenFourDiagonalNeighboursAtOneTwentiethOfTheSpan() {
        // The bowl's window is 8 × 6: span 8, so the neighbours are 0.4 away.
        TuningTrials trials = TuningTrials.around(RunBuilder.on("bowl").optimizer("gd").start(-3.5, 2.5).spec());
        assertThat(trials.starts()).hasSize(5);
        assertThat(trials.starts().getFirst()).isEqualTo(new Vec2(-3.5, 2.5));
        double d = 0.4 / Math.sqrt(2);
        double[][] expected = {{-3.5 + d, 2.5 + d}, {-3.5 - d, 2.5 + d}, {-3.5 - d, 2.5 - d}, {-3.5 + d, 2.5 - d}};
        for (int k = 0; k < 4; k++) {
            Vec2 p = trials.starts().get(k + 1);
            assertThat(p.x()).isCloseTo(expected[k][0], within(1e-15));
            assertThat(p.y()).isCloseTo(expected[k][1], within(1e-15));
            assertThat(p.distanceTo(new Vec2(-3.5, 2.5))).isCloseTo(0.4, within(1e-12));
        }
    }

    @Test
    void deterministicRunsUseTheRaceSeedOnceNoisyOnesThreeSeeds() {
        TuningTrials clean = TuningTrials.around(RunBuilder.on("bowl").optimizer("gd").seed(7).spec());
        assertThat(clean.seeds()).containsExactly(7L);
        assertThat(clean.runs()).isEqualTo(5);
        TuningTrials noisy = TuningTrials.around(RunBuilder.on("bowl").optimizer("sgd").seed(7).spec());
        assertThat(noisy.seeds()).containsExactly(7L, 8L, 9L);
        assertThat(noisy.runs()).isEqualTo(15);
        // Run p: start p / 3 with seed p mod 3; run 0 is the race's own.
        assertThat(noisy.start(4)).isEqualTo(noisy.starts().get(1));
        assertThat(noisy.seed(4)).isEqualTo(8L);
        assertThat(noisy.start(0)).isEqualTo(noisy.starts().getFirst());
        assertThat(noisy.seed(0)).isEqualTo(7L);
        TuningTrials gdWithNoise = TuningTrials.around(RunBuilder.on("bowl").optimizer("gd").noise(0.1).spec());
        assertThat(gdWithNoise.runs()).isEqualTo(15);
    }
}
