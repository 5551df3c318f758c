package dev.losslab.core.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.run.Internals;
import dev.losslab.core.run.Recording;
import dev.losslab.core.run.Run;
import dev.losslab.core.run.RunBuilder;
import dev.losslab.core.run.StopReason;
import org.junit.jupiter.api.Test;

/**
 * What torch's fixtures ({@link TorchFixtureTest}, {@link ShapesTest}) do not show of lbfgs: how its
 * two no-progress returns end a run, its step-mode internals worked by hand, and its memory limit.
 */
class LbfgsTest {

    private static RunBuilder bowl() {
        return RunBuilder.on("bowl").optimizer("lbfgs").tolerance(0);
    }

    @Test
    void theFirstIterationIsAScaledGradientStep() {
        // Bowl f = x²/2 + 5y² from (−3.5, 2.5): g₀ = (−3.5, 25), Σ|g₀| = 28.5, so d = −g₀ and
        // t = min(1, 1/28.5)·lr. One iteration per step (max-iter 1) moves once, evaluating nothing
        // past the engine's own (torch skips the closure on the last iteration).
        Run run = bowl().set("max-iter", 1).start(-3.5, 2.5).steps(1).recording(Recording.INTERNALS).run();
        double t = 1 / 28.5;
        assertThat(run.last().x()).isEqualTo(Math.fma(t, 3.5, -3.5));
        assertThat(run.last().y()).isEqualTo(Math.fma(t, -25, 2.5));
        Internals in = run.trajectory().internals();
        assertThat(in.names()).containsExactly("direction", "stepSize");
        assertThat(in.x("direction", 1)).isEqualTo(3.5);
        assertThat(in.y("direction", 1)).isEqualTo(-25);
        assertThat(in.x("stepSize", 1)).isEqualTo(t);
        assertThat(in.y("stepSize", 1)).isEqualTo(t);
        assertThat(run.last().functionEvaluations()).isEqualTo(2);
        assertThat(run.last().gradientEvaluations()).isEqualTo(2);
    }

    @Test
    void aStepThatCannotMoveEndsTheRunAsConvergedByTheGradientTest() {
        Run run = bowl().start(0, 0).run();
        assertThat(run.steps()).isZero();
        StopReason.Converged c = (StopReason.Converged) run.stopReason();
        assertThat(c.measure()).isZero();
        assertThat(c.tolerance()).isEqualTo(1e-7);
        assertThat(c.explanation()).startsWith("the largest gradient component 0.0 fell to tolerance-grad = 1.0E-7");
        // A looser tolerance-grad ends it at once from anywhere the gradient is that small.
        Run loose = bowl().set("tolerance-grad", 25).start(-3.5, 2.5).run();
        assertThat(loose.steps()).isZero();
        assertThat(((StopReason.Converged) loose.stopReason()).measure()).isEqualTo(25);
    }

    @Test
    void aStepThatCannotMoveEndsTheRunAsConvergedByTheSlopeTest() {
        // torch's own run (fixture lbfgs--quadratic at lr 1 ends alike): one step to within 2e-6 of
        // the minimum, where g·d > −1e-9 while max|g| is still above 1e-7.
        Run run = bowl().start(-3.5, 2.5).run();
        assertThat(run.steps()).isEqualTo(1);
        assertThat(Math.max(Math.abs(run.last().gradientX()), Math.abs(run.last().gradientY()))).isGreaterThan(1e-7);
        StopReason.Converged c = (StopReason.Converged) run.stopReason();
        assertThat(c.tolerance()).isEqualTo(1e-9);
        assertThat(c.measure()).isPositive().isLessThan(1e-9);
        assertThat(c.explanation()).startsWith("the slope −∇f·d = ").contains("tolerance-change = 1.0E-9");
        // The engine's own test still comes first when it is met first.
        assertThat(bowl().tolerance(1e-3).start(-3.5, 2.5).run().stopReason().explanation()).startsWith("gradient norm ");
    }

    @Test
    void noiseReachesTheFirstGradientOfEachStepAndRunsStayReproducible() {
        RunBuilder noisy = RunBuilder.on("himmelblau").optimizer("lbfgs").set("lr", 0.5).noise(1).seed(3).steps(5);
        Run a = noisy.run();
        Run b = RunBuilder.on("himmelblau").optimizer("lbfgs").set("lr", 0.5).noise(1).seed(3).steps(5).run();
        Run exact = RunBuilder.on("himmelblau").optimizer("lbfgs").set("lr", 0.5).steps(5).run();
        assertThat(a.last()).isEqualTo(b.last());
        assertThat(a.trajectory().point(1)).isNotEqualTo(exact.trajectory().point(1));
    }

    @Test
    void refusesAHistoryTooLargeToHold() {
        Lbfgs lbfgs = new Lbfgs(20, 0, 1e-7, 1e-9, 100, Lbfgs.LineSearch.NONE);
        assertThat(lbfgs.newStepper(100_000, 1)).isNotNull();
        assertThatThrownBy(() -> lbfgs.newStepper(100_001, 1))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("lbfgs keeps history-size × dimension values of s and of y per point: 100 × 100001 = 10000100"
                        + " is more than 10000000; lower history-size")
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("history-size");
        assertThatThrownBy(() -> lbfgs.newStepper(2, 50_001))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("lbfgs keeps history-size × dimension values of s and of y per point: 100 × 2 × 50001 points"
                        + " = 10000200 is more than 10000000; lower history-size or run fewer points");
        assertThatThrownBy(() -> RunBuilder.on("bowl").optimizer("lbfgs").set("history-size", 5_000_001).spec())
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("history-size must be in [1, 100000]");
    }
}
