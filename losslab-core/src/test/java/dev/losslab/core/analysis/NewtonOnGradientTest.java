package dev.losslab.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.losslab.core.surface.Window;
import org.junit.jupiter.api.Test;

/** One seed at a time, where the search's behaviour depends on a particular branch. */
class NewtonOnGradientTest {

    private final NewtonOnGradient newton = new NewtonOnGradient(TestSurfaces.DOUBLE_WELL, Window.square(2), 100, 1e-12);

    @Test
    void seedWhereTheHessianIsSingularStepsByLevenbergMarquardt() {
        // 3x² − 1 = 1e-13: |det H| is below Sym2.solve's 1e-12 threshold, so Newton refuses to step.
        double x0 = Math.sqrt((1 + 1e-13) / 3);
        NewtonOnGradient.Root root = newton.solve(7, x0, 0.5);

        assertThat(root).isNotNull();
        assertThat(root.seed()).isEqualTo(7);
        assertThat(root.at().x()).isCloseTo(1, within(1e-15));
        assertThat(root.at().y()).isCloseTo(0, within(1e-15));
        assertThat(root.gradientNorm()).isLessThanOrEqualTo(1e-12);
    }

    @Test
    void seedThatWouldLeaveIsGivenUp() {
        // Far outside the window, more than half a span away: the walk starts out of bounds.
        assertThat(newton.solve(0, 9, 0)).isNull();
    }

    @Test
    void iterationsAreBounded() {
        NewtonOnGradient oneStep = new NewtonOnGradient(TestSurfaces.DOUBLE_WELL, Window.square(2), 1, 1e-12);
        assertThat(oneStep.solve(0, 1.9, 1.9)).isNull();
    }
}
