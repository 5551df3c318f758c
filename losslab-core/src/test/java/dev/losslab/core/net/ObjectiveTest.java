package dev.losslab.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.data.Datasets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The network's loss and its backpropagated gradient, against hand-worked values and finite differences. */
class ObjectiveTest {

    /** Two rows, one input, real labels: x = (1, 2), y = (3, 5). */
    private static Examples line() {
        return new Examples("line", 2, 1, new double[] {1, 2}, new double[] {3, 5}, 0);
    }

    @Test
    void aLinearModelsMseAndGradientAreWorkedByHand() {
        Objective o = ModelKind.LINEAR.objective(line(), null, Activation.TANH, null);
        assertThat(o.network().shape()).isEqualTo("1-1");
        assertThat(o.network().stateDictKeys()).containsExactly("0.weight", "0.bias");
        // w = 2, b = 0.5: z = (2.5, 4.5), residuals (−0.5, −0.5), L = (0.25 + 0.25)/2 = 0.25;
        // ∂L/∂w = Σ 2r·x / 2 = (−1·1 − 1·2)/2 = −1.5, ∂L/∂b = (−1 − 1)/2 = −1.
        double[] g = new double[2];
        assertThat(o.evaluate(new double[] {2, 0.5}, g)).isEqualTo(0.25);
        assertThat(g).containsExactly(-1.5, -1.0);
    }

    @Test
    void bceAndCrossEntropyAreWorkedByHand() {
        // One row, z = 0 for BCE: log 2 whatever the label; ∂/∂z = σ(0) − y = −½ for y = 1.
        Examples one = new Examples("one", 1, 1, new double[] {0}, new double[] {1}, 2);
        Objective bce = ModelKind.LOGISTIC.objective(one, null, Activation.TANH, null);
        assertThat(bce.loss()).isEqualTo(Loss.BCE);
        double[] g = new double[2];
        assertThat(bce.evaluate(new double[] {7, 0}, g)).isCloseTo(Math.log(2), within(1e-16));
        assertThat(g[1]).isEqualTo(-0.5);
        // Three classes, all logits equal: log 3, and ∂/∂b = softmax − onehot = (⅓, ⅓ − 1, ⅓) for class 1.
        Examples three = new Examples("three", 1, 1, new double[] {0}, new double[] {1}, 3);
        Objective ce = ModelKind.LOGISTIC.objective(three, null, Activation.TANH, null);
        assertThat(ce.loss()).isEqualTo(Loss.CE);
        double[] h = new double[6];
        assertThat(ce.evaluate(new double[] {1, 2, 3, 4, 4, 4}, h)).isCloseTo(Math.log(3), within(1e-15));
        assertThat(h[3]).isCloseTo(1.0 / 3, within(1e-16));
        assertThat(h[4]).isCloseTo(-2.0 / 3, within(1e-16));
        assertThat(h[5]).isCloseTo(1.0 / 3, within(1e-16));
    }

    static Stream<Arguments> networks() {
        return Stream.of(Activation.values()).flatMap(a -> Stream.of(
                Arguments.of("moons", a, Loss.MSE), Arguments.of("moons", a, Loss.BCE),
                Arguments.of("iris", a, Loss.CE), Arguments.of("iris", a, Loss.MSE)));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("networks")
    void theGradientIsTheLossesCentralDifference(String data, Activation activation, Loss loss) {
        Examples examples = Examples.of(Datasets.get(data), 40);
        Objective o = ModelKind.MLP.objective(examples, new int[] {5, 4}, activation, loss);
        double[] theta = o.network().initialParameters(42);
        double[] g = new double[theta.length];
        o.evaluate(theta, g);
        // Central differences: error h²·f'''/6 plus rounding ε·f/h; h = 1e-5 leaves about 1e-10.
        double h = 1e-5;
        for (int p = 0; p < theta.length; p++) {
            double keep = theta[p];
            theta[p] = keep + h;
            double up = o.evaluate(theta, null);
            theta[p] = keep - h;
            double down = o.evaluate(theta, null);
            theta[p] = keep;
            double numeric = (up - down) / (2 * h);
            assertThat(g[p]).as("∂L/∂θ[%d]", p).isCloseTo(numeric, within(1e-8 * Math.max(1, Math.abs(numeric))));
        }
    }

    @Test
    void theDefaultInitIsTorchsSchemeWithinItsBounds() {
        Network n = new Network(new int[] {4, 16, 3}, Activation.RELU);
        assertThat(n.parameterCount()).isEqualTo(4 * 16 + 16 + 16 * 3 + 3);
        double[] theta = n.initialParameters(7);
        assertThat(theta).isEqualTo(n.initialParameters(7)).isNotEqualTo(n.initialParameters(8));
        double max0 = 0;
        double max1 = 0;
        for (int p = 0; p < 80; p++) {
            max0 = Math.max(max0, Math.abs(theta[p]));
        }
        for (int p = 80; p < theta.length; p++) {
            max1 = Math.max(max1, Math.abs(theta[p]));
        }
        // Bound 1/√fan_in: ½ for the first layer (4 inputs), ¼ for the second (16); 80 and 51 draws
        // come near the bound.
        assertThat(max0).isLessThan(0.5).isGreaterThan(0.45);
        assertThat(max1).isLessThan(0.25).isGreaterThan(0.2);
    }

    @Test
    void aStateDictRoundTripsAndItsMistakesAreNamed() {
        Network n = new Network(new int[] {2, 3, 1}, Activation.TANH);
        double[] theta = new SplittableRandom(1).doubles(n.parameterCount()).toArray();
        Map<String, Object> dict = n.stateDict(theta);
        assertThat(dict.keySet()).containsExactly("0.weight", "0.bias", "2.weight", "2.bias");
        assertThat(n.parametersFrom(dict, "init")).isEqualTo(theta);
        // "0.weight" is [[θ0, θ1], [θ2, θ3], [θ4, θ5]]: row-major [out][in].
        assertThat(((List<?>) dict.get("0.weight")).get(1)).isEqualTo(List.of(theta[2], theta[3]));

        Map<String, Object> extra = new java.util.LinkedHashMap<>(dict);
        extra.put("4.weight", List.of());
        assertThatThrownBy(() -> n.parametersFrom(extra, "init")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("\"4.weight\"").hasMessageContaining("2-3-1");
        Map<String, Object> missing = new java.util.LinkedHashMap<>(dict);
        missing.remove("2.bias");
        assertThatThrownBy(() -> n.parametersFrom(missing, "init")).hasMessageContaining("lacks \"2.bias\"");
        Map<String, Object> shape = new java.util.LinkedHashMap<>(dict);
        shape.put("0.weight", List.of(List.of(1.0, 2.0)));
        assertThatThrownBy(() -> n.parametersFrom(shape, "init")).hasMessageContaining("\"0.weight\" must be a list of 3 entries, got 1");
    }

    @Test
    void modelsRefuseLossesTheirLabelsCannotTake() {
        Examples iris = Examples.of(Datasets.get("iris"));
        Examples diabetes = Examples.of(Datasets.get("diabetes"));
        assertThatThrownBy(() -> ModelKind.MLP.objective(iris, null, Activation.TANH, Loss.BCE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("bce needs labels of two classes; iris has 3 classes");
        assertThatThrownBy(() -> ModelKind.LOGISTIC.objective(diabetes, null, Activation.TANH, null))
                .hasMessageContaining("logistic needs class labels");
        assertThatThrownBy(() -> ModelKind.LINEAR.objective(iris, new int[] {4}, Activation.TANH, null))
                .hasMessageContaining("--hidden is for --model mlp");
        assertThat(ModelKind.MLP.objective(iris, null, Activation.TANH, null).network().shape()).isEqualTo("4-16-16-3");
        assertThat(ModelKind.MLP.objective(iris, null, Activation.TANH, Loss.MSE).network().outputs()).isEqualTo(3);
        assertThat(ModelKind.LINEAR.objective(diabetes, null, Activation.TANH, null).network().shape()).isEqualTo("10-1");
    }

    static Stream<Arguments> blockedCases() {
        // digits: 64 inputs, 10 classes; 300 rows are two blocks of 128 and one of 44. Widths 7 and 5
        // leave remainders after the groups of four; moons has 2 inputs, fewer than a group.
        return Stream.of(Activation.values()).flatMap(a -> Stream.of(
                Arguments.of("digits", 300, new int[] {7, 5}, a, Loss.CE),
                Arguments.of("digits", 300, new int[] {9}, a, Loss.MSE),
                Arguments.of("moons", 200, new int[] {16, 16}, a, Loss.BCE),
                Arguments.of("moons", 3, new int[] {6}, a, Loss.MSE)));
    }

    /**
     * The blocked, layer-at-a-time evaluation against the row-by-row formulas of {@link Objective}'s
     * documentation, written here plainly (separate multiplies and adds, Math.exp in the loss):
     * loss and every component of the gradient within a few ulps per term summed, over every row and
     * over a shuffled subset of rows; the count of rows classified right exactly. The blocked pass
     * sums in another order (fused multiply-adds, groups of four, e^x by {@link Exp}), so it cannot be
     * equal to the bit; a slip of one index or one term would be off by far more than this bound
     * (each term is at least ~1e-4 of the magnitudes here, the bound ~1e-12).
     */
    @ParameterizedTest(name = "{0} {1} rows {2} {3} {4}")
    @MethodSource("blockedCases")
    void theBlockedPassAgreesWithTheRowByRowFormulas(String data, int rows, int[] hidden, Activation activation, Loss loss) {
        Examples examples = Examples.of(Datasets.get(data), rows);
        Objective o = ModelKind.MLP.objective(examples, hidden, activation, loss);
        double[] theta = o.network().initialParameters(11);
        int[] all = new int[rows];
        for (int r = 0; r < rows; r++) {
            all[r] = r;
        }
        int[] subset = new SplittableRandom(5).ints(rows + 40, 0, rows).toArray(); // with repeats, as a listed batch may have
        for (int[] picked : new int[][] {null, subset}) {
            int from = picked == null ? 0 : 7;
            int count = picked == null ? rows : rows + 33;
            int[] indices = picked == null ? all : picked;
            double[] g = new double[theta.length];
            double[] expectedGradient = new double[theta.length];
            double[] magnitude = new double[theta.length + 1];
            int[] expectedCorrect = new int[1];
            double expected = rowByRow(o, theta, indices, from, count, expectedGradient, magnitude, expectedCorrect);
            // Summing m terms in any order is off by at most about m·ε·Σ|term|; the terms themselves
            // carry the forward pass's rounding, a few ε per layer of width w. Bound: 4·ε·(m + Σw)·Σ|term|.
            int widths = Arrays.stream(hidden).sum() + o.network().inputs() + o.network().outputs();
            double perMagnitude = 4 * Math.ulp(1.0) * (count + widths);
            double actual = o.evaluate(theta, picked, from, count, g);
            assertThat(actual).isCloseTo(expected, within(perMagnitude * magnitude[theta.length]));
            for (int p = 0; p < theta.length; p++) {
                assertThat(g[p]).as("∂L/∂θ[%d]", p).isCloseTo(expectedGradient[p], within(perMagnitude * magnitude[p]));
            }
            assertThat(o.correct()).isEqualTo(expectedCorrect[0]);
            assertThat(o.evaluate(theta, picked, from, count, null)).isEqualTo(actual);
        }
    }

    /**
     * Every sum runs over the rows in order whatever the blocks, so the block size changes nothing,
     * to the bit: rows one at a time, in blocks of 3, 4 and 5 (remainders after the groups of four)
     * and the default. And a listed batch gives what the same rows give as examples of their own.
     */
    @ParameterizedTest(name = "{0} {1} rows {2} {3} {4}")
    @MethodSource("blockedCases")
    void theBlockSizeAndTheBatchsFormChangeNoBit(String data, int rows, int[] hidden, Activation activation, Loss loss) {
        Examples examples = Examples.of(Datasets.get(data), rows);
        Objective o = ModelKind.MLP.objective(examples, hidden, activation, loss);
        double[] theta = o.network().initialParameters(12);
        double[] g = new double[theta.length];
        double expected = o.evaluate(theta, g);
        int correct = o.correct();
        for (int block : new int[] {1, 3, 4, 5}) {
            Objective blocked = new Objective(o.network(), loss, examples, block);
            assertThat(blocked.rowsPerBlock()).isEqualTo(Math.min(block, rows));
            double[] h = new double[theta.length];
            assertThat(blocked.evaluate(theta, h)).as("blocks of %d", block).isEqualTo(expected);
            assertThat(h).as("blocks of %d", block).isEqualTo(g);
            assertThat(blocked.correct()).isEqualTo(correct);
        }

        int[] picked = new SplittableRandom(6).ints(rows + 40, 0, rows).toArray();
        int count = picked.length - 9;
        double[] x = new double[count * examples.inputs()];
        double[] labels = new double[count];
        for (int i = 0; i < count; i++) {
            int row = picked[9 + i];
            System.arraycopy(examples.x(), row * examples.inputs(), x, i * examples.inputs(), examples.inputs());
            labels[i] = examples.labels()[row];
        }
        Objective own = new Objective(o.network(), loss, new Examples("picked", count, examples.inputs(), x, labels,
                examples.classes()));
        double[] fromOwn = new double[theta.length];
        double[] fromListed = new double[theta.length];
        assertThat(o.evaluate(theta, picked, 9, count, fromListed)).isEqualTo(own.evaluate(theta, fromOwn));
        assertThat(fromListed).isEqualTo(fromOwn);
        assertThat(o.correct()).isEqualTo(own.correct());
    }

    /**
     * The loss and gradient row by row, exactly as the formulas read; and into {@code magnitude}
     * (the loss's last) the size of the terms each is a sum of, by the same formulas on absolute
     * values.
     */
    private static double rowByRow(Objective o, double[] theta, int[] rows, int from, int count, double[] gradient,
                                   double[] magnitude, int[] correct) {
        Network net = o.network();
        int layers = net.layers();
        int outputs = net.outputs();
        Examples ex = o.examples();
        double scale = 1 / o.loss().denominator(count, outputs);
        double sum = 0;
        for (int i = 0; i < count; i++) {
            int row = rows[from + i];
            double[][] a = new double[layers + 1][];
            double[][] z = new double[layers + 1][];
            a[0] = Arrays.copyOfRange(ex.x(), row * net.inputs(), (row + 1) * net.inputs());
            for (int l = 0; l < layers; l++) {
                int in = net.width(l);
                int out = net.width(l + 1);
                z[l + 1] = new double[out];
                a[l + 1] = new double[out];
                for (int u = 0; u < out; u++) {
                    double s = 0;
                    for (int j = 0; j < in; j++) {
                        s += theta[net.weightOffset(l) + u * in + j] * a[l][j];
                    }
                    z[l + 1][u] = s + theta[net.biasOffset(l) + u];
                    a[l + 1][u] = net.activation().apply(z[l + 1][u]);
                }
            }
            double[] delta = new double[outputs];
            double rowLoss = o.loss().row(z[layers], 0, outputs, ex.labels()[row], delta);
            sum += rowLoss;
            magnitude[theta.length] += Math.abs(rowLoss) * scale;
            if (ex.classification() && o.loss().correct(z[layers], 0, outputs, ex.labels()[row])) {
                correct[0]++;
            }
            // The size of what each δ is a difference of (softmax and one-hot, σ and y, z and a target
            // in [0, 1]): |δ| + 4 bounds it, so that a δ that cancels to near 0 still gets its rounding's room.
            double[] size = new double[outputs];
            for (int k = 0; k < outputs; k++) {
                size[k] = (Math.abs(delta[k]) + 4) * scale;
                delta[k] *= scale;
            }
            for (int l = layers - 1; l >= 0; l--) {
                int in = net.width(l);
                int out = net.width(l + 1);
                for (int u = 0; u < out; u++) {
                    for (int j = 0; j < in; j++) {
                        gradient[net.weightOffset(l) + u * in + j] += delta[u] * a[l][j];
                        magnitude[net.weightOffset(l) + u * in + j] += size[u] * Math.abs(a[l][j]);
                    }
                    gradient[net.biasOffset(l) + u] += delta[u];
                    magnitude[net.biasOffset(l) + u] += size[u];
                }
                double[] back = new double[in];
                double[] backSize = new double[in];
                for (int u = 0; u < out; u++) {
                    for (int j = 0; j < in; j++) {
                        back[j] += theta[net.weightOffset(l) + u * in + j] * delta[u];
                        backSize[j] += Math.abs(theta[net.weightOffset(l) + u * in + j]) * size[u];
                    }
                }
                for (int j = 0; j < in; j++) {
                    double derivative = l > 0 ? net.activation().derivative(z[l][j], a[l][j]) : 1; // δ₀ is not used
                    back[j] *= derivative;
                    backSize[j] *= Math.abs(derivative);
                }
                delta = back;
                size = backSize;
            }
        }
        return sum * scale;
    }
}
