package dev.losslab.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.losslab.core.surface.Sym2;
import dev.losslab.core.surface.Vec2;
import org.junit.jupiter.api.Test;

/** The logistic surface against the textbook formula, finite differences and separability worked by hand. */
class LogisticPairTest {

    private static final double[] X1 = {1, -0.5, 2, 0.3, -1.2, 0.7};
    private static final double[] X2 = {0.2, 1, -1, 0.8, -0.4, -2};
    private static final double[] Y = {1, 0, 1, 0, 1, 0};
    private final LogisticPair pair = new LogisticPair(X1, X2, Y);

    @Test
    void theValueIsTheMeanCrossEntropyOfTheSigmoid() {
        for (double[] w : new double[][] {{0, 0}, {0.5, -1}, {-3, 2}}) {
            double direct = 0;
            for (int i = 0; i < Y.length; i++) {
                double p = 1 / (1 + Math.exp(-(w[0] * X1[i] + w[1] * X2[i])));
                direct -= Y[i] * Math.log(p) + (1 - Y[i]) * Math.log(1 - p);
            }
            assertThat(pair.value(w[0], w[1])).isCloseTo(direct / Y.length, within(1e-14));
        }
        assertThat(pair.value(0, 0)).isCloseTo(Math.log(2), within(1e-15));
    }

    @Test
    void gradientAndHessianAreTheValuesDerivatives() {
        double h = 1e-5;
        for (double[] w : new double[][] {{0, 0}, {0.5, -1}, {-3, 2}}) {
            Vec2 g = pair.gradient(w[0], w[1]);
            assertThat(g.x()).isCloseTo((pair.value(w[0] + h, w[1]) - pair.value(w[0] - h, w[1])) / (2 * h), within(1e-8));
            assertThat(g.y()).isCloseTo((pair.value(w[0], w[1] + h) - pair.value(w[0], w[1] - h)) / (2 * h), within(1e-8));
            Sym2 hess = pair.hessian(w[0], w[1]);
            Vec2 gx = pair.gradient(w[0] + h, w[1]);
            Vec2 gxm = pair.gradient(w[0] - h, w[1]);
            Vec2 gy = pair.gradient(w[0], w[1] + h);
            Vec2 gym = pair.gradient(w[0], w[1] - h);
            assertThat(hess.xx()).isCloseTo((gx.x() - gxm.x()) / (2 * h), within(1e-8));
            assertThat(hess.xy()).isCloseTo((gy.x() - gym.x()) / (2 * h), within(1e-8));
            assertThat(hess.yy()).isCloseTo((gy.y() - gym.y()) / (2 * h), within(1e-8));
        }
    }

    @Test
    void hugeWeightsStayFinite() {
        double f = pair.value(1e5, -1e5);
        Vec2 g = pair.gradient(1e5, -1e5);
        assertThat(f).isFinite().isPositive();
        assertThat(g.x()).isFinite();
        assertThat(pair.hessian(1e5, -1e5).isFinite()).isTrue();
    }

    @Test
    void separabilityThroughTheOrigin() {
        // y = 1 exactly where x1 > 0: w = (1, 0) separates.
        assertThat(new LogisticPair(new double[] {1, 2, -1, -3}, new double[] {5, -5, 4, -4}, new double[] {1, 1, 0, 0})
                .separable()).isTrue();
        // the same points with one label flipped: (2, −5) is class 0 but on class 1's side... and no other line
        // through the origin separates (the four signed vectors span more than a half-plane).
        assertThat(new LogisticPair(new double[] {1, 2, -1, -3}, new double[] {5, -5, 4, -4}, new double[] {1, 0, 0, 0})
                .separable()).isFalse();
        assertThat(pair.separable()).isFalse();
    }

    @Test
    void aBatchOfEveryExampleGivesTheExactGradient() {
        int[] rows = {5, 4, 3, 2, 1, 0};
        double[] g = new double[2];
        pair.batchGradient(new double[] {0.5, -1}, 1, 0, rows, 0, 6, g);
        Vec2 exact = pair.gradient(0.5, -1);
        assertThat(g[0]).isCloseTo(exact.x(), within(1e-15));
        assertThat(g[1]).isCloseTo(exact.y(), within(1e-15));
    }
}
