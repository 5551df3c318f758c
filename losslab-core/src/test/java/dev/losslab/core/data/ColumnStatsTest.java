package dev.losslab.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ColumnStatsTest {

    /** 1, 2, 3, 4: mean 2.5, deviations ±0.5 and ±1.5, σ² = (0.25 + 2.25)·2/4 = 1.25. */
    @Test
    void handWorked() {
        assertThat(ColumnStats.of(new double[] {4, 1, 3, 2})).isEqualTo(new ColumnStats(1, 4, 2.5, Math.sqrt(1.25)));
        assertThat(ColumnStats.of(new double[] {7})).isEqualTo(new ColumnStats(7, 7, 7, 0));
    }

    /** A large mean next to a small spread: E[x²] − μ² would lose every digit here, two passes lose none. */
    @Test
    void aLargeMeanDoesNotSwallowTheSpread() {
        ColumnStats s = ColumnStats.of(new double[] {1e9 + 1, 1e9 + 2, 1e9 + 3});
        assertThat(s.mean()).isEqualTo(1e9 + 2);
        assertThat(s.sd()).isCloseTo(Math.sqrt(2.0 / 3), within(1e-15));
    }
}
