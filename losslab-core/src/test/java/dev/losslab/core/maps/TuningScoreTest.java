package dev.losslab.core.maps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.losslab.core.run.Outcome;
import dev.losslab.core.run.StopReason;
import dev.losslab.core.surface.Catalog;
import dev.losslab.core.surface.Landscape;
import java.util.List;
import org.junit.jupiter.api.Test;

class TuningScoreTest {

    private static final Landscape BOWL = Catalog.get("bowl");

    private static Outcome converged(int steps, double x, double loss) {
        return new Outcome(new StopReason.Converged(1e-9, 1e-8), steps, x, 0, loss);
    }

    private static Outcome unconverged(int steps, double loss) {
        return new Outcome(new StopReason.MaxSteps(steps), steps, 0.5, 0.5, loss);
    }

    private static Outcome diverged(int steps) {
        return new Outcome(new StopReason.Diverged("a coordinate went beyond 1e6"), steps, 2e6, 0, 1e13);
    }

    @Test
    void mediansOfStepsToConvergeAndOfLossRangesAndCounts() {
        // The bowl's minimum is at (0, 0): the runs at x = 0 converged there, the one at x = 3 elsewhere.
        TuningScore s = TuningScore.of(List.of(converged(40, 0, 1e-17), converged(20, 0, 3e-17), converged(5, 3, 4.5),
                unconverged(1000, 0.25), diverged(12)), BOWL);
        // T = 40, 20, ∞, ∞, ∞: median ∞. L = 1e-17, 3e-17, 4.5, 0.25, ∞: median 0.25.
        assertThat(s.medianStepsToConverge()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(s.medianLoss()).isEqualTo(0.25);
        assertThat(s.minLoss()).isEqualTo(1e-17);
        assertThat(s.maxLoss()).isEqualTo(Double.POSITIVE_INFINITY);
        // Steps taken: 40, 20, 5, 1000, 12.
        assertThat(s.medianSteps()).isEqualTo(20);
        assertThat(s.minSteps()).isEqualTo(5);
        assertThat(s.maxSteps()).isEqualTo(1000);
        assertThat(s.converged()).isEqualTo(2);
        assertThat(s.diverged()).isEqualTo(1);
        assertThat(s.runs()).isEqualTo(5);
        assertThat(s.usable()).isTrue();

        TuningScore most = TuningScore.of(List.of(converged(40, 0, 1e-17), converged(20, 0, 3e-17), converged(30, 0, 2e-17)),
                BOWL);
        assertThat(most.medianStepsToConverge()).isEqualTo(30);
        assertThat(most.medianLoss()).isEqualTo(2e-17);
    }

    @Test
    void fewerDivergedRunsWinThenFewerStepsThenLowerLoss() {
        TuningScore fastButOneDiverged = TuningScore.of(List.of(converged(10, 0, 0), converged(10, 0, 0), diverged(3)), BOWL);
        TuningScore slow = TuningScore.of(List.of(converged(90, 0, 0), converged(90, 0, 0), converged(90, 0, 0)), BOWL);
        TuningScore slower = TuningScore.of(List.of(converged(95, 0, 0), converged(95, 0, 0), converged(95, 0, 0)), BOWL);
        TuningScore stuckLow = TuningScore.of(List.of(unconverged(1000, 0.1), unconverged(1000, 0.1), unconverged(1000, 0.1)),
                BOWL);
        TuningScore stuckHigh = TuningScore.of(List.of(unconverged(1000, 0.2), unconverged(1000, 0.2), unconverged(1000, 0.2)),
                BOWL);
        assertThat(List.of(stuckHigh, fastButOneDiverged, slower, stuckLow, slow).stream()
                .sorted(TuningScore.BETTER_FIRST).toList())
                .containsExactly(slow, slower, stuckLow, stuckHigh, fastButOneDiverged);
    }

    @Test
    void mostRunsDivergedIsNotUsableAndLeavingTheDomainCountsAsDiverged() {
        Outcome leftDomain = new Outcome(new StopReason.LeftDomain(), 4, 1, 1, Double.NaN);
        TuningScore s = TuningScore.of(List.of(diverged(3), leftDomain, converged(10, 0, 0)), BOWL);
        assertThat(s.diverged()).isEqualTo(2);
        assertThat(s.usable()).isFalse();
    }

    @Test
    void anEvenNumberOfRunsHasNoOneMedianAndIsRefused() {
        assertThatThrownBy(() -> TuningScore.of(List.of(converged(1, 0, 0), converged(2, 0, 0)), BOWL))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
