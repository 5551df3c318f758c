package dev.losslab.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The screen only ever clears what the exact rules would clear: a point it passes is one that
 * {@link Engine#pointCheck} lets go on, and a gradient it calls unconverged has hypot ≥ tol. Checked at
 * the edges, where rounding could fool a cheaper test.
 */
class StopScreenTest {

    static final double L = Runner.COORDINATE_LIMIT;
    static final double F = Runner.LOSS_LIMIT;

    static Stream<Arguments> points() {
        double nan = Double.NaN, inf = Double.POSITIVE_INFINITY;
        return Stream.of(
                point(1, 2, 3, 4, 5), point(L, -L, F, 1, 1), point(Math.nextUp(L), 0, 0, 1, 1),
                point(0, -Math.nextUp(L), 0, 1, 1), point(0, 0, Math.nextUp(F), 1, 1), point(0, 0, -Math.nextUp(F), 1, 1),
                point(0, 0, -F, 1, 1), point(nan, 0, 0, 1, 1), point(0, inf, 0, 1, 1), point(0, 0, nan, 1, 1),
                point(0, 0, inf, 1, 1), point(0, 0, 0, nan, 1), point(0, 0, 0, 1, -inf), point(0, 0, 0, 1e200, 1e200),
                point(Math.nextDown(L), Math.nextDown(L), Math.nextDown(F), Double.MAX_VALUE, 0), point(0, 0, 0, 0, 0),
                point(1e-320, -1e-320, 1e-320, 1e-320, 0));
    }

    static Arguments point(double x, double y, double f, double gx, double gy) {
        return Arguments.of(x, y, f, gx, gy);
    }

    @ParameterizedTest
    @MethodSource("points")
    void aPointTheScreenClearsIsOneThePointCheckLetsGoOn(double x, double y, double f, double gx, double gy) {
        StopScreen screen = new StopScreen(1e-8);
        // The point alone, and among two harmless neighbours (the screen reduces over the batch).
        boolean alone = screen.allFine(new double[] {x, y}, new double[] {f}, new double[] {gx, gy}, 1, 2);
        boolean amongOthers = screen.allFine(new double[] {1, x, 2, 1, y, 2}, new double[] {1, f, 1},
                new double[] {1, gx, 1, 1, gy, 1}, 3, 2);
        boolean fine = Engine.pointCheck(new double[] {x, y}, 1, 0, 2, f, new double[] {gx, gy}) == null;
        if (alone || amongOthers) {
            assertThat(fine).as("cleared, so the exact check must pass").isTrue();
        }
        if (fine && Math.abs(gx) < 1e150 && Math.abs(gy) < 1e150) {
            assertThat(alone).as("a fine point with a modest gradient is cleared").isTrue();
        }
    }

    static Stream<Arguments> gradients() {
        double t = 1e-8;
        return Stream.of(
                grad(t, 0, t), grad(Math.nextDown(t), 0, t), grad(0, Math.nextUp(t), t),
                grad(t / Math.sqrt(2), t / Math.sqrt(2), t), grad(Math.nextDown(t / Math.sqrt(2)), t / Math.sqrt(2), t),
                grad(1e-320, 0, 1e-300), grad(3e-9, 4e-9, 5e-9), grad(3e-9, Math.nextDown(4e-9), 5e-9),
                grad(3e-9, Math.nextUp(4e-9), 5e-9), grad(1e200, 1e200, 1e-8), grad(Double.NaN, 0, 1),
                grad(1e-160, 1e-160, 1e-155), grad(1e-160, 0, 1e-160), grad(3e160, 4e160, 5e160), grad(3e140, 4e140, 5e140));
    }

    static Arguments grad(double gx, double gy, double tol) {
        return Arguments.of(gx, gy, tol);
    }

    @ParameterizedTest
    @MethodSource("gradients")
    void aGradientTheScreenCallsUnconvergedIsAtLeastTol(double gx, double gy, double tol) {
        StopScreen screen = new StopScreen(tol);
        screen.allFine(new double[] {0, 0}, new double[] {0}, new double[] {gx, gy}, 1, 2);
        if (screen.noneConverged()) {
            assertThat(Math.hypot(gx, gy) < tol).as("cleared as unconverged").isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("gradients")
    void theScreenWorksInAnyDimension(double gx, double gy, double tol) {
        // One 3-D point (gx, gy, 0): the generic loop gives the 2-D loop's verdicts.
        StopScreen flat = new StopScreen(tol);
        boolean fine = flat.allFine(new double[] {0, 0, 0}, new double[] {0}, new double[] {gx, gy, 0}, 1, 3);
        StopScreen plane = new StopScreen(tol);
        assertThat(fine).isEqualTo(plane.allFine(new double[] {0, 0}, new double[] {0}, new double[] {gx, gy}, 1, 2));
        assertThat(flat.noneConverged()).isEqualTo(plane.noneConverged());
    }
}
