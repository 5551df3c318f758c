package dev.losslab.app.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrainWorkTest {

    /** G = min(121, ⌊√(2e8 / P)⌋), at least 21. */
    @Test
    void theFinalBoundarysGridShrinksWithTheNetwork() {
        assertThat(TrainWork.boundaryGrid(337)).as("2-16-16-1").isEqualTo(121);
        assertThat(TrainWork.boundaryGrid(13_653)).as("√(2e8 / 13,653) = 121.03").isEqualTo(121);
        assertThat(TrainWork.boundaryGrid(66_817)).as("2-256-256-1: √2993 = 54.7").isEqualTo(54);
        assertThat(TrainWork.boundaryGrid(100_000)).as("the web's largest network: √2000 = 44.7").isEqualTo(44);
        assertThat(TrainWork.boundaryGrid(1_000_000)).as("the coarsest grid").isEqualTo(21);
    }
}
