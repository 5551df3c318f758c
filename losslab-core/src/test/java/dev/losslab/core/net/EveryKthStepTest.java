package dev.losslab.core.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EveryKthStepTest {

    @Test
    void samplesTheMultiplesOfKAndTheLastStep() {
        assertThat(IntStream.rangeClosed(0, 10).filter(s -> EveryKthStep.includes(s, 3, 10))).containsExactly(0, 3, 6, 9, 10);
        assertThat(IntStream.rangeClosed(0, 10).filter(s -> EveryKthStep.includes(s, 5, 10))).containsExactly(0, 5, 10);
        assertThat(IntStream.rangeClosed(0, 4).filter(s -> EveryKthStep.includes(s, 10, 4))).containsExactly(0, 4);
    }

    @Test
    void countsWhatItSamples() {
        for (int steps = 0; steps <= 40; steps++) {
            for (int k = 1; k <= 12; k++) {
                int n = steps;
                int kk = k;
                long sampled = IntStream.rangeClosed(0, n).filter(s -> EveryKthStep.includes(s, kk, n)).count();
                assertThat(EveryKthStep.count(n, k)).as("%d steps every %d", n, k).isEqualTo((int) sampled);
            }
        }
    }
}
