package dev.losslab.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.losslab.core.surface.Sym2;
import dev.losslab.core.surface.Vec2;
import org.junit.jupiter.api.Test;

/** The least-squares surface against sums worked directly, a fit worked by hand, and finite differences. */
class LeastSquaresLineTest {

    // x̄ = 2.5, ȳ = 3.5, Σ(x − x̄)(y − ȳ) = 4, Σ(x − x̄)² = 5: w* = 0.8, b* = 3.5 − 0.8·2.5 = 1.5;
    // residuals −0.3, −0.1, 1.1, −0.7, so f* = 1.8/4 = 0.45.
    private static final double[] X = {1, 2, 3, 4};
    private static final double[] Y = {2, 3, 5, 4};
    private final LeastSquaresLine line = new LeastSquaresLine(X, Y);

    @Test
    void theBestLineIsTheOneWorkedByHand() {
        assertThat(line.bestSlope()).isCloseTo(0.8, within(1e-15));
        assertThat(line.bestIntercept()).isCloseTo(1.5, within(1e-15));
        assertThat(line.bestValue()).isCloseTo(0.45, within(1e-15));
        Vec2 g = line.gradient(0.8, 1.5);
        assertThat(Math.hypot(g.x(), g.y())).isLessThan(1e-14);
    }

    @Test
    void theMomentFormEqualsTheMeanOfSquaredResiduals() {
        for (double[] p : new double[][] {{0, 0}, {-3, 7}, {0.8, 1.5}, {120, -4000}, {1e-3, 2}}) {
            double direct = 0;
            for (int i = 0; i < X.length; i++) {
                double e = p[0] * X[i] + p[1] - Y[i];
                direct += e * e;
            }
            direct /= X.length;
            assertThat(line.value(p[0], p[1])).as("f at (%s, %s)", p[0], p[1]).isCloseTo(direct, within(1e-12 * (1 + direct)));
        }
    }

    @Test
    void gradientAndHessianAreTheValuesDerivatives() {
        double h = 1e-5;
        for (double[] p : new double[][] {{0, 0}, {-3, 7}, {2.5, -1}}) {
            Vec2 g = line.gradient(p[0], p[1]);
            double gw = (line.value(p[0] + h, p[1]) - line.value(p[0] - h, p[1])) / (2 * h);
            double gb = (line.value(p[0], p[1] + h) - line.value(p[0], p[1] - h)) / (2 * h);
            assertThat(g.x()).isCloseTo(gw, within(1e-6));
            assertThat(g.y()).isCloseTo(gb, within(1e-6));
        }
        // (2/n)·XᵀX with rows (x, 1): Σx² = 30, Σx = 10, n = 4.
        Sym2 hessian = line.hessian(5, -5);
        assertThat(hessian.xx()).isCloseTo(15, within(1e-13));
        assertThat(hessian.xy()).isCloseTo(5, within(1e-13));
        assertThat(hessian.yy()).isCloseTo(2, within(1e-15));
    }

    @Test
    void aBatchOfEveryExampleGivesTheExactGradient() {
        int[] rows = {3, 1, 0, 2};
        double[] points = {-2, 0.5, 4, 1}; // two points: (−2, 4) and (0.5, 1)
        double[] batch = new double[4];
        line.batchGradient(points, 2, 0, rows, 0, 4, batch);
        line.batchGradient(points, 2, 1, rows, 0, 4, batch);
        double[] exact = new double[4];
        line.valueAndGradient(points, 2, new double[2], exact);
        for (int k = 0; k < 4; k++) {
            assertThat(batch[k]).isCloseTo(exact[k], within(1e-12));
        }
    }

    @Test
    void aBatchOfOneIsThatExamplesGradient() {
        double[] g = new double[2];
        line.batchGradient(new double[] {2, 1}, 1, 0, new int[] {0, 1, 2, 3}, 2, 1, g);
        // example 2: x = 3, y = 5; e = 2·3 + 1 − 5 = 2; ∇ = 2e·(x, 1) = (12, 4).
        assertThat(g).containsExactly(12, 4);
    }

    @Test
    void aConstantFeatureHasNoLine() {
        assertThatThrownBy(() -> new LeastSquaresLine(new double[] {2, 2, 2}, new double[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("constant");
    }
}
