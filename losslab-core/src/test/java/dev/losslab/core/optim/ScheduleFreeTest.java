package dev.losslab.core.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.losslab.core.optim.ReferenceCases.Case;
import dev.losslab.core.run.Internals;
import dev.losslab.core.run.Recording;
import dev.losslab.core.run.RunBuilder;
import dev.losslab.core.run.Trajectory;
import org.junit.jupiter.api.Test;

/**
 * The schedule-free rules' averaging and warm-up, worked by hand, and where optax's warm-up departs
 * from the authors' (the trajectories themselves are in {@link OptaxCasesTest}).
 */
class ScheduleFreeTest {

    /**
     * optax 0.2.8's first warm-up step reads the warm-up at count 0 for z, so its first update moves
     * nothing (the optax file's row 1 is the start); the authors' reads it at step 1, lr/W: on the
     * bowl 0.5·x² + 5·y² from (3, 2), ∇f = (3, 20), lr 0.05, W = 10, z₁ = x₁ = (3, 2) − 0.005·(3, 20).
     */
    @Test
    void optaxsWarmUpMovesNothingOnTheFirstStepTheAuthorsMovesByLrOverW() {
        Case optax = ReferenceCases.read("optax-0.2.8-cases.json").stream()
                .filter(c -> c.optimizer().equals("schedule-free-sgd")).findFirst().orElseThrow();
        assertThat(optax.flags()).containsEntry("warmup-steps", 10.0).containsEntry("lr", 0.05);
        double[] first = optax.rows()[1];
        int gp = optax.gradientPointColumn();
        assertThat(new double[] {first[1], first[2], first[gp], first[gp + 1]})
                .containsExactly(new double[] {3, 2, 3, 2}, within(1e-15));

        Trajectory t = RunBuilder.on(optax.surface()).optimizer("schedule-free-sgd").learningRate(0.05)
                .set("warmup-steps", 10).start(3, 2).steps(1).run().trajectory();
        assertThat(t.x(1)).isCloseTo(3 - 0.005 * 3, within(1e-15));
        assertThat(t.y(1)).isCloseTo(2 - 0.005 * 20, within(1e-15));
    }

    /** At a constant lr with r = 0 every weight is the same, c_t = 1/t: x is the plain mean of the z's. */
    @Test
    void atAConstantLrTheReportedPointIsTheMeanOfTheZs() {
        Trajectory t = RunBuilder.on("himmelblau").optimizer("schedule-free-sgd").learningRate(0.01).start(0.5, -1)
                .steps(40).tolerance(0).recording(Recording.INTERNALS).run().trajectory();
        Internals in = t.internals();
        double sumX = 0, sumY = 0;
        for (int k = 1; k <= 40; k++) {
            sumX += in.x("z", k);
            sumY += in.y("z", k);
            assertThat(t.x(k)).as("x at %d", k).isCloseTo(sumX / k, within(1e-12));
            assertThat(t.y(k)).as("y at %d", k).isCloseTo(sumY / k, within(1e-12));
        }
    }

    /**
     * A first step at lr 0 (a schedule can give it) has weight 0 of a sum 0: c = 0, as the authors
     * catch that division, so nothing moves and the next step's weight is all of the sum.
     */
    @Test
    void aFirstStepAtLrZeroHasWeightZeroNotNaN() {
        Stepper s = new ScheduleFreeSgd(0.9, 0, 0, 0, 2).newStepper();
        double[] theta = {1, -2};
        s.step(theta, new double[] {1, -4}, 1, 0, 1, null, new boolean[1]);
        assertThat(theta).containsExactly(1, -2);
        assertThat(s.gradientPoints()).startsWith(1, -2);
        s.step(theta, new double[] {1, -4}, 1, 0.5, 2, null, new boolean[1]);
        // c₂ = 1: x₂ = z₂ = (1, −2) − 0.5·(1, −4)
        assertThat(theta).containsExactly(0.5, 0);
        assertThat(s.gradientPoints()).startsWith(0.5, 0);
    }
}
