package dev.losslab.core.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.run.Run;
import dev.losslab.core.run.RunBuilder;
import dev.losslab.core.run.Trajectory;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One-cycle and cyclic schedules set μ or β₁ before each update as PyTorch's schedulers do (the
 * torch fixtures replay them for SGD, RMSProp and Adam; these pin the values by hand, the Adam
 * family under cyclic, which torch 1.13 cannot show, and the refusals).
 */
class MomentumCyclingTest {

    @Test
    void oneCycleLrAndMomentumAtThePhaseEndsWorkedByHand() {
        // T = 10, pct 0.3: phases end at 0.3·10 − 1 = 2 and 9; η₀ = 1/25, η_min = η₀/1e4.
        Schedule s = Schedules.create("one-cycle", Map.of("total-steps", 10.0), 10);
        assertThat(s.learningRate(1, 0)).isCloseTo(1 / 25.0, within(1e-16));
        assertThat(s.learningRate(1, 2)).isCloseTo(1, within(1e-15));
        assertThat(s.learningRate(1, 9)).isCloseTo(1 / 25.0 / 1e4, within(1e-18));
        assertThat(s.momentum(0)).isCloseTo(0.95, within(1e-15));
        assertThat(s.momentum(2)).isCloseTo(0.85, within(1e-15));
        assertThat(s.momentum(9)).isCloseTo(0.95, within(1e-15));
        // Linear: halfway up the first phase, halfway between η₀ and η_max.
        Schedule linear = Schedules.create("one-cycle", Map.of("total-steps", 10.0, "anneal-strategy", "linear",
                "max-lr", 2.0), 10);
        assertThat(linear.learningRate(1, 1)).isCloseTo((2 - 2 / 25.0) * 0.5 + 2 / 25.0, within(1e-15));
    }

    @Test
    void cyclicMomentumFallsAsLrRisesWorkedByHand() {
        Schedule s = Schedules.create("cyclic", Map.of("step-size-up", 4.0, "max-lr", 0.4), 100);
        double[] lr = {0.1, 0.175, 0.25, 0.325, 0.4, 0.325, 0.25, 0.175, 0.1};
        double[] mu = {0.9, 0.875, 0.85, 0.825, 0.8, 0.825, 0.85, 0.875, 0.9};
        for (int k = 0; k < lr.length; k++) {
            assertThat(s.learningRate(1, k)).as("lr at %d", k).isCloseTo(lr[k], within(1e-15));
            assertThat(s.momentum(k)).as("momentum at %d", k).isCloseTo(mu[k], within(1e-15));
        }
    }

    /** Adam under cyclic: each update uses that step's β₁, in m and in the bias correction 1 − β₁ᵗ. */
    @Test
    void adamUnderCyclicUsesEachStepsBeta1AsTorch2Does() {
        Run run = RunBuilder.on("himmelblau").optimizer("adam").learningRate(0.2).start(0.5, -1)
                .schedule("cyclic", Map.of("step-size-up", 3.0, "base-momentum", 0.5, "max-momentum", 0.9))
                .steps(12).tolerance(0).run();
        Schedule schedule = run.spec().schedule();
        // A plain scalar Adam (PyTorch's rule, Algorithm 1 with ε after the corrected root) on Himmelblau.
        double[] theta = {0.5, -1};
        double[] m = new double[2];
        double[] v = new double[2];
        for (int t = 1; t <= 12; t++) {
            double lr = schedule.learningRate(0.2, t - 1);
            double b1 = schedule.momentum(t - 1);
            double x = theta[0], y = theta[1];
            double a = x * x + y - 11, b = x + y * y - 7;
            double[] g = {4 * x * a + 2 * b, 2 * a + 4 * y * b};
            for (int d = 0; d < 2; d++) {
                m[d] = m[d] * b1 + (1 - b1) * g[d];
                v[d] = v[d] * 0.999 + (1 - 0.999) * g[d] * g[d];
                theta[d] += -(lr / (1 - Math.pow(b1, t))) * (m[d] / (Math.sqrt(v[d]) / Math.sqrt(1 - Math.pow(0.999, t)) + 1e-8));
            }
            Trajectory.Point p = run.trajectory().point(t);
            assertThat(p.x()).as("x at %d", t).isCloseTo(theta[0], within(1e-12));
            assertThat(p.y()).as("y at %d", t).isCloseTo(theta[1], within(1e-12));
        }
    }

    /**
     * Every optimizer with a momentum μ or a β₁ lets a schedule drive it, and the driven value is
     * the one its rule reads: the run differs from the same run without cycling. The others are
     * refused.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("dev.losslab.core.optim.RegistryTest#kinds")
    void everyOptimizerWithMomentumOrBeta1CyclesItAndTheRuleReadsIt(OptimizerKind kind) {
        // Schedule-free's β weighs two points instead of decaying a buffer: no schedule cycles it
        // (ScheduleFreeStepper says why).
        boolean has = (kind.takes("momentum") || kind.takes("beta1") || kind.name().equals("gd") || kind.name().equals("sgd"))
                && !kind.name().startsWith("schedule-free");
        assertThat(kind.configure(Map.of()).cycledMomentum() != Optimizer.CycledMomentum.NONE).isEqualTo(has);
        RunBuilder cycled = RunBuilder.on("himmelblau").optimizer(kind.name()).start(0.5, -1).steps(60).tolerance(0)
                .schedule("cyclic", Map.of("step-size-up", 5.0, "base-momentum", 0.05, "max-momentum", 0.95));
        if (!has) {
            assertThatThrownBy(cycled::spec).isInstanceOf(InvalidInputException.class).hasMessageContaining("cycles momentum");
            return;
        }
        Run with = cycled.run();
        Run without = RunBuilder.on("himmelblau").optimizer(kind.name()).start(0.5, -1).steps(60).tolerance(0)
                .schedule("cyclic", Map.of("step-size-up", 5.0, "base-momentum", 0.05, "max-momentum", 0.95,
                        "no-cycle-momentum", true)).run();
        assertThat(with.last()).as("the cycled momentum changed the run").isNotEqualTo(without.last());
    }

    @Test
    void anOptimizerWithoutMomentumIsRefusedUnlessCyclingIsOff() {
        assertThatThrownBy(() -> RunBuilder.on("bowl").optimizer("adagrad").schedule("one-cycle", Map.of()).spec())
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("one-cycle cycles momentum (PyTorch's cycle_momentum), but adagrad has no momentum μ or β₁ "
                        + "that a schedule may cycle; turn it off with no-cycle-momentum, or pick an optimizer that has one");
        assertThat(RunBuilder.on("bowl").optimizer("adagrad").schedule("one-cycle", Map.of("no-cycle-momentum", true))
                .steps(20).run().steps()).isPositive();
    }

    @Test
    void oneCycleRefusesACycleShorterThanTheRunAndPhasesOfLengthZero() {
        assertThatThrownBy(() -> Schedules.create("one-cycle", Map.of("total-steps", 50.0), 100))
                .hasMessageStartingWith("one-cycle's total-steps (50) is shorter than the run's 100 steps");
        assertThatThrownBy(() -> Schedules.create("one-cycle", Map.of("total-steps", 10.0, "pct-start", 0.1), 10))
                .hasMessageContaining("makes a phase of length 0");
    }
}
