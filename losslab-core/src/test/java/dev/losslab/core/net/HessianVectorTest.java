package dev.losslab.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.losslab.core.data.Datasets;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exact Hessian-vector products against the gradient's central differences, symmetry, a case worked
 * by hand; and {@link Curvature} stopping part-way when cancelled.
 */
class HessianVectorTest {

    static Stream<Arguments> networks() {
        return Stream.of(Activation.values()).flatMap(a -> Stream.of(
                Arguments.of("moons", a, Loss.MSE), Arguments.of("moons", a, Loss.BCE),
                Arguments.of("iris", a, Loss.CE), Arguments.of("iris", a, Loss.MSE)));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("networks")
    void hvIsTheGradientsCentralDifferenceAlongV(String data, Activation activation, Loss loss) {
        Examples examples = Examples.of(Datasets.get(data), 40);
        Objective o = ModelKind.MLP.objective(examples, new int[] {5, 4}, activation, loss);
        int n = o.network().parameterCount();
        double[] theta = o.network().initialParameters(42);
        double[] v = new SplittableRandom(3).doubles(n, -1, 1).toArray();
        double[] hv = new double[n];
        new HessianVector(o).times(theta, v, hv);
        // (∇L(θ + h·v) − ∇L(θ − h·v))/(2h) = H·v + O(h²); h = 1e-5 leaves about 1e-9 of rounding.
        double h = 1e-5;
        double[] up = new double[n];
        double[] down = new double[n];
        o.evaluate(shifted(theta, v, h), up);
        o.evaluate(shifted(theta, v, -h), down);
        for (int p = 0; p < n; p++) {
            double numeric = (up[p] - down[p]) / (2 * h);
            assertThat(hv[p]).as("(H·v)[%d]", p).isCloseTo(numeric, within(1e-7 * Math.max(1, Math.abs(numeric))));
        }
    }

    @Test
    void theHessianIsSymmetricUHvEqualsVHu() {
        Examples examples = Examples.of(Datasets.get("iris"));
        Objective o = ModelKind.MLP.objective(examples, new int[] {6, 5}, Activation.GELU, Loss.CE);
        int n = o.network().parameterCount();
        double[] theta = o.network().initialParameters(1);
        SplittableRandom random = new SplittableRandom(9);
        double[] u = random.doubles(n, -1, 1).toArray();
        double[] v = random.doubles(n, -1, 1).toArray();
        double[] hu = new double[n];
        double[] hv = new double[n];
        HessianVector products = new HessianVector(o);
        products.times(theta, u, hu);
        products.times(theta, v, hv);
        assertThat(dot(u, hv)).isCloseTo(dot(v, hu), within(1e-13 * Math.abs(dot(u, hv))));
        assertThat(products.products()).isEqualTo(2);
    }

    @Test
    void aLinearModelsMseHessianIsTwiceTheMeanOfXxTransposed() {
        // Rows x = 1, 2 (one input plus the bias): H = (2/2)·[[Σx², Σx], [Σx, 2]] = [[5, 3], [3, 2]],
        // whatever θ, so H·(1, 0) = (5, 3) and H·(0, 1) = (3, 2).
        Examples line = new Examples("line", 2, 1, new double[] {1, 2}, new double[] {3, 5}, 0);
        Objective o = ModelKind.LINEAR.objective(line, null, Activation.TANH, null);
        HessianVector products = new HessianVector(o);
        double[] out = new double[2];
        products.times(new double[] {0.3, -7}, new double[] {1, 0}, out);
        assertThat(out).containsExactly(5, 3);
        products.times(new double[] {0.3, -7}, new double[] {0, 1}, out);
        assertThat(out).containsExactly(3, 2);
    }

    @Test
    void aCurvatureLooksAtItsCheckpointBeforeEveryProductAndEveryReflectionSoACancelStopsItPartWay() {
        Examples examples = Examples.of(Datasets.get("iris"));
        Objective o = ModelKind.MLP.objective(examples, new int[] {6}, Activation.TANH, Loss.CE);
        int n = o.network().parameterCount();
        double[] theta = o.network().initialParameters(1);
        int[] looks = {0};
        new Curvature(o, k -> looks[0]++).spectrum(theta);
        // one look per column H·eⱼ, then one per Householder reflection
        assertThat(looks[0]).isEqualTo(n + n - 2);

        int[] before = {0};
        Curvature cancelled = new Curvature(o, k -> {
            if (++before[0] > 5) {
                throw new CancellationException("cancelled");
            }
        });
        assertThatThrownBy(() -> cancelled.spectrum(theta)).isInstanceOf(CancellationException.class);
        assertThatThrownBy(() -> cancelled.top(theta, 1)).isInstanceOf(CancellationException.class);
        assertThat(before[0]).isEqualTo(7);
    }

    private static double[] shifted(double[] theta, double[] v, double h) {
        double[] out = theta.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += h * v[i];
        }
        return out;
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }
}
